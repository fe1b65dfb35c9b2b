// POST /api/maintenance/semester-sampling — admin only: runs the `semesterSampling` timer job now
// (with the server clock), for the dev host and for catching up after an outage. Same code as the
// timer; idempotent. ("admin/…" routes are reserved by the Functions host, hence "maintenance".)
import { app } from '@azure/functions';
import { actorOf } from '../lib/auth';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import type { SamplingRun } from '../../shared/contract';
import { runSemesterSampling } from '../timers/semester-sampling';

export const runSamplingRoute = defineRoute({
  name: 'runSemesterSampling',
  methods: ['POST'],
  route: 'maintenance/semester-sampling',
  access: ['admin'],
  async handler({ principal, deps }) {
    // Same job, but the audit log names the admin who triggered it.
    const run = await runSemesterSampling(
      { storage: deps.storage, clock: deps.clock, auditKeys: deps.auditKeys, actor: actorOf(principal) },
      deps.clock(),
    );
    return answer<SamplingRun>(200, run);
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const runSemesterSamplingNow = handlerOf(runSamplingRoute);

app.http(runSamplingRoute.name, httpOptions(runSamplingRoute));
