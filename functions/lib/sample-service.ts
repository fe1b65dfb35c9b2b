// Semester sample on the server (DOMAIN.md §6): freezing the population from the current report
// versions, the first draw and its extensions, and the view of a sample with the state of every
// request (outcome events replayed through shared/outcomes). Both the draw route and the daily
// timer call drawOrExtend; outcomes live in outcome-service.ts.
import crypto from 'node:crypto';
import type { Agreement } from '../../shared/agreement/agreement';
import type { IsoDate } from '../../shared/core/dates';
import { Money } from '../../shared/core/money';
import { normaliseRow } from '../../shared/rows/rows';
import { agreementIndex } from '../../shared/agreement/agreement-index';
import { replayOutcome, type SampledPersonOutcome } from '../../shared/sample/outcomes';
import { drawFrozenSample } from '../../shared/sample/sample-draw';
import {
  MAX_SAMPLING_RATE,
  freezePopulation,
  isSemesterDue,
  parseSemester,
  semesterLockDate,
  type FrozenPopulation,
  type PersonnelRowForSample,
  type SamplingMethod,
} from '../../shared/sample/sampling';
import { formatDateIt } from '../../shared/core/dates';
import { renderIt } from '../../shared/findings/messages.it';
import {
  appendAudit,
  auditEventKey,
  auditInputKey,
  readAuditLog,
  type AuditActor,
  type AuditEventInput,
} from './audit';
import { markAudited } from './audit-pending';
import { HttpError, notFound, validationFailed } from './http-errors';
import { latestReports, qualifiedRowId, splitQualifiedRowId } from './latest-reports';
import type { StoreDeps } from './deps';
import type { Storage } from './storage';
import type { DrawOutcome, PersonView, SampleView } from '../../shared/contract/samples';
import {
  readOutcomeEvents,
  readSample,
  saveSample,
  sampleHeadKeys,
  type SampleHead,
  type SampleSnapshot,
  type StoredOutcomeEvent,
} from './samples-store';

export interface DrawOptions {
  seed?: string;
  method?: SamplingMethod;
  rate?: string;
}

export type { DrawOutcome };

export function stateConflict(message: string, details: unknown = null): HttpError {
  return new HttpError(409, 'state_conflict', message, details);
}

/** 404 for a semester id that is not one of the agreement's years, or a programme it does not have. */
export function checkProgrammeSemester(agreement: Agreement, programme: string, semester: string): void {
  if (!agreement.programmes.some((p) => p.id === programme)) throw notFound("Programma non previsto dall'accordo.");
  const s = parseSemester(semester);
  if (!s || semester.trim() !== semester || !agreement.years.includes(s.year)) {
    throw notFound("Semestre non valido per l'accordo: usare aaaa-H1 o aaaa-H2 negli anni dell'accordo.");
  }
}

/** S1: the distinct persons of the programme's PERS rows dated in the semester, all partners. */
export async function loadPopulation(
  storage: Storage,
  agreement: Agreement,
  programme: string,
  semester: string,
): Promise<FrozenPopulation> {
  const year = Number(semester.slice(0, 4));
  const reports = await latestReports(storage, { agreement: agreement.id, year, programme });
  const rows: PersonnelRowForSample[] = [];
  const index = agreementIndex(agreement); // built once for every row of the reports
  for (const report of reports) {
    for (const row of report.rows) {
      if (row.category !== 'PERS') continue;
      const v = normaliseRow(row, agreement, index).values;
      if (!v.taxCode || !v.month || v.programme !== programme) continue;
      const amount =
        v.municipalShare && v.cofinancingShare ? v.municipalShare.plus(v.cofinancingShare) : (v.amount ?? undefined);
      rows.push({
        rowId: qualifiedRowId(report.key.partner, row.rowId),
        programme,
        taxCode: v.taxCode,
        month: v.month,
        amount,
      });
    }
  }
  const frozen = freezePopulation(agreement.id, programme, semester, rows);
  if (!frozen.ok) throw validationFailed([{ path: '$.semester', message: frozen.error }]);
  return frozen.value;
}

export function generateSeed(): string {
  // 128 random bits, shown with the sample: anyone can recompute the draw from it (S3).
  return crypto.randomBytes(16).toString('hex');
}

export interface DrawResult {
  outcome: DrawOutcome;
  snapshot: SampleSnapshot;
}

/**
 * The first draw, or the existing sample (idempotent; the first seed and method are kept
 * forever), or its extension when a larger rate is asked (same seed, same frozen population: the
 * first draw stays a prefix).
 */
export async function drawOrExtend(
  deps: StoreDeps,
  agreement: Agreement,
  programme: string,
  semester: string,
  options: DrawOptions,
  actor: AuditActor,
  today: IsoDate,
): Promise<DrawResult> {
  const { storage } = deps;
  await storage.ensure();
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await readSample(storage, agreement.id, programme, semester);
    const result = existing
      ? await extendIfAsked(deps, agreement, existing, options, actor, today)
      : await firstDraw(deps, agreement, programme, semester, options, actor, today);
    if (result) return result;
    // Lost a race with another writer: read again and decide again.
  }
  throw stateConflict('Il campione è stato modificato nel frattempo: riprovare.');
}

async function firstDraw(
  deps: StoreDeps,
  agreement: Agreement,
  programme: string,
  semester: string,
  options: DrawOptions,
  actor: AuditActor,
  today: IsoDate,
): Promise<DrawResult | undefined> {
  if (!isSemesterDue(agreement, semester, today)) {
    const lock = semesterLockDate(agreement, semester);
    throw stateConflict(
      `Il semestre ${semester} non si può ancora estrarre: le finestre che lo coprono chiudono il ${formatDateIt(lock ?? today)}; l'estrazione è possibile dal giorno successivo.`,
      { semester, lockDate: lock },
    );
  }
  const frozen = await loadPopulation(deps.storage, agreement, programme, semester);
  const seedSource = options.seed !== undefined && options.seed.trim() !== '' ? 'given' : 'generated';
  const seed = seedSource === 'given' ? (options.seed as string) : generateSeed();
  const draw = drawFrozenSample(agreement, {
    population: frozen,
    seed,
    method: options.method,
    rate: options.rate,
    drawnOn: today,
  });
  if (!draw.ok) throw validationFailed([{ path: options.rate !== undefined ? '$.rate' : '$', message: draw.error }]);
  const s = draw.sample;
  const snapshot: SampleSnapshot = {
    agreement: agreement.id,
    programme,
    semester,
    version: 1,
    seed,
    seedSource,
    method: s.method,
    rate: s.rate,
    populationHash: s.populationHash,
    population: s.population,
    n: s.n,
    drawnOn: today,
    selected: s.selected.map((p) => ({
      personId: p.personId,
      rank: p.rank,
      key: p.key,
      requestedOn: today,
      requestDeadline: p.requestDeadline,
    })),
    frozen,
    history: [{ version: 1, on: today, rate: s.rate, n: s.n, actorRole: actor.role }],
  };
  const saved = await saveSample(deps.storage, snapshot, undefined, { actor, at: deps.clock().toISOString() });
  if (!saved.saved) return undefined;
  await auditSampleVersion(deps, snapshot, actor);
  return { outcome: 'drawn', snapshot };
}

async function extendIfAsked(
  deps: StoreDeps,
  agreement: Agreement,
  existing: SampleHead,
  options: DrawOptions,
  actor: AuditActor,
  today: IsoDate,
): Promise<DrawResult | undefined> {
  const current = existing.snapshot;
  if (options.seed !== undefined && options.seed !== current.seed) {
    throw stateConflict(
      'Il campione di questo semestre è già stato estratto con un altro seme: il seme registrato non si cambia (S3).',
      { seed: current.seed },
    );
  }
  if (options.method !== undefined && options.method !== current.method) {
    throw stateConflict(`Il campione di questo semestre è già stato estratto con il metodo "${current.method}".`, {
      method: current.method,
    });
  }
  if (options.rate === undefined || !isNumber(options.rate) || !new Money(options.rate).gt(current.rate)) {
    // Same request again, or a smaller rate: a drawn sample never shrinks. Answer what is stored.
    if (options.rate !== undefined && !isNumber(options.rate)) {
      throw validationFailed([
        { path: '$.rate', message: renderIt('S2.rateInvalid', { massimo: MAX_SAMPLING_RATE.toFixed(2) }) },
      ]);
    }
    return { outcome: 'existing', snapshot: current };
  }
  const draw = drawFrozenSample(agreement, {
    population: current.frozen,
    seed: current.seed,
    method: current.method,
    rate: options.rate,
    drawnOn: today,
  });
  if (!draw.ok) throw validationFailed([{ path: '$.rate', message: draw.error }]);
  const prefixKept = current.selected.every((p, i) => draw.sample.selected[i]?.personId === p.personId);
  if (!prefixKept) throw new Error('sample extension does not keep the first draw'); // a bug, not a user error
  const added = draw.sample.selected.slice(current.selected.length).map((p) => ({
    personId: p.personId,
    rank: p.rank,
    key: p.key,
    requestedOn: today,
    requestDeadline: p.requestDeadline,
  }));
  const version = current.version + 1;
  const snapshot: SampleSnapshot = {
    ...current,
    version,
    rate: draw.sample.rate,
    n: draw.sample.n,
    selected: [...current.selected, ...added],
    history: [
      ...current.history,
      { version, on: today, rate: draw.sample.rate, n: draw.sample.n, actorRole: actor.role },
    ],
  };
  // Saving the extension clears the previous version's intent: its event goes in first if missing.
  await auditPendingVersion(deps, existing);
  const saved = await saveSample(deps.storage, snapshot, existing, { actor, at: deps.clock().toISOString() });
  if (!saved.saved) return undefined;
  await auditSampleVersion(deps, snapshot, actor);
  return { outcome: 'extended', snapshot };
}

function isNumber(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text);
}

export function sampleTarget(s: { agreement: string; programme: string; semester: string }): string {
  return `sample:${s.agreement}/${s.programme}/${s.semester}`;
}

/** The audit event of a sample version: the draw (version 1) or an extension. */
export function sampleAuditInput(snapshot: SampleSnapshot, actor: AuditActor): AuditEventInput {
  return {
    actor,
    action: snapshot.version === 1 ? 'sample.draw' : 'sample.extend',
    target: sampleTarget(snapshot),
    payload: auditPayload(snapshot),
  };
}

/**
 * The event of a version whose own append failed and that no repair has completed yet (its head
 * still auditPending), unless the log already holds it (the append succeeded, the flag's clearing
 * did not): appended once, as the PO who made that version.
 */
async function auditPendingVersion(deps: StoreDeps, head: SampleHead): Promise<void> {
  if (!head.pendingActor) return;
  const input = sampleAuditInput(head.snapshot, head.pendingActor);
  const key = auditInputKey(input);
  const log = await readAuditLog(deps.storage);
  if (!log.some((e) => auditEventKey(e) === key)) await appendAudit(input, deps);
}

/** Appends the version's event, then clears the intent its head row carried. */
async function auditSampleVersion(deps: StoreDeps, snapshot: SampleSnapshot, actor: AuditActor): Promise<void> {
  await appendAudit(sampleAuditInput(snapshot, actor), deps);
  await markAudited(deps.storage, 'samples', sampleHeadKeys(snapshot));
}

/** What the audit event hashes: the public facts of the draw (keys, not tax codes). */
function auditPayload(s: SampleSnapshot) {
  return {
    version: s.version,
    seed: s.seed,
    seedSource: s.seedSource,
    method: s.method,
    rate: s.rate,
    populationHash: s.populationHash,
    population: s.population,
    n: s.n,
    selected: s.selected.map((p) => ({ rank: p.rank, key: p.key, requestedOn: p.requestedOn })),
  };
}

// ---- views -----------------------------------------------------------------------------------

/** Who made the first draw: the daily timer (system actor), a PO, or an admin. */
function drawnBy(snapshot: SampleSnapshot): 'timer' | 'po' | 'admin' | null {
  const role = snapshot.history[0]?.actorRole;
  if (role === 'system') return 'timer';
  return role === 'po' || role === 'admin' ? role : null;
}

/** The partners whose rows put a person in the population (from the qualified row ids). */
export function partnersOf(snapshot: SampleSnapshot, personId: string): string[] {
  return [...new Set((snapshot.frozen.rowIds[personId] ?? []).map((id) => splitQualifiedRowId(id).partner))].sort();
}

/** Replays each selected person's events, up to `asOf` when given (reconciliation as of a day). */
export function outcomeStates(
  agreement: Agreement,
  snapshot: SampleSnapshot,
  events: Map<number, StoredOutcomeEvent[]>,
  asOf?: IsoDate,
): SampledPersonOutcome[] {
  return snapshot.selected.map((p) => {
    const list = (events.get(p.rank) ?? []).map((e) => e.event).filter((e) => asOf === undefined || e.on <= asOf);
    const replay = replayOutcome(agreement, p.personId, p.requestedOn, list);
    // Stored events were validated when appended; a failed replay means the rules changed since.
    if (!replay.ok) throw new Error(`stored outcome history no longer replays (rank ${p.rank})`);
    return replay.state;
  });
}

// The view's shape is the contract's (shared/contract/samples.ts).
export type { PersonView, SampleView };

/**
 * The sample as a caller may see it: everything for the PO (and admin); for a partner only the
 * persons its own rows put in the population, with its own row ids (never other partners' persons).
 */
export function sampleView(snapshot: SampleSnapshot, states: SampledPersonOutcome[], partner?: string): SampleView {
  const persons = snapshot.selected
    .map((p, i) => ({ p, state: states[i] }))
    .filter(({ p }) => partner === undefined || partnersOf(snapshot, p.personId).includes(partner))
    .map(({ p, state }): PersonView => {
      const rows = snapshot.frozen.rowIds[p.personId] ?? [];
      return {
        rank: p.rank,
        personId: p.personId,
        key: p.key,
        requestedOn: p.requestedOn,
        requestDeadline: p.requestDeadline,
        status: state.status,
        final: state.final,
        decidedOn: state.decidedOn,
        admittedAmount: state.admittedAmount,
        reason: state.reason,
        integrationDeadline: state.integrationDeadline,
        contradictory: state.contradictory,
        rowIds:
          partner === undefined
            ? rows
            : rows
                .map(splitQualifiedRowId)
                .filter((r) => r.partner === partner)
                .map((r) => r.rowId),
        history: state.history,
      };
    });
  return {
    agreement: snapshot.agreement,
    programme: snapshot.programme,
    semester: snapshot.semester,
    seed: snapshot.seed,
    seedGenerated: snapshot.seedSource === 'generated',
    drawnBy: drawnBy(snapshot),
    method: snapshot.method,
    rate: snapshot.rate,
    populationHash: snapshot.populationHash,
    population: snapshot.population,
    n: snapshot.n,
    drawnOn: snapshot.drawnOn,
    version: snapshot.version,
    selected: persons,
  };
}

export async function loadSampleView(
  storage: Storage,
  agreement: Agreement,
  programme: string,
  semester: string,
  partner?: string,
): Promise<SampleView> {
  await storage.ensure();
  const head = await readSample(storage, agreement.id, programme, semester);
  if (!head) throw notFound('Il campione di questo semestre non è ancora stato estratto.', { programme, semester });
  const events = await readOutcomeEvents(storage, agreement.id, programme, semester);
  return sampleView(head.snapshot, outcomeStates(agreement, head.snapshot, events), partner);
}
