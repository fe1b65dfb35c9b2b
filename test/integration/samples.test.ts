// Semester sample over HTTP (dev host + Azurite): population from the current versions of every
// partner, the verifiable draw, idempotence, extension, programme scope, the partner's view.
import { getAgreement } from '../../shared/agreement/agreements';
import { drawSample, populationHash } from '../../shared/sample/sampling';
import { BASE, setClock, startTestApi, type TestApi } from './harness';
import { BEFORE_LOCK, H1_DUE, goodsRows, personnelRows, range, submit, taxCodes } from './sample-fixtures';

let api: TestApi;
const KOALA = range(0, 20);
const IGEA = range(20, 37);
const ALL = [...KOALA, ...IGEA];
const P1_H1 = `${BASE}/samples/P1/2026-H1`;
const SEED = 'estrazione lotto 2026-07-04';

beforeAll(async () => {
  api = await startTestApi();
  await submit(api, 'koala', 'P1', [...personnelRows(KOALA), ...goodsRows(2)]);
  // A first igea version with fewer persons: only the current version counts.
  await submit(api, 'igea', 'P1', personnelRows(IGEA.slice(0, 5)));
  await submit(api, 'igea', 'P1', personnelRows(IGEA));
  // Persons of another programme and of the other semester are not in P1 2026-H1.
  await submit(api, 'sentiero', 'P2', personnelRows(range(40, 45), 'P2'));
  await submit(api, 'meraki', 'P3', personnelRows(range(50, 62), 'P3'));
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => setClock(() => H1_DUE));

describe('draw', () => {
  it('refuses before the semester is due, in Italian, and stores nothing', async () => {
    setClock(() => new Date('2026-09-30T20:00:00Z')); // still 30 Sep... in Rome it is 22:00 of 30 Sep
    const res = await api.call('POST', `${P1_H1}/draw`, { token: await api.po('P1'), json: { seed: SEED } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('state_conflict');
    expect(res.body.error.message).toMatch(/non si può ancora estrarre.*30\/09\/2026/);
    expect((await api.call('GET', P1_H1, { token: await api.po('P1') })).status).toBe(404);
  });

  it('a PO of P2 cannot draw P1 (403)', async () => {
    const res = await api.call('POST', `${P1_H1}/draw`, { token: await api.po('P2'), json: { seed: SEED } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('37 persons → 4 drawn, exactly the publicly verifiable draw (S2–S3)', async () => {
    const res = await api.call('POST', `${P1_H1}/draw`, {
      token: await api.po('P1'),
      json: { seed: SEED, rate: '5%' },
    });
    expect(res.status).toBe(201);
    const persons = taxCodes(ALL);
    const expected = drawSample({
      seed: SEED,
      agreement: 'crema-2026-2028',
      programme: 'P1',
      semester: '2026-H1',
      persons,
      rate: '0.05',
    });
    if (!expected.ok) throw new Error(expected.error);
    expect(res.body).toMatchObject({
      seed: SEED,
      seedGenerated: false,
      drawnBy: 'po',
      method: 'simple',
      rate: '0.05',
      populationHash: populationHash(persons),
      population: 37,
      n: 2,
      drawnOn: '2026-10-01',
      result: 'drawn',
    });
    expect(res.body.selected.map((p: { personId: string }) => p.personId)).toEqual(
      expected.selected.map((s) => s.personId),
    );
    for (const p of res.body.selected)
      expect(p).toMatchObject({ status: 'requested', requestedOn: '2026-10-01', requestDeadline: '2026-10-31' });

    // Extending to 10% keeps the first two and adds the next two, requested on the day of the extension.
    setClock(() => new Date('2026-10-05T10:00:00Z'));
    const ext = await api.call('POST', `${P1_H1}/draw`, { token: await api.po('P1'), json: { rate: 0.1 } });
    expect(ext.status).toBe(200);
    expect(ext.body).toMatchObject({ seed: SEED, rate: '0.1', population: 37, n: 4, result: 'extended', version: 2 });
    const full = drawSample({
      seed: SEED,
      agreement: 'crema-2026-2028',
      programme: 'P1',
      semester: '2026-H1',
      persons,
      rate: '0.10',
    });
    if (!full.ok) throw new Error(full.error);
    expect(ext.body.selected.map((p: { personId: string }) => p.personId)).toEqual(
      full.selected.map((s) => s.personId),
    );
    expect(ext.body.selected.slice(0, 2)).toEqual(res.body.selected);
    expect(ext.body.selected.slice(2).map((p: { requestedOn: string }) => p.requestedOn)).toEqual([
      '2026-10-05',
      '2026-10-05',
    ]);
  });

  it('drawing twice returns the same sample; the first seed is kept forever', async () => {
    const po = await api.po('P1');
    const first = await api.call('GET', P1_H1, { token: po });
    const again = await api.call('POST', `${P1_H1}/draw`, { token: po });
    expect(again.status).toBe(200);
    expect(again.body.result).toBe('existing');
    const { result: _r, ...rest } = again.body;
    expect(rest).toEqual(first.body);
    const sameSeed = await api.call('POST', `${P1_H1}/draw`, { token: po, json: { seed: SEED, rate: '0.05' } });
    expect(sameSeed.status).toBe(200);
    expect(sameSeed.body.n).toBe(4); // a sample never shrinks
    const otherSeed = await api.call('POST', `${P1_H1}/draw`, { token: po, json: { seed: 'un altro seme' } });
    expect(otherSeed.status).toBe(409);
    expect(otherSeed.body.error.message).toMatch(/seme registrato non si cambia/);
    const over = await api.call('POST', `${P1_H1}/draw`, { token: po, json: { rate: '0.2' } });
    expect(over.status).toBe(422);
    expect(over.body.error.details.issues[0].message).toMatch(/supera il massimo del 10%/);
  });

  it('without a seed the server generates one, records it and shows it', async () => {
    const po = await api.po('P2');
    const res = await api.call('POST', `${BASE}/samples/P2/2026-H1/draw`, { token: po });
    expect(res.status).toBe(201);
    expect(res.body.seedGenerated).toBe(true);
    expect(res.body.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(res.body).toMatchObject({ population: 5, n: 1 });
    const again = await api.call('GET', `${BASE}/samples/P2/2026-H1`, { token: po });
    expect(again.body.seed).toBe(res.body.seed);
    // Anyone can recompute it from the seed and the frozen list.
    const check = drawSample({
      seed: res.body.seed,
      agreement: 'crema-2026-2028',
      programme: 'P2',
      semester: '2026-H1',
      persons: taxCodes(range(40, 45)),
    });
    expect(check.ok && check.selected.map((s) => s.personId)).toEqual(
      res.body.selected.map((p: { personId: string }) => p.personId),
    );
  });

  it('the monetary-unit method weighs each person by reported cost, reproducibly', async () => {
    const res = await api.call('POST', `${BASE}/samples/P3/2026-H1/draw`, {
      token: await api.po('P3'),
      json: { seed: SEED, method: 'mus' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ method: 'mus', population: 12, n: 2 });
    const persons = taxCodes(range(50, 62));
    const costs = Object.fromEntries(persons.map((p) => [p, '370.00']));
    const check = drawSample({
      seed: SEED,
      agreement: 'crema-2026-2028',
      programme: 'P3',
      semester: '2026-H1',
      persons,
      costs,
      method: 'mus',
    });
    expect(check.ok && check.selected.map((s) => s.personId)).toEqual(
      res.body.selected.map((p: { personId: string }) => p.personId),
    );
    const simple = await api.call('POST', `${BASE}/samples/P3/2026-H1/draw`, {
      token: await api.po('P3'),
      json: { method: 'simple' },
    });
    expect(simple.status).toBe(409);
  });

  it('rejects unknown programmes, semesters outside the agreement and malformed bodies', async () => {
    const po = await api.po('P1');
    expect((await api.call('POST', `${BASE}/samples/P1/2031-H1/draw`, { token: po })).status).toBe(404);
    expect((await api.call('POST', `${BASE}/samples/P1/2026-H3/draw`, { token: po })).status).toBe(404);
    expect(
      (await api.call('POST', `${BASE}/samples/P1/2026-H1/draw`, { token: po, json: { method: 'dadi' } })).status,
    ).toBe(422);
    expect(
      (
        await api.call('POST', `${BASE}/samples/P1/2026-H1/draw`, {
          token: po,
          body: '{',
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(400);
  });
});

describe('who sees what', () => {
  it("a partner sees only the requests addressed to it, never other partners' persons", async () => {
    const po = await api.call('GET', P1_H1, { token: await api.po('P1') });
    const all: string[] = po.body.selected.map((p: { personId: string }) => p.personId);
    const koala = await api.call('GET', P1_H1, { token: await api.partner('koala') });
    const igea = await api.call('GET', P1_H1, { token: await api.partner('igea') });
    expect(koala.status).toBe(200);
    const koalaIds: string[] = koala.body.selected.map((p: { personId: string }) => p.personId);
    const igeaIds: string[] = igea.body.selected.map((p: { personId: string }) => p.personId);
    expect(koalaIds.every((id) => taxCodes(KOALA).includes(id))).toBe(true);
    expect(igeaIds.every((id) => taxCodes(IGEA).includes(id))).toBe(true);
    expect([...koalaIds, ...igeaIds].sort()).toEqual([...all].sort());
    // Own row ids only, unqualified.
    for (const p of koala.body.selected) expect(p.rowIds.every((r: string) => /^p-\d+$/.test(r))).toBe(true);
    // A partner with no rows in the programme sees the public facts of the draw and no person.
    const other = await api.call('GET', P1_H1, { token: await api.partner('arcobaleno') });
    expect(other.status).toBe(200);
    expect(other.body.selected).toEqual([]);
    expect(other.body.populationHash).toBe(po.body.populationHash);
    expect(JSON.stringify(other.body)).not.toMatch(/[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]/);
  });

  it('a PO of another programme cannot read the sample; nobody can before the draw', async () => {
    expect((await api.call('GET', P1_H1, { token: await api.po('P3') })).status).toBe(403);
    const none = await api.call('GET', `${BASE}/samples/P1/2026-H2`, { token: await api.po('P1') });
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/non è ancora stato estratto/);
  });
});

it('the set-up happened before the lock (sanity of the fixture clock)', () => {
  expect(BEFORE_LOCK.toISOString() < H1_DUE.toISOString()).toBe(true);
  expect(getAgreement('crema-2026-2028')?.rules.sampling.requestDays).toBe(30);
});
