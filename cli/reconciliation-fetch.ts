// The CLI's GET of the reconciliation answer, through the one API client (client/): the query
// built by the domain module, the answer checked with the contract's schema, failures as the
// client's ApiError with an Italian message that can be printed as is.
import { createClient, type ApiMessages, type FetchLike } from '../client';
import type { ReconciliationAnswerAsRead, ReconciliationRequest } from '../shared/reconciliation/reconciliation-answer';

export type { FetchLike };

export interface ReconciliationSource {
  /** Base of the API, e.g. "http://localhost:7071/api". */
  baseUrl: string;
  agreement: string;
  token: string;
}

const other = (status: number) => `Errore del servizio (${status}).`;

/** The CLI's wording of failures without an error body: the user can fix the address or the token. */
export const CLI_MESSAGES: Partial<ApiMessages> = {
  network: 'Servizio non raggiungibile: controllare l’indirizzo e la connessione.',
  unavailable: other,
  other,
  byStatus: {
    401: 'Sessione scaduta o non valida: ottenere un nuovo token.',
    403: 'Operazione non consentita per questo profilo o programma.',
    404: 'Elemento non trovato.',
  },
};

/** The answer, or an ApiError whose message is Italian and can be printed as is. */
export function fetchReconciliation(
  source: ReconciliationSource,
  request: ReconciliationRequest,
  fetch: FetchLike,
): Promise<ReconciliationAnswerAsRead> {
  const client = createClient({ baseUrl: source.baseUrl, token: () => source.token, fetch, messages: CLI_MESSAGES });
  return client.reconciliation(source.agreement, request);
}
