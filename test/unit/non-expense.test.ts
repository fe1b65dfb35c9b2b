// DOMAIN §7 "Rows and sheets that are not expenses": which rows of a table are skipped, and the
// rows that never are (a tax code, a supplier id, an invoice number, a number typed in an hours,
// rate or amount cell), whatever else they hold.
import fc from 'fast-check';
import { isBlankText } from '../../shared/core/text-key';
import { classifyRow, isNumberingHeader, RowShape } from '../../shared/mapping/non-expense';

// A PERS-like table: A name, B taxCode, C programme, D hours, E hourlyCost, F amount; G unmapped.
const PERS = { name: 0, taxCode: 1, programme: 2, hours: 3, hourlyCost: 4, amount: 5 };
// An invoice table: A supplier, B supplierId, C invoiceNumber, D amount.
const INVOICE = { supplier: 0, supplierId: 1, invoiceNumber: 2, amount: 3 };

const kind = (cells: unknown[], formulas?: (string | undefined)[], columns: Record<string, number> = PERS) =>
  classifyRow({ cells, formulas }, columns, true).kind;

describe('classifyRow', () => {
  it.each([
    ['blank', [], undefined, 'blank'],
    ['spaces', ['   ', ' '], undefined, 'blank'],
    ['a note beside the table only', [null, null, null, null, null, null, 'vedi allegato'], undefined, 'blank'],
    [
      'Totale with SUM',
      ['Totale', null, null, 97, null, 1783.8],
      [undefined, undefined, undefined, 'SUM(D2:D9)', undefined, 'SUM(F2:F9)'],
      'total',
    ],
    [
      'SUM showing #VALUE!',
      [null, null, null, null, null, '#VALUE!'],
      [undefined, undefined, undefined, undefined, undefined, 'SUM(F2:F9)'],
      'total',
    ],
    ['Subtotale label', ['Subtotale azione 1'], undefined, 'total'],
    [
      'SUBTOTAL formula',
      [null, null, null, null, null, 300],
      [undefined, undefined, undefined, undefined, undefined, 'SUBTOTAL(9,F2:F9)'],
      'total',
    ],
    ['sub-heading', ['Azione 2 – Centri estivi'], undefined, 'subheading'],
    ['place and date', ['Crema, 20/11/2026'], undefined, 'footer'],
    ['signature', ['Firma del legale rappresentante', null, null, 'Timbro'], undefined, 'footer'],
    ["the signatory's title under the rate column", [null, null, null, null, 'Il Presidente'], undefined, 'footer'],
    ['a title as a whole cell', [null, null, null, null, null, 'La coordinatrice'], undefined, 'footer'],
    [
      'Tot. with a SUM',
      [null, null, null, null, 'Tot.', 200],
      [undefined, undefined, undefined, undefined, undefined, 'SUM(F2:F9)'],
      'total',
    ],
    ['Tot. parziale', ['Tot. parziale'], undefined, 'total'],
    [
      'a running total carried from the page before (Riporto, formula)',
      ['Riporto da pagina precedente', null, null, null, null, 1200],
      [undefined, undefined, undefined, undefined, undefined, 'F40'],
      'total',
    ],
    [
      'A riportare (formula)',
      ['A riportare', null, null, null, null, 1200],
      [undefined, undefined, undefined, undefined, undefined, 'F2+F3+F4'],
      'total',
    ],
    // As for any total, a number typed beside the label makes the row an expense.
    ['a typed Riporto is an expense', ['Riporto', null, null, null, null, 1200], undefined, 'expense'],
    [
      'a description that starts with Riporto is not a total',
      ['Riporto terra giardino', null, null, null, null, 30],
      [undefined, undefined, undefined, undefined, undefined, 'E2*1,22'],
      'expense',
    ],
    ['a word that starts like Tot. is not a total', ['Totem', null, null, null, null, 'x'], undefined, 'expense'],
    ['a title beside typed figures is an expense', ['Il Presidente', null, null, 10, 20, 200], undefined, 'expense'],
    [
      'template row',
      [null, null, 'P1', null, null, 0],
      [undefined, undefined, undefined, undefined, undefined, 'D9*E9'],
      'template',
    ],
    ['a real row', ['Mario Rossi', 'RSSMRA80A01D142X', 'P1', 10, 20, 200], undefined, 'expense'],
    [
      'a row of formulas with values',
      ['Mario Rossi', null, 'P1', 10, 20, 200],
      [undefined, undefined, undefined, 'X!A1', 'X!B1', 'D2*E2'],
      'expense',
    ],
    [
      'a typed total is an expense (its gaps are findings)',
      ['Totale', null, null, 97, null, 1783.8],
      undefined,
      'expense',
    ],
  ])('%s → %s', (_, cells, formulas, expected) => {
    expect(kind(cells as unknown[], formulas as (string | undefined)[] | undefined)).toBe(expected);
  });

  it('lists the skipped rows that hold an amount (M04) and not the empty ones', () => {
    expect(
      classifyRow(
        {
          cells: ['Totale', null, null, null, null, 5],
          formulas: [undefined, undefined, undefined, undefined, undefined, 'SUM(F1:F4)'],
        },
        PERS,
        true,
      ).holdsAmount,
    ).toBe(true);
    expect(classifyRow({ cells: ['Azione 1'] }, PERS, true).holdsAmount).toBe(false);
    expect(
      classifyRow(
        {
          cells: [null, null, null, null, null, 0],
          formulas: [undefined, undefined, undefined, undefined, undefined, 'D1*E1'],
        },
        PERS,
        true,
      ).holdsAmount,
    ).toBe(false);
  });

  const text = fc.oneof(
    fc.constantFrom(
      'Totale',
      'Subtotale',
      'Totale generale',
      'Firma',
      'Il legale rappresentante',
      'Crema, 20/11/2026',
      'Azione 2',
      '',
      ' ',
    ),
    fc.string({ maxLength: 12 }),
  );
  const cell = fc.oneof(text, fc.double({ noNaN: true }), fc.constant(null), fc.date());
  const formula = fc.option(fc.constantFrom('SUM(A1:A9)', 'SUBTOTAL(9,A1:A9)', 'A1*B1', 'A1'), { nil: undefined });

  it('never skips a row with a tax code, supplier id or invoice number, whatever else it holds', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 8 }),
        fc.array(formula, { maxLength: 8 }),
        fc.constantFrom(
          ['taxCode', PERS] as const,
          ['supplierId', INVOICE] as const,
          ['invoiceNumber', INVOICE] as const,
        ),
        // 'NA', 'ND' are the placeholders 'n.a.', 'n.d.' (nothing in the cell, DOMAIN §7), not ids.
        fc.stringMatching(/^[A-Z0-9]{1,16}$/).filter((id) => !isBlankText(id)),
        (cells, formulas, [field, columns], id) => {
          const row = cells.slice();
          row[(columns as Record<string, number>)[field]] = id;
          expect(classifyRow({ cells: row, formulas }, columns, true).kind).toBe('expense');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never skips a row with a number typed (not a formula) in an hours, rate or amount cell', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 8 }),
        fc.array(formula, { maxLength: 8 }),
        fc.constantFrom('hours', 'hourlyCost', 'amount'),
        fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom('€ 1.234,56', '12,5', '100')),
        (cells, formulas, field, value) => {
          const index = PERS[field as keyof typeof PERS];
          const row = cells.slice();
          row[index] = value;
          const f = formulas.slice();
          f[index] = undefined;
          expect(classifyRow({ cells: row, formulas: f }, PERS, true).kind).toBe('expense');
        },
      ),
      { numRuns: 500 },
    );
  });

  describe('a template row with its closed lists dragged down', () => {
    // PERS plus G employment, H ccnl, I action, J documents.
    const PREFILLED = { ...PERS, employment: 6, ccnl: 7, action: 8, documents: 9 };
    const prefilled = (cells: unknown[], formulas?: (string | undefined)[]) =>
      classifyRow({ cells, formulas }, PREFILLED, true);

    it('is a template row (not listed) when it holds only programme, action, contract, CCNL, documents', () => {
      const row = [null, null, 'P1', null, null, null, 'dipendente', 'Cooperative sociali', 'P1.A1', 'timesheet'];
      expect(prefilled(row)).toEqual({ kind: 'template', holdsAmount: false });
      expect(prefilled(row.slice(0, 9).concat([null]), [...Array(5).fill(undefined), 'D2*E2']).kind).toBe('template');
      expect(prefilled([null, null, 'P1', null, null, null, null, null, 'P1.A1']).kind).toBe('template');
    });

    it('is an expense as soon as it says who, what or how much', () => {
      const base = [null, null, 'P1', null, null, null, 'dipendente', 'Cooperative sociali', 'P1.A1'];
      const withCell = (index: number, value: unknown) => base.map((cell, i) => (i === index ? value : cell));
      expect(prefilled(withCell(0, 'Rossi Maria')).kind).toBe('expense');
      expect(prefilled(withCell(3, 12)).kind).toBe('expense');
      expect(prefilled(withCell(5, '12,50')).kind).toBe('expense');
      expect(prefilled(withCell(1, 'RSSMRA80A01D142X')).kind).toBe('expense');
      expect(prefilled([...base, null, 'in attesa del cedolino']).kind).toBe('expense');
    });
  });

  describe('a template row with lookups and a check column beside the table', () => {
    // G is a check column (=SE(F5=D5*E5;"OK";"ERRORE")), unmapped; E looks the rate up by level.
    const LOOKUP = [
      undefined,
      undefined,
      undefined,
      undefined,
      'CERCA.VERT(H5;Tabella;2;0)',
      'D5*E5',
      'SE(F5=D5*E5;"OK";"ERRORE")',
    ];

    it('is a template row whatever its check column shows, and with its lookups erring for want of input', () => {
      expect(kind([null, null, null, null, '#N/D', '#N/D', '#N/D'], LOOKUP)).toBe('template');
      expect(kind([null, null, null, null, '#N/A', '#N/A', 'OK'], LOOKUP)).toBe('template');
      expect(kind([null, null, null, null, '', 0, 'OK'], LOOKUP)).toBe('template');
      // Not listed in M04: an error for want of input is no amount.
      expect(
        classifyRow({ cells: [null, null, null, null, '#N/D', '#N/D'], formulas: LOOKUP }, PERS, true).holdsAmount,
      ).toBe(false);
    });

    it('stays an expense when something is typed, or a formula of the table shows a figure', () => {
      expect(kind(['Rossi Maria', null, null, 10, '#N/D', '#N/D', 'ERRORE'], LOOKUP)).toBe('expense');
      expect(kind([null, null, null, null, 20, 0, 'OK'], LOOKUP)).toBe('expense');
      // A total whose SUM errs is still a total that holds an amount (M04 lists it).
      const sum = [undefined, undefined, undefined, undefined, undefined, 'SUM(F2:F9)'];
      expect(classifyRow({ cells: [null, null, null, null, null, '#VALUE!'], formulas: sum }, PERS, true)).toEqual({
        kind: 'total',
        holdsAmount: true,
      });
    });
  });

  describe('a row-number column ("N.", "#", "Progressivo") beside the table', () => {
    // G is the template's row number, typed (1, 2, 3…) or a formula (=RIGA()-1) showing one.
    const NUMBERED = new RowShape(PERS, new Set([6]));
    const numbered = (cells: unknown[], formulas?: (string | undefined)[]) =>
      classifyRow({ cells, formulas }, NUMBERED, true).kind;
    const EMPTY_AMOUNT = [undefined, undefined, undefined, undefined, undefined, 'IF(D5="","",D5*E5)'];

    it('a numbered template row whose formulas show nothing is a template row', () => {
      expect(numbered([null, null, null, null, null, '', 7], EMPTY_AMOUNT)).toBe('template');
      expect(numbered([null, null, null, null, null, 0, 8], [...EMPTY_AMOUNT, 'ROW()-1'])).toBe('template');
      // Without the numbering column known, the number made it an expense: 9 false R01 a row.
      expect(kind([null, null, null, null, null, '', 7], EMPTY_AMOUNT)).toBe('expense');
    });

    it('a numbered row is whatever the same row is without its number', () => {
      expect(numbered([null, null, null, 12, null, '', 3], EMPTY_AMOUNT)).toBe('expense');
      expect(numbered([null, 'RSSMRA80A01D142X', null, null, null, null, 3])).toBe('expense');
      expect(
        numbered(
          [null, null, null, 40, null, 800, null],
          [undefined, undefined, undefined, 'SUBTOTAL(109,D2:D9)', undefined, 'SUBTOTAL(109,F2:F9)'],
        ),
      ).toBe('total');
      expect(numbered([null, null, null, null, null, null, 4])).toBe('blank');
      fc.assert(
        fc.property(
          fc.array(cell, { maxLength: 6 }),
          fc.array(formula, { maxLength: 6 }),
          fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constant('12')),
          fc.option(fc.constant('ROW()-4'), { nil: undefined }),
          (cells, formulas, number, numberFormula) => {
            const withNumber = [...cells, ...Array(6 - cells.length).fill(null), number];
            const withFormula = [...formulas, ...Array(6 - formulas.length).fill(undefined), numberFormula];
            expect(numbered(withNumber, withFormula)).toBe(kind(cells, formulas));
          },
        ),
        { numRuns: 500 },
      );
    });

    it.each([
      ['N.', true],
      ['N°', true],
      ['n.', true],
      ['Nr.', true],
      ['#', true],
      ['Progressivo', true],
      ['N. progr.', true],
      ['Numero riga', true],
      ['N. ordine', true],
      ['Note', false],
      ['N. fattura', false],
      ['Numero documento', false],
      ['Ore', false],
    ])('"%s" is a row-number header: %s', (label, expected) => {
      expect(isNumberingHeader(label)).toBe(expected);
    });
  });
});
