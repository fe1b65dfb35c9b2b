// The readings that have a fast path for the common forms of a cell give the same answer as the
// general reading (issue 9: speed from the data layout, a fast path proven equal to the plain one).
// Amounts: parseAmount/parseQuantity against parseNumberPlain, the regular-expression reading.
// Dates and text keys: against the regular-expression readings they replaced, kept here as oracles.
import fc from 'fast-check';
import {
  fixedOfMoney,
  Money,
  moneyFromDigits,
  parseAmount,
  parseAmountCell,
  parseFixedCell,
  parseNumberPlain,
  parseQuantity,
  withinBound,
  type MoneyParse,
  type NumberBound,
} from '../../shared/core/money';
import { daysInMonth, parseDate, parseMonth, type DateParse, type MonthParse } from '../../shared/core/dates';
import { KeyLookup, keyIncludes, normaliseText, trimmed } from '../../shared/core/text-key';
import {
  documentKindOf,
  normaliseLevel,
  normaliseLevelPlain,
  normaliseSupplierId,
  parseDocuments,
  textOf,
} from '../../shared/rows/rows';
import { DOCUMENT_KINDS } from '../../shared/mapping/fields';

const RUNS = { numRuns: 3000 };

function same(a: MoneyParse): string {
  return a.ok ? `ok ${a.value.toString()} ${a.value.isNegative()}` : `ko ${a.reason}`;
}

/** Text cells made of what amounts are typed with, so the common and the rare forms both come up. */
const amountText = fc
  .array(fc.constantFrom('0', '1', '2', '5', '9', ',', '.', '-', ' ', '€', 'e', 'E', 'a', '\u00a0', '+'), {
    maxLength: 24,
  })
  .map((chars) => chars.join(''));
const digitsText = fc
  .tuple(fc.stringMatching(/^\d{1,18}$/), fc.constantFrom('', ',', '.'), fc.stringMatching(/^\d{0,6}$/))
  .map(([a, sep, b]) => a + sep + b);
/** One to three digits, a point, three digits: the thousands-point reading of amount text. */
const thousandsText = fc
  .tuple(fc.stringMatching(/^\d{1,4}$/), fc.stringMatching(/^\d{2,4}$/))
  .map(([a, b]) => `${a}.${b}`);
const numberCell = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.integer({ min: -1e6, max: 1e9 }).map((c) => c / 100),
  fc.constantFrom(0, -0, 1e15, 1e16, 999999999999999, 1e-7, 1e21, Infinity, -Infinity),
);
const bounds: NumberBound[] = [
  null,
  { below: new Money('10000000.00') },
  { below: '10000000.00' },
  { atMost: new Money('744') },
  { below: new Money('0.5') },
];

describe('amount fast path = plain reading', () => {
  it.each(bounds.map((b, i) => [i, b] as const))('bound %i: every text and number cell', (_i, bound) => {
    fc.assert(
      fc.property(fc.oneof(amountText, digitsText, thousandsText, numberCell), (cell) => {
        expect(same(parseAmount(cell, bound))).toBe(same(parseNumberPlain(cell, 2, bound)));
        expect(same(parseAmountCell(cell, bound))).toBe(same(parseNumberPlain(cell, 2, bound, true)));
        expect(same(parseQuantity(cell, 4, bound))).toBe(same(parseNumberPlain(cell, 4, bound)));
      }),
      RUNS,
    );
  });

  // The fast path builds its Decimals from the digits: they must be decimal.js's own, field by
  // field (sign, exponent, words), or later arithmetic would go wrong though toString() agrees.
  const internals = (m: Money) => ({ s: m.s, e: m.e, d: m.d });
  it('builds the same Decimal as decimal.js from the text, sign, exponent and words alike', () => {
    const digits = fc
      .tuple(fc.stringMatching(/^[0-9]{1,15}$/), fc.integer({ min: 0, max: 15 }), fc.boolean())
      .filter(([text, scale]) => scale <= text.length);
    fc.assert(
      fc.property(digits, ([text, scale, negative]) => {
        const plain = `${negative ? '-' : ''}${text.slice(0, text.length - scale) || '0'}.${text.slice(text.length - scale)}0`;
        const expected = new Money(plain);
        const built = moneyFromDigits(Number(text), scale, negative);
        if (expected.isZero()) expect(built.isZero()).toBe(true);
        else expect(internals(built)).toEqual(internals(expected));
      }),
      { numRuns: 20000 },
    );
    // Beyond the 15 digits of the contract: decimal.js's own value, never digits lost.
    expect(moneyFromDigits(1e21, 2, false).eq(new Money('1e19'))).toBe(true);
    expect(moneyFromDigits(1234567890123456, 3, true).eq(new Money('-1234567890123.456'))).toBe(true);
    for (const cell of ['1234,56', '0,01', '1200', '10000000', '0,10', '123456789012345', '1234567,8'])
      expect(internals((parseAmount(cell, null) as { value: Money }).value)).toEqual(
        internals(new Money(cell.replace(',', '.'))),
      );
    for (const cell of [656.01, 0.3, 1234567.89, 99999999.99, 1e-7, 5e-5])
      expect(internals((parseQuantity(cell, 20, null) as { value: Money }).value)).toEqual(
        internals(new Money(String(cell))),
      );
  });

  it('the exponent shortcut of withinBound agrees with lt/lte', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: -6, max: 6 }))
      .map(([digits, shift]) => new Money(digits.toString()).times(new Money(10).pow(shift)));
    fc.assert(
      fc.property(decimal, decimal, (value, limit) => {
        expect(withinBound(value, { below: limit })).toBe(value.lt(limit));
        expect(withinBound(value, { atMost: limit })).toBe(value.lte(limit));
      }),
      RUNS,
    );
  });
});

/** parseDate's text reading before the fast path (the oracle). */
function regexDate(text: string): DateParse {
  const valid = (y: number, m: number, d: number): DateParse => {
    const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(iso) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
    return ok ? { ok: true, value: iso } : { ok: false, reason: 'invalid' };
  };
  const iso = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[3]), Number(iso[4]));
  const it = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  // A two-digit year as Excel reads it: 00–29 are 2000–2029, 30–99 are 1930–1999.
  const year = (y: string) => (y.length === 4 ? Number(y) : Number(y) < 30 ? 2000 + Number(y) : 1900 + Number(y));
  if (it) return valid(year(it[3]), Number(it[2]), Number(it[1]));
  return { ok: false, reason: 'invalid' };
}

describe('parseFixedCell = parseAmountCell / parseQuantity, as a Fixed', () => {
  it('every text and number cell', () => {
    const asFixed = (r: MoneyParse) => (r.ok ? String(fixedOfMoney(r.value) ?? Infinity) : r.reason);
    fc.assert(
      fc.property(fc.oneof(amountText, digitsText, thousandsText, numberCell), (cell) => {
        expect(String(parseFixedCell(cell, false))).toBe(asFixed(parseAmountCell(cell, null)));
        expect(String(parseFixedCell(cell, true))).toBe(asFixed(parseQuantity(cell, 4, null)));
      }),
      RUNS,
    );
  });
});

describe('date fast path = regular-expression reading', () => {
  const dateText = fc
    .tuple(
      fc.stringMatching(/^\d{1,4}$/),
      fc.constantFrom('-', '/', '.', 'x'),
      fc.stringMatching(/^\d{1,2}$/),
      fc.constantFrom('-', '/', '.'),
      fc.stringMatching(/^\d{1,4}$/),
    )
    .map((parts) => parts.join(''));
  it('ISO and Italian forms, valid and not', () => {
    fc.assert(
      fc.property(dateText, (text) => {
        if (/^\d+$/.test(text)) return; // serial numbers: not a form the fast path reads
        expect(parseDate(text)).toEqual(regexDate(text));
      }),
      RUNS,
    );
  });
  it('month cells: mm/aaaa and aaaa-mm read as the regular expressions read them', () => {
    const monthText = fc
      .tuple(
        fc.stringMatching(/^\d{1,5}$/),
        fc.constantFrom('-', '/', '.', 'x', ''),
        fc.stringMatching(/^\d{0,5}$/),
        fc.constantFrom('', ' '),
      )
      .map(([a, sep, b, pad]) => pad + a + sep + b);
    fc.assert(
      fc.property(monthText, (text) => {
        expect(parseMonth(text)).toEqual(regexMonth(text));
      }),
      RUNS,
    );
    for (const text of [
      '03/2026',
      '3/2026',
      '2026-03',
      '2026-3',
      '2026/12',
      '13/2026',
      '1899-05',
      '00/2026',
      ' 03/2026 ',
    ])
      expect(parseMonth(text)).toEqual(regexMonth(text));
  });

  it('calendar edge cases', () => {
    for (const text of [
      '2024-02-29',
      '2026-02-29',
      '1900-02-29',
      '2000-02-29',
      '0099-02-29',
      '31/04/2026',
      '29.02.2028',
    ])
      expect(parseDate(text)).toEqual(regexDate(text));
  });
});

/** parseMonth before the fast path, for texts of digits and separators (the oracle). */
function regexMonth(cell: string): MonthParse {
  const text = cell.trim().toLowerCase();
  if (text === '') return { ok: false, reason: 'empty' };
  const of = (y: number, m: number): MonthParse =>
    m < 1 || m > 12 || y < 1900 || y > 9999
      ? { ok: false, reason: 'invalid' }
      : { ok: true, value: `${y}-${String(m).padStart(2, '0')}` };
  const mmYyyy = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (mmYyyy) return of(Number(mmYyyy[2]), Number(mmYyyy[1]));
  const mmYy = /^(\d{1,2})[/.-](\d{2})$/.exec(text);
  if (mmYy) return of(Number(mmYy[2]) < 30 ? 2000 + Number(mmYy[2]) : 1900 + Number(mmYy[2]), Number(mmYy[1]));
  const yyyyMm = /^(\d{4})[/.-](\d{1,2})$/.exec(text);
  if (yyyyMm) return of(Number(yyyyMm[1]), Number(yyyyMm[2]));
  const date = parseDate(cell);
  return date.ok ? { ok: true, value: date.value.slice(0, 7) } : date;
}

/** normaliseText before the fast path (the oracle). */
function plainKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

describe('text keys', () => {
  it('trimmed = String.prototype.trim, spaces of every kind at either end', () => {
    // Ends that trim() removes (ASCII controls, no-break and other Unicode spaces, BOM) and ends it keeps.
    const unit = fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u2003',
      '\ufeff',
      '\u0085',
      '\u007f',
      'a',
      '1',
      '~',
      '!',
      'è',
      '€',
    );
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        expect(trimmed(text)).toBe(text.trim());
      }),
      RUNS,
    );
    expect(trimmed(' 12,50\u00a0')).toBe('12,50');
    expect(trimmed('\u00a0')).toBe('');
  });
  it('normaliseText = lower case, accents and punctuation dropped', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '.', 'è', 'À', '-', 'x', 'Q') }), (text) => {
        expect(normaliseText(text)).toBe(plainKey(text));
      }),
      RUNS,
    );
  });
  it('keyIncludes = normaliseText(text).includes(needle), also across dropped characters', () => {
    const unit = fc.constantFrom('c', 'o', 'p', 'C', 'O', 'P', 's', 'S', ' ', '-', '.', 'è', '1');
    fc.assert(
      fc.property(fc.string({ unit }), fc.constantFrom('coop', 'social', 'c', 'oo', 'co1p'), (text, needle) => {
        expect(keyIncludes(text, needle)).toBe(plainKey(text).includes(needle));
      }),
      RUNS,
    );
    expect(keyIncludes('CCNL Co-op. Sociali', 'coop')).toBe(true);
    expect(keyIncludes('Cooperative sociali', 'social')).toBe(true);
    expect(keyIncludes('Commercio', 'coop')).toBe(false);
  });
  it('normaliseLevel = the plain level reading (typed keys come back as they are)', () => {
    const level = fc.string({ unit: fc.constantFrom('A', 'c', '1', '3', ' ', '.', '-', 'L', 'I', 'V', 'E', 'O', 'à') });
    const prefixed = fc
      .tuple(fc.constantFrom('LIVELLO', 'Livello ', 'LIVELL', 'Liv. ', 'LIV', ''), level)
      .map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.oneof(level, prefixed), (text) => {
        expect(normaliseLevel(text)).toBe(normaliseLevelPlain(text));
      }),
      RUNS,
    );
    expect(normaliseLevel('LIVELLOA1')).toBe('A1');
    expect(normaliseLevel('C3')).toBe('C3');
  });
  it('KeyLookup.get(text) = map.get(normaliseText(text)), whole texts and parts of one', () => {
    const keys = ['fattura', 'f24', 'fatturaelettronica', 'p1', 'a1', 'a12', 'programma1', 'attivita', '', 'x'];
    const map = new Map(keys.map((k, i) => [k, i]));
    map.set('Not A Key', 99); // a key normaliseText never gives is never found, as in the map
    const lookup = new KeyLookup(map);
    const unit = fc.constantFrom(
      'f',
      'A',
      'a',
      't',
      'u',
      'r',
      'P',
      '1',
      '2',
      '4',
      ' ',
      '.',
      '-',
      'à',
      'i',
      'v',
      'x',
      'N',
    );
    const text = fc.oneof(
      fc.string({ unit, maxLength: 20 }),
      fc.constantFrom(...keys, 'Fattura ', 'P 1', 'Attività', 'F-24'),
    );
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        expect(lookup.get(t)).toBe(map.get(normaliseText(t)));
        const [start, end] = [Math.min(a, b) % (t.length + 1), Math.max(a, b) % (t.length + 1)].sort((x, y) => x - y);
        expect(lookup.within(t, start, end)).toBe(map.get(normaliseText(t.slice(start, end))));
      }),
      RUNS,
    );
    expect(lookup.get('Attività')).toBe(7);
    expect(lookup.get('FATTURA elettronica')).toBe(2);
    expect(lookup.get('Not A Key')).toBeUndefined();
  });
  it('parseDocuments = each part cut and read by normaliseText (the trie walk is the same reading)', () => {
    // The oracle: every part sliced, normalised and looked up, as parseDocuments read them before.
    const names = [...Object.keys(DOCUMENT_KINDS), ...Object.values(DOCUMENT_KINDS).flat()];
    const plain = (cell: unknown): string[] => {
      const text = textOf(cell);
      if (text === null) return [];
      const kinds = new Set<string>();
      for (const part of text.split(/[;,\n/+|]| [-eE] /)) {
        const kind = documentKindOf(part);
        if (kind) kinds.add(kind);
      }
      return [...kinds].sort();
    };
    const part = fc.oneof(
      fc.constantFrom(...names, 'Fattura elettronica', 'LUL', 'F24 quietanzato', 'relazione di attività', 'cedolini'),
      fc.constantFrom('Fàttura', 'F-24', ' fattura.', 'FATTURA', 'quietanza\u00a0', 'timesheet!', 'xyz', ''),
      fc.constantFrom('Fattura n. 12', 'bonifico del 15', 'F24 marzo 2026', 'Fatturato', 'registro presenze x'),
      fc.string({ maxLength: 12 }),
    );
    const cell = fc
      .array(
        fc.tuple(part, fc.constantFrom(';', ',', '\n', '; ', ' ', '/', ' + ', '|', ' - ', ' e ', ' E ', '-', 'e')),
        {
          maxLength: 6,
        },
      )
      .map((parts) => parts.map(([p, sep]) => p + sep).join(''));
    fc.assert(
      fc.property(cell, (text) => {
        expect([...parseDocuments(text)].sort()).toEqual(plain(text));
      }),
      RUNS,
    );
  });

  it('normaliseSupplierId = upper case, separators dropped, a label before the id and the IT prefix of a VAT number cut', () => {
    const plain = (text: string) => {
      const spaced = text.toUpperCase().replace(/[\s.\-/:]/g, '');
      const one = '(?:PARTITAIVA|PIVA|CODICEFISCALE|CF)';
      const label =
        new RegExp(`^${one}(?:E?${one})?((?:IT)?\\d{11}|[A-Z0-9]{16})$`).exec(spaced) ??
        new RegExp(`^((?:IT)?\\d{11}|[A-Z0-9]{16})\\(${one}(?:E?${one})?\\)$`).exec(spaced);
      const compact = label ? label[1] : spaced;
      return /^IT\d{11}$/.test(compact) ? compact.slice(2) : compact;
    };
    expect(normaliseSupplierId('P.IVA 01234567897')).toBe('01234567897');
    expect(normaliseSupplierId('P. IVA: IT01234567897')).toBe('01234567897');
    expect(normaliseSupplierId('C.F. rssmra80a01d142m')).toBe('RSSMRA80A01D142M');
    expect(normaliseSupplierId('CF0123')).toBe('CF0123'); // no id after the label: left as typed
    expect(normaliseSupplierId('01234567897 (P.IVA)')).toBe('01234567897');
    expect(normaliseSupplierId('RSSMRA80A01D142M (C.F.)')).toBe('RSSMRA80A01D142M');
    expect(normaliseSupplierId('C.F./P.IVA 01234567897')).toBe('01234567897');
    expect(normaliseSupplierId('P.IVA e C.F. 01234567897')).toBe('01234567897');
    expect(normaliseSupplierId('01234567897 (C.F./P.IVA)')).toBe('01234567897');
    const id = fc
      .array(fc.constantFrom('I', 'T', 'i', 't', 'A', 'z', '0', '1', '9', ' ', '.', '-', '/', 'è'), { maxLength: 16 })
      .map((chars) => chars.join(''));
    const vat = fc.stringMatching(/^(IT|it)?\d{11}$/);
    const labelled = fc
      .tuple(
        fc.constantFrom(
          'P.IVA ',
          'p.iva: ',
          'Partita IVA ',
          'C.F. ',
          'CF',
          'Codice fiscale: ',
          'C.F./P.IVA ',
          'P.IVA e C.F.: ',
        ),
        fc.oneof(vat, id),
      )
      .map(([a, b]) => a + b);
    const labelAfter = fc
      .tuple(fc.oneof(vat, id), fc.constantFrom(' (P.IVA)', '(c.f.)', ' (Partita IVA)', ' (CF', ' (CF/P.IVA)'))
      .map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.oneof(id, vat, labelled, labelAfter), (text) => {
        expect(normaliseSupplierId(text)).toBe(plain(text));
      }),
      RUNS,
    );
  });

  it('parseDocuments cuts parts on ; , and new lines', () => {
    const kinds = (text: string) => [...parseDocuments(text)].sort();
    expect(kinds(' Fattura ;bonifico,\n  F24 ; ;timesheet')).toEqual(['F24', 'fattura', 'pagamento', 'timesheet']);
    expect(kinds('nessuno')).toEqual([]);
    expect(kinds('   ')).toEqual([]);
    // Lists as bookkeepers also write them.
    for (const list of [
      'timesheet / bonifico / F24',
      'Timesheet+Bonifico+F24',
      'timesheet - bonifico - F24',
      'timesheet e bonifico e F24',
      'timesheet | bonifico | F24',
    ])
      expect(kinds(list)).toEqual(['F24', 'pagamento', 'timesheet']);
    // The names bookkeepers give the apportionment and the volunteers' register.
    expect(kinds('Fattura; Criterio di ripartizione')).toEqual(['criterio di imputazione', 'fattura']);
    expect(kinds('fattura, chiave di riparto')).toEqual(['criterio di imputazione', 'fattura']);
    expect(kinds('Registro presenze volontari')).toEqual(['registro volontari']);
    expect(kinds('fogli firma volontari')).toEqual(['registro volontari']);
    // A name followed by its details, whole words only.
    expect(kinds('Fattura n. 12; bonifico del 15 marzo; F24 marzo 2026')).toEqual(['F24', 'fattura', 'pagamento']);
    expect(kinds('Fatturato; bonificato')).toEqual([]);
    // A dash or an 'e' inside a name is not a separator.
    expect(kinds('F-24; time-sheet; relazione attività')).toEqual(['F24', 'relazione', 'timesheet']);
    const listed = parseDocuments('Fattura elettronica; quietanza; fattura');
    expect([listed.size, listed.has('fattura'), listed.has('pagamento'), listed.has('F24')]).toEqual([
      2,
      true,
      true,
      false,
    ]);
    expect(listed.has('non è un tipo')).toBe(false);
    expect([parseDocuments(null).size, parseDocuments('nessuno').has('fattura')]).toEqual([0, false]);
  });
});
