// GET /api/agreements/{agreement}/samples/{programme}/{semester} — the drawn sample with each
// request's deadline and outcome. The PO of the programme (and an admin) sees every person; a
// partner only the requests addressed to it (persons its own rows put in the population).
import { app } from '@azure/functions';
import { hasRole } from '../lib/auth';
import { forbidden } from '../lib/http-errors';
import { isPoOf } from '../lib/po-scope';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import type { SampleView } from '../../shared/contract';
import { checkProgrammeSemester, loadSampleView } from '../lib/sample-service';
import { withPersonDetails } from '../lib/sample-person-details';
import { requireAgreement } from '../lib/submission-service';

export const getSampleRoute = defineRoute({
  name: 'getSample',
  methods: ['GET'],
  route: 'agreements/{agreement}/samples/{programme}/{semester}',
  access: ['po', 'partner', 'admin'],
  async handler({ principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    let partner: string | undefined;
    if (!isPoOf(principal, agreement.id, params.programme)) {
      if (!hasRole(principal, 'partner') || !principal.partner)
        throw forbidden('Non sei responsabile di questo programma.');
      partner = principal.partner;
    }
    checkProgrammeSemester(agreement, params.programme, params.semester);
    const view = await loadSampleView(deps.storage, agreement, params.programme, params.semester, partner);
    // The PO's cards also name the partners, the reported cost and the documents of each person.
    return answer<SampleView>(200, partner ? view : await withPersonDetails(deps.storage, agreement.id, view));
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const getSample = handlerOf(getSampleRoute);

app.http(getSampleRoute.name, httpOptions(getSampleRoute));
