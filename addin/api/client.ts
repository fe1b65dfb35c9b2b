// The pane's HTTP client: same-origin /api, Bearer token, Italian errors from the API's
// `{ error: { code, message } }`. A network failure or a 5xx is "retryable": the outbox keeps it.
import type { ApiRow } from '../app/submission-rows';
import type { Finding } from '../../shared/findings/findings';
import type { RowInput } from '../../shared/rows/rows';
import type { CarriedOverRow, ChangedRow, Changes } from '../../shared/submission';

export interface SubmissionBody {
  programme: string;
  partner: string;
  year: number;
  baseVersion?: number;
  rows: ApiRow[];
}

export interface SubmissionAnswer {
  submissionId: string;
  version: number;
  accepted: string[];
  rejected: { rowId: string; findings: Finding[] }[];
  findings: Finding[];
  /** rowIds[i]: the id the report gives the i-th row sent (DOMAIN §5); the pane writes it back. */
  rowIds: string[];
  changes: Changes;
  changedRows: ChangedRow[];
  /** Locked rows left out or altered: kept as they were (R24). */
  carriedOverRows: CarriedOverRow[];
}

export interface DocumentMeta {
  docId: string;
  fileName: string;
  contentType: string;
  size: number;
  kind: string | null;
  rowId: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth retrying later with the same Idempotency-Key. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'Richiesta non valida.',
  401: 'Accesso non autorizzato: effettua di nuovo l’accesso.',
  403: 'Non hai i permessi per questa operazione.',
  404: 'Risorsa non trovata.',
  409: 'Il rendiconto è stato modificato nel frattempo: ricarica e invia di nuovo.',
  413: 'I dati inviati sono troppo grandi.',
  415: 'Formato non ammesso.',
  422: 'I dati inviati non rispettano lo schema previsto.',
};

export type TokenSource = () => Promise<string | null>;

export class ApiClient {
  constructor(
    private readonly getToken: TokenSource,
    private readonly baseUrl = '/api',
    private readonly fetcher: typeof fetch = (...args) => globalThis.fetch(...args),
  ) {}

  getAgreement(agreementId: string): Promise<unknown> {
    return this.request('GET', `/agreements/${encodeURIComponent(agreementId)}`);
  }

  submit(agreementId: string, body: SubmissionBody, idempotencyKey: string): Promise<SubmissionAnswer> {
    return this.request('POST', `/agreements/${encodeURIComponent(agreementId)}/submissions`, {
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    });
  }

  /** The report's last version for one partner, programme and year (rows with their ids), or null. */
  async latestSubmission(
    agreementId: string,
    report: { partner: string; programme: string; year: number },
  ): Promise<{ submissionId: string; version: number; rows: RowInput[] } | null> {
    const base = `/agreements/${encodeURIComponent(agreementId)}/submissions`;
    const query = new URLSearchParams({
      partner: report.partner,
      programme: report.programme,
      year: String(report.year),
    });
    const list = await this.request<{ submissions?: { submissionId: string; version: number }[] }>(
      'GET',
      `${base}?${query}`,
    );
    const versions = (list?.submissions ?? []).filter((s) => typeof s.version === 'number');
    if (versions.length === 0) return null;
    const last = versions.reduce((a, b) => (b.version > a.version ? b : a));
    const version = await this.request<{ rows?: RowInput[] }>(
      'GET',
      `${base}/${encodeURIComponent(last.submissionId)}`,
    );
    return {
      submissionId: last.submissionId,
      version: last.version,
      rows: Array.isArray(version?.rows) ? version.rows : [],
    };
  }

  uploadDocument(
    agreementId: string,
    docId: string,
    bytes: Uint8Array,
    query: { programme: string; rowId?: string; kind?: string; fileName?: string },
  ): Promise<DocumentMeta> {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
    return this.request(
      'PUT',
      `/agreements/${encodeURIComponent(agreementId)}/documents/${encodeURIComponent(docId)}?${params}`,
      {
        body: bytes as BodyInit,
        headers: { 'Content-Type': 'application/octet-stream' },
      },
    );
  }

  private async request<T>(
    method: string,
    path: string,
    init: { body?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const token = await this.getToken();
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await this.fetcher(`${this.baseUrl}${path}`, { method, headers, body: init.body });
    } catch {
      throw new ApiError(0, 'network', 'Connessione al servizio non disponibile: riproveremo automaticamente.');
    }
    const text = await response.text();
    const json = text ? safeJson(text) : null;
    if (response.ok) return json as T;
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const fallback =
      response.status >= 500
        ? 'Il servizio non è al momento disponibile: riproveremo automaticamente.'
        : (STATUS_MESSAGES[response.status] ?? `Errore ${response.status}.`);
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? fallback,
      error?.details ?? null,
    );
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
