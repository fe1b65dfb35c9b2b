// The partner pane's side of the one API client (client/): the build's API base
// (addin/api/api-base.ts: same-origin "/api" unless ADDIN_API_BASE_URL was set), the pane's token
// source, the browser's fetch. Errors are
// the client's ApiError, with the API's Italian message; a network failure or a 5xx is
// "retryable": the outbox keeps the submission and retries it with the same Idempotency-Key.
import { ApiError, createClient, type DocumentQuery, type FetchLike, type RendicontaClient } from '../../client';
import type {
  AgreementAnswer,
  AtsStatusAnswer,
  DocumentMeta,
  SubmissionAnswer,
  SubmissionRequest,
} from '../../shared/contract';
import type { RowInput } from '../../shared/rows/rows';
import { apiBaseUrl } from './api-base';

export { ApiError };
export type { DocumentMeta, SubmissionAnswer };
/** What the pane sends (rows as toApiRow gives them); the server checks every cell. */
export type SubmissionBody = SubmissionRequest;

export type TokenSource = () => Promise<string | null>;

const browserFetch: FetchLike = (url, init) => globalThis.fetch(url, init as RequestInit);

export class ApiClient {
  private readonly client: RendicontaClient;

  constructor(getToken: TokenSource, baseUrl = apiBaseUrl(), fetcher: FetchLike = browserFetch) {
    this.client = createClient({ baseUrl, token: getToken, fetch: fetcher });
  }

  getAgreement(agreementId: string): Promise<AgreementAnswer> {
    return this.client.getAgreement(agreementId);
  }

  submit(agreementId: string, body: SubmissionBody, idempotencyKey: string): Promise<SubmissionAnswer> {
    return this.client.submit(agreementId, body, idempotencyKey);
  }

  /** The report's last version for one partner, programme and year (rows with their ids), or null. */
  async latestSubmission(
    agreementId: string,
    report: { partner: string; programme: string; year: number },
  ): Promise<{ submissionId: string; version: number; rows: RowInput[] } | null> {
    const last = await this.client.latestSubmission(agreementId, report);
    return last && { submissionId: last.submissionId, version: last.version, rows: last.rows };
  }

  uploadDocument(agreementId: string, docId: string, bytes: Uint8Array, query: DocumentQuery): Promise<DocumentMeta> {
    return this.client.uploadDocument(agreementId, docId, bytes, query);
  }

  /** The ATS lead partner's section: every member's report status and R20 of the whole ATS. */
  atsStatus(agreementId: string, year: number): Promise<AtsStatusAnswer> {
    return this.client.atsStatus(agreementId, { year });
  }

  /** The frozen population of a drawn sample, as the exact bytes of its recorded hash. */
  async samplePopulation(agreementId: string, programme: string, semester: string): Promise<Uint8Array> {
    return (await this.client.samplePopulation(agreementId, programme, semester)).bytes;
  }
}
