// GET …/reconciliation as a workbook: the same query answered as JSON and as the
// `Riconciliazione` .xlsx must carry the same figures, under the same access rules, and partner
// text (a row id typed as a formula) must land in a string cell, never in a formula.
import Decimal from 'decimal.js';
import { strFromU8, unzipSync } from 'fflate';
import { getAgreement } from '../../shared/agreement/agreements';
import type { ReconciliationAnswer } from '../../shared/reconciliation/reconciliation-answer';
import { reconciliationLayout } from '../../shared/reconciliation/sheet-layout';
import { demoGoodsRow } from '../../scripts/demo-data';
import { wireOf } from '../unit/addin-po/reconciliation-fixture';
import { BASE, setClock, startTestApi, type TestApi } from './harness';
import { goodsRows, personnelRows, range, submit } from './sample-fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HOSTILE_ROW_ID = '=HYPERLINK("http://evil.example","clic")';
const QUERY = 'year=2026&programme=P1&asOf=2026-10-20';
const agreement = getAgreement('crema-2026-2028');
if (!agreement) throw new Error('agreement missing');

let api: TestApi;
let answer: ReconciliationAnswer;

interface SheetCell {
  /** 'n' number, 'inlineStr' / 's' / 'str' text. */
  type: string;
  style: number;
  value: string;
  formula: boolean;
}

/** The cells of the first worksheet, read straight from the package XML (no xlsx library). */
function readSheet(bytes: Uint8Array): { cells: Map<string, SheetCell>; xml: string; styles: string } {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
  const cells = new Map<string, SheetCell>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
    const attrs = m[2];
    const inner = m[3] ?? '';
    const type = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? 'n';
    const text = /<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1];
    const v = /<v>(.*?)<\/v>/.exec(inner)?.[1];
    cells.set(m[1], {
      type,
      style: Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0),
      value: unescapeXml(text ?? v ?? ''),
      formula: /<f[\s>]/.test(inner),
    });
  }
  return { cells, xml, styles: strFromU8(files['xl/styles.xml']) };
}

function unescapeXml(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] as string,
  );
}

/** numFmtId of the cellXfs entry a cell uses. */
function numFmtOf(styles: string, style: number): number {
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '';
  const xf = [...xfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)][style];
  return Number(xf?.[1] ?? -1);
}

function address(row: number, col: number): string {
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

beforeAll(async () => {
  api = await startTestApi();
  const koalaRows = [...personnelRows(range(0, 4)), ...goodsRows(2), { ...demoGoodsRow(2), rowId: HOSTILE_ROW_ID }];
  const submissionId = await submit(api, 'koala', 'P1', koalaRows);
  await submit(api, 'sentiero', 'P2', [...personnelRows(range(40, 43), 'P2'), ...goodsRows(1, 'P2')]);
  setClock(() => new Date('2026-10-18T10:00:00Z'));
  // The PO does not admit the partner's hostile row: its id now travels in the S6 exclusion.
  const review = await api.call('POST', `${BASE}/reviews`, {
    token: await api.po('P1'),
    json: { submissionId, rowId: HOSTILE_ROW_ID, decision: 'non_ammesso', reason: 'Spesa non documentata' },
  });
  expect(review.status).toBe(201);
  const res = await api.call('GET', `${BASE}/reconciliation?${QUERY}`, { token: await api.po('P1') });
  expect(res.status).toBe(200);
  answer = res.body;
});
afterAll(async () => {
  await api.close();
});

describe('GET …/reconciliation as a workbook', () => {
  it('answers format=xlsx with the Riconciliazione workbook, named after the query', async () => {
    const res = await api.call('GET', `${BASE}/reconciliation?${QUERY}&format=xlsx`, { token: await api.po('P1') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="riconciliazione-crema-2026-2028-2026-P1-2026-10-20.xlsx"; ' +
        "filename*=UTF-8''riconciliazione-crema-2026-2028-2026-P1-2026-10-20.xlsx",
    );
    expect(res.bytes.subarray(0, 2).toString()).toBe('PK');
    const workbook = strFromU8(unzipSync(new Uint8Array(res.bytes))['xl/workbook.xml']);
    expect(workbook).toContain('<sheet name="Riconciliazione"');
  });

  it('holds every figure of the JSON answer for the same query, as numbers', async () => {
    const res = await api.call('GET', `${BASE}/reconciliation?${QUERY}&format=xlsx`, { token: await api.po('P1') });
    const { cells, styles } = readSheet(new Uint8Array(res.bytes));
    expect(answer.programmes.map((p) => p.programme)).toEqual(['P1']);
    expect(answer.programmes[0].excluded.map((e) => e.reason)).toContain('S6');
    // Where each figure sits comes from the layout; what it must be comes from the JSON answer.
    const figures = reconciliationLayout(answer).figures;
    expect(figures.length).toBeGreaterThan(20);
    for (const f of figures) {
      const cell = cells.get(address(f.row, f.col));
      expect(cell).toBeDefined();
      expect(cell!.type).toBe('n');
      const shown =
        f.kind === 'percent' ? new Decimal(cell!.value).times(100).toFixed(2) : new Decimal(cell!.value).toFixed(2);
      expect({ key: f.key, value: shown }).toEqual({ key: f.key, value: wireOf(answer, f.key) });
      expect(numFmtOf(styles, cell!.style)).toBe(f.kind === 'percent' ? 10 : 4);
    }
    // The headline figures, found by their Italian labels rather than by position.
    const rowOf = (label: string) => [...cells].find(([, c]) => c.value === label)?.[0].replace(/^A/, 'B');
    expect(new Decimal(cells.get(rowOf('Contributo dovuto (D)')!)!.value).toFixed(2)).toBe(
      answer.programmes[0].contribution.due,
    );
    expect(new Decimal(cells.get(rowOf('Contributo dovuto all’ATS')!)!.value).toFixed(2)).toBe(answer.ats?.due);
    expect([...cells.values()].some((c) => c.value === 'Programma P1 — Crema città dei bambini e della famiglia')).toBe(
      true,
    );
  });

  it('stores the partner text that starts with "=" as a string cell, never as a formula', async () => {
    const res = await api.call('GET', `${BASE}/reconciliation?${QUERY}&format=xlsx`, { token: await api.po('P1') });
    const { cells, xml, styles } = readSheet(new Uint8Array(res.bytes));
    expect(xml).not.toMatch(/<f[\s>]/);
    const hostile = [...cells.values()].filter((c) => c.value.includes(HOSTILE_ROW_ID));
    expect(hostile.length).toBeGreaterThan(0);
    for (const cell of hostile) {
      expect(cell.formula).toBe(false);
      expect(cell.type).toBe('inlineStr');
      expect(numFmtOf(styles, cell.style)).toBe(49); // "@": stays text if the PO edits it
    }
    expect(hostile[0].value).toContain(`koala/${HOSTILE_ROW_ID}`);
  });

  it('honours Accept for the workbook, and format=json over Accept', async () => {
    const token = await api.po('P1');
    const byAccept = await api.call('GET', `${BASE}/reconciliation?${QUERY}`, { token, headers: { Accept: XLSX } });
    expect(byAccept.status).toBe(200);
    expect(byAccept.headers.get('content-type')).toBe(XLSX);
    const byQuery = await api.call('GET', `${BASE}/reconciliation?${QUERY}&format=xlsx`, { token });
    expect(readSheet(new Uint8Array(byAccept.bytes)).xml).toBe(readSheet(new Uint8Array(byQuery.bytes)).xml);
    const json = await api.call('GET', `${BASE}/reconciliation?${QUERY}&format=json`, {
      token,
      headers: { Accept: XLSX },
    });
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.body).toEqual(answer);
  });

  it('keeps the JSON route’s access rules and query checks', async () => {
    const path = `${BASE}/reconciliation?${QUERY}&format=xlsx`;
    expect((await api.call('GET', path)).status).toBe(401);
    const otherPo = await api.call('GET', path, { token: await api.po('P2') });
    expect(otherPo.status).toBe(403);
    expect(otherPo.headers.get('content-type')).toContain('application/json');
    expect((await api.call('GET', path, { token: await api.partner('koala') })).status).toBe(200);
    const badFormat = await api.call('GET', `${BASE}/reconciliation?${QUERY}&format=pdf`, {
      token: await api.po('P1'),
    });
    expect(badFormat.status).toBe(422);
    expect(badFormat.body.error.message).toBeTruthy();
  });
});
