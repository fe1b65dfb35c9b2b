// Wire shapes of the PO routes (ARCHITECTURE.md, "HTTP API"). The pane is a tolerant reader: it
// names only the fields it shows, so the server may add fields without breaking an open pane.

/** Amounts travel as strings with two decimals ("1234.50"); shares as percentage strings ("12.24"). */
export type WireAmount = string;

export type ExclusionReason = 'R14' | 'R21' | 'R24' | 'R25' | 'S5' | 'S6' | (string & {});

export interface TrailEntry {
  step: string;
  /** The figure the entry computes ("admitted.total", "ats.due"), when the server names it. */
  figure?: string;
  formula: string;
  inputs: Record<string, unknown> | unknown[] | null;
  result: unknown;
}

export interface ProgrammeReconciliation {
  programme: string;
  budget: { municipal: WireAmount; cofinancing: WireAmount; planned: WireAmount };
  reported: { municipal: WireAmount; cofinancing: WireAmount };
  excluded: Array<{
    reason: ExclusionReason;
    amount: WireAmount;
    rowIds: string[];
    municipal?: WireAmount;
    cofinancing?: WireAmount;
    note?: string;
  }>;
  admitted: { municipal: WireAmount; cofinancing: WireAmount; total: WireAmount };
  contribution: { proportional: WireAmount; cappedByAdmitted: WireAmount; due: WireAmount };
  cofinancingShare: string;
  tranches: { first: WireAmount; second: WireAmount; balance: WireAmount };
  toRecover: WireAmount;
  trail: TrailEntry[];
}

export interface ReconciliationAnswer {
  agreement: string;
  year: number;
  asOf: string;
  policy: 'reduce' | 'flag' | (string & {});
  /** "during" the year or at "yearClose" (R20 is then an error rather than a warning). */
  phase?: string;
  programmes: ProgrammeReconciliation[];
  ats: {
    due: WireAmount;
    cofinancing: WireAmount;
    cofinancingShare: string;
    r20: 'ok' | 'warning' | 'error';
    trail?: TrailEntry[];
  };
  /** R20 findings (Italian messages) of the ATS and the programmes. */
  findings?: Array<{ code: string; severity: string; message: string }>;
}

export type SampleMethod = 'simple' | 'mus';

export type OutcomeKind = 'ammesso' | 'ammesso_parzialmente' | 'non_ammesso' | 'integrazioni_richieste';

export interface Observation {
  text: string;
  at?: string;
  by?: string;
}

export interface SampledPerson {
  /** Position in the draw order; the API prefers it to the tax code in URLs (logs). */
  rank?: number;
  personId: string;
  requestDeadline: string;
  status: string;
  /** Documents the partner sent for this request (names or ids), when the server lists them. */
  documents: Array<{ docId: string; name?: string; receivedAt?: string }>;
  /** Day the PO recorded the documentation as received (S4 request answered). */
  documentsReceivedOn?: string;
  /** Nothing can change any more (admitted, or confirmed after the contradictory step). */
  final: boolean;
  /** A non-admission (total or partial) waiting for the ATS's observations or the PO's confirmation. */
  contradictory: boolean;
  /** Rows behind the person ("partner/rowId"). */
  rowIds: string[];
  outcome?: { outcome: OutcomeKind; amount?: string; reason?: string; deadline?: string; at?: string };
  observations: Observation[];
  observationDeadline?: string;
}

export interface Sample {
  programme: string;
  semester: string;
  seed: string;
  method: SampleMethod | (string & {});
  rate: string;
  populationHash: string;
  population: number;
  n: number;
  drawnAt?: string;
  /** "timer" when the daily timer drew it, "po" when a PO pressed the button (when known). */
  drawnBy?: string;
  /** True when the service generated the seed (no seed given by the PO). */
  seedGenerated?: boolean;
  selected: SampledPerson[];
}

export interface DrawRequest {
  seed?: string;
  method?: SampleMethod;
  rate?: string;
}

export interface OutcomeRequest {
  outcome: OutcomeKind;
  amount?: string;
  reason?: string;
  deadline?: string;
}

export interface ReviewRequest {
  submissionId: string;
  rowId: string;
  decision: 'non_ammesso';
  reason: string;
}

export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  ammesso: 'Ammesso',
  ammesso_parzialmente: 'Ammesso parzialmente',
  non_ammesso: 'Non ammesso',
  integrazioni_richieste: 'Integrazioni richieste',
};

/** Italian names of the exclusion reasons (DOMAIN.md §3, §5, §6); unknown codes show as themselves. */
export const EXCLUSION_LABELS: Record<string, string> = {
  R14: 'tipologia di spesa non ammissibile',
  R21: 'spese generali oltre il limite',
  R24: 'integrazione retroattiva dopo la chiusura della finestra',
  R25: 'documentazione mancante alla chiusura',
  S5: 'non ammesso dopo verifica a campione',
  S6: 'riga non ammessa dalla PO',
};

/** One version of a partner's report, as the submissions list gives it (no personal data). */
export interface SubmissionSummary {
  submissionId: string;
  partner: string;
  programme: string;
  year: number;
  version: number;
  submittedAt?: string;
  rowCount?: number;
}

/** A row of a submission reduced to what the PO needs to name it (never names or tax codes). */
export interface RowSummary {
  rowId: string;
  category: string;
  amount?: string;
  sheet?: string;
  row?: number;
}
