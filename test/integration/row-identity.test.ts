// Row identity across versions over real HTTP (DOMAIN §5): the same content sent again — with the
// same ids, fresh random ids or no ids at all — changes nothing, an edited cell changes exactly one
// row and keeps its id, and after the window locks the same content raises no R24.
import crypto from 'node:crypto';
import { z } from 'zod';
import { SubmissionIdentityShape } from '../../shared/submission';
import { demoRows } from '../../scripts/demo-data';
import { BASE, setClock, startTestApi, type TestApi } from './harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

type Row = Record<string, unknown> & { rowId?: string };
const body = (rows: Row[]) => ({ programme: 'P1', partner: 'charta', year: 2026, rows });
const withoutIds = (rows: Row[]) =>
  rows.map((r) => {
    const { rowId: _drop, ...rest } = r;
    return rest;
  });
const randomIds = (rows: Row[]) => rows.map((r) => ({ ...r, rowId: `r-${crypto.randomBytes(6).toString('hex')}` }));
const codes = (answer: { findings: { code: string }[] }) => answer.findings.map((f) => f.code);

it('keeps row identity by id or natural key, version after version', async () => {
  const token = await api.partner('charta');
  // Every answer carries the identity fields, in the shape the contract states.
  const submit = async (rows: Row[]) => {
    const res = await api.call('POST', `${BASE}/submissions`, { token, json: body(rows) });
    if (res.status === 201) z.object(SubmissionIdentityShape).parse(res.body);
    return res;
  };
  // Nine rows (BENI and PERS) dated May–August 2026: window W2, open until 30 September.
  const rows: Row[] = demoRows(9, { prefix: 'charta' });
  setClock(() => new Date('2026-09-10T10:00:00Z'));

  const v1 = await submit(rows);
  expect(v1.status).toBe(201);
  expect(v1.body.rejected).toEqual([]);
  expect(v1.body.changes).toEqual({ added: 9, changed: 0, removed: 0, unchanged: 0 });
  expect(v1.body.rowIds).toEqual(rows.map((r) => r.rowId));
  const ids = v1.body.rowIds as string[];

  const fresh = await submit(randomIds(rows));
  expect(fresh.status).toBe(201);
  expect(fresh.body.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 9 });
  expect(fresh.body.changedRows).toEqual([]);
  expect(fresh.body.rowIds).toEqual(ids);
  expect(fresh.body.accepted).toEqual(ids);

  const bare = await submit(withoutIds(rows));
  expect(bare.status).toBe(201);
  expect(bare.body.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 9 });
  expect(bare.body.rowIds).toEqual(ids);

  // One cell edited in a row sent without ids: that row only, under its id, with its old place.
  const edited = withoutIds(rows);
  edited[4] = { ...edited[4], description: 'Materiale per il centro estivo' };
  const one = await submit(edited);
  expect(one.status).toBe(201);
  expect(one.body.changes).toEqual({ added: 0, changed: 1, removed: 0, unchanged: 8 });
  expect(one.body.rowIds[4]).toBe(ids[4]);
  expect(one.body.changedRows).toEqual([
    { rowId: ids[4], change: 'changed', previous: { sheet: 'Beni', row: 6, date: rows[4].invoiceDate } },
  ]);
  const stored = await api.call('GET', `${BASE}/submissions/${one.body.submissionId}`, { token });
  expect(stored.body.rows.map((r: Row) => r.rowId)).toEqual(ids);
  expect(stored.body.changes).toEqual(one.body.changes);
  expect(stored.body.changedRows).toEqual(one.body.changedRows);

  // W2 locked on 30 September: the same content, without ids, is no change and no R24.
  setClock(() => new Date('2026-10-02T08:00:00Z'));
  const locked = await submit(edited);
  expect(locked.status).toBe(201);
  expect(codes(locked.body)).not.toContain('R24');
  expect(locked.body.rejected).toEqual([]);
  expect(locked.body.carriedOverRows).toEqual([]);
  expect(locked.body.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 9 });

  // A locked row left out of the file stays as it was: listed with its place and date, not rejected.
  const missing = await submit(edited.slice(1));
  expect(missing.status).toBe(201);
  expect(missing.body.rejected).toEqual([]);
  expect(missing.body.accepted).toEqual(ids.slice(1));
  expect(missing.body.carriedOverRows).toEqual([
    {
      rowId: ids[0],
      reason: 'removed',
      window: 'W2',
      lockDate: '2026-09-30',
      previous: { sheet: 'Beni', row: 2, date: rows[0].invoiceDate },
    },
  ]);
  expect(missing.body.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 9 });
  const kept = await api.call('GET', `${BASE}/submissions/${missing.body.submissionId}`, { token });
  expect(kept.body.rows.map((r: Row) => r.rowId).sort()).toEqual([...ids].sort());

  // A locked row really changed is R24: rejected, and its previous content kept.
  const late = [...edited];
  late[2] = { ...late[2], hours: '21', amount: '388.50', municipalShare: '388.50' };
  const refused = await submit(late);
  expect(refused.status).toBe(201);
  expect(refused.body.rejected.map((r: { rowId: string }) => r.rowId)).toEqual([ids[2]]);
  expect(codes(refused.body)).toContain('R24');
  expect(refused.body.carriedOverRows).toEqual([
    expect.objectContaining({ rowId: ids[2], reason: 'changed', window: 'W2' }),
  ]);
  expect(refused.body.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 9 });
});

it('accepts rows without ids on a first version and gives them ids derived from the submission', async () => {
  const token = await api.partner('noi-crema');
  setClock(() => new Date('2026-09-10T10:00:00Z'));
  const rows = withoutIds(demoRows(3, { prefix: 'noi' }));
  const res = await api.call('POST', `${BASE}/submissions`, {
    token,
    json: { programme: 'P1', partner: 'noi-crema', year: 2026, rows },
  });
  expect(res.status).toBe(201);
  expect(res.body.rejected).toEqual([]);
  expect(res.body.rowIds).toHaveLength(3);
  expect(new Set(res.body.rowIds).size).toBe(3);
  expect(res.body.accepted).toEqual(res.body.rowIds);
  for (const id of res.body.rowIds) expect(id).toMatch(/^r-[0-9a-f]{12}$/);
});
