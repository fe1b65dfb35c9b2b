// The reconciliation answer as it travels (GET …/reconciliation, the CLI's JSON, the PO pane).
// THE answer type is the one reconcile() computes (reconcile.ts); this file adds only what a
// tolerant reader needs on top of it: the same shape with the fields an older server or a saved,
// hand-edited file may lack made optional, and codes widened to string so that a rule added later
// does not break an open pane. Those reading types are derived from reconcile.ts, never copied,
// so a change of the answer's shape shows up here at compile time.
import type { Finding } from '../findings/findings';
import type { ExcludedAnswer, ProgrammeReconciliation, Reconciliation, TrailStep } from './reconcile';

/**
 * What GET /api/agreements/{a}/reconciliation answers (amounts as two-decimal strings). `ats`, the
 * ATS-wide position, is null for a partner that is not the ATS lead (DOMAIN.md §11).
 */
export type ReconciliationAnswer = Omit<Reconciliation, 'ats'> & { ats: Reconciliation['ats'] | null };

/** `T` with the keys `Opt` made optional and the keys of `Wide` retyped (widened) as given. */
type Loosened<T, Opt extends keyof T, Wide extends { [K in keyof T]?: unknown } = object> = Omit<T, Opt | keyof Wide> &
  Partial<Pick<T, Opt>> &
  Wide;

/** A calculation-trail entry as read: `figure` may be missing, inputs and result of any shape. */
export type TrailEntryAsRead = Loosened<TrailStep, 'figure', { step: string; inputs: unknown; result: unknown }>;

/** An exclusion as read: the split between municipal share and co-financing may be missing. */
export type ExclusionAsRead = Loosened<ExcludedAnswer, 'municipal' | 'cofinancing'>;

export type ProgrammeAsRead = Loosened<
  ProgrammeReconciliation,
  never,
  { excluded: ExclusionAsRead[]; trail: TrailEntryAsRead[] }
>;

/** What a tolerant reader (pane, CLI --file) accepts; every ReconciliationAnswer is one. */
export type ReconciliationAnswerAsRead = Loosened<
  Reconciliation,
  'phase' | 'findings',
  {
    policy: Reconciliation['policy'] | (string & {});
    programmes: ProgrammeAsRead[];
    ats: Loosened<Reconciliation['ats'], never, { trail?: TrailEntryAsRead[] }> | null;
    findings?: Array<Pick<Finding, 'code' | 'message'> & { severity: string }>;
  }
>;

// Compile-time check (npx tsc) that the reading type really is a widening of the answer.
type Holds<T extends true> = T;
export type AnswerIsReadable = Holds<ReconciliationAnswer extends ReconciliationAnswerAsRead ? true : false>;

/** Italian names of the exclusion reasons (DOMAIN.md §3, §5, §6); unknown codes show as themselves. */
export const EXCLUSION_LABELS: Readonly<Record<string, string>> = {
  R14: 'tipologia di spesa non ammissibile',
  R21: 'spese generali oltre il limite',
  R24: 'integrazione retroattiva dopo la chiusura della finestra',
  R25: 'documentazione mancante alla chiusura',
  S5: 'non ammesso dopo verifica a campione',
  S6: 'riga non ammessa dalla PO',
};

/** Query of GET …/reconciliation (ARCHITECTURE.md, "HTTP API"). */
export interface ReconciliationRequest {
  year: number;
  programme?: string;
  asOf?: string;
  /** 'xlsx' asks for the `Riconciliazione` workbook instead of JSON. */
  format?: 'json' | 'xlsx';
}

/** The query string of GET …/reconciliation ("year=2026&programme=P1"), shared by every client. */
export function reconciliationSearch(request: ReconciliationRequest): string {
  const pairs: Array<[string, string]> = [['year', String(request.year)]];
  if (request.programme) pairs.push(['programme', request.programme]);
  if (request.asOf) pairs.push(['asOf', request.asOf]);
  if (request.format && request.format !== 'json') pairs.push(['format', request.format]);
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}
