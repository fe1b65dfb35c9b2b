// Every HTTP route of the API, in one table: the Functions host registers them (each file's last
// statement is its app.http call), the dev host serves them, and the auth-matrix test walks them.
// Other features add their route files here.
import type { RouteDef } from './lib/route';
import { healthRoute } from './http/health';
import { getAgreementRoute } from './http/get-agreement';
import { validateRoute } from './http/validate-rows';
import { createSubmissionRoute } from './http/create-submission';
import { listSubmissionsRoute } from './http/list-submissions';
import { getSubmissionRoute } from './http/get-submission';
import { putDocumentRoute } from './http/put-document';
import { getDocumentRoute } from './http/get-document';

export const ROUTES: readonly RouteDef[] = [
  healthRoute,
  getAgreementRoute,
  validateRoute,
  createSubmissionRoute,
  listSubmissionsRoute,
  getSubmissionRoute,
  putDocumentRoute,
  getDocumentRoute,
];
