// POST /api/agreements/{agreement}/reviews — S6: the PO does not admit a single row (reason
// required). The row must exist in the named version; the decision then holds for that row of the
// report in later versions too. 201 with the review; 409 when the row already has one.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { romeDate } from '../../shared/core/dates';
import { rowNonAdmission } from '../../shared/sample/outcomes';
import { appendAudit } from '../lib/audit';
import { actorOf } from '../lib/auth';
import { clock } from '../lib/clock';
import { notFound, validationFailed } from '../lib/http-errors';
import { requirePoOf } from '../lib/po-scope';
import { parseBody, readJson } from '../lib/request-body';
import { createReview, readReview, type StoredReview } from '../lib/reviews-store';
import { defineRoute, httpOptions, json } from '../lib/route';
import { ReviewBodySchema } from '../lib/sample-schemas';
import { stateConflict } from '../lib/sample-service';
import { getStorage } from '../lib/storage';
import { requireAgreement } from '../lib/submission-service';
import { getVersion, parseSubmissionId, readSnapshot } from '../lib/submissions-store';

export const createReviewRoute = defineRoute({
  name: 'createReview',
  methods: ['POST'],
  route: 'agreements/{agreement}/reviews',
  access: ['po', 'admin'],
  async handler({ request, principal, params }) {
    const agreement = requireAgreement(params.agreement);
    const body = parseBody(ReviewBodySchema, await readJson(request, 64 * 1024));
    const checked = rowNonAdmission(body);
    if (!checked.ok) throw validationFailed([{ path: '$', message: checked.error }]);
    const parsed = parseSubmissionId(agreement.id, body.submissionId);
    if (!parsed) throw notFound('Invio non trovato.');
    // The id names its programme: refuse before reading, so existence is not leaked.
    requirePoOf(principal, agreement.id, parsed.key.programme);
    const storage = getStorage();
    await storage.ensure();
    const meta = await getVersion(storage, agreement.id, body.submissionId);
    if (!meta) throw notFound('Invio non trovato.');
    const snapshot = await readSnapshot(storage, meta.blobName);
    if (!snapshot.rows.some((r) => r.rowId === body.rowId)) {
      throw validationFailed([
        { path: '$.rowId', message: 'La riga indicata non è tra le righe accettate di questo invio.' },
      ]);
    }
    const now = clock();
    const review: StoredReview = {
      agreement: agreement.id,
      submissionId: body.submissionId,
      partner: parsed.key.partner,
      programme: parsed.key.programme,
      year: parsed.key.year,
      rowId: body.rowId,
      decision: 'non_ammesso',
      reason: checked.value.reason,
      decidedOn: romeDate(now),
      actorRole: actorOf(principal).role,
      at: now.toISOString(),
    };
    if (!(await createReview(storage, review))) {
      const existing = await readReview(storage, review);
      throw stateConflict('La riga è già stata non ammessa dalla PO: la decisione registrata resta valida.', {
        submissionId: existing?.submissionId,
        rowId: body.rowId,
        decidedOn: existing?.decidedOn,
      });
    }
    await appendAudit(
      {
        actor: actorOf(principal),
        action: 'review.non_ammesso',
        target: `review:${agreement.id}/${review.submissionId}#${review.rowId}`,
        payload: review,
      },
      storage,
    );
    return json(201, review);
  },
});

export async function createRowReview(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return createReviewRoute.handler(request, context);
}

app.http(createReviewRoute.name, httpOptions(createReviewRoute));
