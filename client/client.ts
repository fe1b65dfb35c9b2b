// The one typed client of the HTTP API (ARCHITECTURE.md "HTTP API"), for the partner pane, the PO
// pane and the CLI. Everything outside is a parameter: the fetch to use, the API's base URL
// ("/api", "http://localhost:7071/api"), the bearer token provider, the Italian wording of
// failures without an error body. Every answer is parsed with its schema of the contract
// (shared/contract), so a caller holds typed data or an ApiError — never a guess.
import type { z } from 'zod';
import {
  AgreementAnswerSchema,
  AtsStatusAnswerSchema,
  DocumentMetaSchema,
  DrawAnswerSchema,
  HealthAnswerSchema,
  OutcomeAnswerSchema,
  ReviewAnswerSchema,
  SampleViewSchema,
  SamplingRunSchema,
  SubmissionAnswerSchema,
  SubmissionDetailAnswerSchema,
  SubmissionListAnswerSchema,
  ValidateAnswerSchema,
  XLSX_CONTENT_TYPE,
  parseReconciliationAnswer,
  type AgreementAnswer,
  type AtsStatusAnswer,
  type ConfirmRequest,
  type DecisionRequest,
  type DocumentMeta,
  type DrawAnswer,
  type DrawRequest,
  type HealthAnswer,
  type OutcomeAnswer,
  type ReconciliationAnswer,
  type ReviewAnswer,
  type ReviewRequest,
  type SampleView,
  type SamplingRun,
  type SubmissionAnswer,
  type SubmissionDetailAnswer,
  type SubmissionListAnswer,
  type SubmissionRequest,
  type ValidateAnswer,
} from '../shared/contract';
import { reconciliationSearch, type ReconciliationRequest } from '../shared/reconciliation/reconciliation-answer';
import { ApiError, DEFAULT_MESSAGES, errorOf, type ApiMessages } from './api-error';

/** What the client needs of fetch: the browser's, Node's, or a test's. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

export interface FetchResponse {
  status: number;
  ok: boolean;
  text(): Promise<string>;
  arrayBuffer?(): Promise<ArrayBuffer>;
  headers?: { get(name: string): string | null };
}

/** The bearer token of the caller, or null to call without one (anonymous routes). */
export type TokenProvider = () => Promise<string | null> | string | null;

export interface ClientOptions {
  /** Base of the API, e.g. "/api" or "http://localhost:7071/api" (a trailing slash is fine). */
  baseUrl: string;
  token: TokenProvider;
  fetch: FetchLike;
  /** The caller's wording of failures without an error body; defaults to the pane's. */
  messages?: Partial<ApiMessages>;
}

/** The body of an outcome call: a decision, a confirmation, documents received, observations. */
export type OutcomeRequest = DecisionRequest | ConfirmRequest | { documentsReceived: true } | { observations: string };

export interface SubmissionQuery {
  programme?: string;
  partner?: string;
  year?: number;
}

export interface DocumentQuery {
  programme: string;
  rowId?: string;
  kind?: string;
  fileName?: string;
}

export interface DownloadedFile {
  bytes: Uint8Array;
  contentType: string;
  /** From Content-Disposition, when the server names the file. */
  fileName?: string;
  /** X-Content-SHA256 of a document. */
  sha256?: string;
}

export interface RendicontaClient {
  health(): Promise<HealthAnswer>;
  getAgreement(agreement: string): Promise<AgreementAnswer>;
  validate(agreement: string, body: SubmissionRequest): Promise<ValidateAnswer>;
  /** The same Idempotency-Key on every retry of one submission: the server answers the first answer again. */
  submit(agreement: string, body: SubmissionRequest, idempotencyKey: string): Promise<SubmissionAnswer>;
  listSubmissions(agreement: string, query?: SubmissionQuery): Promise<SubmissionListAnswer>;
  getSubmission(agreement: string, submissionId: string): Promise<SubmissionDetailAnswer>;
  /** The last committed version of one report (partner, programme, year) with its rows, or null. */
  latestSubmission(
    agreement: string,
    report: { partner: string; programme: string; year: number },
  ): Promise<SubmissionDetailAnswer | null>;
  uploadDocument(agreement: string, docId: string, bytes: Uint8Array, query: DocumentQuery): Promise<DocumentMeta>;
  downloadDocument(agreement: string, docId: string): Promise<DownloadedFile>;
  getSample(agreement: string, programme: string, semester: string): Promise<SampleView>;
  /** The frozen population of a drawn sample: the exact bytes of its recorded hash (text/plain). */
  samplePopulation(agreement: string, programme: string, semester: string): Promise<DownloadedFile>;
  /** The ATS lead partner's (and admins') ATS-wide position of a year. */
  atsStatus(agreement: string, query: { year: number; asOf?: string }): Promise<AtsStatusAnswer>;
  drawSample(agreement: string, programme: string, semester: string, body?: DrawRequest): Promise<DrawAnswer>;
  /** `person`: the rank in the draw order (preferred: URLs reach logs) or the person id. */
  recordOutcome(
    agreement: string,
    programme: string,
    semester: string,
    person: string,
    body: OutcomeRequest,
  ): Promise<OutcomeAnswer>;
  createReview(agreement: string, body: ReviewRequest): Promise<ReviewAnswer>;
  reconciliation(agreement: string, request: ReconciliationRequest): Promise<ReconciliationAnswer>;
  /** The same reconciliation as the `Riconciliazione` workbook. */
  reconciliationWorkbook(agreement: string, request: ReconciliationRequest): Promise<DownloadedFile>;
  /** Admin: runs the daily sampling job now. */
  runSemesterSampling(): Promise<SamplingRun>;
}

type Call = {
  method: string;
  path: string;
  json?: unknown;
  bytes?: Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  accept?: string;
};

export function createClient(options: ClientOptions): RendicontaClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const messages: ApiMessages = { ...DEFAULT_MESSAGES, ...options.messages };
  const a = (agreement: string) => `/agreements/${encodeURIComponent(agreement)}`;
  const samplePath = (agreement: string, programme: string, semester: string) =>
    `${a(agreement)}/samples/${encodeURIComponent(programme)}/${encodeURIComponent(semester)}`;

  async function send(call: Call): Promise<FetchResponse> {
    const token = await options.token();
    const headers: Record<string, string> = { Accept: call.accept ?? 'application/json', ...call.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined = call.bytes;
    if (call.json !== undefined) {
      body = JSON.stringify(call.json);
      headers['Content-Type'] = 'application/json';
    }
    let response: FetchResponse;
    try {
      response = await options.fetch(`${base}${call.path}`, { method: call.method, headers, body });
    } catch {
      throw new ApiError(0, 'network', messages.network);
    }
    if (!response.ok) throw errorOf(response.status, await readJson(response), messages);
    return response;
  }

  async function call<S extends z.ZodType>(schema: S, c: Call, unreadable = messages.unreadable): Promise<z.infer<S>> {
    const response = await send(c);
    const parsed = schema.safeParse(await readJson(response));
    if (!parsed.success) throw unreadableAnswer(response.status, unreadable, issuesOf(parsed.error));
    return parsed.data;
  }

  async function file(c: Call): Promise<DownloadedFile> {
    const response = await send(c);
    if (!response.arrayBuffer) throw unreadableAnswer(response.status, messages.unreadable, ['bytes']);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const disposition = response.headers?.get('content-disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
    return {
      bytes,
      contentType: response.headers?.get('content-type') ?? 'application/octet-stream',
      fileName: encoded ? decodeURIComponent(encoded) : undefined,
      sha256: response.headers?.get('x-content-sha256') ?? undefined,
    };
  }

  const client: RendicontaClient = {
    health: () => call(HealthAnswerSchema, { method: 'GET', path: '/health' }),
    getAgreement: (agreement) => call(AgreementAnswerSchema, { method: 'GET', path: a(agreement) }),
    validate: (agreement, body) =>
      call(ValidateAnswerSchema, { method: 'POST', path: `${a(agreement)}/validate`, json: body }),
    submit: (agreement, body, idempotencyKey) =>
      call(SubmissionAnswerSchema, {
        method: 'POST',
        path: `${a(agreement)}/submissions`,
        json: body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    listSubmissions: (agreement, query = {}) => {
      const search = new URLSearchParams();
      if (query.programme) search.set('programme', query.programme);
      if (query.partner) search.set('partner', query.partner);
      if (query.year) search.set('year', String(query.year));
      const qs = search.toString();
      return call(SubmissionListAnswerSchema, {
        method: 'GET',
        path: `${a(agreement)}/submissions${qs ? `?${qs}` : ''}`,
      });
    },
    getSubmission: (agreement, submissionId) =>
      call(SubmissionDetailAnswerSchema, {
        method: 'GET',
        path: `${a(agreement)}/submissions/${encodeURIComponent(submissionId)}`,
      }),
    uploadDocument: (agreement, docId, bytes, query) => {
      const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
      return call(DocumentMetaSchema, {
        method: 'PUT',
        path: `${a(agreement)}/documents/${encodeURIComponent(docId)}?${search}`,
        // fetch wants bytes over an ArrayBuffer (not a SharedArrayBuffer): copy only when they are not.
        bytes: bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes),
        headers: { 'Content-Type': 'application/octet-stream' },
      });
    },
    downloadDocument: (agreement, docId) =>
      file({ method: 'GET', path: `${a(agreement)}/documents/${encodeURIComponent(docId)}`, accept: '*/*' }),
    getSample: (agreement, programme, semester) =>
      call(SampleViewSchema, { method: 'GET', path: samplePath(agreement, programme, semester) }),
    samplePopulation: (agreement, programme, semester) =>
      file({ method: 'GET', path: `${samplePath(agreement, programme, semester)}/population`, accept: 'text/plain' }),
    atsStatus: (agreement, query) => {
      const search = new URLSearchParams({ year: String(query.year) });
      if (query.asOf) search.set('asOf', query.asOf);
      return call(AtsStatusAnswerSchema, { method: 'GET', path: `${a(agreement)}/ats-status?${search}` });
    },
    drawSample: (agreement, programme, semester, body = {}) =>
      call(DrawAnswerSchema, {
        method: 'POST',
        path: `${samplePath(agreement, programme, semester)}/draw`,
        json: body,
      }),
    recordOutcome: (agreement, programme, semester, person, body) =>
      call(OutcomeAnswerSchema, {
        method: 'POST',
        path: `${samplePath(agreement, programme, semester)}/outcomes/${encodeURIComponent(person)}`,
        json: body,
      }),
    createReview: (agreement, body) =>
      call(ReviewAnswerSchema, { method: 'POST', path: `${a(agreement)}/reviews`, json: body }),
    async reconciliation(agreement, request) {
      const response = await send({
        method: 'GET',
        path: `${a(agreement)}/reconciliation?${reconciliationSearch({ ...request, format: 'json' })}`,
      });
      const parsed = parseReconciliationAnswer(await readJson(response));
      if (!parsed.ok)
        throw unreadableAnswer(response.status, 'La riconciliazione ricevuta non è leggibile.', parsed.issues);
      return parsed.answer;
    },
    reconciliationWorkbook: (agreement, request) =>
      file({
        method: 'GET',
        path: `${a(agreement)}/reconciliation?${reconciliationSearch({ ...request, format: 'xlsx' })}`,
        accept: XLSX_CONTENT_TYPE,
      }),
    runSemesterSampling: () => call(SamplingRunSchema, { method: 'POST', path: '/maintenance/semester-sampling' }),
    async latestSubmission(agreement, report) {
      const { submissions } = await client.listSubmissions(agreement, report);
      const mine = submissions.filter(
        (s) => s.partner === report.partner && s.programme === report.programme && s.year === report.year,
      );
      if (mine.length === 0) return null;
      const last = mine.reduce((a, b) => (b.version > a.version ? b : a));
      return client.getSubmission(agreement, last.submissionId);
    },
  };
  return client;
}

/** A 2xx whose body is not what the contract says: 502, as a gateway would say of a bad upstream. */
function unreadableAnswer(status: number, message: string, issues: string[]): ApiError {
  return new ApiError(502, 'bad_answer', message, { status, issues });
}

async function readJson(response: FetchResponse): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((i) => `${i.path.length ? i.path.join('.') : '(radice)'}: ${i.message}`);
}
