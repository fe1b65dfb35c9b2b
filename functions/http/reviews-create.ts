// POST /api/agreements/{agreement}/reviews — S6: the PO does not admit a single row (reason
// required). The row must exist in the named version; the decision then holds for that row of the
// report in later versions too. 201 with the review; 409 when the row already has one.
import { app } from '@azure/functions';
import { rowNonAdmission } from '../../shared/sample/outcomes';
import { actorOf } from '../lib/auth';
import { notFound, validationFailed } from '../lib/http-errors';
import { requirePoOf } from '../lib/po-scope';
import { parseBody, readJson } from '../lib/request-body';
import { recordRowReview } from '../lib/review-service';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import { ReviewBodySchema, type ReviewAnswer } from '../../shared/contract';
import { requireAgreement } from '../lib/submission-service';
import { parseSubmissionId } from '../lib/submissions-store';

export const createReviewRoute = defineRoute({
  name: 'createReview',
  methods: ['POST'],
  route: 'agreements/{agreement}/reviews',
  access: ['po', 'admin'],
  async handler({ request, principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    const body = parseBody(ReviewBodySchema, await readJson(request, 64 * 1024));
    const checked = rowNonAdmission(body);
    if (!checked.ok) throw validationFailed([{ path: '$', message: checked.error }]);
    const parsed = parseSubmissionId(agreement.id, body.submissionId);
    if (!parsed) throw notFound('Invio non trovato.', { submissionId: body.submissionId });
    // The id names its programme: refuse before reading, so existence is not leaked.
    requirePoOf(principal, agreement.id, parsed.key.programme);
    const review = await recordRowReview(deps, agreement, {
      submissionId: body.submissionId,
      key: parsed.key,
      rowId: body.rowId,
      reason: checked.value.reason,
      actor: actorOf(principal),
    });
    return answer<ReviewAnswer>(201, review);
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const createRowReview = handlerOf(createReviewRoute);

app.http(createReviewRoute.name, httpOptions(createReviewRoute));
