// Outcomes of the semester sample (DOMAIN.md §6, S5–S7): one state machine per sampled person,
// the single-row non-admission record, and the projected error rate (information only).
//
// S5 state machine (dates are ISO calendar days, passed in by the caller):
//
//   requested ──documents_received──▶ documents_received
//   requested | documents_received ──decision──▶
//       ammesso                         (final at once: nothing to contest)
//       ammesso_parzialmente(amount)    ┐ contradictory step: the ATS is notified on the decision
//       non_ammesso(reason)             ┘ day, observations are due by decision + observationDays;
//                                         then the PO confirms (final), possibly revising
//       integrazioni_richieste(deadline) ──documents_received | decision──▶ back to review
//   contradictory ──observations (by the deadline)──▶ contradictory with observations
//   contradictory ──confirm (after observations or after the deadline)──▶ final
//
// A partial admission opens the contradictory step too: it is a non-admission of the rest.
// Illegal transitions return an Italian error and leave the state untouched; nothing throws.
import type { Agreement } from '../agreement/agreement';
import type { IsoDate } from '../core/dates';
import { addDays, formatDateIt } from '../core/dates';
import { Money, ZERO, formatAmount, formatAmountIt } from '../core/money';

export type OutcomeStatus =
  'requested' | 'documents_received' | 'integrazioni_richieste' | 'ammesso' | 'ammesso_parzialmente' | 'non_ammesso';

export type Decision =
  | { outcome: 'ammesso' }
  | { outcome: 'ammesso_parzialmente'; amount: string; reason?: string }
  | { outcome: 'non_ammesso'; reason: string }
  | { outcome: 'integrazioni_richieste'; deadline: IsoDate; reason?: string };

export interface Contradictory {
  notifiedOn: IsoDate;
  observationsDeadline: IsoDate;
  observations?: { text: string; on: IsoDate };
}

export type OutcomeEvent =
  | { type: 'documents_received'; on: IsoDate }
  | ({ type: 'decision'; on: IsoDate } & Decision)
  | { type: 'observations'; on: IsoDate; text: string }
  /** PO confirmation after the contradictory step; `revised` lets the PO accept the observations. */
  | {
      type: 'confirm';
      on: IsoDate;
      revised?:
        | { outcome: 'ammesso' }
        | { outcome: 'ammesso_parzialmente'; amount: string }
        | { outcome: 'non_ammesso'; reason: string };
    };

export interface SampledPersonOutcome {
  personId: string;
  status: OutcomeStatus;
  requestedOn: IsoDate;
  requestDeadline: IsoDate;
  /** integrazioni_richieste: the deadline for the additional documents. */
  integrationDeadline?: IsoDate;
  /** ammesso_parzialmente: the admitted amount ("1234.50"). */
  admittedAmount?: string;
  reason?: string;
  decidedOn?: IsoDate;
  contradictory?: Contradictory;
  /** True once nothing can change: ammesso, or the PO confirmed after the contradictory step. */
  final: boolean;
  history: OutcomeEvent[];
}

export type OutcomeResult = { ok: true; state: SampledPersonOutcome } | { ok: false; error: string };

type SamplingRules = Pick<Agreement, 'rules'>;

/** S4 → S5: the request sent to the partner when the person is drawn. */
export function openRequest(agreement: SamplingRules, personId: string, drawDate: IsoDate): SampledPersonOutcome {
  return {
    personId,
    status: 'requested',
    requestedOn: drawDate,
    requestDeadline: addDays(drawDate, agreement.rules.sampling.requestDays),
    final: false,
    history: [],
  };
}

const STATUS_IT: Record<OutcomeStatus, string> = {
  requested: 'documentazione richiesta',
  documents_received: 'documentazione ricevuta',
  integrazioni_richieste: 'integrazioni richieste',
  ammesso: 'ammesso',
  ammesso_parzialmente: 'ammesso parzialmente',
  non_ammesso: 'non ammesso',
};

/** Applies one event; an illegal one returns an Italian error and the state is left as it was. */
export function applyOutcomeEvent(
  agreement: SamplingRules,
  state: SampledPersonOutcome,
  event: OutcomeEvent,
): OutcomeResult {
  if (state.final) return fail(`L'esito è già definitivo (${STATUS_IT[state.status]}): non può essere modificato.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(event.on)) return fail('Data non valida: usare il formato aaaa-mm-gg.');
  const last = state.history.length ? state.history[state.history.length - 1].on : state.requestedOn;
  if (event.on < last)
    return fail(`La data ${formatDateIt(event.on)} precede l'ultimo passaggio registrato (${formatDateIt(last)}).`);
  const history = [...state.history, event];
  const reviewable =
    state.status === 'requested' || state.status === 'documents_received' || state.status === 'integrazioni_richieste';

  switch (event.type) {
    case 'documents_received':
      if (state.status !== 'requested' && state.status !== 'integrazioni_richieste') {
        return fail(`Documentazione non attesa: la persona è nello stato «${STATUS_IT[state.status]}».`);
      }
      return ok({ ...state, status: 'documents_received', integrationDeadline: undefined, history });

    case 'decision': {
      if (!reviewable)
        return fail(`Esito già registrato (${STATUS_IT[state.status]}): si può solo concludere il contraddittorio.`);
      const checked = checkDecision(event);
      if (checked) return fail(checked);
      const base = { ...state, decidedOn: event.on, history, reason: 'reason' in event ? event.reason : undefined };
      if (event.outcome === 'ammesso') return ok({ ...base, status: 'ammesso', final: true });
      if (event.outcome === 'integrazioni_richieste') {
        return ok({ ...base, status: 'integrazioni_richieste', integrationDeadline: event.deadline });
      }
      const contradictory: Contradictory = {
        notifiedOn: event.on,
        observationsDeadline: addDays(event.on, agreement.rules.sampling.observationDays),
      };
      return ok({
        ...base,
        status: event.outcome,
        admittedAmount: event.outcome === 'ammesso_parzialmente' ? new Money(event.amount).toFixed(2) : undefined,
        contradictory,
      });
    }

    case 'observations': {
      if (!state.contradictory)
        return fail('Le osservazioni sono ammesse solo dopo una non ammissione (contraddittorio).');
      if (state.contradictory.observations) return fail('Le osservazioni sono già state presentate.');
      if (event.text.trim() === '') return fail('Il testo delle osservazioni è obbligatorio.');
      if (event.on > state.contradictory.observationsDeadline) {
        return fail(
          `Termine per le osservazioni scaduto il ${formatDateIt(state.contradictory.observationsDeadline)}.`,
        );
      }
      return ok({
        ...state,
        contradictory: { ...state.contradictory, observations: { text: event.text, on: event.on } },
        history,
      });
    }

    case 'confirm': {
      if (!state.contradictory) return fail("Non c'è un contraddittorio da concludere per questa persona.");
      if (!state.contradictory.observations && event.on <= state.contradictory.observationsDeadline) {
        return fail(
          `Conferma prematura: l'ATS può presentare osservazioni fino al ${formatDateIt(state.contradictory.observationsDeadline)}.`,
        );
      }
      const revised = event.revised;
      if (!revised) return ok({ ...state, final: true, history });
      const checked = checkDecision(revised);
      if (checked) return fail(checked);
      return ok({
        ...state,
        status: revised.outcome,
        admittedAmount: revised.outcome === 'ammesso_parzialmente' ? new Money(revised.amount).toFixed(2) : undefined,
        reason: revised.outcome === 'non_ammesso' ? revised.reason : state.reason,
        final: true,
        history,
      });
    }
  }
}

/**
 * S5: a partial admission is at most the person's reported cost in the semester and programme
 * (the cost frozen with the population). Answers the Italian reason, or null when it holds. The
 * event's amount and a confirmation's revised amount are both checked; other events pass.
 */
export function partialAdmissionProblem(event: OutcomeEvent, reportedCost: string | undefined): string | null {
  const amount =
    event.type === 'decision' && event.outcome === 'ammesso_parzialmente'
      ? event.amount
      : event.type === 'confirm' && event.revised?.outcome === 'ammesso_parzialmente'
        ? event.revised.amount
        : undefined;
  if (amount === undefined || !/^\d+(\.\d{1,2})?$/.test(amount)) return null;
  const cost = reportedCost !== undefined && /^\d+(\.\d{1,2})?$/.test(reportedCost) ? new Money(reportedCost) : ZERO;
  if (new Money(amount).lte(cost)) return null;
  return `L'importo ammesso (${formatAmountIt(new Money(amount))} €) supera il costo rendicontato per la persona nel semestre e nel programma (${formatAmountIt(cost)} €).`;
}

/** Replays a history from the request (what the server stores is the event list). */
export function replayOutcome(
  agreement: SamplingRules,
  personId: string,
  drawDate: IsoDate,
  events: readonly OutcomeEvent[],
): OutcomeResult {
  let state = openRequest(agreement, personId, drawDate);
  for (const event of events) {
    const next = applyOutcomeEvent(agreement, state, event);
    if (!next.ok) return next;
    state = next.state;
  }
  return ok(state);
}

/**
 * How much of the person's sampled cost is not admitted: the whole cost for non_ammesso, the
 * cost minus the admitted amount for ammesso_parzialmente, zero otherwise. A decision counts from
 * the day it is taken (the contradictory step may still revise it); `final` says whether it can.
 */
export function nonAdmittedAmount(state: SampledPersonOutcome, sampledCost: Money): Money {
  if (state.status === 'non_ammesso') return sampledCost;
  if (state.status === 'ammesso_parzialmente') return Money.max(ZERO, sampledCost.minus(state.admittedAmount ?? ZERO));
  return ZERO;
}

function checkDecision(
  d: Decision | NonNullable<Extract<OutcomeEvent, { type: 'confirm' }>['revised']>,
): string | null {
  switch (d.outcome) {
    case 'ammesso':
      return null;
    case 'ammesso_parzialmente':
      if (typeof d.amount !== 'string' || !/^\d+(\.\d{1,2})?$/.test(d.amount)) {
        return 'Importo ammesso non valido: indicare un importo non negativo con al massimo 2 decimali (es. 1234.50).';
      }
      return null;
    case 'non_ammesso':
      return typeof d.reason === 'string' && d.reason.trim() !== ''
        ? null
        : 'La motivazione della non ammissione è obbligatoria.';
    case 'integrazioni_richieste':
      return typeof d.deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.deadline)
        ? null
        : 'Indicare la scadenza per le integrazioni (aaaa-mm-gg).';
  }
}

// ---- S6: single-row non-admission ------------------------------------------------------------

export interface RowNonAdmission {
  submissionId: string;
  rowId: string;
  reason: string;
  decidedOn?: IsoDate;
}

export type RowNonAdmissionResult = { ok: true; value: RowNonAdmission } | { ok: false; error: string };

/** S6: the PO may not admit any single row; the reason is required. */
export function rowNonAdmission(input: {
  submissionId?: unknown;
  rowId?: unknown;
  reason?: unknown;
  decidedOn?: IsoDate;
}): RowNonAdmissionResult {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  if (text(input.submissionId) === '')
    return { ok: false, error: 'Indicare la versione del rendiconto (submissionId).' };
  if (text(input.rowId) === '') return { ok: false, error: 'Indicare la riga da non ammettere (rowId).' };
  if (text(input.reason) === '')
    return { ok: false, error: 'La motivazione della non ammissione della riga è obbligatoria (S6).' };
  return {
    ok: true,
    value: {
      submissionId: text(input.submissionId),
      rowId: text(input.rowId),
      reason: text(input.reason),
      decidedOn: input.decidedOn,
    },
  };
}

// ---- S7: projected error rate (information only) ---------------------------------------------

export interface ProjectedErrorRate {
  /** Non-admitted € / sampled €, as a percentage string with 2 decimals. */
  rate: string;
  /** The rate applied to the programme's personnel cost, "1234.50"; never applied automatically. */
  projected: string;
  informationOnly: true;
  formula: string;
  inputs: Record<string, string>;
}

export function projectedErrorRate(input: {
  sampled: Money;
  nonAdmitted: Money;
  personnelCost: Money;
}): ProjectedErrorRate {
  const ratio = input.sampled.isZero() ? ZERO : input.nonAdmitted.div(input.sampled);
  return {
    rate: ratio.times(100).toFixed(2),
    projected: formatAmount(ratio.times(input.personnelCost)),
    informationOnly: true,
    formula:
      'tasso di errore = non ammesso € / campionato €; proiezione = tasso × costo del personale del programma (solo informativo)',
    inputs: {
      campionato: formatAmount(input.sampled),
      nonAmmesso: formatAmount(input.nonAdmitted),
      costoPersonale: formatAmount(input.personnelCost),
    },
  };
}

function ok(state: SampledPersonOutcome): OutcomeResult {
  return { ok: true, state };
}

function fail(error: string): OutcomeResult {
  return { ok: false, error };
}
