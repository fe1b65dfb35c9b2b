// Table-driven over the route table: every protected route refuses missing, expired,
// wrong-audience, badly signed and unknown-key tokens with 401; roles outside a route's access get
// 403; partners cannot read or write another entity's data.
import { generateSigningKey, mintToken } from '../../functions/lib/dev-keys';
import type { Role } from '../../functions/lib/auth';
import { ROUTES } from '../../functions/routes';
import { demoRows } from '../../scripts/demo-data';
import { AGREEMENT, BASE, startTestApi, type TestApi } from './harness';

let api: TestApi;
const PDF: Uint8Array = Buffer.from('%PDF-1.4\n% demo\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  api = await startTestApi();
  // Data owned by partner "koala" (P1): one submission, one document.
  const koala = await api.partner('koala');
  const sub = await api.call('POST', `${BASE}/submissions`, {
    token: koala,
    json: { programme: 'P1', partner: 'koala', year: 2026, rows: demoRows(3) },
  });
  expect(sub.status).toBe(201);
  const doc = await api.call('PUT', `${BASE}/documents/koala-doc-1?programme=P1`, { token: koala, body: PDF });
  expect(doc.status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

/** A concrete path and a body for each route, so the matrix can call it. */
function sample(route: string): { path: string; json?: unknown; body?: Uint8Array } {
  // Concrete values for route parameters; routes added later fall back to a harmless "x".
  const values: Record<string, string> = {
    agreement: AGREEMENT,
    id: 'koala.P1.2026.v1',
    docId: 'koala-doc-1',
    programme: 'P1',
    semester: '2026-H1',
  };
  const path = '/' + route.replace(/\{(\w+)\??\}/g, (_m, name: string) => values[name] ?? 'x');
  if (route.endsWith('/documents/{docId}')) return { path: `${path}?programme=P1`, body: PDF };
  if (route.endsWith('/validate') || route.endsWith('/submissions')) {
    return { path, json: { programme: 'P1', partner: 'koala', year: 2026, rows: demoRows(1) } };
  }
  return { path };
}

const cases = ROUTES.filter((r) => r.access !== 'anonymous').flatMap((r) =>
  r.methods.map((m) => ({ route: r, method: m })),
);

describe.each(cases.map((c) => [`${c.method} /api/${c.route.route}`, c] as const))(
  '%s',
  (_label, { route, method }) => {
    const call = (token?: string) => {
      const s = sample(route.route);
      return api.call(method, s.path, {
        token,
        json: method === 'GET' ? undefined : s.json,
        body: method === 'GET' ? undefined : s.body,
      });
    };

    it('401 without a token', async () => {
      const res = await call();
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });
    it('401 with an expired token', async () => {
      const res = await call(
        await api.token(
          { roles: ['admin', 'partner', 'po'], partner: 'koala', programmes: ['crema-2026-2028/P1'] },
          { expiresInSec: -3600 },
        ),
      );
      expect(res.status).toBe(401);
      expect(res.body.error.details.reason).toBe('expired');
    });
    it('401 with a wrong audience', async () => {
      const res = await call(await api.token({ roles: ['admin'] }, { audience: 'api://someone-else' }));
      expect(res.status).toBe(401);
    });
    it('401 with a wrong issuer', async () => {
      const res = await call(await api.token({ roles: ['admin'] }, { issuer: 'https://login.example/other' }));
      expect(res.status).toBe(401);
    });
    it('401 with a bad signature (right kid, other key)', async () => {
      const other = await generateSigningKey();
      const res = await call(await mintToken(other, { roles: ['admin'] }, { kid: api.key.kid }));
      expect(res.status).toBe(401);
    });
    it('401 with an unknown kid', async () => {
      const other = await generateSigningKey();
      const res = await call(await mintToken(other, { roles: ['admin'] }));
      expect(res.status).toBe(401);
    });
    it('401 with a tampered payload', async () => {
      const good = await api.admin();
      const [h, , s] = good.split('.');
      const forged = Buffer.from(JSON.stringify({ roles: ['admin'], sub: 'x', exp: 9999999999 })).toString('base64url');
      const res = await call(`${h}.${forged}.${s}`);
      expect(res.status).toBe(401);
    });

    if (Array.isArray(route.access)) {
      const allowed = route.access as readonly Role[];
      for (const role of ['partner', 'po'] as Role[]) {
        if (allowed.includes(role)) continue;
        it(`403 for role ${role}`, async () => {
          const token = role === 'partner' ? await api.partner('koala') : await api.po('P1');
          const res = await call(token);
          expect(res.status).toBe(403);
          expect(res.body.error.code).toBe('forbidden');
        });
      }
    }
    it('403 for a token without any role', async () => {
      const res = await call(await api.token({ roles: [] }));
      expect(res.status).toBe(route.access === 'signed-in' ? 200 : 403);
    });
  },
);

describe('cross-partner access', () => {
  it("partner B cannot read partner A's submission or list it", async () => {
    const igea = await api.partner('igea');
    // By id, "not yours" is "does not exist" (DOMAIN §11): the same 404 body as a version never made.
    const other = await api.call('GET', `${BASE}/submissions/koala.P1.2026.v1`, { token: igea });
    const none = await api.call('GET', `${BASE}/submissions/koala.P1.2026.v99`, { token: igea });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(none.body);
    expect((await api.call('GET', `${BASE}/submissions?partner=koala`, { token: igea })).status).toBe(403);
    const own = await api.call('GET', `${BASE}/submissions`, { token: igea });
    expect(own.status).toBe(200);
    expect(own.body.submissions).toEqual([]);
  });
  it("partner B cannot submit for partner A nor validate A's rows", async () => {
    const igea = await api.partner('igea');
    const json = { programme: 'P1', partner: 'koala', year: 2026, rows: demoRows(1) };
    expect((await api.call('POST', `${BASE}/submissions`, { token: igea, json })).status).toBe(403);
    expect((await api.call('POST', `${BASE}/validate`, { token: igea, json })).status).toBe(403);
  });
  it("partner B cannot download or overwrite partner A's document", async () => {
    const igea = await api.partner('igea');
    const other = await api.call('GET', `${BASE}/documents/koala-doc-1`, { token: igea });
    expect(other.status).toBe(404);
    expect(other.body).toEqual((await api.call('GET', `${BASE}/documents/never-uploaded`, { token: igea })).body);
    // Documents are stored per partner: igea's upload under the same id is igea's own document,
    // and koala's stays koala's (DOMAIN §11).
    const put = await api.call('PUT', `${BASE}/documents/koala-doc-1?programme=P1`, { token: igea, body: PDF });
    expect(put.status).toBe(201);
    expect(put.body.partner).toBe('igea');
  });
  it('a PO reads only the programmes it is responsible for', async () => {
    const doc = `${BASE}/documents/koala-doc-1?partner=koala`;
    expect((await api.call('GET', doc, { token: await api.po('P1') })).status).toBe(200);
    expect((await api.call('GET', doc, { token: await api.po('P2', 'P3') })).status).toBe(404);
    expect((await api.call('GET', `${BASE}/submissions/koala.P1.2026.v1`, { token: await api.po('P2') })).status).toBe(
      404,
    );
    expect((await api.call('GET', `${BASE}/submissions?programme=P1`, { token: await api.po('P2') })).status).toBe(403);
  });
  it('an admin reads everything', async () => {
    const admin = await api.admin();
    expect((await api.call('GET', `${BASE}/submissions/koala.P1.2026.v1`, { token: admin })).status).toBe(200);
    expect((await api.call('GET', `${BASE}/documents/koala-doc-1?partner=koala`, { token: admin })).status).toBe(200);
  });
  it('health needs no token', async () => {
    const res = await api.call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', storage: 'ok' });
  });
});
