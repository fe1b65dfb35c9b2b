// PERS rules: R05 amount = hours x rate, R06 Ministry reference, R07 monthly hours, R08 annual method.
import { pers, rowFindingsOf, located, ctx } from './fixtures';

describe('R05 amount = hours x hourly cost', () => {
  it('passes within one cent after half-up rounding', () => {
    // 7.5 h x 19.333 = 144.9975 -> 145.00
    expect(located(rowFindingsOf([pers({ hours: '7,5', hourlyCost: '19,333', amount: '145,00' })]), 'R05')).toEqual([]);
    expect(located(rowFindingsOf([pers({ hours: '7,5', hourlyCost: '19,333', amount: '145,01' })]), 'R05')).toEqual([]);
  });

  it('fails beyond one cent', () => {
    const findings = rowFindingsOf([pers({ amount: '1.560,02' })]);
    expect(located(findings, 'R05')).toEqual([['R05', 'error', 'Personale', 2, 'M', 'amount']]);
    expect(findings[0].message).toMatchInlineSnapshot(
      `"«Importo»: 1.560,02 € diverso da ore × costo orario (80 × 19,5 = 1.560,00 €)."`,
    );
  });

  it('checks the split of a PERS row under R05', () => {
    expect(located(rowFindingsOf([pers({ municipalShare: '1000', cofinancingShare: '500' })]), 'R05')).toEqual([
      ['R05', 'error', 'Personale', 2, 'N', 'municipalShare'],
    ]);
    expect(located(rowFindingsOf([pers({ municipalShare: '1000', cofinancingShare: '560' })]), 'R05')).toEqual([]);
  });
});

// Inside Excel the pane reads the number of a time cell (37:30 in [h]:mm is 1.5625), not its format.
describe('hours typed as hours and minutes, read as a fraction of a day', () => {
  it('R05 names the duration when the amount is the product of the hours read as days x 24', () => {
    const findings = rowFindingsOf([pers({ hours: 37.5 / 24, hourlyCost: '20', amount: '750' })]);
    expect(located(findings, 'R05')).toEqual([['R05', 'error', 'Personale', 2, 'J', 'hours']]);
    expect(findings.find((f) => f.code === 'R05')?.message).toBe(
      "«Ore»: l'importo 750,00 € non è ore × costo orario (1,5625 × 20 = 31,25 €); il valore 1,5625 sembra un orario in ore e minuti (37:30, che Excel conserva come frazione di giorno): scrivere le ore come numero decimale (37,5) in una cella in formato Numero.",
    );
  });

  it('R02 names it when the fraction has more decimals than hours may (7:20 is 0,30555…)', () => {
    const findings = rowFindingsOf([pers({ hours: (7 + 20 / 60) / 24, hourlyCost: '18', amount: '132' })]);
    const r02 = findings.filter((f) => f.code === 'R02');
    expect(r02.map((f) => f.params?.variant)).toEqual(['too_many_decimals_time']);
    expect(r02[0].message).toMatch(/7:20.*\(7,3333\)/);
  });

  it('says nothing of times when the numbers do not prove one', () => {
    const plain = rowFindingsOf([pers({ hours: 2, hourlyCost: '20', amount: '41' })]);
    expect(plain.find((f) => f.code === 'R05')?.params?.variant).toBe('product');
    const decimals = rowFindingsOf([pers({ hours: 12.333333, hourlyCost: '20', amount: '246,67' })]);
    expect(decimals.find((f) => f.code === 'R02')?.params?.variant).toBe('too_many_decimals');
  });
});

describe('R06 Ministry average hourly cost', () => {
  it('passes at or below the level rate in force (A1 from 2025-10: 20.07)', () => {
    expect(located(rowFindingsOf([pers({ hourlyCost: '20,07', amount: '1605,60' })]), 'R06')).toEqual([]);
  });

  it('reads the level however it is labelled (Livello A1, Liv. A1, liv A1)', () => {
    for (const level of ['Livello A1', 'Liv. A1', 'liv A1', 'a1'])
      expect(located(rowFindingsOf([pers({ level, hourlyCost: '20,08', amount: '1606,40' })]), 'R06')).toEqual([
        ['R06', 'warning', 'Personale', 2, 'K', 'hourlyCost'],
      ]);
  });

  it('warns above it', () => {
    expect(located(rowFindingsOf([pers({ hourlyCost: '20,08', amount: '1606,40' })]), 'R06')).toEqual([
      ['R06', 'warning', 'Personale', 2, 'K', 'hourlyCost'],
    ]);
  });

  it('says the reference is missing for a level not in the table, without a warning', () => {
    const findings = rowFindingsOf([pers({ level: 'C1', hourlyCost: '30', amount: '2400' })]);
    expect(located(findings, 'R06')).toEqual([['R06', 'info', 'Personale', 2, 'F', 'level']]);
  });

  it('does not apply to external staff', () => {
    const external = pers({
      employment: 'libero professionista',
      hourlyCost: '50',
      amount: '4000',
      documents: 'fattura; pagamento; relazione',
    });
    expect(rowFindingsOf([external])).toEqual([]);
  });
});

describe('R07 hours of one person in one month', () => {
  it('passes up to the full-time monthly hours over several rows', () => {
    const rows = [
      pers({ hours: '100', amount: '1950' }),
      pers({ rowId: 'pers-2', row: 3, action: 'A2', hours: '73,33', amount: '1429,94' }),
    ];
    expect(located(rowFindingsOf(rows), 'R07')).toEqual([]);
  });

  it('fails on every row of the person-month when the sum exceeds them', () => {
    const rows = [
      pers({ hours: '100', amount: '1950' }),
      pers({ rowId: 'pers-2', row: 3, action: 'A2', hours: '73,34', amount: '1430,13' }),
    ];
    expect(located(rowFindingsOf(rows), 'R07')).toEqual([
      ['R07', 'error', 'Personale', 2, 'J', 'hours'],
      ['R07', 'error', 'Personale', 3, 'J', 'hours'],
    ]);
  });

  it('counts the partner rows of other programmes and honours part-time contract hours', () => {
    const other = pers({ rowId: 'other-1', programme: 'P2', action: 'A1', hours: '90', amount: '1755' });
    const findings = rowFindingsOf([pers({ hours: '90', amount: '1755' })], ctx({ otherRows: [other] }));
    expect(located(findings, 'R07')).toEqual([['R07', 'error', 'Personale', 2, 'J', 'hours']]);
    expect(findings[0].params?.variant).toBe('withOthers');
    expect(located(rowFindingsOf([pers({ contractHours: '60', hours: '61', amount: '1189,50' })]), 'R07')).toHaveLength(
      1,
    );
  });

  it('keeps different persons and months apart', () => {
    const rows = [
      pers({ hours: '170', amount: '3315' }),
      pers({ rowId: 'pers-2', taxCode: 'MRTMTT25D09F205Z', hours: '170', amount: '3315' }),
      pers({ rowId: 'pers-3', month: '04/2026', hours: '170', amount: '3315' }),
    ];
    expect(located(rowFindingsOf(rows), 'R07')).toEqual([]);
  });
});

describe('R08 annual method', () => {
  it('passes when annual cost / 1720 matches the rate (31.200 / 1720 = 18,14)', () => {
    expect(
      located(rowFindingsOf([pers({ annualCost: '31.200,00', hourlyCost: '18,14', amount: '1451,20' })]), 'R08'),
    ).toEqual([]);
  });

  it('warns when it differs by more than a cent', () => {
    expect(located(rowFindingsOf([pers({ annualCost: '31.200,00' })]), 'R08')).toEqual([
      ['R08', 'warning', 'Personale', 2, 'K', 'hourlyCost'],
    ]);
  });

  it('pro-rates the annual hours for part-time', () => {
    // half time: 86.665 monthly hours -> 860 annual hours; 15.600 / 860 = 18.14
    const row = pers({ contractHours: '86,665', annualCost: '15600', hourlyCost: '18,14', amount: '1451,20' });
    expect(located(rowFindingsOf([row]), 'R08')).toEqual([]);
  });
});
