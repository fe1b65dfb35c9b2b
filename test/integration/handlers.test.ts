// Exported handlers called directly with HttpRequest/InvocationContext, as the Functions host does,
// each built with this file's deps (clock, storage, auth).
import { HttpRequest, InvocationContext } from '@azure/functions';
import { createSubmission as createSubmissionWith } from '../../functions/http/create-submission';
import { getAgreement as getAgreementWith } from '../../functions/http/get-agreement';
import { health as healthWith } from '../../functions/http/health';
import { demoRows } from '../../scripts/demo-data';
import { setClock, startTestApi, type TestApi } from './harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  setClock(() => new Date('2026-09-10T10:00:00Z'));
});
afterAll(async () => {
  await api.close();
});

const health = (request: HttpRequest, ctx: InvocationContext) => healthWith(api.deps)(request, ctx);
const getAgreement = (request: HttpRequest, ctx: InvocationContext) => getAgreementWith(api.deps)(request, ctx);
const createSubmission = (request: HttpRequest, ctx: InvocationContext) => createSubmissionWith(api.deps)(request, ctx);

const context = (name: string) =>
  new InvocationContext({ functionName: name, invocationId: 'test', logHandler: () => undefined });

it('health reports storage reachability', async () => {
  const res = await health(new HttpRequest({ method: 'GET', url: 'http://localhost/api/health' }), context('health'));
  expect(res.status).toBe(200);
  expect(res.jsonBody).toMatchObject({ status: 'ok', storage: 'ok', time: '2026-09-10T10:00:00.000Z' });
});

it('getAgreement returns programmes, windows, partners and reference data', async () => {
  const res = await getAgreement(
    new HttpRequest({
      method: 'GET',
      url: 'http://localhost/api/agreements/crema-2026-2028',
      params: { agreement: 'crema-2026-2028' },
      headers: { authorization: `Bearer ${await api.po('P1')}` },
    }),
    context('getAgreement'),
  );
  expect(res.status).toBe(200);
  const body = res.jsonBody as {
    programmes: unknown[];
    windows: { id: string }[];
    partners: unknown[];
    reference: { ministryHourlyCosts: unknown };
  };
  expect(body.programmes).toHaveLength(6);
  expect(body.windows.map((w) => w.id)).toEqual(['W1', 'W2', 'W3']);
  expect(body.partners).toHaveLength(20);
  expect(body.reference.ministryHourlyCosts).toBeDefined();
});

it('createSubmission answers 201 with per-row results, and 401 without a token', async () => {
  const body = JSON.stringify({
    programme: 'P4',
    partner: 'noi-crema',
    year: 2026,
    rows: demoRows(4, { programme: 'P4' }),
  });
  const request = (auth?: string) =>
    new HttpRequest({
      method: 'POST',
      url: 'http://localhost/api/agreements/crema-2026-2028/submissions',
      params: { agreement: 'crema-2026-2028' },
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: { string: body },
    });
  const res = await createSubmission(request(await api.partner('noi-crema')), context('createSubmission'));
  expect(res.status).toBe(201);
  expect(res.jsonBody).toMatchObject({
    submissionId: 'noi-crema.P4.2026.v1',
    version: 1,
    accepted: ['b-0', 'b-1', 'p-2', 'b-3'],
    rejected: [],
  });
  const anonymous = await createSubmission(request(), context('createSubmission'));
  expect(anonymous.status).toBe(401);
  expect(anonymous.jsonBody).toEqual({
    error: {
      code: 'unauthenticated',
      message: 'Accesso non autorizzato: token mancante, scaduto o non valido.',
      details: { reason: 'missing_token' },
    },
  });
});
