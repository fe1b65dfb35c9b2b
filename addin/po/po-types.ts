// What the PO panels show. The wire shapes are the contract's (shared/contract); po-api.ts reads
// them with its schemas and maps the sample view onto these types field by field.

// The reconciliation answer is not declared here: its types live in the domain module
// (shared/reconciliation/reconciliation-answer.ts), derived from what shared/reconciliation/reconcile.ts computes.

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
  documents: Array<{ docId: string; name?: string; kind?: string; receivedAt?: string }>;
  /** Entities whose rows put the person in the population (PO view). */
  partners?: string[];
  /** The person's reported cost in the programme and semester, wire form (PO view). */
  reportedCost?: string;
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
