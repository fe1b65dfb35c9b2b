// POST /api/agreements/{agreement}/validate — findings for a row set against the server state;
// stores nothing. Partners validate their own entity, POs any partner of their programmes.
import { app } from '@azure/functions';
import { summarise } from '../../shared/findings/findings';
import { canReadReport } from '../lib/auth';
import { forbidden } from '../lib/http-errors';
import { parseBody, readJson } from '../lib/request-body';
import { SubmissionBodySchema, type ValidateAnswer } from '../../shared/contract';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import { checkEnvelope, evaluate, requireAgreement } from '../lib/submission-service';
import { readHead } from '../lib/submissions-store';

export const validateRoute = defineRoute({
  name: 'validateRows',
  methods: ['POST'],
  route: 'agreements/{agreement}/validate',
  access: ['partner', 'po', 'admin'],
  async handler({ request, principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    const body = parseBody(SubmissionBodySchema, await readJson(request));
    checkEnvelope(agreement, body);
    if (!canReadReport(principal, agreement.id, body.partner, body.programme)) throw forbidden();
    const storage = deps.storage;
    await storage.ensure();
    const key = { agreement: agreement.id, partner: body.partner, programme: body.programme, year: body.year };
    const head = await readHead(storage, key);
    const { answer: result } = await evaluate(deps, agreement, body, head);
    return answer<ValidateAnswer>(200, {
      ...result,
      currentVersion: head?.version ?? 0,
      summary: summarise(result.findings),
    });
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const validateRows = handlerOf(validateRoute);

app.http(validateRoute.name, httpOptions(validateRoute));
