import {
  categoryFromCell,
  categoryFromSheetName,
  detectTables,
  hasPlaceholderRowId,
  isReadableTable,
  normaliseLabel,
  readTable,
  rowsFromTable,
  type SheetGrid,
} from '../../shared/mapping/mapping';
import { FIELDS } from '../../shared/mapping/fields';
import { familyOf, fieldForLabel, matchHeader } from '../../shared/mapping/header-match';
import { INVOICE_HEADERS } from '../fixtures/invoice-headers';

const PERS_HEADERS = [
  'Nominativo',
  'Codice fiscale',
  'Tipo rapporto',
  'Programma',
  'Azione',
  'Mese',
  'Ore',
  'Costo orario',
  'Importo',
];
const PERS_ROW = ['Mario Rossi', 'RSSMRA80A01H501U', 'dipendente', 'P1', 'A1', '03/2026', 10, 20, 200];

const INVOICE_ROW = [
  'Cartoleria Srl',
  '01234567897',
  '12/A',
  '2026-03-01',
  'materiale di consumo',
  122,
  100,
  '2026-03-10',
  'bonifico',
  'P1',
  'A1',
];

describe('normaliseLabel', () => {
  it('ignores case, accents, spaces and punctuation', () => {
    expect(normaliseLabel('  Modalità   PAGAMENTO: ')).toBe('modalitapagamento');
    expect(normaliseLabel('P.IVA / C.F.')).toBe(normaliseLabel('piva cf'));
    expect(normaliseLabel('N° fattura')).toBe('nfattura');
  });
});

describe('detectTables', () => {
  it('maps canonical headers on row 1 and decides PERS by its distinctive headers', () => {
    const [table] = detectTables([{ name: 'Foglio1', rows: [PERS_HEADERS, PERS_ROW] }]);
    expect(table).toMatchObject({
      sheet: 'Foglio1',
      category: 'PERS',
      categorySource: 'header',
      headerRow: 1,
      missingRequired: [],
      findings: [],
    });
    expect(table.columns).toMatchObject({ name: 'A', taxCode: 'B', hours: 'G', amount: 'I' });
    expect(table.columnIndexes.hourlyCost).toBe(7);
  });

  it('finds the header under a title (row 4), in any order, with synonyms and spelling variations', () => {
    const headers = [
      'IMPORTO RENDICONTATO (€)',
      'ore lavorate',
      'Cognome e nome',
      'Note interne',
      'codice  fiscale',
      'Tipo-rapporto',
      'COSTO ORARIO LORDO',
      'Mese di riferimento',
      'azione',
      'PROGRAMMA',
      'Qualìfica',
    ];
    const grid: SheetGrid = {
      name: 'Rendiconto personale',
      rows: [
        ['Rendiconto personale – Cooperativa Koala'],
        ['Anno 2026'],
        [],
        headers,
        [200, 10, 'Mario Rossi', 'ok', 'RSSMRA80A01H501U', 'dipendente', 20, '03/2026', 'A1', 'P1', 'educatore'],
      ],
    };
    const [table] = detectTables([grid]);
    expect(table.headerRow).toBe(4);
    expect(table.category).toBe('PERS');
    expect(table.columns).toEqual({
      amount: 'A',
      hours: 'B',
      name: 'C',
      taxCode: 'E',
      employment: 'F',
      hourlyCost: 'G',
      month: 'H',
      action: 'I',
      programme: 'J',
      role: 'K',
    });
    expect(table.unmatchedHeaders).toEqual([{ column: 'D', label: 'Note interne' }]);
    expect(table.findings).toEqual([]);

    const rows = rowsFromTable(table, grid);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      category: 'PERS',
      sheet: 'Rendiconto personale',
      row: 5,
      name: 'Mario Rossi',
      hours: 10,
      amount: 200,
      month: '03/2026',
      columns: expect.objectContaining({ hours: 'B' }),
    });
    // Extra columns are kept untouched in the workbook and never read as fields.
    expect(Object.values(rows[0])).not.toContain('ok');
  });

  it('reads a payroll sheet with surname and first name in two columns (the surname is the name)', () => {
    const headers = ['Cognome', 'Nome', 'CF dipendente', 'Tipo contratto', 'Programma', 'Azione', 'Competenza'];
    headers.push('Ore', 'Costo orario', 'Costo totale', 'Contributo comunale', 'Quota cofinanziata');
    const grid: SheetGrid = {
      name: 'Personale',
      rows: [
        headers,
        ['Rossi', 'Mario', 'RSSMRA80A01H501U', 'dipendente', 'P1', 'A1', '03/2026', 10, 20, 200, 180, 20],
      ],
    };
    const [table] = detectTables([grid]);
    // The first-name column is kept as an extra column, as a repeated label is.
    expect([table.category, table.findings, table.unmatchedHeaders]).toEqual([
      'PERS',
      [],
      [{ column: 'B', label: 'Nome' }],
    ]);
    expect(table.columns).toMatchObject({ name: 'A', taxCode: 'C', month: 'G', amount: 'J', cofinancingShare: 'L' });
    expect(rowsFromTable(table, grid)[0]).toMatchObject({ name: 'Rossi', amount: 200, municipalShare: 180 });
  });

  it('reads a volunteers sheet with surname and first name in two columns as co-financing', () => {
    const headers = [
      'Tipo risorsa',
      'Cognome',
      'Nome',
      'Data',
      'Ore',
      'Valore orario',
      'Valore',
      'Programma',
      'Azione',
    ];
    const grid: SheetGrid = {
      name: 'Volontari',
      rows: [headers, ['volontariato', 'Verdi', 'Anna', '2026-10-10', 4, 15, 60, 'P1', 'A1']],
    };
    const [table] = detectTables([grid]);
    expect([table.category, table.findings]).toEqual(['COFIN', []]);
    expect(table.columns).toMatchObject({ resourceType: 'A', volunteer: 'B', value: 'G' });
  });

  it('takes the better-named of two columns for one field, whatever their order', () => {
    const headers = ['Nome', 'Cognome', 'Codice fiscale', 'Tipo rapporto', 'Programma', 'Azione', 'Mese', 'Ore'];
    headers.push('Costo orario', 'Costo totale', 'Importo imputato');
    const grid: SheetGrid = { name: 'Personale', rows: [headers] };
    const [table] = detectTables([grid]);
    expect(table.columns).toMatchObject({ name: 'B', amount: 'K' });
    expect(table.unmatchedHeaders.map((h) => h.label)).toEqual(['Nome', 'Costo totale']);
    // An invoice sheet's 'Totale' to the right of 'Importo imputato' is the vaguer name too.
    const invoice = ['Fornitore', 'P.IVA', 'N. fattura', 'Data fattura', 'Tipo spesa', 'Totale fattura'];
    invoice.push('Importo imputato', 'Totale', 'Data pagamento', 'Modalità pagamento', 'Programma', 'Azione');
    const [goods] = detectTables([{ name: 'Beni di consumo', rows: [invoice] }]);
    expect(goods.columns).toMatchObject({ amount: 'G', invoiceTotal: 'F' });
  });

  // DOMAIN §7 (updated): a header missing a required column is not a table (one M05 info, no row
  // errors) until the user maps it; a mapped sheet still missing a column gets M02.
  it('does not take a partial header as a table (M05), and reports M02 once the user mapped the sheet', () => {
    const headers = PERS_HEADERS.filter((h) => h !== 'Ore');
    const [partial] = detectTables([{ name: 'Personale', rows: [['Titolo'], headers, PERS_ROW] }]);
    expect(partial).toMatchObject({ status: 'partial', headerRow: 2, missingRequired: ['hours'] });
    expect(isReadableTable(partial)).toBe(false);
    expect(partial.findings).toEqual([
      {
        code: 'M05',
        severity: 'info',
        sheet: 'Personale',
        row: 2,
        column: null,
        field: null,
        message:
          "Foglio «Personale»: non è letto come tabella di rendicontazione del personale (PERS): l'intestazione alla riga 2 non ha la colonna «Ore». Se è una tabella di spese, associare le colonne nella mappatura.",
      },
    ]);
    const [table] = detectTables([{ name: 'Personale', rows: [['Titolo'], headers] }], {
      Personale: { category: 'PERS' },
    });
    expect(table.headerRow).toBe(2);
    expect(table.status).toBe('table');
    expect(table.missingRequired).toEqual(['hours']);
    expect(table.findings).toEqual([
      {
        code: 'M02',
        severity: 'error',
        sheet: 'Personale',
        row: 2,
        column: null,
        field: 'hours',
        message: 'Foglio «Personale»: manca la colonna obbligatoria «Ore» (intestazione alla riga 2).',
      },
    ]);
  });

  it('notes (M05) a non-empty sheet without a header, warns (M01) when the user mapped it, ignores empty sheets', () => {
    const tables = detectTables([
      { name: 'Istruzioni', rows: [['Compilare un foglio per categoria'], ['Grazie']] },
      { name: 'Vuoto', rows: [[null, ''], []] },
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ sheet: 'Istruzioni', headerRow: 0, category: null, status: 'none' });
    expect(tables[0].findings.map((f) => [f.code, f.severity])).toEqual([['M05', 'info']]);
    const [pointed] = detectTables([{ name: 'Istruzioni', rows: [['Compilare'], ['Grazie']] }], {
      Istruzioni: { category: 'GEN' },
    });
    expect(pointed.findings.map((f) => [f.code, f.severity])).toEqual([['M01', 'warning']]);
  });

  it('does not look for a header below row 20', () => {
    const rows: unknown[][] = Array.from({ length: 20 }, () => ['nota']);
    rows.push(PERS_HEADERS);
    expect(detectTables([{ name: 'Personale', rows }])[0].findings[0].code).toBe('M05');
    expect(detectTables([{ name: 'Personale', rows }], { Personale: { category: 'PERS' } })[0].findings[0].code).toBe(
      'M01',
    );
  });

  it('decides BENI vs SERV by the sheet name', () => {
    const tables = detectTables([
      { name: 'Acquisti materiali', rows: [INVOICE_HEADERS] },
      { name: 'Consulenze 2026', rows: [INVOICE_HEADERS] },
    ]);
    expect(tables.map((t) => [t.category, t.categorySource])).toEqual([
      ['BENI', 'sheetName'],
      ['SERV', 'sheetName'],
    ]);
    expect(tables.every((t) => t.findings.length === 0)).toBe(true);
  });

  it('reports M03 when BENI/SERV cannot be decided, and an override decides', () => {
    const grid: SheetGrid = { name: 'Fatture', rows: [INVOICE_HEADERS, INVOICE_ROW] };
    const [undecided] = detectTables([grid]);
    expect(undecided.category).toBeNull();
    expect(undecided.findings.map((f) => f.code)).toEqual(['M03']);
    expect(undecided.findings[0].message).toContain('Categoria');
    expect(rowsFromTable(undecided, grid)).toEqual([]);

    const [decided] = detectTables([grid], { Fatture: { category: 'SERV' } });
    expect(decided).toMatchObject({ category: 'SERV', categorySource: 'override', findings: [] });
    expect(rowsFromTable(decided, grid)[0].category).toBe('SERV');
  });

  it('reads BENI/SERV per row from a Categoria column', () => {
    const grid: SheetGrid = {
      name: 'Fatture',
      rows: [
        [...INVOICE_HEADERS, 'Categoria'],
        [...INVOICE_ROW, 'Beni'],
        [...INVOICE_ROW, 'SERV'],
        [...INVOICE_ROW, 'boh'],
      ],
    };
    const [table] = detectTables([grid]);
    expect(table).toMatchObject({ category: null, categorySource: 'column', findings: [] });
    const read = readTable(table, grid);
    expect(read.rows.map((r) => r.category)).toEqual(['BENI', 'SERV']);
    expect(read.rows[0]).not.toHaveProperty('category', 'Beni');
    expect(read.findings).toMatchObject([{ code: 'M03', row: 4, column: 'L', field: 'category', severity: 'error' }]);
  });

  it('tells GEN from an invoice sheet by the allocation key, and COFIN by the resource type', () => {
    const tables = detectTables([
      {
        name: 'Generali',
        rows: [
          [
            'Descrizione',
            'Criterio di imputazione',
            'Data',
            'Importo',
            'Programma',
            'Azione',
            ...INVOICE_HEADERS.slice(0, 4),
          ],
        ],
      },
      { name: 'Risorse', rows: [['Tipo risorsa', 'Descrizione', 'Data', 'Valore', 'Programma', 'Azione']] },
    ]);
    expect(tables.map((t) => t.category)).toEqual(['GEN', 'COFIN']);
    expect(tables[0].columns.supplier).toBe('G');
  });

  it('requires the volunteer columns only when a COFIN row is volontariato', () => {
    const headers = ['Tipo risorsa', 'Descrizione', 'Data', 'Valore', 'Programma', 'Azione'];
    const monetary = detectTables([
      { name: 'Cofin', rows: [headers, ['monetaria', 'x', '2026-03-01', 100, 'P1', 'A1']] },
    ]);
    expect(monetary[0].missingRequired).toEqual([]);
    const volunteers = detectTables([
      { name: 'Cofin', rows: [headers, ['Volontariato', 'x', '2026-03-01', 100, 'P1', 'A1']] },
    ]);
    expect(volunteers[0].missingRequired).toEqual(['volunteer', 'hours', 'hourlyValue']);
  });

  it('lets the user fix a column mapping', () => {
    const headers = [...PERS_HEADERS.filter((h) => h !== 'Ore'), 'H. svolte'];
    const grid: SheetGrid = { name: 'Personale', rows: [headers] };
    expect(detectTables([grid])[0]).toMatchObject({ status: 'partial', missingRequired: ['hours'] });
    const [fixed] = detectTables([grid], { Personale: { columns: { hours: 'I', role: null } } });
    expect(fixed.columns.hours).toBe('I');
    expect(fixed.missingRequired).toEqual([]);
    expect(fixed.status).toBe('table');
    expect(fixed.unmatchedHeaders).toEqual([]);
  });
});

describe('rowsFromTable', () => {
  const grid: SheetGrid = {
    name: 'Personale',
    rows: [
      [...PERS_HEADERS, 'ID riga'],
      [...PERS_ROW, 'r-1'],
      [null, '  ', null],
      [...PERS_ROW, null],
      [null, null, null, null, null, null, null, null, null, 'r-9'],
      ['Totale', null, null, null, null, null, 20, null, 400],
      ['Totale ore Rossi', null, null, 'P1', 'A1', '04/2026', 5, 20, 100],
    ],
  };
  const [table] = detectTables([grid]);

  it('gives one row per non-empty data row (totals line skipped, a real row starting with «Totale» kept)', () => {
    const rows = rowsFromTable(table, grid);
    expect(rows.map((r) => [r.row, r.rowId])).toEqual([
      [2, 'r-1'],
      [4, 'Personale!4'],
      [7, 'Personale!7'],
    ]);
    expect(rows[0].columns).toBe(table.columns);
    expect(rows[0]).not.toHaveProperty('rowIdPlaceholder');
  });

  it('flags placeholder ids so the add-in writes a real one', () => {
    const rows = rowsFromTable(table, grid);
    expect(rows.map(hasPlaceholderRowId)).toEqual([false, true, true]);
  });
});

describe('synonyms of shared/mapping/fields.ts', () => {
  it('each header and synonym maps back to its own field (none shadows another)', () => {
    const clashes: string[] = [];
    for (const category of ['PERS', 'BENI', 'SERV', 'GEN', 'COFIN'] as const) {
      for (const def of FIELDS[category]) {
        for (const label of [def.header, ...def.synonyms]) {
          const found = fieldForLabel(label, familyOf(category));
          if (found !== def.key) clashes.push(`${category} «${label}» → ${found} (atteso ${def.key})`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('reads «Costo totale» as the amount of a personnel row only (on an invoice it is no column of ours)', () => {
    expect([fieldForLabel('Costo totale', 'PERS'), fieldForLabel('Costo totale', 'INVOICE')]).toEqual([
      'amount',
      undefined,
    ]);
  });

  it.each([
    ['PERS', 'Liv.', 'level'],
    ['PERS', 'Azione progettuale', 'action'],
    ['PERS', 'Quota a carico ente', 'cofinancingShare'],
    ['PERS', "Quota a carico dell'ente", 'cofinancingShare'],
    ['PERS', 'Costo imputato (€)', 'amount'],
    ['INVOICE', 'Partita IVA fornitore', 'supplierId'],
    ['INVOICE', 'Codice fiscale / P.IVA', 'supplierId'],
    ['INVOICE', 'Data fatt.', 'invoiceDate'],
    ['INVOICE', 'Data documento', 'invoiceDate'],
    ['INVOICE', 'Data emissione fattura', 'invoiceDate'],
    ['INVOICE', 'Quota ente', 'cofinancingShare'],
    ['GEN', 'Data documento', 'date'],
    ['GEN', 'Criterio di ripartizione', 'allocationKey'],
    ['GEN', 'Chiave di riparto', 'allocationKey'],
    ['COFIN', 'Tipo di risorsa', 'resourceType'],
    ['COFIN', 'Nome volontario', 'volunteer'],
    ['COFIN', 'Ore svolte', 'hours'],
    ['COFIN', 'Valorizzazione oraria', 'hourlyValue'],
    ['COFIN', 'Valorizzazione (€)', 'value'],
    ['PERS', 'Cognome', 'name'],
    ['PERS', 'Cognome Nome', 'name'],
    ['PERS', 'Lavoratore', 'name'],
    ['PERS', 'CF dipendente', 'taxCode'],
    ['PERS', 'Competenza', 'month'],
    ['PERS', 'Costo totale (€)', 'amount'],
    ['PERS', 'Contributo comunale', 'municipalShare'],
    ['PERS', 'Quota cofinanziata', 'cofinancingShare'],
    ['PERS', 'Documenti giustificativi', 'documents'],
    ['INVOICE', 'Fornitore/Ditta', 'supplier'],
    ['INVOICE', 'Fattura n.', 'invoiceNumber'],
    ['INVOICE', 'Importo totale fattura', 'invoiceTotal'],
    ['INVOICE', 'Forma di pagamento', 'paymentMethod'],
    ['INVOICE', 'Natura della spesa', 'expenseType'],
    ['INVOICE', 'Importo richiesto', 'amount'],
    ['INVOICE', 'Causale', 'description'],
    ['INVOICE', 'Data di pagamento', 'paymentDate'],
    ['GEN', 'Criterio', 'allocationKey'],
    ['GEN', 'Base di riparto', 'allocationKey'],
    ['GEN', '% di imputazione', 'allocationKey'],
    ['COFIN', 'Volontario/a', 'volunteer'],
    ['COFIN', 'Nome e cognome volontario', 'volunteer'],
    ['COFIN', 'N. ore volontariato', 'hours'],
    ['COFIN', 'Importo valorizzato', 'value'],
    ['COFIN', 'Tipologia cofinanziamento', 'resourceType'],
    ['COFIN', 'Natura del cofinanziamento', 'resourceType'],
    ['COFIN', 'Descrizione attività', 'description'],
    ['COFIN', 'Cognome', 'volunteer'],
    ['COFIN', 'Nome e cognome', 'volunteer'],
    ['PERS', 'Importo in €', 'amount'],
    ['PERS', 'Costo orario euro', 'hourlyCost'],
    ['PERS', 'Costo orario in €/h', 'hourlyCost'],
    ['PERS', 'Ore dedicate', 'hours'],
    ['INVOICE', 'Totale fattura IVA inclusa', 'invoiceTotal'],
    ['INVOICE', 'Imponibile euro', 'taxable'],
    ['INVOICE', 'Codice fiscale / P.IVA fornitore', 'supplierId'],
    ['PERS', 'Ore di progetto', 'hours'],
    ['PERS', 'Ore su progetto', 'hours'],
    ['PERS', 'Ore totali', 'hours'],
    ['PERS', 'Costo orario aziendale', 'hourlyCost'],
    ['PERS', 'Costo orario medio', 'hourlyCost'],
    ['PERS', 'Tipologia contrattuale', 'employment'],
    ['PERS', 'Qualifica/Mansione', 'role'],
    ['PERS', 'Categoria/Livello', 'level'],
    ['PERS', 'Mese di lavoro', 'month'],
    ['GEN', '% imputazione', 'allocationKey'],
    ['COFIN', 'Valore figurativo', 'value'],
    ['PERS', 'Numero ore', 'hours'],
    ['PERS', 'Nr. ore', 'hours'],
    ['PERS', 'N° ore', 'hours'],
    ['PERS', 'Costo orario lordo aziendale', 'hourlyCost'],
    ['PERS', 'Costo orario aziendale lordo', 'hourlyCost'],
    ['PERS', 'Spesa rendicontata', 'amount'],
    ['PERS', 'Costo rendicontato', 'amount'],
    ['PERS', 'Importo totale', 'amount'],
    ['PERS', 'Costo totale imputato', 'amount'],
    ['PERS', 'Importo a rendiconto', 'amount'],
    ['PERS', 'Importo ammissibile', 'amount'],
    ['PERS', 'Nome Cognome', 'name'],
    ['PERS', 'Nominativo operatore', 'name'],
    ['PERS', 'Rapporto di lavoro', 'employment'],
    ['PERS', 'Mese rif.', 'month'],
    ['INVOICE', 'Importo totale', 'invoiceTotal'],
    ['INVOICE', 'Importo documento', 'invoiceTotal'],
    ['INVOICE', 'Importo lordo', 'invoiceTotal'],
    ['INVOICE', 'Totale lordo', 'invoiceTotal'],
    ['INVOICE', 'Rif. fattura', 'invoiceNumber'],
    ['INVOICE', 'Estremi fattura', 'invoiceNumber'],
    ['INVOICE', 'Pagato il', 'paymentDate'],
    ['INVOICE', 'Data saldo', 'paymentDate'],
    ['INVOICE', 'Voce di costo', 'expenseType'],
    ['INVOICE', 'Denominazione fornitore', 'supplier'],
    ['INVOICE', 'Fornitore/Prestatore', 'supplier'],
    ['INVOICE', 'Beneficiario', 'supplier'],
    ['INVOICE', 'Emittente', 'supplier'],
    ['INVOICE', 'CF/P.IVA fornitore', 'supplierId'],
    ['INVOICE', 'Importo rendicontabile', 'amount'],
  ] as const)('%s header «%s» as partners write it is %s', (family, label, field) => {
    expect(fieldForLabel(label, family)).toBe(field);
  });

  it('leaves the headers that could name two fields unknown', () => {
    // Monthly hours: worked on the project, or the contract's? A payment: its date, method or sum?
    expect(fieldForLabel('Ore mensili', 'PERS')).toBeUndefined();
    expect(fieldForLabel('Pagamento', 'INVOICE')).toBeUndefined();
    expect(fieldForLabel('Quota imputata', 'INVOICE')).toBeUndefined();
    // The partner is the one the invoice is addressed to, not the supplier.
    expect(fieldForLabel('Intestatario fattura', 'INVOICE')).toBeUndefined();
  });

  it("takes the project's hours over all the hours of the month when a payroll sheet has both", () => {
    const header = ['Nominativo', 'Codice fiscale', 'Ore totali', 'Ore progetto', 'Costo orario', 'Importo'];
    expect(matchHeader(header, 'PERS').fields.get('hours')).toBe(3);
    expect(matchHeader(['Ore totali', 'Ore di progetto'], 'PERS').fields.get('hours')).toBe(1);
  });

  it('leaves the VAT rate unknown: «Importo IVA» beside «IVA %» is the VAT', () => {
    for (const rate of ['IVA %', '% IVA', 'IVA (%)', 'Aliquota IVA'])
      expect(fieldForLabel(rate, 'INVOICE')).toBeUndefined();
    expect(matchHeader(['Imponibile', 'IVA %', 'Importo IVA', 'Totale fattura'], 'INVOICE').fields.get('vat')).toBe(2);
    // A share written in percent keeps its column: its cells then say to write the figure (R02).
    expect(fieldForLabel('Quota Comune %', 'INVOICE')).toBe('municipalShare');
  });
});

describe('category words', () => {
  it.each([
    ['Beni di consumo', 'BENI'],
    ['ACQUISTI', 'BENI'],
    ['Materiali', 'BENI'],
    ['Servizi', 'SERV'],
    ['Prestazioni professionali', 'SERV'],
    ['Incarichi', 'SERV'],
    ['Forniture', 'BENI'],
    ['Attrezzature', 'BENI'],
    ['Collaborazioni esterne', 'SERV'],
    ['Professionisti', 'SERV'],
    ['Forniture di servizi', null],
    ['Fatture', null],
    ['Beni e servizi', null],
    ['Foglio3', null],
  ])('sheet %s → %s', (name, expected) => {
    expect(categoryFromSheetName(name)).toBe(expected);
  });

  it('reads Categoria cells', () => {
    expect(['BENI', 'beni', 'Bene', 'SERV', 'servizio', 'Consulenza', '', null].map(categoryFromCell)).toEqual([
      'BENI',
      'BENI',
      'BENI',
      'SERV',
      'SERV',
      'SERV',
      null,
      null,
    ]);
  });

  it('reads the one-letter codes of a drop-down (B, S) in a Categoria cell, never in a sheet name', () => {
    expect(['B', 'b.', 'S', ' s '].map(categoryFromCell)).toEqual(['BENI', 'BENI', 'SERV', 'SERV']);
    expect(['A', 'BS', 'GEN'].map(categoryFromCell)).toEqual([null, null, null]);
    expect(['B', 'S'].map(categoryFromSheetName)).toEqual([null, null]);
  });
});
