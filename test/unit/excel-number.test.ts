// Excel's precision (DOMAIN §3 R02): numeric cells are read at 15 significant digits. excelNumber
// has a fast path for values that are already whole cents; a property proves it equal to the
// plain rule (toPrecision(15)) for every double. The reader's own zip directory likewise equals
// fflate's unzipSync on any archive.
import fc from 'fast-check';
import { inflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { excelNumber } from '../../shared/core/excel-number';
import { parseAmount } from '../../shared/core/money';
import { zipEntries } from '../../formats/xlsx/xlsx-reader';

const plain = (x: number): number => (Number.isFinite(x) ? +x.toPrecision(15) : x);

describe('excelNumber', () => {
  it('reads binary noise at Excel precision', () => {
    expect(excelNumber(656.0099999999999)).toBe(656.01);
    expect(excelNumber(33.3 * 19.7)).toBe(656.01);
    expect(excelNumber(0.1 + 0.2)).toBe(0.3);
    expect(excelNumber(1506.1599999999999)).toBe(1506.16);
    expect(excelNumber(1234.567)).toBe(1234.567); // a real third decimal stays, and R02 reports it
    const read = parseAmount(excelNumber(656.0099999999999));
    expect(read.ok && read.value.toFixed(2)).toBe('656.01');
  });

  it('fast path equals the plain 15-digit rule for every double', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
          fc
            .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 100_000 }))
            .map(([h, c]) => (h / 10) * (c / 100)),
        ),
        (x) => {
          expect(excelNumber(x) === plain(x) || (Number.isNaN(x) && Number.isNaN(excelNumber(x)))).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('the reader’s zip directory', () => {
  it('gives the same entries as fflate’s unzipSync', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,2}\.xml$/), fc.string({ maxLength: 2000 }), {
          maxKeys: 6,
        }),
        fc.constantFrom(0, 6, 9),
        (files, level) => {
          const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v.repeat(3))])), {
            level: level as 0 | 6 | 9,
          });
          const expected = unzipSync(zip);
          const entry = zipEntries(zip, (data, size) => inflateSync(data, { out: new Uint8Array(size) }));
          for (const [name, data] of Object.entries(expected)) expect(entry(name)).toEqual(data);
          expect(entry('assente.xml')).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });
});
