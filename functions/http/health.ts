// GET /api/health — liveness and storage reachability; anonymous.
import { app } from '@azure/functions';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import type { HealthAnswer } from '../../shared/contract';

export const healthRoute = defineRoute({
  name: 'health',
  methods: ['GET'],
  route: 'health',
  access: 'anonymous',
  async handler({ context, deps }) {
    try {
      await deps.storage.ping();
      return answer<HealthAnswer>(200, { status: 'ok', storage: 'ok', time: deps.clock().toISOString() });
    } catch (err) {
      context.warn(`health: storage unreachable (${err instanceof Error ? err.name : 'error'})`);
      return answer<HealthAnswer>(503, {
        status: 'degraded',
        storage: 'unreachable',
        time: deps.clock().toISOString(),
      });
    }
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const health = handlerOf(healthRoute);

app.http(healthRoute.name, httpOptions(healthRoute));
