import { getAgreement } from '../../shared/agreement/agreements';
import type { Agreement } from '../../shared/agreement/agreement';
import { detectTables } from '../../shared/mapping/mapping';
import { buildTemplate, closedLists, LISTS_SHEET_NAME, type ListValidation } from '../../shared/mapping/template';

const crema = getAgreement('crema-2026-2028') as Agreement;

describe('buildTemplate', () => {
  const template = buildTemplate(crema);

  it('describes the five sheets of DOMAIN §7', () => {
    expect(template.sheets.map((s) => [s.name, s.category])).toEqual([
      ['Personale', 'PERS'],
      ['Beni di consumo', 'BENI'],
      ['Servizi', 'SERV'],
      ['Spese generali', 'GEN'],
      ['Cofinanziamento', 'COFIN'],
    ]);
    const beni = template.sheets[1].columns.map((c) => c.header);
    expect(beni.slice(0, 4)).toEqual(['Fornitore', 'P.IVA / C.F.', 'N. fattura', 'Data fattura']);
    expect(beni).toContain('Importo rendicontato');
  });

  it('uses headers the mapping reads back to the same fields, with no finding', () => {
    const grids = template.sheets.map((s) => ({ name: s.name, rows: [s.columns.map((c) => c.header)] }));
    const tables = detectTables(grids);
    tables.forEach((table, i) => {
      const sheet = template.sheets[i];
      expect(table.category).toBe(sheet.category);
      expect(table.findings).toEqual([]);
      expect(table.columns).toEqual(Object.fromEntries(sheet.columns.map((c) => [c.field, c.letter])));
    });
  });

  it('bounds every validation to the data rows of its own column', () => {
    for (const sheet of template.sheets) {
      for (const column of sheet.columns) {
        if (column.validation) expect(column.validation.range).toBe(`${column.letter}2:${column.letter}2001`);
      }
    }
    const small = buildTemplate(crema, { dataRows: 10 });
    expect(small.sheets[0].columns.find((c) => c.field === 'programme')?.validation?.range).toBe('G2:G11');
  });

  it('offers the closed lists as drop-downs', () => {
    const listOf = (sheet: number, field: string) =>
      (template.sheets[sheet].columns.find((c) => c.field === field)?.validation?.rule as ListValidation).values;
    expect(listOf(0, 'programme')).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    expect(listOf(0, 'action')).toHaveLength(21);
    expect(listOf(0, 'action')).toContain('P4.A3');
    expect(listOf(0, 'employment')).toEqual(['dipendente', 'collaboratore', 'libero professionista']);
    expect(listOf(1, 'expenseType')).toContain('materiale di consumo');
    expect(listOf(1, 'expenseType')).not.toContain('interessi passivi');
    expect(listOf(1, 'paymentMethod')).not.toContain('contanti');
    expect(listOf(1, 'cupOnInvoice')).toEqual(['Sì', 'No']);
    expect(listOf(4, 'resourceType')).toEqual(['monetaria', 'non monetaria', 'volontariato']);
    expect(template.lists).toBeNull();
  });

  it('checks numbers and dates, hides the row id column', () => {
    const pers = template.sheets[0].columns;
    expect(pers.find((c) => c.field === 'hours')?.validation?.rule).toEqual({ kind: 'decimal', min: 0 });
    expect(pers.find((c) => c.field === 'amount')?.numberFormat).toBe('#,##0.00');
    expect(template.sheets[3].columns.find((c) => c.field === 'date')?.validation?.rule.kind).toBe('date');
    expect(pers.find((c) => c.field === 'rowId')?.hidden).toBe(true);
    expect(pers.find((c) => c.field === 'name')?.hidden).toBeUndefined();
  });

  it('moves a list too long for Excel inline lists to the hidden lists sheet', () => {
    const many = Array.from({ length: 40 }, (_, i) => `tipo di spesa numero ${i + 1}`);
    const agreement: Agreement = {
      ...crema,
      rules: { ...crema.rules, expenseTypes: { eligible: many, ineligible: [] } },
    };
    const long = buildTemplate(agreement);
    const rule = long.sheets[1].columns.find((c) => c.field === 'expenseType')?.validation?.rule as ListValidation;
    expect(rule.source).toBe(`'${LISTS_SHEET_NAME}'!$A$2:$A$41`);
    expect(long.sheets[2].columns.find((c) => c.field === 'expenseType')?.validation?.rule).toEqual(rule);
    expect(long.lists).toEqual({
      name: LISTS_SHEET_NAME,
      columns: [{ header: 'Tipo spesa', letter: 'A', values: many }],
    });
    expect(closedLists(agreement).programme).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
  });
});
