// The frozen population of a drawn sample over HTTP (DOMAIN.md S3, §11): the PO, the admin and the
// ATS lead download it as text; `rendiconta sample-verify` run on exactly those bytes and the
// stored seed reproduces the stored draw; any other partner (even one with persons in it) gets 403.
// The lead partner's ATS view: each member's last version and the ATS-wide R20, no personal data.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleVerify } from '../../cli/sample-verify';
import { BASE, setClock, startTestApi, type TestApi } from './harness';
import { H1_DUE, personnelRows, goodsRows, range, submit, taxCodes } from './sample-fixtures';

let api: TestApi;
const P1_H1 = `${BASE}/samples/P1/2026-H1`;
const SEED = 'estrazione lotto 2026-07-04';
const KOALA = range(0, 14);
const IGEA = range(14, 23);

beforeAll(async () => {
  api = await startTestApi();
  await submit(api, 'koala', 'P1', [...personnelRows(KOALA), ...goodsRows(2)]);
  await submit(api, 'igea', 'P1', personnelRows(IGEA));
  await submit(api, 'arcobaleno', 'P2', personnelRows(range(40, 43), 'P2'));
  setClock(() => H1_DUE);
  const draw = await api.call('POST', `${P1_H1}/draw`, { token: await api.po('P1'), json: { seed: SEED } });
  expect(draw.status).toBe(201);
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => setClock(() => H1_DUE));

async function verify(populationFile: string, json = true): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await sampleVerify(
    [
      '--population',
      populationFile,
      '--seed',
      SEED,
      '--agreement',
      'crema-2026-2028',
      '--programme',
      'P1',
      '--semester',
      '2026-H1',
      ...(json ? ['--json'] : []),
    ],
    { stdout: (t) => (out += t), stderr: (t) => (err += t) },
  );
  return { code, out, err };
}

describe('GET …/samples/{programme}/{semester}/population', () => {
  it('gives the PO the exact bytes of the recorded hash, and sample-verify reproduces the draw', async () => {
    const po = await api.po('P1');
    const sample = await api.call('GET', P1_H1, { token: po });
    expect(sample.status).toBe(200);
    const res = await api.call('GET', `${P1_H1}/population`, { token: po });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = res.bytes.toString('utf8');
    expect(text.split('\n')).toEqual([...taxCodes([...KOALA, ...IGEA])].sort());
    expect(text.endsWith('\n')).toBe(false);
    expect(crypto.createHash('sha256').update(res.bytes).digest('hex')).toBe(sample.body.populationHash);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popolazione-'));
    const file = path.join(dir, 'popolazione.txt');
    fs.writeFileSync(file, res.bytes);
    const run = await verify(file);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const verified = JSON.parse(run.out) as { populationHash: string; n: number; selected: string[] };
    expect(verified.populationHash).toBe(sample.body.populationHash);
    expect(verified.n).toBe(sample.body.n);
    expect(verified.selected).toEqual(sample.body.selected.map((p: { personId: string }) => p.personId));

    // One person left out and the check fails: the hash no longer matches the recorded one.
    fs.writeFileSync(file, text.split('\n').slice(1).join('\n'));
    const tampered = JSON.parse((await verify(file)).out) as { populationHash: string };
    expect(tampered.populationHash).not.toBe(sample.body.populationHash);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the admin and the ATS lead (arcobaleno) read it too', async () => {
    const po = await api.call('GET', `${P1_H1}/population`, { token: await api.po('P1') });
    for (const token of [await api.admin(), await api.partner('arcobaleno')]) {
      const res = await api.call('GET', `${P1_H1}/population`, { token });
      expect(res.status).toBe(200);
      expect(res.bytes.equals(po.bytes)).toBe(true);
    }
  });

  it('refuses other partners (403, Italian, no ids) and the PO of another programme', async () => {
    for (const token of [await api.partner('koala'), await api.partner('igea'), await api.po('P2')]) {
      const res = await api.call('GET', `${P1_H1}/population`, { token });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(res.body.error.message).toMatch(/riservata/);
      expect(res.bytes.toString('utf8')).not.toMatch(/[A-Z]{6}\d{2}/);
    }
  });

  it('404 for a semester not drawn yet, 401 without a token', async () => {
    const res = await api.call('GET', `${BASE}/samples/P1/2026-H2/population`, { token: await api.po('P1') });
    expect(res.status).toBe(404);
    expect((await api.call('GET', `${P1_H1}/population`)).status).toBe(401);
  });
});

describe('the PO’s sample cards', () => {
  it('name each person’s partners, reported cost and documents; a partner’s view has none of that', async () => {
    const po = await api.po('P1');
    const sample = (await api.call('GET', P1_H1, { token: po })).body;
    const person = sample.selected[0];
    const partner = (person.rowIds[0] as string).split('/')[0];
    const rowId = (person.rowIds[0] as string).split('/')[1];
    const pdf = Buffer.from('%PDF-1.4\n% busta paga\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const docId = crypto.createHash('sha256').update(pdf).digest('hex');
    const put = await api.call(
      'PUT',
      `${BASE}/documents/${docId}?programme=P1&rowId=${encodeURIComponent(rowId)}&kind=busta_paga&fileName=busta.pdf`,
      { token: await api.partner(partner), body: pdf },
    );
    expect(put.status).toBe(201);
    const after = (await api.call('GET', P1_H1, { token: po })).body.selected[0];
    expect(after.partners).toEqual([partner]);
    expect(after.reportedCost).toMatch(/^\d+\.\d{2}$/);
    expect(Number(after.reportedCost)).toBeGreaterThan(0);
    expect(after.documents).toEqual([
      expect.objectContaining({ docId, name: 'busta.pdf', partner, kind: 'busta_paga' }),
    ]);

    const own = (await api.call('GET', P1_H1, { token: await api.partner(partner) })).body.selected;
    for (const p of own) {
      expect(p.reportedCost).toBeUndefined();
      expect(p.partners).toBeUndefined();
    }
  });
});

describe('GET …/ats-status (the ATS lead)', () => {
  it('lists each member’s last version per programme and the ATS-wide R20, without personal data', async () => {
    const res = await api.call('GET', `${BASE}/ats-status?year=2026`, { token: await api.partner('arcobaleno') });
    expect(res.status).toBe(200);
    expect(res.body.leadPartner).toBe('arcobaleno');
    const p1 = res.body.programmes.find((p: { programme: string }) => p.programme === 'P1');
    expect(p1.members.map((m: { partner: string }) => m.partner).sort()).toEqual(['igea', 'koala']);
    const koala = p1.members.find((m: { partner: string }) => m.partner === 'koala');
    expect(koala).toMatchObject({ version: 1, submittedOn: '2026-07-10', rows: KOALA.length * 1 + 2 });
    expect(koala.cofinancingShare).toMatch(/^\d+\.\d{2}$/);
    expect(p1.membersWithoutReport).toBe(18);
    const drawn = (await api.call('GET', P1_H1, { token: await api.po('P1') })).body;
    expect(p1.samples).toEqual([
      { semester: '2026-H1', population: drawn.population, populationHash: drawn.populationHash },
    ]);
    expect(res.body.ats).toMatchObject({ minimumShare: '10.00' });
    expect(['ok', 'warning', 'error']).toContain(res.body.ats.r20);
    // No tax code, no name of a person anywhere in the answer.
    const text = res.bytes.toString('utf8');
    for (const code of taxCodes([...KOALA, ...IGEA])) expect(text).not.toContain(code);
  });

  it('refuses other partners and POs (403)', async () => {
    for (const token of [await api.partner('koala'), await api.po('P1')]) {
      const res = await api.call('GET', `${BASE}/ats-status?year=2026`, { token });
      expect(res.status).toBe(403);
    }
  });
});
