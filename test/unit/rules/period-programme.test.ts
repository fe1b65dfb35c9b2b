// R03 dates inside the agreement period and the reporting year; R04 programme and action.
import { pers, beni, gen, cofin, rowFindingsOf, located, ctx } from './fixtures';

describe('R03 period', () => {
  it('passes a date inside the year of the submission', () => {
    // Today is the last day of the year: nothing is in the future (R03 also refuses future dates).
    const rows = [gen({ date: '31/12/2026' }), pers({ month: 'dicembre 2026' })];
    expect(located(rowFindingsOf(rows, ctx({ today: '2026-12-31' })), 'R03')).toEqual([]);
  });

  it('rejects a date before the agreement and one of another year', () => {
    expect(located(rowFindingsOf([gen({ date: '2025-12-31' })]), 'R03')).toEqual([
      ['R03', 'error', 'Spese generali', 2, 'C', 'date'],
    ]);
    const [other] = rowFindingsOf(
      [beni({ invoiceDate: '2027-01-10', paymentDate: '2027-01-20' })],
      ctx({ today: '2026-03-15' }),
    );
    expect(other).toMatchObject({ code: 'R03', column: 'D', field: 'invoiceDate', params: { variant: 'otherYear' } });
  });

  it('reads the PERS month and rejects an unreadable one', () => {
    expect(located(rowFindingsOf([pers({ month: '13/2026' })]), 'R03')).toEqual([
      ['R03', 'error', 'Personale', 2, 'I', 'month'],
    ]);
    expect(located(rowFindingsOf([cofin({ date: '31/02/2026' })]), 'R03')).toEqual([
      ['R03', 'error', 'Cofinanziamento', 2, 'D', 'date'],
    ]);
  });
});

describe('R04 programme and action', () => {
  it.each([
    ['P1', 'A1'],
    ['1', '1'],
    ['Programma 1', 'Azione 1'],
    ['crema citta dei bambini e della famiglia', 'P1.A1'],
    [1, 'progetto educativo 0-3 anni'],
    ['  p1 ', 'a1'],
  ])('accepts programme %p and action %p', (programme, action) => {
    expect(located(rowFindingsOf([gen({ programme, action })]), 'R04')).toEqual([]);
  });

  it('rejects an unknown programme, once (its short action cannot be judged without it)', () => {
    expect(located(rowFindingsOf([gen({ programme: 'P9', action: 'A1' })]), 'R04')).toEqual([
      ['R04', 'error', 'Spese generali', 2, 'E', 'programme'],
    ]);
  });

  it('rejects a row of another programme than the submission', () => {
    const [finding] = rowFindingsOf([gen({ programme: 'P2', action: 'A1' })]);
    expect(finding).toMatchObject({ code: 'R04', column: 'E', field: 'programme' });
    expect(finding.message).toMatchInlineSnapshot(
      `"«Programma»: la riga è del programma P2, ma questa rendicontazione è del programma P1."`,
    );
  });

  it('rejects an unknown action and an action of another programme', () => {
    expect(located(rowFindingsOf([gen({ action: 'A7' }), pers({ action: 'P2.A1' })]), 'R04')).toEqual([
      ['R04', 'error', 'Personale', 2, 'H', 'action'],
      ['R04', 'error', 'Spese generali', 2, 'F', 'action'],
    ]);
  });
});
