// The one error every caller of the API sees: the HTTP status (0 when the service could not be
// reached), the API's code, an Italian message a partner or PO can read as is, and the details of
// the error body (JSON paths of a 422, ids). Messages for answers without an error body are the
// caller's to word (the pane retries by itself, the CLI asks for a new token): see ApiMessages.
import { ErrorBodySchema } from '../shared/contract/errors';

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

  /**
   * Worth retrying later with the same Idempotency-Key: the network, or the service, failed. An
   * answer the contract does not describe (bad_answer) is not: the same request gets the same answer.
   */
  get retryable(): boolean {
    return this.code !== 'bad_answer' && (this.status === 0 || this.status >= 500);
  }
}

/** Italian messages for failures that carry no error body of the API. */
export interface ApiMessages {
  /** fetch itself failed (offline, DNS, CORS). */
  network: string;
  /** A 5xx without an error body (a proxy, the host). */
  unavailable: (status: number) => string;
  /** Other statuses without an error body. */
  byStatus: Partial<Record<number, string>>;
  /** Any other status. */
  other: (status: number) => string;
  /** A 2xx whose body does not match the contract. */
  unreadable: string;
  /** Code of an error without an error body. */
  code: (status: number) => string;
}

export const DEFAULT_MESSAGES: ApiMessages = {
  network: 'Connessione al servizio non disponibile: riproveremo automaticamente.',
  unavailable: () => 'Il servizio non è al momento disponibile: riproveremo automaticamente.',
  byStatus: {
    400: 'Richiesta non valida.',
    401: 'Accesso non autorizzato: effettua di nuovo l’accesso.',
    403: 'Non hai i permessi per questa operazione.',
    404: 'Risorsa non trovata.',
    409: 'Il rendiconto è stato modificato nel frattempo: ricarica e invia di nuovo.',
    413: 'I dati inviati sono troppo grandi.',
    415: 'Formato non ammesso.',
    422: 'I dati inviati non rispettano lo schema previsto.',
  },
  other: (status) => `Errore ${status}.`,
  unreadable: 'La risposta del servizio non è leggibile.',
  code: (status) => `http_${status}`,
};

/** The ApiError of a failed answer: the API's error body when there is one, else the caller's wording. */
export function errorOf(status: number, body: unknown, messages: ApiMessages): ApiError {
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(status, code, message, details ?? null);
  }
  const message = (status >= 500 ? messages.unavailable(status) : messages.byStatus[status]) ?? messages.other(status);
  return new ApiError(status, messages.code(status), message);
}
