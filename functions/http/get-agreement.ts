// GET /api/agreements/{agreement} — the configuration the task pane needs to validate offline.
import { app } from '@azure/functions';
import { MINISTRY_HOURLY_COSTS } from '../../shared/agreement/reference';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import type { AgreementAnswer } from '../../shared/contract';
import { requireAgreement } from '../lib/submission-service';

export const getAgreementRoute = defineRoute({
  name: 'getAgreement',
  methods: ['GET'],
  route: 'agreements/{agreement}',
  access: 'signed-in',
  async handler({ params }) {
    const agreement = requireAgreement(params.agreement);
    return answer<AgreementAnswer>(
      200,
      { ...agreement, reference: { ministryHourlyCosts: MINISTRY_HOURLY_COSTS } },
      {
        'Cache-Control': 'private, max-age=300',
      },
    );
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const getAgreement = handlerOf(getAgreementRoute);

app.http(getAgreementRoute.name, httpOptions(getAgreementRoute));
