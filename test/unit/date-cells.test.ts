// Date and month cells as Italian workbooks hold them as text (DOMAIN §7 Mese, Data): numbers,
// the names an Italian Excel shows for its gg-mmm-aa, mmm-aa and mmmm aaaa formats, two-digit
// years as Excel reads them, the time an export adds.
import { dateAmongWords, parseDate, parseMonth } from '../../shared/core/dates';

const read = (text: string) => {
  const parsed = parseMonth(text);
  return parsed.ok ? parsed.value : parsed.reason;
};

describe('parseMonth', () => {
  it.each([
    ['03/2026', '2026-03'],
    ['2026-03', '2026-03'],
    ['marzo 2026', '2026-03'],
    ['Marzo 2026', '2026-03'],
    ['gen-26', '2026-01'],
    ['set-26', '2026-09'],
    ['mag 2026', '2026-05'],
    ['dic.26', '2026-12'],
    ['ott-2026', '2026-10'],
    ['maggio 26', '2026-05'],
    ['giu/2027', '2027-06'],
    ['dicembre 99', '1999-12'], // Excel's two-digit years: 30–99 are the 1900s
    ['10/26', '2026-10'],
    ['3/26', '2026-03'],
    ['03.26', '2026-03'],
    ["marzo '26", '2026-03'],
    ['mar ’26', '2026-03'],
    // A period of work inside one month is that month.
    ['01/03/2026 - 31/03/2026', '2026-03'],
    ['01/03/2026-31/03/2026', '2026-03'],
    ['dal 1/3/2026 al 31/3/2026', '2026-03'],
    ['2026-03-01 – 2026-03-15', '2026-03'],
    ['1-31 marzo 2026', '2026-03'],
    ['1 - 15 mar 2026', '2026-03'],
    // A note in brackets after the month.
    ['marzo 2026 (parziale)', '2026-03'],
    ['03/2026 (saldo)', '2026-03'],
    ['Marzo 2026 (Tredicesima)', '2026-03'],
  ])('%s is %s', (text, month) => {
    expect(read(text)).toBe(month);
  });

  it.each([
    'ma-26',
    'marz 2026',
    'xyz 2026',
    'gen-2',
    'gen-202',
    'gennaio',
    '13/2026',
    'march 2026',
    '13/26',
    '0/26',
    // A period across months, backwards, or with a day the month has not: no month (one row per month).
    '01/03/2026 - 30/04/2026',
    '31/03/2026 - 01/03/2026',
    '1-32 marzo 2026',
    '1-30 febbraio 2026',
    // A note naming another month or a day is not a plain note.
    'marzo 2026 (e aprile 2026)',
    'marzo 2026 (e aprile)',
    'marzo 2026 (fino al 15)',
    '(parziale)',
  ])('%s is not a month', (text) => {
    expect(read(text)).toBe('invalid');
  });
});

describe('parseDate', () => {
  const readDate = (text: string) => {
    const parsed = parseDate(text);
    return parsed.ok ? parsed.value : parsed.reason;
  };

  it.each([
    ['15/03/2026', '2026-03-15'],
    ['15/3/2026', '2026-03-15'],
    ['15.03.2026', '2026-03-15'],
    ['15/03/26', '2026-03-15'],
    ['15/03/2026 00:00', '2026-03-15'],
    ['15 / 03 / 2026', '2026-03-15'],
    ['15 - 3 - 2026', '2026-03-15'],
    ['15/03/2026 14.30.00', '2026-03-15'],
    ['15 marzo 2026', '2026-03-15'],
    ['15 Marzo 2026', '2026-03-15'],
    ['1° marzo 2026', '2026-03-01'],
    ['lunedì 16 marzo 2026', '2026-03-16'],
    ['Lunedì, 16 marzo 2026', '2026-03-16'],
    ['15-mar-26', '2026-03-15'],
    ['15 mar 2026', '2026-03-15'],
    ['2026-03-15T00:00:00', '2026-03-15'],
    ['2026/03/15', '2026-03-15'],
    ['2026.3.15', '2026-03-15'],
  ])('%s is %s', (text, day) => {
    expect(readDate(text)).toBe(day);
  });

  it.each([
    '31 aprile 2026',
    '2026/03-15',
    '2026/02/30',
    '15 marz 2026',
    '15 march 2026',
    '03/15/2026',
    '15/03/2026 ore 10',
    '15 marzo',
  ])('%s is not a date', (text) => {
    expect(readDate(text)).toBe('invalid');
  });

  it('reads a year typed alone as no date (not as the Excel serial of a day of 1905); serials stay days', () => {
    const reads = ['2026', 2026, 1900, 2100, 46096, '46096', 1899].map((cell) => {
      const parsed = parseDate(cell);
      return parsed.ok ? parsed.value : parsed.reason;
    });
    expect(reads).toEqual(['invalid', 'invalid', 'invalid', 'invalid', '2026-03-15', '2026-03-15', '1905-03-13']);
  });
});

describe('dateAmongWords', () => {
  const read = (text: string) => {
    const parsed = dateAmongWords(text);
    return parsed === null ? null : parsed.ok ? parsed.value : parsed.reason;
  };

  it.each([
    ['pagato il 10/04/2026', '2026-04-10'],
    ['bonifico del 10/04/2026', '2026-04-10'],
    ['10/04/2026 (bonifico)', '2026-04-10'],
    ['2026-04-10 pagata', '2026-04-10'],
    ['fattura del 15.03.26', '2026-03-15'],
  ])('%s holds the date %s', (text, date) => {
    expect(read(text)).toBe(date);
  });

  it.each([
    'pagato',
    '10/04/2026 e 20/04/2026', // two payments: which one is the row's?
    'bonifico n. 3 del 10/04/2026', // another figure beside the date
    '31/02/2026 pagato', // no such day
    `pagato il 10/04/2026 ${'x'.repeat(60)}`, // a paragraph, not a cell
  ])('%s holds no single date', (text) => {
    expect(read(text)).toBeNull();
  });
});
