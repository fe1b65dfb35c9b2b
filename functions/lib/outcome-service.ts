// S5 outcomes of a sampled person: the PO's decisions (and receipt of documents, confirmation after
// the contradictory step) and the partner's observations. Each is an event appended to the
// person's history and checked by replaying the stored history through applyOutcomeEvent, so the
// stored events are always a legal sequence; an illegal one is a 409 with the Italian reason.
import type { Agreement } from '../../shared/agreement/agreement';
import type { IsoDate } from '../../shared/core/dates';
import {
  applyOutcomeEvent,
  partialAdmissionProblem,
  replayOutcome,
  type OutcomeEvent,
  type SampledPersonOutcome,
} from '../../shared/sample/outcomes';
import { normalisePersonId } from '../../shared/sample/sampling';
import { appendAudit, type AuditActor, type AuditEventInput } from './audit';
import { markAudited } from './audit-pending';
import type { StoreDeps } from './deps';
import { notFound, validationFailed } from './http-errors';
import {
  appendOutcomeEvent,
  outcomeEventKeys,
  readOutcomeEvents,
  readSample,
  type SampleKey,
  type StoredOutcomeEvent,
  type SampleSnapshot,
  type StoredSelection,
} from './samples-store';
import { sampleTarget, stateConflict } from './sample-service';
import type { Storage } from './storage';

/** An outcome event without its day: the server stamps `on` with the Rome calendar day. */
export type OutcomeCommand =
  | Omit<Extract<OutcomeEvent, { type: 'decision' }>, 'on'>
  | Omit<Extract<OutcomeEvent, { type: 'confirm' }>, 'on'>
  | Omit<Extract<OutcomeEvent, { type: 'documents_received' }>, 'on'>
  | Omit<Extract<OutcomeEvent, { type: 'observations' }>, 'on'>;

/**
 * The person a route parameter names: the rank in the draw order ("3", preferred: URLs end up in
 * logs, tax codes must not) or the person id (tax code) itself.
 */
export function findSelected(snapshot: SampleSnapshot, ref: string): StoredSelection {
  const trimmed = ref.trim();
  const hit = /^\d{1,6}$/.test(trimmed)
    ? snapshot.selected.find((p) => p.rank === Number(trimmed))
    : snapshot.selected.find((p) => p.personId === normalisePersonId(trimmed));
  // The message never repeats the reference: it may be a tax code.
  if (!hit) throw notFound('Persona non presente nel campione di questo semestre.');
  return hit;
}

/** The audit event of one outcome event (also rebuilt from its row by decision-intents.ts). */
export function outcomeAuditInput(
  key: SampleKey,
  stored: Pick<StoredOutcomeEvent, 'rank' | 'seq' | 'event'>,
  actor: AuditActor,
): AuditEventInput {
  return {
    actor,
    action: `sample.outcome.${stored.event.type}`,
    // Rank, not tax code: the audit log is read by people who need no personal data.
    target: `${sampleTarget(key)}#${stored.rank}`,
    payload: { rank: stored.rank, seq: stored.seq, event: stored.event },
  };
}

export interface OutcomeResultView {
  rank: number;
  state: SampledPersonOutcome;
}

export async function loadSampleOrFail(storage: Storage, agreement: Agreement, programme: string, semester: string) {
  await storage.ensure();
  const head = await readSample(storage, agreement.id, programme, semester);
  if (!head) throw notFound('Il campione di questo semestre non è ancora stato estratto.', { programme, semester });
  return head.snapshot;
}

export async function recordOutcome(
  deps: StoreDeps,
  agreement: Agreement,
  snapshot: SampleSnapshot,
  person: StoredSelection,
  command: OutcomeCommand,
  actor: AuditActor,
  today: IsoDate,
): Promise<OutcomeResultView> {
  const { storage, clock } = deps;
  const key = { agreement: snapshot.agreement, programme: snapshot.programme, semester: snapshot.semester };
  for (let attempt = 0; attempt < 10; attempt++) {
    const all = await readOutcomeEvents(storage, key.agreement, key.programme, key.semester);
    const stored = all.get(person.rank) ?? [];
    const replay = replayOutcome(
      agreement,
      person.personId,
      person.requestedOn,
      stored.map((e) => e.event),
    );
    if (!replay.ok) throw new Error(`stored outcome history no longer replays (rank ${person.rank})`);
    const event = { ...command, on: today } as OutcomeEvent;
    // S5: never more admitted than the person's reported cost (422, the amount is the wrong field).
    const tooMuch = partialAdmissionProblem(event, snapshot.frozen.costs[person.personId]);
    if (tooMuch) throw validationFailed([{ path: '$.amount', message: tooMuch }]);
    const next = applyOutcomeEvent(agreement, replay.state, event);
    if (!next.ok) throw stateConflict(next.error, { rank: person.rank, status: replay.state.status });
    const seq = (stored[stored.length - 1]?.seq ?? 0) + 1;
    const record = { rank: person.rank, seq, event, actorRole: actor.role, at: clock().toISOString() };
    // The event's row is also the intent of its audit event: a crash before the append is repaired.
    const appended = await appendOutcomeEvent(storage, key, record, actor);
    if (!appended) continue; // someone else recorded an event first: re-check against it
    await appendAudit(outcomeAuditInput(key, record, actor), deps);
    await markAudited(storage, 'outcomes', outcomeEventKeys(key, person.rank, seq));
    return { rank: person.rank, state: next.state };
  }
  throw stateConflict("L'esito di questa persona è stato modificato nel frattempo: ricaricare e riprovare.");
}
