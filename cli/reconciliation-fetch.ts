// The CLI's own GET of the reconciliation answer: one request, the query built by the domain
// module (the same builder the pane uses), the answer checked with the same schema. The CLI does
// not borrow the add-in's client: the add-in may change for the pane's needs alone.
import {
  reconciliationSearch,
  type ReconciliationAnswerAsRead,
  type ReconciliationRequest,
} from '../shared/reconciliation/reconciliation-answer';
import { parseReconciliationAnswer } from '../shared/reconciliation/reconciliation-answer-schema';

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string> },
) => Promise<{ status: number; ok: boolean; text(): Promise<string> }>;

export interface ReconciliationSource {
  /** Base of the API, e.g. "http://localhost:7071/api". */
  baseUrl: string;
  agreement: string;
  token: string;
}

const GENERIC: Record<number, string> = {
  401: 'Sessione scaduta o non valida: ottenere un nuovo token.',
  403: 'Operazione non consentita per questo profilo o programma.',
  404: 'Elemento non trovato.',
};

/** The answer, or an Error whose message is Italian and can be printed as is. */
export async function fetchReconciliation(
  source: ReconciliationSource,
  request: ReconciliationRequest,
  fetch: FetchLike,
): Promise<ReconciliationAnswerAsRead> {
  const url =
    `${source.baseUrl.replace(/\/+$/, '')}/agreements/${encodeURIComponent(source.agreement)}` +
    `/reconciliation?${reconciliationSearch({ ...request, format: 'json' })}`;
  let response;
  try {
    response = await fetch(url, {
      method: 'GET',
      headers: { Authorization: `Bearer ${source.token}`, Accept: 'application/json' },
    });
  } catch {
    throw new Error('Servizio non raggiungibile: controllare l’indirizzo e la connessione.');
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const message = (data as { error?: { message?: unknown } } | null)?.error?.message;
    throw new Error(
      typeof message === 'string' ? message : (GENERIC[response.status] ?? `Errore del servizio (${response.status}).`),
    );
  }
  const parsed = parseReconciliationAnswer(data);
  if (!parsed.ok) throw new Error('La riconciliazione ricevuta non è leggibile.');
  return parsed.answer;
}
