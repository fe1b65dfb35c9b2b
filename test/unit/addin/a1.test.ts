// A1 addresses as Excel's events and the adapters write them.
import { parseRange, stripSheet, rangeAddress } from '../../../addin/port/a1';

describe('A1 addresses', () => {
  it.each([
    ['B3', { first: { row: 3, column: 2 }, last: { row: 3, column: 2 } }],
    ['$B$3:$D$9', { first: { row: 3, column: 2 }, last: { row: 9, column: 4 } }],
    ["'Beni 2026'!AA10", { first: { row: 10, column: 27 }, last: { row: 10, column: 27 } }],
    ['3:5', { first: { row: 3, column: 1 }, last: { row: 5, column: 16_384 } }],
    ['B:C', { first: { row: 1, column: 2 }, last: { row: 1_048_576, column: 3 } }],
  ])('%s', (address, expected) => {
    expect(parseRange(address)).toEqual(expected);
  });

  it('refuses what is not an address', () => {
    expect(parseRange('Totale')).toBeNull();
    expect(parseRange('')).toBeNull();
  });

  it('formats and strips', () => {
    expect(rangeAddress({ row: 2, column: 14 }, { row: 20_001, column: 14 })).toBe('N2:N20001');
    expect(stripSheet("'Beni 2026'!B3")).toBe('B3');
  });
});
