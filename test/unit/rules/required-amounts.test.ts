// R01 required fields and closed lists; R02 amounts (never silently zero) and the share split.
import { normaliseRow } from '../../../shared/rows/rows';
import { agreement, pers, beni, serv, gen, cofin, validRows, rowFindingsOf, located, run } from './fixtures';

describe('the valid fixture rows', () => {
  it('have no row findings at all', () => {
    expect(rowFindingsOf(validRows())).toEqual([]);
  });
});

/** Each Tipo rapporto cell as written and the type it is read as. */
function expectEmploymentTypes(cases: readonly [string, string][]): void {
  for (const [employment, type] of cases) {
    expect({ employment, type: normaliseRow(pers({ employment }), agreement).values.employment }).toEqual({
      employment,
      type,
    });
  }
}

describe('R01 required fields', () => {
  it('passes when every required field of the category is there', () => {
    expect(located(rowFindingsOf([pers(), beni(), gen(), cofin()]), 'R01')).toEqual([]);
  });

  it('points at the empty cell of a missing required field', () => {
    expect(located(rowFindingsOf([pers({ taxCode: '  ' })]), 'R01')).toEqual([
      ['R01', 'error', 'Personale', 2, 'B', 'taxCode'],
    ]);
    const [finding] = rowFindingsOf([beni({ supplier: null })]);
    expect(finding).toMatchObject({ code: 'R01', field: 'supplier', column: 'A', rowId: 'beni-1' });
    expect(finding.message).toBe('Campo obbligatorio mancante: «Fornitore».');
  });

  it('asks the volunteer fields only of volunteer co-financing', () => {
    expect(located(rowFindingsOf([cofin({ volunteer: '' })]), 'R01')).toEqual([
      ['R01', 'error', 'Cofinanziamento', 2, 'C', 'volunteer'],
    ]);
    expect(
      rowFindingsOf([cofin({ resourceType: 'monetaria', volunteer: '', hours: '', hourlyValue: '', documents: '' })]),
    ).toEqual([]);
  });

  it('rejects a value outside a closed list (Tipo rapporto) and an unknown Tipo spesa', () => {
    const findings = rowFindingsOf([pers({ employment: 'stagista' }), beni({ expenseType: 'varie' })]);
    expect(located(findings, 'R01')).toEqual([
      ['R01', 'error', 'Beni di consumo', 2, 'F', 'expenseType'],
      ['R01', 'error', 'Personale', 2, 'C', 'employment'],
    ]);
  });

  it('reads the usual names of the employment types', () => {
    const names = ['Socio lavoratore', 'socia lavoratrice', 'Tempo indeterminato', 'Dipendente a tempo determinato'];
    names.push('Co.co.co.', 'Collaboratrice', 'Libera professionista', 'Partita IVA');
    names.push('Lavoro autonomo', 'P.IVA', 'Libero prof.', 'Prestazione occasionale', 'Collaborazione occasionale');
    const rows = names.map((employment, i) => pers({ rowId: `p${i}`, employment }));
    expect(located(rowFindingsOf(rows), 'R01')).toEqual([]);
  });

  it('reads a relationship written with its details by the type it starts with', () => {
    const names = [
      'Dipendente T.I.',
      'dipendente part-time',
      'Dipendente full time',
      'dip.',
      'Collaboratore occasionale',
    ];
    names.push('Libero professionista (P.IVA)');
    const rows = names.map((employment, i) => pers({ rowId: `p${i}`, employment }));
    expect(located(rowFindingsOf(rows), 'R01')).toEqual([]);
    // A word that only starts like a type is not one.
    expect(located(rowFindingsOf([pers({ employment: 'dipartimento' })]), 'R01')).toEqual([
      ['R01', 'error', 'Personale', 2, 'C', 'employment'],
    ]);
  });

  it('reads the employee contract words of payroll exports (duration, hours, apprenticeship) and the names of a co.co.co.', () => {
    const cases: [string, string][] = [
      ['Part-time', 'dipendente'],
      ['part time 30 ore', 'dipendente'],
      ['Full-time', 'dipendente'],
      ['Tempo pieno', 'dipendente'],
      ['Tempo parziale (50%)', 'dipendente'],
      ['T.I.', 'dipendente'],
      ['T.D.', 'dipendente'],
      ['Tempo determinato fino al 31/12/2026', 'dipendente'],
      ['Apprendista', 'dipendente'],
      ['Collaborazione coordinata e continuativa', 'collaboratore'],
      ['Co.co.pro.', 'collaboratore'],
    ];
    expectEmploymentTypes(cases);
    // A bare member, a trainee and a word that only starts like one stay R01.
    for (const employment of ['Socio', 'Tirocinante', 'Tipo B']) {
      expect(located(rowFindingsOf([pers({ employment })]), 'R01')).toEqual([
        ['R01', 'error', 'Personale', 2, 'C', 'employment'],
      ]);
    }
  });

  it('reads a cooperative member by the relationship written after the member words', () => {
    const cases: [string, string][] = [
      ['Socio lavoratore dipendente', 'dipendente'],
      ['Socio lavoratore - dipendente', 'dipendente'],
      ['socio lavoratore part-time', 'dipendente'],
      ['Socio lavoratore autonomo', 'libero professionista'],
      ['Socia lavoratrice collaboratrice', 'collaboratore'],
      ['socio dipendente', 'dipendente'],
    ];
    expectEmploymentTypes(cases);
    // A member without a relationship, or a volunteer member, is no personnel relationship.
    const rows = [pers({ rowId: 's1', employment: 'Socio' }), pers({ rowId: 's2', employment: 'Socio volontario' })];
    expect(rowFindingsOf(rows).map((f) => `${f.rowId} ${f.code} ${f.field}`)).toEqual([
      's1 R01 employment',
      's2 R01 employment',
    ]);
  });

  it('reads the usual names of the co-financing resource types', () => {
    const own = { volunteer: '', hours: '', hourlyValue: '', documents: '' };
    const rows = ['Fondi propri', 'Risorse proprie', 'Beni in natura'].map((resourceType, i) =>
      cofin({ rowId: `c${i}`, resourceType, ...own }),
    );
    rows.push(cofin({ rowId: 'v', resourceType: 'Ore volontariato' }));
    expect(rowFindingsOf(rows)).toEqual([]);
  });

  it('reads money named as such, goods in kind and a type with its details after it', () => {
    const cases: [string, string][] = [
      ['denaro', 'monetaria'],
      ['In denaro', 'monetaria'],
      ['Contributo monetario', 'monetaria'],
      ['Monetaria - fondi propri', 'monetaria'],
      ['Beni', 'non monetaria'],
      ['Non monetaria (uso locali)', 'non monetaria'],
      ['Volontariato animatori', 'volontariato'],
    ];
    for (const [resourceType, type] of cases) {
      const read = normaliseRow(cofin({ resourceType }), agreement).values.resourceType;
      expect({ resourceType, read }).toEqual({ resourceType, read: type });
    }
    expect(located(rowFindingsOf([cofin({ resourceType: 'Donazione' })]), 'R01')).toEqual([
      ['R01', 'error', 'Cofinanziamento', 2, 'A', 'resourceType'],
    ]);
  });

  it('reads programmes and actions numbered with a leading zero (P01, A01)', () => {
    const rows = [
      pers({ rowId: 'a', programme: 'P01', action: 'A01' }),
      pers({ rowId: 'b', programme: '01', action: '01' }),
    ];
    expect(rowFindingsOf(rows).filter((f) => f.code === 'R04')).toEqual([]);
    expect(located(rowFindingsOf([pers({ programme: 'P010' })]), 'R04')).toEqual([
      ['R04', 'error', 'Personale', 2, 'G', 'programme'],
    ]);
  });

  it('reports an unknown category on the row', () => {
    const [finding] = rowFindingsOf([{ ...gen(), category: 'ALTRO' as never }]);
    expect(finding).toMatchObject({ code: 'R01', field: 'category', severity: 'error' });
  });
});

describe('R02 amounts', () => {
  it.each([['1.234,56'], ['1234.56'], [1234.56], ['€ 1234,5']])('accepts %p', (amount) => {
    expect(located(rowFindingsOf([gen({ amount })]), 'R02')).toEqual([]);
  });

  it('never reads text as zero: it names the cell and excludes the row from the totals', () => {
    const result = run([gen({ amount: 'circa cento' }), beni()]);
    expect(located(result.findings, 'R02')).toEqual([['R02', 'error', 'Spese generali', 2, 'D', 'amount']]);
    expect(result.findings.find((f) => f.code === 'R02')?.message).toMatchInlineSnapshot(
      `"«Importo»: il valore «circa cento» non è un numero; la riga è esclusa dai totali finché non è corretto."`,
    );
    const progress = result.reportFindings.find((f) => f.code === 'R23');
    expect(progress?.params).toMatchObject({ rendicontato: '122,00 €', righeEscluse: 1 });
  });

  it.each([
    ['-10', 'negative_invoice'],
    ['10,555', 'too_many_decimals'],
    [Number.NaN, 'not_a_number'],
  ])('rejects %p (%s)', (amount, reason) => {
    const [finding] = located(rowFindingsOf([gen({ amount })]), 'R02');
    expect(finding).toEqual(['R02', 'error', 'Spese generali', 2, 'D', 'amount']);
    expect(rowFindingsOf([gen({ amount })])[0].params?.variant).toBe(`${reason}.excluded`);
  });

  it('says, on an invoice row with a negative amount, how a credit note is reported', () => {
    const [note] = rowFindingsOf([beni({ amount: '-12,20' })]).filter((f) => f.code === 'R02');
    expect(note.message).toBe(
      "«Importo»: il valore non può essere negativo (-12,20): se è una nota di credito, non va rendicontata su una riga a parte: ridurre l'importo rendicontato sulla riga della fattura a cui si riferisce; la riga è esclusa dai totali finché non è corretto.",
    );
    // Another negative figure of the row, or a negative figure that is no invoice's, says only that.
    const [vat] = rowFindingsOf([beni({ vat: '-2,20' })]).filter((f) => f.code === 'R02');
    expect(vat.message).toBe('«IVA»: il valore non può essere negativo (-2,20).');
    const value = rowFindingsOf([cofin({ value: '-5' })]).filter((f) => f.code === 'R02');
    expect(value.map((f) => f.params?.variant)).toEqual(['negative.excluded']);
  });

  it('says what to write when a share is typed as a percentage', () => {
    const [finding] = located(rowFindingsOf([gen({ cofinancingShare: '10%' })]), 'R02');
    expect(finding).toEqual(['R02', 'error', 'Spese generali', 2, 'H', 'cofinancingShare']);
    expect(rowFindingsOf([gen({ cofinancingShare: '10%' })])[0].message).toBe(
      '«Quota cofinanziamento»: il valore «10%» non è un numero (è una percentuale: scrivere la cifra, in euro o in ore, non la percentuale); la riga è esclusa dai totali finché non è corretto.',
    );
  });

  it('reads an amount said to include VAT ("80,00 IVA inclusa", "(IVA compresa)", "i.i.", "ivato")', () => {
    for (const amount of [
      '80,00 IVA inclusa',
      '80,00 (IVA compresa)',
      '80,00 € i.i.',
      '€ 80 iva incl.',
      '80,00 ivato',
    ]) {
      const { values, findings } = normaliseRow(gen({ amount }), agreement);
      expect({ amount, read: values.amount?.toString(), findings }).toEqual({ amount, read: '80', findings: [] });
    }
    // "+ IVA" says the VAT is not in it, and a taxable amount never includes VAT: both stay R02.
    expect(located(rowFindingsOf([gen({ amount: '€ 80,00 + IVA' })]), 'R02')).toHaveLength(1);
    expect(located(rowFindingsOf([beni({ taxable: '80,00 IVA inclusa' })]), 'R02')).toHaveLength(1);
  });

  it("says that the cell's formula errs when it shows an Excel error (#DIV/0!, #RIF!, #N/D)", () => {
    for (const value of ['#DIV/0!', '#RIF!', '#REF!', '#N/D', '#VALORE!']) {
      const [finding] = rowFindingsOf([gen({ amount: value })]);
      expect({ value, message: finding?.message }).toEqual({
        value,
        message: `«Importo»: il valore «${value}» non è un numero (è un errore della formula della cella: correggere la formula o scrivere la cifra); la riga è esclusa dai totali finché non è corretto.`,
      });
    }
    // Other text keeps the plain message.
    expect(rowFindingsOf([gen({ amount: '#12' })])[0].message).toContain('«#12» non è un numero;');
  });

  it('checks optional amount cells too (Imponibile)', () => {
    expect(located(rowFindingsOf([beni({ taxable: 'da verificare' })]), 'R02')).toEqual([
      ['R02', 'error', 'Beni di consumo', 2, 'G', 'taxable'],
    ]);
  });

  it('lets hours and rates carry up to 4 decimals, and says so', () => {
    expect(located(rowFindingsOf([pers({ hours: '80,0000' })]), 'R02')).toEqual([]);
    const [finding] = rowFindingsOf([pers({ hourlyCost: 19.500001 })]);
    expect(finding).toMatchObject({ code: 'R02', column: 'K', field: 'hourlyCost' });
    expect(finding.message).toMatchInlineSnapshot(`"«Costo orario»: al massimo 4 decimali (19,500001)."`);
  });

  it('reads hours and rates written with their unit ("38 ore", "7,5 h", "18,62 €/h")', () => {
    const typed: [Record<string, unknown>, string, string][] = [
      [{ hours: '40 ore', hourlyCost: '20,00 €/h', amount: '800,00' }, '40', '20'],
      [{ hours: '40h', hourlyCost: '€ 20/ora', amount: '800,00' }, '40', '20'],
      [{ hours: '7,5 h', hourlyCost: "20 euro l'ora", amount: '150,00' }, '7.5', '20'],
      [{ hours: '40 hh', hourlyCost: '20,00 € orari', amount: '800,00' }, '40', '20'],
    ];
    for (const [cells, hours, cost] of typed) {
      const { values, findings } = normaliseRow(pers(cells), agreement);
      expect({ cells, hours: values.hours?.toString(), cost: values.hourlyCost?.toString(), findings }).toEqual({
        cells,
        hours,
        cost,
        findings: [],
      });
    }
    // Only the unit goes: other words, a unit before the figure or a rate unit on hours stay R02.
    const rows = ['ore 40', '40 ore e 30', 'h', '40 €/h'].map((hours, i) => pers({ rowId: `h${i}`, hours }));
    expect(
      rowFindingsOf(rows)
        .filter((f) => f.code === 'R02')
        .map((f) => `${f.rowId} ${f.field}`),
    ).toEqual(['h0 hours', 'h1 hours', 'h2 hours', 'h3 hours']);
  });

  it('shows a number as an Italian Excel does: 15 digits, decimal comma', () => {
    const [finding] = rowFindingsOf([pers({ hours: 10, hourlyCost: 20, amount: 800.6250000000001 })]);
    expect(finding).toMatchObject({ code: 'R02', field: 'amount' });
    expect(finding.message).toContain('al massimo 2 decimali (800,625)');
  });

  it('says which forms a month cell takes when it is not one', () => {
    expect(rowFindingsOf([pers({ month: 'gen-26' })]).filter((f) => f.code === 'R03')).toEqual([]);
    const [finding] = rowFindingsOf([pers({ month: 'marz 2026' })]).filter((f) => f.code === 'R03');
    expect(finding.message).toBe(
      '«Mese»: «marz 2026» non è un mese valido (usare mm/aaaa, «marzo 2026» o una data del mese).',
    );
  });

  it('both shares empty means all municipal; filled shares must add up to the amount', () => {
    expect(located(rowFindingsOf([serv({ municipalShare: '100', cofinancingShare: '22' })]), 'R02')).toEqual([]);
    expect(located(rowFindingsOf([serv({ municipalShare: '100', cofinancingShare: '20' })]), 'R02')).toEqual([
      ['R02', 'error', 'Servizi', 2, 'P', 'municipalShare'],
    ]);
  });

  it('one share typed leaves the rest of the amount to the other, never below zero', () => {
    const split = (cells: Record<string, unknown>) => {
      const v = normaliseRow(serv(cells), agreement).values;
      return [v.municipalShare?.toFixed(2) ?? null, v.cofinancingShare?.toFixed(2) ?? null];
    };
    expect(split({ municipalShare: '100' })).toEqual(['100.00', '22.00']);
    expect(split({ cofinancingShare: '12,20' })).toEqual(['109.80', '12.20']);
    expect(split({ cofinancingShare: '0' })).toEqual(['122.00', '0.00']);
    expect(split({ cofinancingShare: '122' })).toEqual(['0.00', '122.00']);
    expect(located(rowFindingsOf([serv({ cofinancingShare: '12,20' })]), 'R02')).toEqual([]);
    const [above] = rowFindingsOf([serv({ cofinancingShare: '130' })]);
    expect(above).toMatchObject({ code: 'R02', severity: 'error', field: 'cofinancingShare' });
    expect(above.message).toBe(
      "«Quota cofinanziamento» (130,00 €) supera l'importo (122,00 €) e la quota lasciata vuota resterebbe negativa; la riga è esclusa dai totali finché non è corretto.",
    );
    expect(split({ cofinancingShare: '130' })).toEqual([null, null]);
    const [personnel] = rowFindingsOf([pers({ municipalShare: '99999' })]);
    expect(personnel).toMatchObject({ code: 'R05', field: 'municipalShare' });
  });
});

describe('cells that say "nothing here" and exempt VAT', () => {
  it('reads a dash, a slash or n.a. as an empty cell: nothing in an optional cell, R01 in a required one', () => {
    for (const mark of ['-', '–', '—', '€ -', ' - ', '/', 'n.a.', 'N/A', 'n.d.', 'ND']) {
      const optional = [
        beni({ vat: mark, cupOnInvoice: mark, cofinancingShare: mark }),
        pers({ annualCost: mark, level: mark }),
      ];
      expect(rowFindingsOf(optional).map((f) => [mark, f.code, f.field])).toEqual([]);
      expect(located(rowFindingsOf([beni({ amount: mark })]), 'R01')).toEqual([
        ['R01', 'error', 'Beni di consumo', 2, 'J', 'amount'],
      ]);
    }
    // Only the mark itself: a negative number, a word and a longer text stay what they are.
    expect(located(rowFindingsOf([beni({ vat: '-5' })]), 'R02')).toHaveLength(1);
    expect(located(rowFindingsOf([beni({ vat: 'nada' })]), 'R02')).toHaveLength(1);
    expect(located(rowFindingsOf([beni({ invoiceNumber: 'n/a 12' })]), 'R01')).toEqual([]);
  });

  it('reads the words of an invoice without VAT as VAT 0, any other text in the IVA cell as R02', () => {
    for (const words of [
      'esente',
      'Esente art. 10',
      'ESENTE IVA',
      'fuori campo IVA',
      'non imponibile art. 8',
      'N.I.',
      'escluso art. 15',
      'non soggetta',
    ]) {
      const { values, findings } = normaliseRow(beni({ vat: words, taxable: '122,00' }), agreement);
      expect([words, values.vat?.toFixed(2), findings]).toEqual([words, '0.00', []]);
    }
    expect(located(rowFindingsOf([beni({ vat: 'da calcolare' })]), 'R02')).toEqual([
      ['R02', 'error', 'Beni di consumo', 2, 'H', 'vat'],
    ]);
  });
});
