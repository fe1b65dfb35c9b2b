// The per-row findings of the incremental validator (shared/rules/row-findings.ts): a view keeps
// what it was given while the validator goes on changing its own side, part by part.
import type { Finding } from '../../shared/findings/findings';
import { RowFindings } from '../../shared/rules/row-findings';

const finding = (rowId: string, code: string): Finding =>
  ({ code, severity: 'error', sheet: null, row: null, column: null, field: null, message: code, rowId }) as Finding;

describe('RowFindings', () => {
  it('views keep their ids and lists after later changes, and read like a map', () => {
    const own = new RowFindings();
    const ids = Array.from({ length: 300 }, (_, i) => `Personale!${i + 2}`);
    for (const id of ids) own.set(id, [finding(id, 'R01')]);
    const before = own.view();
    own.set(ids[0], [finding(ids[0], 'R02')]);
    own.delete(ids[1]);
    own.set('nuova', [finding('nuova', 'R05')]);
    const after = own.view();

    expect(before.size).toBe(300);
    expect(before.get(ids[0])?.map((f) => f.code)).toEqual(['R01']);
    expect(before.has(ids[1])).toBe(true);
    expect(before.has('nuova')).toBe(false);
    expect(after.size).toBe(300);
    expect(after.get(ids[0])?.map((f) => f.code)).toEqual(['R02']);
    expect([after.has(ids[1]), after.get('nuova')?.[0].code]).toEqual([false, 'R05']);

    const seen: string[] = [];
    after.forEach((list, id) => seen.push(`${id}:${list.length}`));
    expect(seen.sort()).toEqual([...after.keys()].map((id) => `${id}:1`).sort());
    expect([...after.values()].flat()).toHaveLength(300);
    expect(new Map(after).size).toBe(300);
    expect(Object.isFrozen(after.get('nuova'))).toBe(true);
    own.delete('not there');
    expect(own.view().size).toBe(300);
  });
});
