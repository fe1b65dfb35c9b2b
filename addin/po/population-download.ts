// GET …/samples/{programme}/{semester}/population: the frozen population as the exact bytes of
// its recorded hash (text, one id per line), handed to the browser unchanged as a .txt file
// (UTF-8 decoded and encoded again: the same bytes for the UTF-8 the API sends).
import type { FetchLike } from './po-api';
export interface PopulationFetchDeps {
  baseUrl: string;
  agreement: string;
  getToken: () => Promise<string | null>;
  fetch: FetchLike;
}

export async function fetchPopulation(
  deps: PopulationFetchDeps,
  programme: string,
  semester: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const token = await deps.getToken();
  const url = `${deps.baseUrl}/agreements/${encodeURIComponent(deps.agreement)}/samples/${encodeURIComponent(programme)}/${encodeURIComponent(semester)}/population`;
  let response: Awaited<ReturnType<FetchLike>>;
  try {
    response = await deps.fetch(url, {
      method: 'GET',
      headers: { Accept: 'text/plain', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw new Error('Servizio non raggiungibile: riprova tra poco.');
  }
  const text = await response.text();
  if (!response.ok) {
    let message: string | undefined;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message;
    } catch {
      message = undefined;
    }
    throw new Error(message ?? `Popolazione non disponibile (errore ${response.status}).`);
  }
  return {
    fileName: `popolazione-${deps.agreement}-${programme}-${semester}.txt`,
    bytes: new TextEncoder().encode(text),
  };
}
