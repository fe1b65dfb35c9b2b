// Typed client of the PO routes (ARCHITECTURE.md, "HTTP API"). Transport and token are injected:
// the pane passes its fetch and token source, tests pass theirs. Errors surface as PoApiError with
// the server's Italian message, so panels can show it as is.
import { ApiError } from '../api/client';
import type {
  DrawRequest,
  Observation,
  OutcomeKind,
  OutcomeRequest,
  ReviewRequest,
  RowSummary,
  Sample,
  SubmissionSummary,
  SampledPerson,
} from './po-types';
import {
  reconciliationSearch,
  type ReconciliationAnswerAsRead,
} from '../../shared/reconciliation/reconciliation-answer';
import { parseReconciliationAnswer } from '../../shared/reconciliation/reconciliation-answer-schema';

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{
  status: number;
  ok: boolean;
  text(): Promise<string>;
}>;

export interface PoApiConfig {
  /** Base of the API, e.g. "http://localhost:7071/api" (no trailing slash needed). */
  baseUrl: string;
  agreement: string;
  getToken: () => Promise<string> | string;
  fetch: FetchLike;
}

/** The pane's API error: one class for both sides of the pane (status 0 = network). */
export { ApiError as PoApiError };

const GENERIC: Record<number, string> = {
  0: 'Servizio non raggiungibile: controllare la connessione e riprovare.',
  401: 'Sessione scaduta o non valida: accedere di nuovo.',
  403: 'Operazione non consentita per questo profilo o programma.',
  404: 'Elemento non trovato.',
  409: 'Conflitto con una modifica già registrata: aggiornare e riprovare.',
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
}

export function createPoApi(config: PoApiConfig): PoApi {
  const base = `${config.baseUrl.replace(/\/+$/, '')}/agreements/${encodeURIComponent(config.agreement)}`;

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${await config.getToken()}`,
      Accept: 'application/json',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await config.fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', GENERIC[0]);
    }
    const text = await response.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) {
      const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      throw new ApiError(
        response.status,
        error?.code ?? 'http',
        error?.message ?? GENERIC[response.status] ?? `Errore del servizio (${response.status}).`,
        error?.details ?? null,
      );
    }
    return data;
  }

  const samplePath = (programme: string, semester: string) =>
    `/samples/${encodeURIComponent(programme)}/${encodeURIComponent(semester)}`;

  return {
    async getSample(programme, semester) {
      try {
        return normaliseSample(await call('GET', samplePath(programme, semester)), programme, semester);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    async drawSample(programme, semester, request) {
      return normaliseSample(
        await call('POST', `${samplePath(programme, semester)}/draw`, request),
        programme,
        semester,
      );
    },
    recordOutcome(programme, semester, person, request) {
      return call('POST', `${samplePath(programme, semester)}/outcomes/${encodeURIComponent(person)}`, request);
    },
    markDocumentsReceived(programme, semester, person) {
      return call('POST', `${samplePath(programme, semester)}/outcomes/${encodeURIComponent(person)}`, {
        documentsReceived: true,
      });
    },
    sendObservations(programme, semester, person, observations) {
      return call('POST', `${samplePath(programme, semester)}/outcomes/${encodeURIComponent(person)}`, {
        observations,
      });
    },
    confirmOutcome(programme, semester, person) {
      return call('POST', `${samplePath(programme, semester)}/outcomes/${encodeURIComponent(person)}`, {
        confirm: true,
      });
    },
    review(request) {
      return call('POST', '/reviews', request);
    },
    async listSubmissions(programme, year) {
      const query = new URLSearchParams();
      if (programme) query.set('programme', programme);
      if (year) query.set('year', String(year));
      const data = record(await call('GET', `/submissions${query.size ? `?${query.toString()}` : ''}`));
      return (Array.isArray(data.submissions) ? data.submissions : [])
        .map(record)
        .filter((s) => typeof s.submissionId === 'string')
        .map((s) => ({
          submissionId: s.submissionId as string,
          partner: str(s.partner) ?? '',
          programme: str(s.programme) ?? '',
          year: Number(s.year ?? 0),
          version: Number(s.version ?? 0),
          submittedAt: str(s.submittedAt),
          rowCount: typeof s.rowCount === 'number' ? s.rowCount : undefined,
        }));
    },
    async submissionRows(submissionId) {
      const data = record(await call('GET', `/submissions/${encodeURIComponent(submissionId)}`));
      return (Array.isArray(data.rows) ? data.rows : [])
        .map(record)
        .filter((r) => typeof r.rowId === 'string')
        .map((r) => ({
          rowId: r.rowId as string,
          category: str(r.category) ?? '',
          amount: str(r.amount),
          sheet: str(r.sheet),
          row: typeof r.row === 'number' ? r.row : undefined,
        }));
    },
    async reconciliation(year, programme, asOf) {
      const search = reconciliationSearch({ year, programme, asOf });
      const parsed = parseReconciliationAnswer(await call('GET', `/reconciliation?${search}`));
      if (!parsed.ok)
        throw new ApiError(502, 'bad_answer', 'La riconciliazione ricevuta non è leggibile.', parsed.issues);
      return parsed.answer;
    },
  };
}

const OUTCOMES: readonly OutcomeKind[] = ['ammesso', 'ammesso_parzialmente', 'non_ammesso', 'integrazioni_richieste'];

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Reads the outcome whether the server nests it ({ outcome: { outcome, … } }) or flattens it into
 * the person's state ({ status: "non_ammesso", reason, admittedAmount, integrationDeadline }).
 */
function readOutcome(raw: Record<string, unknown>): SampledPerson['outcome'] {
  const nested = record(raw.outcome);
  const source = Object.keys(nested).length > 0 ? nested : raw;
  const kind = str(source.outcome) ?? str(source.kind) ?? str(source.status);
  if (!kind || !(OUTCOMES as readonly string[]).includes(kind)) return undefined;
  return {
    outcome: kind as OutcomeKind,
    amount: str(source.amount) ?? str(source.admittedAmount),
    reason: str(source.reason),
    deadline: str(source.deadline) ?? str(source.integrationDeadline),
    at: str(source.at) ?? str(source.decidedOn) ?? str(source.decidedAt),
  };
}

function readObservations(raw: Record<string, unknown>): Observation[] {
  const inContradictory = record(raw.contradictory).observations;
  const source = raw.observations ?? inContradictory;
  const list = Array.isArray(source) ? source : source !== undefined ? [source] : [];
  return list
    .map((o): Observation | null => {
      if (typeof o === 'string') return { text: o };
      const r = record(o);
      const text = str(r.text) ?? str(r.observations);
      return text ? { text, at: str(r.at) ?? str(r.on) ?? str(r.receivedAt), by: str(r.by) ?? str(r.partner) } : null;
    })
    .filter((o): o is Observation => o !== null);
}

function readDocuments(raw: Record<string, unknown>): SampledPerson['documents'] {
  const list = Array.isArray(raw.documents) ? raw.documents : [];
  return list
    .map((d) => {
      if (typeof d === 'string') return { docId: d };
      const r = record(d);
      const docId = str(r.docId) ?? str(r.id);
      return docId
        ? { docId, name: str(r.name) ?? str(r.fileName), kind: str(r.kind), receivedAt: str(r.receivedAt) ?? str(r.at) }
        : null;
    })
    .filter((d): d is SampledPerson['documents'][number] => d !== null);
}

/** A tolerant reading of the sample answers (draw and get share it, GET adds requests and outcomes). */
export function normaliseSample(data: unknown, programme: string, semester: string): Sample {
  const raw = record(data);
  const body = Object.keys(record(raw.sample)).length > 0 ? record(raw.sample) : raw;
  const selected = (Array.isArray(body.selected) ? body.selected : []).map((s): SampledPerson => {
    const r = typeof s === 'string' ? { personId: s } : record(s);
    const contradictory = record(r.contradictory);
    const history = Array.isArray(r.history) ? r.history.map(record) : [];
    const received = history.filter((e) => e.type === 'documents_received').map((e) => str(e.on));
    return {
      rank: typeof r.rank === 'number' ? r.rank : undefined,
      personId: str(r.personId) ?? '',
      requestDeadline: str(r.requestDeadline) ?? str(r.deadline) ?? '',
      status: str(r.status) ?? '',
      documents: readDocuments(r),
      documentsReceivedOn: str(r.documentsReceivedOn) ?? received[received.length - 1],
      final: r.final === true,
      contradictory: Object.keys(contradictory).length > 0 && r.final !== true,
      rowIds: Array.isArray(r.rowIds) ? r.rowIds.filter((x): x is string => typeof x === 'string') : [],
      partners: Array.isArray(r.partners) ? r.partners.filter((x): x is string => typeof x === 'string') : undefined,
      reportedCost: str(r.reportedCost),
      outcome: readOutcome(r),
      observations: readObservations(r),
      observationDeadline: str(r.observationDeadline) ?? str(contradictory.observationsDeadline),
    };
  });
  return {
    programme: str(body.programme) ?? programme,
    semester: str(body.semester) ?? semester,
    seed: str(body.seed) ?? '',
    method: str(body.method) ?? 'simple',
    rate: str(body.rate) ?? '',
    populationHash: str(body.populationHash) ?? '',
    population: Number(body.population ?? body.N ?? 0),
    n: Number(body.n ?? selected.length),
    drawnAt: str(body.drawnAt) ?? str(body.drawnOn) ?? str(body.createdAt),
    drawnBy: str(body.drawnBy) ?? str(body.trigger),
    seedGenerated: typeof body.seedGenerated === 'boolean' ? body.seedGenerated : undefined,
    selected,
  };
}
