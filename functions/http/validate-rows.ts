// POST /api/agreements/{agreement}/validate — findings for a row set against the server state;
// stores nothing. Partners validate their own entity, POs any partner of their programmes.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { summarise } from '../../shared/findings/findings';
import { canReadReport } from '../lib/auth';
import { forbidden } from '../lib/http-errors';
import { parseBody, readJson } from '../lib/request-body';
import { SubmissionBodySchema } from '../lib/request-schemas';
import { defineRoute, httpOptions, json } from '../lib/route';
import { getStorage } from '../lib/storage';
import { checkEnvelope, evaluate, requireAgreement } from '../lib/submission-service';
import { readHead } from '../lib/submissions-store';

export const validateRoute = defineRoute({
  name: 'validateRows',
  methods: ['POST'],
  route: 'agreements/{agreement}/validate',
  access: ['partner', 'po', 'admin'],
  async handler({ request, principal, params }) {
    const agreement = requireAgreement(params.agreement);
    const body = parseBody(SubmissionBodySchema, await readJson(request));
    checkEnvelope(agreement, body);
    if (!canReadReport(principal, agreement.id, body.partner, body.programme)) throw forbidden();
    const storage = getStorage();
    await storage.ensure();
    const key = { agreement: agreement.id, partner: body.partner, programme: body.programme, year: body.year };
    const head = await readHead(storage, key);
    const { answer } = await evaluate(storage, agreement, body, head);
    return json(200, { ...answer, currentVersion: head?.version ?? 0, summary: summarise(answer.findings) });
  },
});

export async function validateRows(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return validateRoute.handler(request, context);
}

app.http(validateRoute.name, httpOptions(validateRoute));
