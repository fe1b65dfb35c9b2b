// POST /api/agreements/{agreement}/submissions — a new immutable version of one partner's report
// for one programme and year. Idempotency-Key replays the first answer; baseVersion gives
// optimistic concurrency (409 when stale).
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { actorOf } from '../lib/auth';
import { badRequest, forbidden } from '../lib/http-errors';
import { parseBody, readJson } from '../lib/request-body';
import { SubmissionBodySchema } from '../lib/request-schemas';
import { defineRoute, httpOptions, json } from '../lib/route';
import { getStorage } from '../lib/storage';
import { checkEnvelope, requireAgreement, serverTiming, submit, type Timings } from '../lib/submission-service';

export const createSubmissionRoute = defineRoute({
  name: 'createSubmission',
  methods: ['POST'],
  route: 'agreements/{agreement}/submissions',
  access: ['partner'],
  async handler({ request, context, principal, params }) {
    const agreement = requireAgreement(params.agreement);
    const idempotencyKey = request.headers.get('idempotency-key') ?? undefined;
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw badRequest('Intestazione Idempotency-Key non valida (1-200 caratteri stampabili).');
    }
    const timings: Timings = {};
    const t0 = performance.now();
    const body = parseBody(SubmissionBodySchema, await readJson(request));
    timings.parse = performance.now() - t0;
    checkEnvelope(agreement, body);
    // A bookkeeper submits for its own entity only.
    if (principal.partner !== body.partner) throw forbidden('Puoi inviare solo il rendiconto del tuo ente.');
    const { answer, replayed, auditFailed } = await submit(getStorage(), {
      agreement,
      body,
      actor: actorOf(principal),
      idempotencyKey,
      timings,
    });
    if (auditFailed) context.error(`createSubmission: audit append failed for ${answer.submissionId}`);
    return json(201, answer, {
      'Server-Timing': serverTiming(timings),
      Location: `/api/agreements/${agreement.id}/submissions/${answer.submissionId}`,
      ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    });
  },
});

export async function createSubmission(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return createSubmissionRoute.handler(request, context);
}

app.http(createSubmissionRoute.name, httpOptions(createSubmissionRoute));
