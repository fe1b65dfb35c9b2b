// GET /api/agreements/{agreement}/reconciliation?year=2026[&programme=P1][&asOf=2027-02-01] —
// C1–C6 with the calculation trail. A PO sees its programmes of this agreement (all of them when
// none is asked, the asked one only if it is its own; 403 when it has none here); the ATS totals
// always cover every programme. Partners and admins read any programme. asOf defaults to today
// (Rome).
// `&format=xlsx` (or `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`
// without a format) answers the same reconciliation as the `Riconciliazione` workbook.
import { app } from '@azure/functions';
import { romeDate } from '../../shared/core/dates';
import { hasRole, isAdmin } from '../lib/auth';
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
    const readsAll = isAdmin(principal) || (hasRole(principal, 'partner') && principal.partner !== undefined);
    let only: string[] | undefined;
    if (query.programme) {
      if (!readsAll) requirePoOf(principal, agreement.id, query.programme);
      only = [query.programme];
    } else if (!readsAll) {
      only = agreement.programmes.map((p) => p.id).filter((p) => isPoOf(principal, agreement.id, p));
      // A PO with no programme in this agreement would still read its ATS totals: refuse instead.
      if (only.length === 0) throw forbidden('Non sei responsabile di alcun programma di questo accordo.');
    }
    const result = await reconciliationFor(deps.storage, agreement, {
      year: query.year,
      asOf: query.asOf ?? romeDate(deps.clock()),
      only,
    });
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
