// GET /api/agreements/{agreement} — the configuration the task pane needs to validate offline.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { MINISTRY_HOURLY_COSTS } from '../../shared/agreement/reference';
import { defineRoute, httpOptions, json } from '../lib/route';
import { requireAgreement } from '../lib/submission-service';

export const getAgreementRoute = defineRoute({
  name: 'getAgreement',
  methods: ['GET'],
  route: 'agreements/{agreement}',
  access: 'signed-in',
  async handler({ params }) {
    const agreement = requireAgreement(params.agreement);
    return json(
      200,
      { ...agreement, reference: { ministryHourlyCosts: MINISTRY_HOURLY_COSTS } },
      {
        'Cache-Control': 'private, max-age=300',
      },
    );
  },
});

export async function getAgreement(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return getAgreementRoute.handler(request, context);
}

app.http(getAgreementRoute.name, httpOptions(getAgreementRoute));
