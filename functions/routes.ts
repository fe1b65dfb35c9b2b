// Every HTTP route of the API, in one table: the Functions host registers them (each file's last
// statement is its app.http call), the dev host serves buildRoutes(deps), and the auth-matrix test
// walks ROUTES.
//
// How to add a route (the pattern every file in functions/http follows):
//   1. Its request and answer schemas go in shared/contract/<resource>.ts (zod, with the inferred
//      types), and its entry (method, path, query, body, answer) in API_ROUTES of
//      shared/contract/routes.ts (test/unit/api-contract.test.ts checks both tables agree).
//      Clients parse answers with the schemas, so a field the server adds is added there too.
//   2. functions/http/<name>.ts: `export const fooRoute = defineRoute({ name, methods, route,
//      access, async handler({ request, principal, params, deps }) { … } })`. The handler only
//      parses (parseBody with the contract schema), authorises, calls a service with what it needs
//      from `deps` (deps.storage, deps.clock — never a global), and answers
//      (`answer<FooAnswer>(200, …)`). Then `export const foo = handlerOf(fooRoute);` (a test builds
//      the handler with its own deps: `foo(deps)(request, context)`) and, last,
//      `app.http(fooRoute.name, httpOptions(fooRoute));` (the host's deps, from app settings).
//   3. Add fooRoute to ROUTES below. Nothing else: the dev host, the tests and the auth matrix
//      pick it up from here.
import type { Deps } from './lib/deps';
import { bindRoute, type BoundRoute, type RouteDef } from './lib/route';
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

/** The route table joined to one set of dependencies: what the dev host and the tests serve. */
export function buildRoutes(deps: Deps, routes: readonly RouteDef[] = ROUTES): BoundRoute[] {
  return routes.map((r) => bindRoute(r, deps));
}
