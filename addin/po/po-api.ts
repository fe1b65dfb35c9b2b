// The PO pane's side of the one API client (client/), bound to one agreement. Transport, base URL
// and token are injected: the pane passes its fetch and token source, tests pass theirs. Errors are
// the client's ApiError (exported here as PoApiError too) with the server's Italian message, so
// panels show it as is. Answers are parsed with the contract's schemas (shared/contract); the
// sample view becomes the panels' Sample by an exact mapping (sampleFromView): no field is guessed.
import { ApiError, createClient, type ApiMessages, type FetchLike } from '../../client';
import type { DecisionRequest, PersonView, SampleView } from '../../shared/contract';
import type {
  DrawRequest,
  OutcomeKind,
  OutcomeRequest,
  ReviewRequest,
  RowSummary,
  Sample,
  SampledPerson,
  SubmissionSummary,
} from './po-types';
import type { ReconciliationAnswerAsRead } from '../../shared/reconciliation/reconciliation-answer';

export type { FetchLike };

export interface PoApiConfig {
  /** Base of the API, e.g. "http://localhost:7071/api" (no trailing slash needed). */
  baseUrl: string;
  agreement: string;
  getToken: () => Promise<string> | string;
  fetch: FetchLike;
}

/** The pane's API error: one class for both sides of the pane (status 0 = network). */
export { ApiError as PoApiError };

const other = (status: number) => `Errore del servizio (${status}).`;

/** The PO pane's wording of failures without an error body (the panels show it as is). */
export const PO_MESSAGES: Partial<ApiMessages> = {
  network: 'Servizio non raggiungibile: controllare la connessione e riprovare.',
  unavailable: other,
  other,
  byStatus: {
    401: 'Sessione scaduta o non valida: accedere di nuovo.',
    403: 'Operazione non consentita per questo profilo o programma.',
    404: 'Elemento non trovato.',
    409: 'Conflitto con una modifica già registrata: aggiornare e riprovare.',
  },
  code: () => 'http',
};

export interface PoApi {
  getSample(programme: string, semester: string): Promise<Sample | null>;
  drawSample(programme: string, semester: string, request: DrawRequest): Promise<Sample>;
  /** `person` is the rank in the draw order (preferred) or the person id. */
  recordOutcome(programme: string, semester: string, person: string, request: OutcomeRequest): Promise<unknown>;
  markDocumentsReceived(programme: string, semester: string, person: string): Promise<unknown>;
  /** The partner's observations during the contradictory step (same route, partner token). */
  sendObservations(programme: string, semester: string, person: string, observations: string): Promise<unknown>;
  /** Ends the contradictory step, keeping the decision. */
  confirmOutcome(programme: string, semester: string, person: string): Promise<unknown>;
  review(request: ReviewRequest): Promise<unknown>;
  /** The versions of the reports of the PO's programmes (the server scopes the list). */
  listSubmissions(programme?: string, year?: number): Promise<SubmissionSummary[]>;
  /** The rows of one version, reduced to id, category, amount and place. */
  submissionRows(submissionId: string): Promise<RowSummary[]>;
  reconciliation(year: number, programme?: string, asOf?: string): Promise<ReconciliationAnswerAsRead>;
  /** The frozen population of a drawn sample as a .txt file: the exact bytes of its recorded hash. */
  samplePopulation(programme: string, semester: string): Promise<{ fileName: string; bytes: Uint8Array }>;
}

export function createPoApi(config: PoApiConfig): PoApi {
  const client = createClient({
    baseUrl: config.baseUrl,
    token: config.getToken,
    fetch: config.fetch,
    messages: PO_MESSAGES,
  });
  const agreement = config.agreement;
  const outcome = (
    programme: string,
    semester: string,
    person: string,
    body: Parameters<typeof client.recordOutcome>[4],
  ) => client.recordOutcome(agreement, programme, semester, person, body);

  return {
    async getSample(programme, semester) {
      try {
        return sampleFromView(await client.getSample(agreement, programme, semester));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    async drawSample(programme, semester, request) {
      return sampleFromView(await client.drawSample(agreement, programme, semester, request));
    },
    recordOutcome(programme, semester, person, request) {
      // The outcome form's fields; which combination is valid is the server's to say (422 with paths).
      return outcome(programme, semester, person, request as DecisionRequest);
    },
    markDocumentsReceived(programme, semester, person) {
      return outcome(programme, semester, person, { documentsReceived: true });
    },
    sendObservations(programme, semester, person, observations) {
      return outcome(programme, semester, person, { observations });
    },
    confirmOutcome(programme, semester, person) {
      return outcome(programme, semester, person, { confirm: true });
    },
    review(request) {
      return client.createReview(agreement, request);
    },
    async listSubmissions(programme, year) {
      const { submissions } = await client.listSubmissions(agreement, { programme, year });
      return submissions.map((s): SubmissionSummary => ({
        submissionId: s.submissionId,
        partner: s.partner,
        programme: s.programme,
        year: s.year,
        version: s.version,
        submittedAt: s.submittedAt,
        rowCount: s.rowCount,
      }));
    },
    async submissionRows(submissionId) {
      const { rows } = await client.getSubmission(agreement, submissionId);
      // Id, category, amount and place only: the stored row also holds names and tax codes.
      return rows.map((r): RowSummary => ({
        rowId: r.rowId,
        category: r.category,
        amount: typeof r.amount === 'string' ? r.amount : undefined,
        sheet: r.sheet,
        row: r.row,
      }));
    },
    reconciliation(year, programme, asOf): Promise<ReconciliationAnswerAsRead> {
      return client.reconciliation(agreement, { year, programme, asOf });
    },
    async samplePopulation(programme, semester) {
      const file = await client.samplePopulation(agreement, programme, semester);
      return { fileName: `popolazione-${agreement}-${programme}-${semester}.txt`, bytes: file.bytes };
    },
  };
}

const OUTCOMES: readonly string[] = ['ammesso', 'ammesso_parzialmente', 'non_ammesso', 'integrazioni_richieste'];

/** The decision a person's state shows, when its status is one (not while documents are awaited). */
function outcomeOf(p: PersonView): SampledPerson['outcome'] {
  if (!OUTCOMES.includes(p.status)) return undefined;
  return {
    outcome: p.status as OutcomeKind,
    amount: p.admittedAmount,
    reason: p.reason,
    deadline: p.integrationDeadline,
    at: p.decidedOn,
  };
}

/** The server's sample view (GET …/samples/…, POST …/draw) as the panels read it: field by field. */
export function sampleFromView(view: SampleView): Sample {
  return {
    programme: view.programme,
    semester: view.semester,
    seed: view.seed,
    method: view.method,
    rate: view.rate,
    populationHash: view.populationHash,
    population: view.population,
    n: view.n,
    drawnAt: view.drawnOn,
    drawnBy: view.drawnBy ?? undefined,
    seedGenerated: view.seedGenerated,
    selected: view.selected.map((p): SampledPerson => {
      const received = p.history.filter((e) => e.type === 'documents_received');
      const observations = p.contradictory?.observations;
      return {
        rank: p.rank,
        personId: p.personId,
        requestDeadline: p.requestDeadline,
        status: p.status,
        // The PO's view lists the documents of the person's rows; a partner's view has none.
        documents: (p.documents ?? []).map((d) => ({
          docId: d.docId,
          name: d.name,
          kind: d.kind ?? undefined,
          receivedAt: d.receivedAt,
        })),
        documentsReceivedOn: received[received.length - 1]?.on,
        final: p.final,
        contradictory: p.contradictory !== undefined && !p.final,
        rowIds: p.rowIds,
        partners: p.partners,
        reportedCost: p.reportedCost ?? undefined,
        outcome: outcomeOf(p),
        observations: observations ? [{ text: observations.text, at: observations.on }] : [],
        observationDeadline: p.contradictory?.observationsDeadline,
      };
    }),
  };
}
