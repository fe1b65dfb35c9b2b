// GET /api/agreements/{agreement}/reconciliation?year=2026[&programme=P1][&asOf=2027-02-01] —
// C1–C6 with the calculation trail. A PO sees its programmes of this agreement (all of them when
// none is asked, the asked one only if it is its own; 403 when it has none here); the ATS totals
// always cover every programme. Admins read any programme. A partner reads the totals only
// (functions/lib/visibility.ts) of the programmes it reports in, without the ATS-wide position
// (`ats: null`); the ATS lead partner reads every programme and the ATS-wide position (DOMAIN §11).
// asOf defaults to today (Rome).
// `&format=xlsx` (or `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`
// without a format) answers the same reconciliation as the `Riconciliazione` workbook.
import { app } from '@azure/functions';
import { romeDate } from '../../shared/core/dates';
import { isAdmin } from '../lib/auth';
import { isLeadPartner, partnerReconciliationScope, totalsOnly } from '../lib/visibility';
import { forbidden, notFound } from '../lib/http-errors';
import { isPoOf, requirePoOf } from '../lib/po-scope';
import { XLSX_CONTENT_TYPE, reconciliationFor, reconciliationWorkbook } from '../lib/reconciliation-service';
import { parseBody } from '../lib/request-body';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import { ReconciliationQuerySchema, type ReconciliationAnswer } from '../../shared/contract';
import { requireAgreement } from '../lib/submission-service';

export const reconciliationRoute = defineRoute({
  name: 'getReconciliation',
  methods: ['GET'],
  route: 'agreements/{agreement}/reconciliation',
  access: ['po', 'partner', 'admin'],
  async handler({ request, principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    const query = parseBody(ReconciliationQuerySchema, Object.fromEntries(request.query.entries()));
    if (!agreement.years.includes(query.year))
      throw notFound("Anno fuori dal periodo dell'accordo.", { year: query.year });
    if (query.programme && !agreement.programmes.some((p) => p.id === query.programme)) {
      throw notFound("Programma non previsto dall'accordo.", { programme: query.programme });
    }
    const storage = deps.storage;
    const poOnly = agreement.programmes.map((p) => p.id).filter((p) => isPoOf(principal, agreement.id, p));
    // A partner bookkeeper who is not also the PO of what it asks reads totals of its programmes.
    const partnerScope =
      isAdmin(principal) || (query.programme ? poOnly.includes(query.programme) : poOnly.length > 0)
        ? undefined
        : await partnerReconciliationScope(storage, agreement, principal, query.year);
    let only: string[] | undefined;
    if (partnerScope) {
      if (query.programme && !partnerScope.includes(query.programme))
        throw forbidden('Il tuo ente non rendiconta in questo programma: la riconciliazione non è consultabile.');
      only = query.programme ? [query.programme] : partnerScope;
    } else if (query.programme) {
      if (!isAdmin(principal)) requirePoOf(principal, agreement.id, query.programme);
      only = [query.programme];
    } else if (!isAdmin(principal)) {
      only = agreement.programmes.map((p) => p.id).filter((p) => isPoOf(principal, agreement.id, p));
      // A PO with no programme in this agreement would still read its ATS totals: refuse instead.
      if (only.length === 0) throw forbidden('Non sei responsabile di alcun programma di questo accordo.');
    }
    const full = await reconciliationFor(storage, agreement, {
      year: query.year,
      asOf: query.asOf ?? romeDate(deps.clock()),
      only,
    });
    const result = partnerScope ? totalsOnly(full, isLeadPartner(principal, agreement)) : full;
    const wantsXlsx = query.format
      ? query.format === 'xlsx'
      : (request.headers.get('accept') ?? '').toLowerCase().includes(XLSX_CONTENT_TYPE);
    if (!wantsXlsx) return answer<ReconciliationAnswer>(200, result);
    const { bytes, fileName } = reconciliationWorkbook(agreement, result, query.programme);
    return {
      status: 200,
      body: bytes,
      headers: {
        'Content-Type': XLSX_CONTENT_TYPE,
        'Content-Length': String(bytes.length),
        'Content-Disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    };
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const getReconciliation = handlerOf(reconciliationRoute);

app.http(reconciliationRoute.name, httpOptions(reconciliationRoute));
