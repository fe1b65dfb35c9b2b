// GET /api/agreements/{agreement}/ats-status?year=2026[&asOf=2027-02-01] — the ATS-wide position
// for the lead partner (DOMAIN.md §11): per programme each member's last version (day, rows,
// errors, warnings, co-financing share) and R20 for the whole ATS. The lead partner (agreement
// setting `leadPartner`) and the admin read it; other partners and POs get 403. No personal data.
import { app } from '@azure/functions';
import { romeDate } from '../../shared/core/dates';
import { isAtsLead } from '../lib/ats-lead';
import { atsStatus } from '../lib/ats-status';
import { isAdmin } from '../lib/auth';
import { forbidden, notFound } from '../lib/http-errors';
import { parseBody } from '../lib/request-body';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import { AtsStatusQuerySchema, type AtsStatusAnswer } from '../../shared/contract/ats';
import { requireAgreement } from '../lib/submission-service';

export const atsStatusRoute = defineRoute({
  name: 'getAtsStatus',
  methods: ['GET'],
  route: 'agreements/{agreement}/ats-status',
  access: ['partner', 'admin'],
  async handler({ request, principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    if (!isAdmin(principal) && !isAtsLead(principal, agreement))
      throw forbidden('La situazione dell’ATS è riservata al capofila.');
    const query = parseBody(AtsStatusQuerySchema, Object.fromEntries(request.query.entries()));
    if (!agreement.years.includes(query.year))
      throw notFound("Anno fuori dal periodo dell'accordo.", { year: query.year });
    return answer<AtsStatusAnswer>(
      200,
      await atsStatus(deps.storage, agreement, query.year, query.asOf ?? romeDate(deps.clock())),
    );
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const getAtsStatus = handlerOf(atsStatusRoute);

app.http(atsStatusRoute.name, httpOptions(atsStatusRoute));
