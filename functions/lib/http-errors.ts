// Every error leaves the API as `{ error: { code, message, details } }` with an Italian message a
// partner or PO can read. Messages never carry personal data (names, tax codes, pay): details hold
// paths, rule codes and ids only.
import type { HttpResponseInit } from '@azure/functions';
import type { ErrorBody, ErrorCode, IssueDetail } from '../../shared/contract/errors';

// The codes and the error body are the contract's (shared/contract/errors.ts).
export type { ErrorCode, IssueDetail };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const malformedJson = (details: unknown = null) =>
  new HttpError(400, 'malformed_json', 'Il corpo della richiesta non è un JSON valido.', details);
export const badRequest = (message: string, details: unknown = null) =>
  new HttpError(400, 'bad_request', message, details);
export const unauthenticated = (reason: string) =>
  new HttpError(
    401,
    'unauthenticated',
    'Accesso non autorizzato: token mancante, scaduto o non valido.',
    { reason },
    {
      'WWW-Authenticate': 'Bearer',
    },
  );
export const forbidden = (
  message = 'Non hai i permessi per questa operazione o per questi dati.',
  details: unknown = null,
) => new HttpError(403, 'forbidden', message, details);
export const notFound = (message = 'Risorsa non trovata.', details: unknown = null) =>
  new HttpError(404, 'not_found', message, details);
export const versionConflict = (details: unknown) =>
  new HttpError(
    409,
    'version_conflict',
    'Il rendiconto è stato modificato nel frattempo: ricarica la versione più recente e invia di nuovo.',
    details,
  );
export const payloadTooLarge = (limitBytes: number) =>
  new HttpError(
    413,
    'payload_too_large',
    `Il contenuto supera la dimensione massima consentita (${formatBytes(limitBytes)}).`,
    {
      limitBytes,
    },
  );
export const unsupportedMediaType = (message: string, details: unknown = null) =>
  new HttpError(415, 'unsupported_media_type', message, details);

export const validationFailed = (issues: IssueDetail[], total = issues.length) =>
  new HttpError(422, 'validation_failed', 'La richiesta non rispetta lo schema previsto.', {
    issues,
    ...(total > issues.length ? { total } : {}),
  });

export function errorBody(code: ErrorCode, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}

export function errorResponse(err: unknown, log?: (msg: string) => void): HttpResponseInit {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      jsonBody: errorBody(err.code, err.message, err.details),
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...err.headers },
    };
  }
  // Unexpected: log the kind of error only (stack lines are code, not data), answer generically.
  log?.(`unexpected error: ${err instanceof Error ? `${err.name}: ${err.stack ?? err.message}` : typeof err}`);
  return {
    status: 500,
    jsonBody: errorBody('internal', 'Errore interno del servizio. Riprova tra qualche minuto.'),
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toLocaleString('it-IT')} MiB` : `${bytes} byte`;
}
