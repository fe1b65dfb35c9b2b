// Shared set-up of the sample and reconciliation tests: partners submit personnel rows (one row per
// synthetic person) and goods rows before the summer window locks, then the clock moves on.
import { demoGoodsRow, demoPersonnelRow, syntheticTaxCode } from '../../scripts/demo-data';
import type { RowInput } from '../../shared/rows/rows';
import { BASE, setClock, type TestApi } from './harness';

/** Before the W2 lock (30 Sep): rows of May–June (2026-H1) can still be added. */
export const BEFORE_LOCK = new Date('2026-07-10T10:00:00Z');
/** 2026-H1 is due from 1 Oct (its last window W2 locks on 30 Sep). */
export const H1_DUE = new Date('2026-10-01T10:00:00Z');

export function personnelRows(indices: number[], programme = 'P1'): RowInput[] {
  return indices.map((i) => demoPersonnelRow(i, { programme, months: [5 + (i % 2)] }));
}

export function goodsRows(count: number, programme = 'P1'): RowInput[] {
  return Array.from({ length: count }, (_, i) => demoGoodsRow(i, { programme, months: [5, 6] }));
}

export function taxCodes(indices: number[]): string[] {
  return indices.map(syntheticTaxCode);
}

export const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

export async function submit(api: TestApi, partner: string, programme: string, rows: RowInput[]): Promise<string> {
  setClock(() => BEFORE_LOCK);
  const res = await api.call('POST', `${BASE}/submissions`, {
    token: await api.partner(partner),
    json: { programme, partner, year: 2026, rows },
  });
  if (res.status !== 201 || res.body.rejected.length)
    throw new Error(`submission failed: ${res.status} ${JSON.stringify(res.body.rejected ?? res.body)}`);
  return res.body.submissionId as string;
}
