// Month cells as Italian workbooks hold them (DOMAIN §7 Mese): numbers of a month, and the names
// an Italian Excel shows for its mmm-aa and mmmm aaaa formats when the cell is kept as text.
import { parseMonth } from '../../shared/core/dates';

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
  ])('%s is %s', (text, month) => {
    expect(read(text)).toBe(month);
  });

  it.each(['ma-26', 'marz 2026', 'xyz 2026', 'gen-2', 'gen-202', 'gennaio', '13/2026', 'march 2026'])(
    '%s is not a month',
    (text) => {
      expect(read(text)).toBe('invalid');
    },
  );
});
