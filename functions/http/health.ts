// GET /api/health — liveness and storage reachability; anonymous.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { clock } from '../lib/clock';
import { defineRoute, httpOptions, json } from '../lib/route';
import { getStorage } from '../lib/storage';

export const healthRoute = defineRoute({
  name: 'health',
  methods: ['GET'],
  route: 'health',
  access: 'anonymous',
  async handler({ context }) {
    try {
      await getStorage().ping();
      return json(200, { status: 'ok', storage: 'ok', time: clock().toISOString() });
    } catch (err) {
      context.warn(`health: storage unreachable (${err instanceof Error ? err.name : 'error'})`);
      return json(503, { status: 'degraded', storage: 'unreachable', time: clock().toISOString() });
    }
  },
});

export async function health(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return healthRoute.handler(request, context);
}

app.http(healthRoute.name, httpOptions(healthRoute));
