// POST /api/maintenance/semester-sampling — admin only: runs the `semesterSampling` timer job now
// (with the server clock), for the dev host and for catching up after an outage. Same code as the
// timer; idempotent. ("admin/…" routes are reserved by the Functions host, hence "maintenance".)
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { actorOf } from '../lib/auth';
import { clock } from '../lib/clock';
import { defineRoute, httpOptions, json } from '../lib/route';
import { getStorage } from '../lib/storage';
import { runSemesterSampling } from '../timers/semester-sampling';

export const runSamplingRoute = defineRoute({
  name: 'runSemesterSampling',
  methods: ['POST'],
  route: 'maintenance/semester-sampling',
  access: ['admin'],
  async handler({ principal }) {
    // Same job, but the audit log names the admin who triggered it.
    const run = await runSemesterSampling({ storage: getStorage(), actor: actorOf(principal) }, clock());
    return json(200, run);
  },
});

export async function runSemesterSamplingNow(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  return runSamplingRoute.handler(request, context);
}

app.http(runSamplingRoute.name, httpOptions(runSamplingRoute));
