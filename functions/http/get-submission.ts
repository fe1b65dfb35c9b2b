// GET /api/agreements/{agreement}/submissions/{id} — one committed version with its rows and findings.
import { app } from '@azure/functions';
import { canReadReport } from '../lib/auth';
import { notFound } from '../lib/http-errors';
import { notYoursOrMissing } from '../lib/visibility';
import { answer, defineRoute, handlerOf, httpOptions } from '../lib/route';
import type { SubmissionDetailAnswer } from '../../shared/contract';
import { requireAgreement } from '../lib/submission-service';
import { getVersion, parseSubmissionId, readSnapshot } from '../lib/submissions-store';

export const getSubmissionRoute = defineRoute({
  name: 'getSubmission',
  methods: ['GET'],
  route: 'agreements/{agreement}/submissions/{id}',
  access: ['partner', 'po', 'admin'],
  async handler({ principal, params, deps }) {
    const agreement = requireAgreement(params.agreement);
    const parsed = parseSubmissionId(agreement.id, params.id);
    if (!parsed) throw notFound('Invio non trovato.');
    // The id names its partner and programme: refuse before reading, with the answer of a missing
    // version, so existence is not leaked (DOMAIN §11).
    if (!canReadReport(principal, agreement.id, parsed.key.partner, parsed.key.programme))
      throw notYoursOrMissing('Invio non trovato.');
    const storage = deps.storage;
    await storage.ensure();
    const meta = await getVersion(storage, agreement.id, params.id);
    if (!meta) throw notFound('Invio non trovato.');
    const snapshot = await readSnapshot(storage, meta.blobName);
    const { blobName: _blob, ...rest } = meta;
    return answer<SubmissionDetailAnswer>(200, {
      ...rest,
      rows: snapshot.rows,
      carriedOver: snapshot.carriedOver,
      accepted: snapshot.answer.accepted,
      rejected: snapshot.answer.rejected,
      findings: snapshot.answer.findings,
      // Versions stored before row identity (DOMAIN §5) have no diff: null, not a guess.
      changes: snapshot.answer.changes ?? null,
      changedRows: snapshot.answer.changedRows ?? [],
      carriedOverRows: snapshot.answer.carriedOverRows ?? [],
    });
  },
});

/** The handler with its dependencies: the host passes its own (below), a test what it needs. */
export const getSubmission = handlerOf(getSubmissionRoute);

app.http(getSubmissionRoute.name, httpOptions(getSubmissionRoute));
