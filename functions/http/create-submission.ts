// POST /api/agreements/{agreement}/submissions — a new immutable version of one partner's report
// for one programme and year. Idempotency-Key replays the first answer; baseVersion gives
// optimistic concurrency (409 when stale).
import { app } from '@azure/functions';
import { actorOf } from '../lib/auth';
import { badRequest, forbidden } from '../lib/http-errors';
import { parseBody, readJson } from '../lib/request-body';
import { SubmissionBodySchema, type SubmissionAnswer } from '../../shared/contract';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import { checkEnvelope, requireAgreement, serverTiming, submit, type Timings } from '../lib/submission-service';

export const createSubmissionRoute = defineRoute({
  name: 'createSubmission',
  methods: ['POST'],
  route: 'agreements/{agreement}/submissions',
  access: ['partner'],
  async handler({ request, context, principal, params, deps }) {
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
    const {
      answer: result,
      replayed,
      auditFailed,
    } = await submit(deps, {
      agreement,
      body,
      actor: actorOf(principal),
      idempotencyKey,
      timings,
    });
    if (auditFailed) context.error(`createSubmission: audit append failed for ${result.submissionId}`);
    return answer<SubmissionAnswer>(201, result, {
      'Server-Timing': serverTiming(timings),
      Location: `/api/agreements/${agreement.id}/submissions/${result.submissionId}`,
      ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    });
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const createSubmission = handlerOf(createSubmissionRoute);

app.http(createSubmissionRoute.name, httpOptions(createSubmissionRoute));
