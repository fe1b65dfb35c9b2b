// What a validated submission does to the report, pure (DOMAIN §5, R24): accepted rows, rejected
// rows, locked rows kept as they were (left out: not "rejected"), and the diff that says so.
import { getAgreement } from '../../../shared/agreement/agreements';
import type { Agreement } from '../../../shared/agreement/agreement';
import type { RowInput } from '../../../shared/rows/rows';
import { validateRows } from '../../../shared/rules/validate';
import { resolveRowIds, settleSubmission } from '../../../shared/submission';
import { demoGoodsRow } from '../../../scripts/demo-data';

const agreement = getAgreement('crema-2026-2028') as Agreement;
// April rows (W1, locked on 31 May) and a June row (W2, open on 30 June; the clock after the June
// row's dates, which R03 would otherwise refuse as future).
const april = (i: number) => demoGoodsRow(i, { months: [4], prefix: 'apr' });
const previous: RowInput[] = [april(0), april(1), demoGoodsRow(2, { months: [6], prefix: 'jun' })];

function settle(incoming: Omit<RowInput, 'rowId'>[]) {
  const resolved = resolveRowIds(incoming, previous, { agreement, seed: 'auser.P1.2026.v2' });
  const result = validateRows(resolved.rows, {
    agreement,
    programme: 'P1',
    partner: 'auser',
    year: 2026,
    today: '2026-06-30',
    previousRows: previous,
  });
  return settleSubmission({ agreement, rows: resolved.rows, previousRows: previous, result });
}
const bare = (r: RowInput) => {
  const { rowId: _id, ...rest } = r;
  return rest;
};

describe('settleSubmission', () => {
  it('the same content without ids: nothing rejected, nothing changed', () => {
    const s = settle(previous.map(bare));
    expect(s.accepted).toEqual(['apr-0', 'apr-1', 'jun-2']);
    expect(s.rejected).toEqual([]);
    expect(s.carriedOver).toEqual([]);
    expect(s.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 3 });
  });

  it('a locked row left out is kept, listed with its place and date, and not rejected', () => {
    const s = settle([bare(previous[1]), bare(previous[2])]);
    expect(s.rejected).toEqual([]);
    expect(s.carriedOver).toEqual([
      {
        rowId: 'apr-0',
        reason: 'removed',
        window: 'W1',
        lockDate: '2026-05-31',
        previous: { sheet: 'Beni', row: 2, date: previous[0].invoiceDate as string },
      },
    ]);
    expect(s.rows.map((r) => r.rowId).sort()).toEqual(['apr-0', 'apr-1', 'jun-2']);
    expect(s.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 3 });
  });

  it('a locked row changed is rejected (R24) and kept as it was; an open row changed is changed', () => {
    const s = settle([
      { ...bare(previous[0]), description: 'Altro' },
      bare(previous[1]),
      { ...bare(previous[2]), description: 'Altro' },
    ]);
    expect(s.rejected.map((r) => [r.rowId, r.findings.map((f) => f.code)])).toEqual([['apr-0', ['R24']]]);
    expect(s.carriedOver.map((c) => [c.rowId, c.reason])).toEqual([['apr-0', 'changed']]);
    expect(s.rows.find((r) => r.rowId === 'apr-0')?.description).toBe(previous[0].description);
    expect(s.changes).toEqual({ added: 0, changed: 1, removed: 0, unchanged: 2 });
    expect(s.changedRows).toEqual([
      {
        rowId: 'jun-2',
        change: 'changed',
        previous: { sheet: 'Beni', row: 4, date: previous[2].invoiceDate as string },
      },
    ]);
  });

  it('an open row left out is removed, with where it was', () => {
    const s = settle([bare(previous[0]), bare(previous[1])]);
    expect(s.changes).toEqual({ added: 0, changed: 0, removed: 1, unchanged: 2 });
    expect(s.changedRows).toEqual([
      {
        rowId: 'jun-2',
        change: 'removed',
        previous: { sheet: 'Beni', row: 4, date: previous[2].invoiceDate as string },
      },
    ]);
  });
});
