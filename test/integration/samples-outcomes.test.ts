// S5 outcomes over HTTP: the PO's decisions, the partner's observations in the contradictory step,
// confirmation, illegal transitions (409, Italian), programme scope, and the audit chain.
import { readAuditLog, verifyAuditChain } from '../../functions/lib/audit';
import { BASE, setClock, startTestApi, type TestApi } from './harness';
import { H1_DUE, personnelRows, range, submit, taxCodes } from './sample-fixtures';

let api: TestApi;
const P1_H1 = `${BASE}/samples/P1/2026-H1`;
let selected: { rank: number; personId: string }[];
const KOALA = range(0, 20);
const IGEA = range(20, 37);
let koalaRank: number;
/** The persons other than koala's first one: one admitted, one asked for more, one untouched. */
let others: { rank: number; personId: string }[];

const at = (day: string) => setClock(() => new Date(`${day}T10:00:00Z`));

beforeAll(async () => {
  api = await startTestApi();
  await submit(api, 'koala', 'P1', personnelRows(KOALA));
  await submit(api, 'igea', 'P1', personnelRows(IGEA));
  setClock(() => H1_DUE);
  const res = await api.call('POST', `${P1_H1}/draw`, {
    token: await api.po('P1'),
    json: { seed: 'seme degli esiti' },
  });
  expect(res.status).toBe(201);
  selected = res.body.selected;
  expect(selected).toHaveLength(4);
  const koalaCodes = taxCodes(KOALA);
  koalaRank = (selected.find((p) => koalaCodes.includes(p.personId)) ?? selected[0]).rank;
  others = selected.filter((p) => p.rank !== koalaRank);
});
afterAll(async () => {
  await api.close();
});

const outcome = async (rank: number | string, json: unknown, token?: string) =>
  api.call('POST', `${P1_H1}/outcomes/${rank}`, { token: token ?? (await api.po('P1')), json });

describe('decisions and the contradictory step', () => {
  it('ammesso is final at once; a later decision is refused with 409 in Italian', async () => {
    at('2026-10-10');
    const res = await outcome(others[0].rank, { outcome: 'ammesso' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rank: others[0].rank, status: 'ammesso', final: true, decidedOn: '2026-10-10' });
    const again = await outcome(others[0].rank, { outcome: 'non_ammesso', reason: 'ripensamento' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'state_conflict' });
    expect(again.body.error.message).toMatch(/già definitivo/);
  });

  it('non_ammesso opens the contradictory step; the partner concerned observes; the PO confirms', async () => {
    at('2026-10-10');
    const decided = await outcome(koalaRank, { outcome: 'non_ammesso', reason: 'Buste paga non coerenti con le ore' });
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({
      status: 'non_ammesso',
      final: false,
      contradictory: { notifiedOn: '2026-10-10', observationsDeadline: '2026-10-25' },
    });
    // Too early to confirm without observations.
    const early = await outcome(koalaRank, { confirm: true });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/Conferma prematura.*25\/10\/2026/);

    // Another partner cannot observe on koala's person; a PO cannot post observations as a partner.
    at('2026-10-12');
    // The same 404 as for a person never drawn: no oracle on who was drawn (DOMAIN §11).
    const stranger = await outcome(koalaRank, { observations: 'non è nostro' }, await api.partner('igea'));
    expect(stranger.status).toBe(404);
    const nobody = await outcome(99, { observations: 'non è nostro' }, await api.partner('igea'));
    expect(stranger.body).toEqual(nobody.body);
    const observed = await outcome(
      koalaRank,
      { observations: 'Alleghiamo il cedolino corretto.' },
      await api.partner('koala'),
    );
    expect(observed.status).toBe(201);
    expect(observed.body.contradictory.observations).toEqual({
      text: 'Alleghiamo il cedolino corretto.',
      on: '2026-10-12',
    });
    const twice = await outcome(koalaRank, { observations: 'ancora' }, await api.partner('koala'));
    expect(twice.status).toBe(409);

    at('2026-10-14');
    const confirmed = await outcome(koalaRank, { confirm: true, outcome: 'ammesso_parzialmente', amount: '100,50' });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ status: 'ammesso_parzialmente', admittedAmount: '100.50', final: true });
    expect(confirmed.body.history.map((e: { type: string }) => e.type)).toEqual([
      'decision',
      'observations',
      'confirm',
    ]);

    // The partner sees its request with the outcome.
    const view = await api.call('GET', P1_H1, { token: await api.partner('koala') });
    expect(view.body.selected.find((p: { rank: number }) => p.rank === koalaRank)).toMatchObject({
      status: 'ammesso_parzialmente',
      final: true,
    });
  });

  it('integrazioni_richieste, then documents, then a decision; the person may be named by tax code', async () => {
    at('2026-10-10');
    const person = others[1];
    const asked = await outcome(person.personId, { outcome: 'integrazioni_richieste', deadline: '2026-11-15' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      rank: person.rank,
      status: 'integrazioni_richieste',
      integrationDeadline: '2026-11-15',
    });
    at('2026-10-20');
    expect((await outcome(person.rank, { documentsReceived: true })).body.status).toBe('documents_received');
    expect((await outcome(person.rank, { outcome: 'ammesso' })).body).toMatchObject({ status: 'ammesso', final: true });
  });

  it('schema violations are 422 with JSON paths; unknown persons 404 without echoing the id', async () => {
    const missingReason = await outcome(others[2].rank, { outcome: 'non_ammesso' });
    expect(missingReason.status).toBe(422);
    expect(missingReason.body.error.details.issues[0].path).toBe('$.reason');
    const badAmount = await outcome(others[2].rank, { outcome: 'ammesso_parzialmente', amount: '-3' });
    expect(badAmount.status).toBe(422);
    const badOutcome = await outcome(others[2].rank, { outcome: 'forse' });
    expect(badOutcome.status).toBe(422);
    const unknown = await outcome('ZZZZZZ80A01D142Z', { outcome: 'ammesso' });
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).not.toMatch(/ZZZZZZ/);
    expect((await outcome(99, { outcome: 'ammesso' })).status).toBe(404);
  });

  it('a PO of P2 cannot decide for P1 (403) and nothing is recorded', async () => {
    const before = (await readAuditLog(api.storage)).length;
    const res = await outcome(others[2].rank, { outcome: 'ammesso' }, await api.po('P2'));
    expect(res.status).toBe(403);
    expect((await readAuditLog(api.storage)).length).toBe(before);
    const view = await api.call('GET', P1_H1, { token: await api.po('P1') });
    expect(view.body.selected.find((p: { rank: number }) => p.rank === others[2].rank).status).toBe('requested');
  });

  it('the partner whose person it is can observe only in the contradictory step', async () => {
    const { rank, personId } = others[2];
    const owner = taxCodes(IGEA).includes(personId) ? 'igea' : 'koala';
    const res = await outcome(rank, { observations: 'prima del tempo' }, await api.partner(owner));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/solo dopo una non ammissione/);
  });
});

it('every step is in the audit chain, by rank (no tax code), and the chain verifies', async () => {
  const events = await readAuditLog(api.storage);
  const actions = events.map((e) => e.action);
  expect(actions).toContain('sample.draw');
  expect(actions.filter((a) => a.startsWith('sample.outcome.'))).toEqual(
    expect.arrayContaining([
      'sample.outcome.decision',
      'sample.outcome.observations',
      'sample.outcome.confirm',
      'sample.outcome.documents_received',
    ]),
  );
  const koalaEvents = events.filter((e) => e.target === `sample:crema-2026-2028/P1/2026-H1#${koalaRank}`);
  expect(koalaEvents.map((e) => [e.action, e.actorRole])).toEqual([
    ['sample.outcome.decision', 'po'],
    ['sample.outcome.observations', 'partner'],
    ['sample.outcome.confirm', 'po'],
  ]);
  const all = JSON.stringify(events);
  for (const code of taxCodes([...KOALA, ...IGEA])) expect(all).not.toContain(code);
  expect(await verifyAuditChain(api.deps)).toMatchObject({ ok: true, count: events.length });
});
