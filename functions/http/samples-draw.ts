// POST /api/agreements/{agreement}/samples/{programme}/{semester}/draw — the PO draws the semester
// sample (S3–S4) or gets the one already drawn (idempotent: the first seed is kept forever); a
// larger rate extends it keeping the first draw. 201 on the first draw, 200 afterwards.
import { app } from '@azure/functions';
import { romeDate } from '../../shared/core/dates';
import { actorOf } from '../lib/auth';
import { requirePoOf } from '../lib/po-scope';
import { parseBody } from '../lib/request-body';
import { readOptionalJson } from '../lib/optional-json';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import { DrawBodySchema, type DrawAnswer } from '../../shared/contract';
import { checkProgrammeSemester, drawOrExtend, loadSampleView } from '../lib/sample-service';
import { withPersonDetails } from '../lib/sample-person-details';
import { requireAgreement } from '../lib/submission-service';

export const drawSampleRoute = defineRoute({
  name: 'drawSample',
  methods: ['POST'],
  route: 'agreements/{agreement}/samples/{programme}/{semester}/draw',
  access: ['po', 'admin'],
  async handler({ request, principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    requirePoOf(principal, agreement.id, params.programme);
    checkProgrammeSemester(agreement, params.programme, params.semester);
    // An empty body means "defaults": generated seed, simple method, the agreement's rate.
    const body = parseBody(DrawBodySchema, await readOptionalJson(request));
    const storage = deps.storage;
    const result = await drawOrExtend(
      deps,
      agreement,
      params.programme,
      params.semester,
      body,
      actorOf(principal),
      romeDate(deps.clock()),
    );
    // The same answer as GET for the PO: partners, reported cost and documents of each person.
    const view = await withPersonDetails(
      storage,
      agreement.id,
      await loadSampleView(storage, agreement, params.programme, params.semester),
    );
    return answer<DrawAnswer>(result.outcome === 'drawn' ? 201 : 200, { ...view, result: result.outcome });
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const drawSample = handlerOf(drawSampleRoute);

app.http(drawSampleRoute.name, httpOptions(drawSampleRoute));
