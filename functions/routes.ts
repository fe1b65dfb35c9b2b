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
import { drawSampleRoute } from './http/samples-draw';
import { getSampleRoute } from './http/samples-get';
import { recordOutcomeRoute } from './http/outcomes-record';
import { createReviewRoute } from './http/reviews-create';
import { reconciliationRoute } from './http/reconciliation-get';
import { runSamplingRoute } from './http/samples-run-timer';
import { samplePopulationRoute } from './http/samples-population';
import { atsStatusRoute } from './http/ats-status';

export const ROUTES: readonly RouteDef[] = [
  healthRoute,
  getAgreementRoute,
  validateRoute,
  createSubmissionRoute,
  listSubmissionsRoute,
  getSubmissionRoute,
  putDocumentRoute,
  getDocumentRoute,
  drawSampleRoute,
  getSampleRoute,
  recordOutcomeRoute,
  createReviewRoute,
  reconciliationRoute,
  runSamplingRoute,
  samplePopulationRoute,
  atsStatusRoute,
];
