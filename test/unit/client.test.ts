// The one client's edges without a server: the caller's wording for failures without an error
// body, answers that are not JSON or not the contract's shape, the token and base URL it is given.
import { ApiError, createClient, type FetchLike, type FetchResponse } from '../../client';
import { CLI_MESSAGES } from '../../cli/reconciliation-fetch';
import { PO_MESSAGES } from '../../addin/po/po-api';

const answering =
  (status: number, text: string, seen: { url?: string; headers?: Record<string, string> } = {}): FetchLike =>
  async (url, init): Promise<FetchResponse> => {
    seen.url = url;
    seen.headers = init.headers;
    return { status, ok: status < 400, text: async () => text };
  };

it('calls the base URL it is given with the token of the provider; none without a token', async () => {
  const seen: { url?: string; headers?: Record<string, string> } = {};
  const ok = JSON.stringify({ status: 'ok', storage: 'ok', time: '2026-01-01T00:00:00.000Z' });
  await createClient({
    baseUrl: 'https://api.example/api//',
    token: () => 'tok',
    fetch: answering(200, ok, seen),
  }).health();
  expect(seen).toEqual({
    url: 'https://api.example/api/health',
    headers: { Accept: 'application/json', Authorization: 'Bearer tok' },
  });
  await createClient({ baseUrl: '/api', token: async () => null, fetch: answering(200, ok, seen) }).health();
  expect(seen.headers).toEqual({ Accept: 'application/json' });
});

it('words failures without an error body as the caller asks (CLI, PO pane, default)', async () => {
  const call = (messages: object | undefined, status: number) =>
    createClient({ baseUrl: '/api', token: () => 't', fetch: answering(status, '<html>'), messages })
      .health()
      .catch((e: unknown) => e as ApiError);
  expect(await call(CLI_MESSAGES, 401)).toMatchObject({
    status: 401,
    code: 'http_401',
    message: 'Sessione scaduta o non valida: ottenere un nuovo token.',
  });
  expect(await call(PO_MESSAGES, 503)).toMatchObject({
    status: 503,
    code: 'http',
    message: 'Errore del servizio (503).',
  });
  expect(await call(undefined, 418)).toMatchObject({ status: 418, message: 'Errore 418.', retryable: false });
  expect(await call(undefined, 500)).toMatchObject({
    message: 'Il servizio non è al momento disponibile: riproveremo automaticamente.',
    retryable: true,
  });
});

it('an answer that is not JSON, or not the contract’s shape, is a bad_answer that is not retried', async () => {
  for (const text of ['not json', JSON.stringify({ status: 'ok' }), '']) {
    const error = (await createClient({ baseUrl: '/api', token: () => 't', fetch: answering(200, text) })
      .health()
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: 'bad_answer', retryable: false });
    expect(error.message).toBe('La risposta del servizio non è leggibile.');
  }
});
