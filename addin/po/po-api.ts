// Typed client of the PO routes (ARCHITECTURE.md, "HTTP API"). Transport and token are injected:
// the pane passes its fetch and token source, tests pass theirs. Errors surface as PoApiError with
// the server's Italian message, so panels can show it as is.
import type {
  DrawRequest,
  Observation,
  OutcomeKind,
  OutcomeRequest,
  ReconciliationAnswer,
  ReviewRequest,
  Sample,
  SampledPerson,
} from './po-types';
import { parseReconciliationAnswer } from './reconciliation-schema';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{
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

export class PoApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'PoApiError';
  }
}

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
  recordOutcome(programme: string, semester: string, personId: string, request: OutcomeRequest): Promise<unknown>;
  review(request: ReviewRequest): Promise<unknown>;
  reconciliation(year: number, programme?: string, asOf?: string): Promise<ReconciliationAnswer>;
}

export function createPoApi(config: PoApiConfig): PoApi {
  const base = `${config.baseUrl.replace(/\/+$/, '')}/agreements/${encodeURIComponent(config.agreement)}`;

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await config.getToken()}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await config.fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new PoApiError(0, 'network', GENERIC[0]);
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
      throw new PoApiError(response.status, error?.code ?? 'http', error?.message ?? GENERIC[response.status] ?? `Errore del servizio (${response.status}).`, error?.details ?? null);
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
        if (error instanceof PoApiError && error.status === 404) return null;
        throw error;
      }
    },
    async drawSample(programme, semester, request) {
      return normaliseSample(await call('POST', `${samplePath(programme, semester)}/draw`, request), programme, semester);
    },
    recordOutcome(programme, semester, personId, request) {
      return call('POST', `${samplePath(programme, semester)}/outcomes/${encodeURIComponent(personId)}`, request);
    },
    review(request) {
      return call('POST', '/reviews', request);
    },
    async reconciliation(year, programme, asOf) {
      const query = new URLSearchParams({ year: String(year) });
      if (programme) query.set('programme', programme);
      if (asOf) query.set('asOf', asOf);
      const parsed = parseReconciliationAnswer(await call('GET', `/reconciliation?${query.toString()}`));
      if (!parsed.ok) throw new PoApiError(502, 'bad_answer', 'La riconciliazione ricevuta non è leggibile.', parsed.issues);
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

/** Reads the outcome whether the server nests it ({ outcome: { outcome, … } }) or flattens it. */
function readOutcome(raw: Record<string, unknown>): SampledPerson['outcome'] {
  const nested = record(raw.outcome);
  const source = Object.keys(nested).length > 0 ? nested : raw;
  const kind = str(source.outcome) ?? str(source.kind);
  if (!kind || !(OUTCOMES as readonly string[]).includes(kind)) return undefined;
  return {
    outcome: kind as OutcomeKind,
    amount: str(source.amount),
    reason: str(source.reason),
    deadline: str(source.deadline),
    at: str(source.at) ?? str(source.decidedAt) ?? str(source.recordedAt),
  };
}

function readObservations(raw: Record<string, unknown>): Observation[] {
  const list = Array.isArray(raw.observations) ? raw.observations : raw.observations !== undefined ? [raw.observations] : [];
  return list
    .map((o): Observation | null => {
      if (typeof o === 'string') return { text: o };
      const r = record(o);
      const text = str(r.text) ?? str(r.observations);
      return text ? { text, at: str(r.at) ?? str(r.receivedAt), by: str(r.by) ?? str(r.partner) } : null;
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
      return docId ? { docId, name: str(r.name) ?? str(r.fileName), receivedAt: str(r.receivedAt) ?? str(r.at) } : null;
    })
    .filter((d): d is SampledPerson['documents'][number] => d !== null);
}

/** A tolerant reading of the sample answers (draw and get share it, GET adds requests and outcomes). */
export function normaliseSample(data: unknown, programme: string, semester: string): Sample {
  const raw = record(data);
  const body = Object.keys(record(raw.sample)).length > 0 ? record(raw.sample) : raw;
  const selected = (Array.isArray(body.selected) ? body.selected : []).map((s): SampledPerson => {
    const r = typeof s === 'string' ? { personId: s } : record(s);
    return {
      personId: str(r.personId) ?? '',
      requestDeadline: str(r.requestDeadline) ?? str(r.deadline) ?? '',
      status: str(r.status) ?? '',
      documents: readDocuments(r),
      outcome: readOutcome(r),
      observations: readObservations(r),
      observationDeadline: str(r.observationDeadline) ?? str(r.observationsDeadline),
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
    drawnAt: str(body.drawnAt) ?? str(body.createdAt),
    drawnBy: str(body.drawnBy) ?? str(body.trigger),
    selected,
  };
}
