// DOMAIN §5 row identity, pure: known ids first, then natural keys in order of appearance, then the
// row's own id or one derived from the submission (the same input gives the same ids).
import { getAgreement } from '../../../shared/agreement/agreements';
import type { Agreement } from '../../../shared/agreement/agreement';
import type { RowInput } from '../../../shared/rows/rows';
import { naturalKey, resolveRowIds, diffVersions } from '../../../shared/submission';
import { parseRow } from '../../../shared/rows/rows';
import { demoGoodsRow, demoPersonnelRow } from '../../../scripts/demo-data';

const agreement = getAgreement('crema-2026-2028') as Agreement;
const strip = (r: RowInput) => {
  const { rowId: _id, ...rest } = r;
  return rest;
};

describe('natural keys', () => {
  it('read values as parsed: "Programma 1" is P1, an Italian date is ISO', () => {
    const row = demoGoodsRow(1);
    const typed = { ...row, programme: 'Programma 1', action: 'Azione 1', invoiceDate: '02/06/2026' };
    expect(naturalKey(parseRow(typed, agreement))).toBe(naturalKey(parseRow(row, agreement)));
  });

  it('ignore cells outside the key (hours, amounts, description of an invoice)', () => {
    const row = demoPersonnelRow(2);
    const edited = { ...row, hours: '21', amount: '388.50', municipalShare: '388.50' };
    expect(naturalKey(parseRow(edited, agreement))).toBe(naturalKey(parseRow(row, agreement)));
    expect(naturalKey(parseRow({ ...row, month: '2026-06' }, agreement))).not.toBe(
      naturalKey(parseRow(row, agreement)),
    );
  });
});

describe('resolveRowIds', () => {
  const previous = [demoGoodsRow(0), demoGoodsRow(1), demoPersonnelRow(2)];

  it('keeps known ids, matches the others by key, derives the rest from the seed', () => {
    const incoming = [
      { ...strip(previous[2]) },
      { ...previous[0] },
      { ...strip(previous[1]), rowId: 'r-random' },
      strip(demoGoodsRow(7)),
      { ...demoGoodsRow(8), rowId: 'mine-8' },
    ];
    const out = resolveRowIds(incoming, previous, { agreement, seed: 'koala.P1.2026.v2' });
    expect(out.rowIds.slice(0, 3)).toEqual([previous[2].rowId, previous[0].rowId, previous[1].rowId]);
    expect(out.sources).toEqual(['key', 'id', 'key', 'new', 'kept']);
    expect(out.rowIds[3]).toMatch(/^r-[0-9a-f]{12}$/);
    expect(out.rowIds[4]).toBe('mine-8');
    expect(out.rows.map((r) => r.rowId)).toEqual(out.rowIds);
    expect(resolveRowIds(incoming, previous, { agreement, seed: 'koala.P1.2026.v2' }).rowIds).toEqual(out.rowIds);
    expect(resolveRowIds(incoming, previous, { agreement, seed: 'koala.P1.2026.v3' }).rowIds[3]).not.toBe(
      out.rowIds[3],
    );
  });

  it('matches rows sharing one key in order of appearance', () => {
    const a: RowInput = { ...demoGoodsRow(3), rowId: 'first', amount: '10.00', municipalShare: '10.00' };
    const b: RowInput = { ...demoGoodsRow(3), rowId: 'second', amount: '20.00', municipalShare: '20.00' };
    const same = resolveRowIds([strip(a), strip(b), strip(b)], [a, b], { agreement, seed: 's' });
    expect(same.rowIds.slice(0, 2)).toEqual(['first', 'second']);
    expect(same.sources).toEqual(['key', 'key', 'new']);
    expect(diffVersions([a, b], same.rows, agreement).changes).toEqual({
      added: 1,
      changed: 0,
      removed: 0,
      unchanged: 2,
    });
    // Order of appearance, not content: the first row with the key is "first", whatever it holds.
    const swapped = resolveRowIds([strip(b)], [a, b], { agreement, seed: 's' });
    expect(swapped.rowIds).toEqual(['first']);
    const diff = diffVersions([a, b], swapped.rows, agreement);
    expect(diff.changes).toEqual({ added: 0, changed: 1, removed: 1, unchanged: 0 });
    expect(diff.changedRows).toEqual([
      { rowId: 'first', change: 'changed', previous: { sheet: 'Beni', row: 5, date: a.invoiceDate as string } },
      { rowId: 'second', change: 'removed', previous: { sheet: 'Beni', row: 5, date: b.invoiceDate as string } },
    ]);
  });
});
