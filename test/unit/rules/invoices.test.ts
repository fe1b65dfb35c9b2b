// Invoice rows: R09 supplier id, R10 payment, R11 VAT, R12 double funding, R13 CUP, R14 expense types.
import { beni, serv, gen, rowFindingsOf, located, ctx, agreement } from './fixtures';
import type { Agreement } from '../../../shared';

describe('R09 supplier id', () => {
  it.each([
    ['12345678903'],
    ['IT 12345678903'],
    ['MRTMTT25D09F205Z'],
    ['rssmra80a01h501u'],
    ['P.IVA 12345678903'],
    ['C.F.: rssmra80a01h501u'],
  ])('accepts %p', (supplierId) => {
    expect(located(rowFindingsOf([beni({ supplierId })]), 'R09')).toEqual([]);
  });

  it('restores the leading zeros a numeric cell dropped from a VAT number', () => {
    expect(located(rowFindingsOf([beni({ supplierId: 905811006 })]), 'R09')).toEqual([]);
  });

  it.each([
    ['12345678901', 'vat'],
    ['RSSMRA80A01H501X', 'taxCode'],
    ['ABC', 'taxCode'],
  ])('rejects %p', (supplierId, variant) => {
    const findings = rowFindingsOf([serv({ supplierId })]);
    expect(located(findings, 'R09')).toEqual([['R09', 'error', 'Servizi', 2, 'B', 'supplierId']]);
    expect(findings[0].params?.variant).toBe(variant);
  });
});

describe('R10 payment', () => {
  it('passes a traceable payment on or after the invoice date', () => {
    expect(
      located(rowFindingsOf([beni({ paymentDate: '10/02/2026', paymentMethod: 'carta di credito' })]), 'R10'),
    ).toEqual([]);
  });

  it('rejects a payment before the invoice', () => {
    expect(located(rowFindingsOf([beni({ paymentDate: '2026-02-09' })]), 'R10')).toEqual([
      ['R10', 'error', 'Beni di consumo', 2, 'K', 'paymentDate'],
    ]);
  });

  it('accepts the usual spellings of the traceable methods', () => {
    const methods = ['Bonifico bancario', 'bonifico online', 'Bonifico istantaneo', 'Home banking', 'Bancomat'];
    methods.push('Carta aziendale', 'Addebito in conto', 'SEPA DD', 'Assegno bancario', 'PagoPA');
    expect(located(rowFindingsOf(methods.map((paymentMethod) => beni({ paymentMethod }))), 'R10')).toEqual([]);
  });

  it('reads a method followed by its details by its leading words', () => {
    const methods = [
      'bonifico del 15/03/2026',
      'Bonifico n. 123',
      'bonifico Banca Intesa',
      'Carta di credito aziendale',
    ];
    methods.push('addebito SDD', 'PagoPA avviso 3012', 'Assegno non trasferibile n. 45', 'Domiciliazione bancaria');
    methods.push('addebito in c/c', 'Addebito su conto corrente');
    expect(located(rowFindingsOf(methods.map((paymentMethod) => beni({ paymentMethod }))), 'R10')).toEqual([]);
    // Cash stays cash with its details, and a short spelling is a method only as the whole cell.
    const findings = rowFindingsOf([
      beni({ paymentMethod: 'Contanti alla consegna' }),
      serv({ paymentMethod: 'BBQ' }),
      gen({ paymentMethod: 'postino' }),
      beni({ paymentMethod: 'Assegno trasferibile' }),
    ]);
    const variants = findings
      .filter((f) => f.code === 'R10')
      .map((f) => `${String(f.params?.valore)}: ${String(f.params?.variant)}`);
    expect(variants.sort()).toEqual([
      'Assegno trasferibile: notTraceable',
      'BBQ: notTraceable',
      'Contanti alla consegna: ineligible',
      'postino: notTraceable',
    ]);
  });

  it('rejects cash and untraceable methods', () => {
    const findings = rowFindingsOf([beni({ paymentMethod: 'Contanti' }), serv({ paymentMethod: 'baratto' })]);
    expect(located(findings, 'R10')).toEqual([
      ['R10', 'error', 'Beni di consumo', 2, 'L', 'paymentMethod'],
      ['R10', 'error', 'Servizi', 2, 'L', 'paymentMethod'],
    ]);
    expect(findings.map((f) => f.params?.variant)).toEqual(['ineligible', 'notTraceable']);
    // A method the list does not name is not called untraceable (a "c/c bancario" may well be):
    // the message says what to write.
    expect(findings[1].message).toBe(
      '«Modalità pagamento»: modalità «baratto» non riconosciuta tra i pagamenti tracciabili; indicare una di: bonifico, carta, RID/SDD, PagoPA, assegno non trasferibile.',
    );
  });
});

describe('R11 VAT', () => {
  it('lets a partner that does not recover VAT report up to the invoice total', () => {
    expect(located(rowFindingsOf([beni({ amount: '122' })]), 'R11')).toEqual([]);
  });

  it('rejects more than the invoice total', () => {
    expect(located(rowFindingsOf([beni({ amount: '122,01' })]), 'R11')).toEqual([
      ['R11', 'error', 'Beni di consumo', 2, 'J', 'amount'],
    ]);
  });

  it('limits a partner that recovers VAT to the taxable amount', () => {
    const recovering: Agreement = {
      ...agreement,
      partners: agreement.partners.map((p) => (p.id === 'koala' ? { ...p, vatRecoverable: true } : p)),
    };
    const context = ctx({ agreement: recovering });
    expect(located(rowFindingsOf([beni({ amount: '100' })], context), 'R11')).toEqual([]);
    expect(located(rowFindingsOf([beni()], context), 'R11')).toEqual([
      ['R11', 'error', 'Beni di consumo', 2, 'J', 'amount'],
    ]);
  });
});

describe('R12 double funding', () => {
  it('passes one invoice split over rows within its total', () => {
    const rows = [beni({ amount: '61' }), beni({ rowId: 'beni-2', row: 3, amount: '61', invoiceNumber: 'ft12 ' })];
    expect(located(rowFindingsOf(rows), 'R12')).toEqual([]);
  });

  it('fails every row of an invoice reported beyond its total', () => {
    const rows = [
      beni({ amount: '100' }),
      beni({ rowId: 'beni-2', row: 3, amount: '22,01', supplierId: 'IT12345678903' }),
    ];
    expect(located(rowFindingsOf(rows), 'R12')).toEqual([
      ['R12', 'error', 'Beni di consumo', 2, 'J', 'amount'],
      ['R12', 'error', 'Beni di consumo', 3, 'J', 'amount'],
    ]);
  });

  it('counts the same invoice reported in other programmes', () => {
    const other = beni({ rowId: 'x', programme: 'P2', amount: '100' });
    const findings = rowFindingsOf([beni({ amount: '30' })], ctx({ otherRows: [other] }));
    expect(located(findings, 'R12')).toEqual([['R12', 'error', 'Beni di consumo', 2, 'J', 'amount']]);
  });
});

describe('R13 CUP', () => {
  const withCup: Agreement = {
    ...agreement,
    rules: { ...agreement.rules, cup: { code: 'D91H26000010004', required: true, severity: 'warning' } },
  };

  it('is silent when the agreement has no CUP or the invoice states it', () => {
    expect(located(rowFindingsOf([beni()]), 'R13')).toEqual([]);
    expect(located(rowFindingsOf([beni({ cupOnInvoice: 'Sì' })], ctx({ agreement: withCup })), 'R13')).toEqual([]);
  });

  it('reads the ways a CUP column is filled in', () => {
    const stated = ['SI', 'Sì.', 'presente', 'Riportato', 'X', 'ok', '✓', '✔'].map((cupOnInvoice) =>
      beni({ cupOnInvoice }),
    );
    expect(rowFindingsOf(stated, ctx({ agreement: withCup })).filter((f) => f.field === 'cupOnInvoice')).toEqual([]);
    const absent = ['Non riportato', 'assente', 'NO', '✗'].map((cupOnInvoice) => beni({ cupOnInvoice }));
    const findings = rowFindingsOf(absent, ctx({ agreement: withCup })).filter((f) => f.field === 'cupOnInvoice');
    expect(findings.map((f) => `${f.code} ${f.params?.variant}`)).toEqual([
      'R13 absent',
      'R13 absent',
      'R13 absent',
      'R13 absent',
    ]);
  });

  it("reads the CUP itself copied into the cell: the agreement's is stated, another one is named", () => {
    const same = ['D91H26000010004', 'CUP D91H26000010004', 'cup: d91h 2600 0010 004'].map((cupOnInvoice, i) =>
      beni({ rowId: `s${i}`, invoiceNumber: `FT s${i}`, cupOnInvoice }),
    );
    expect(rowFindingsOf(same, ctx({ agreement: withCup })).filter((f) => f.field === 'cupOnInvoice')).toEqual([]);
    const [other] = rowFindingsOf([beni({ cupOnInvoice: 'J19J21012350001' })], ctx({ agreement: withCup })).filter(
      (f) => f.field === 'cupOnInvoice',
    );
    expect(other).toMatchObject({ code: 'R13', severity: 'warning', params: { variant: 'otherCup' } });
    expect(other.message).toBe(
      '«CUP in fattura»: il CUP indicato (J19J21012350001) non è quello della convenzione (D91H26000010004).',
    );
    // Without a CUP in the agreement any CUP stated is no finding; a code one character short is no CUP (R01).
    expect(
      rowFindingsOf([beni({ cupOnInvoice: 'J19J21012350001' })]).filter((f) => f.field === 'cupOnInvoice'),
    ).toEqual([]);
    expect(located(rowFindingsOf([beni({ cupOnInvoice: 'J19J2101235000' })]), 'R01')).toEqual([
      ['R01', 'error', 'Beni di consumo', 2, 'M', 'cupOnInvoice'],
    ]);
  });

  it('warns (configured severity) when the invoice does not state it', () => {
    expect(located(rowFindingsOf([beni({ cupOnInvoice: 'no' })], ctx({ agreement: withCup })), 'R13')).toEqual([
      ['R13', 'warning', 'Beni di consumo', 2, 'M', 'cupOnInvoice'],
    ]);
  });
});

describe('dates written with words', () => {
  it('reads the one date of a payment cell that also says how it was paid', () => {
    const rows = [
      beni({ rowId: 'b1', invoiceNumber: 'FT b1', paymentDate: 'bonifico del 20/02/2026' }),
      beni({ rowId: 'b2', invoiceNumber: 'FT b2', paymentDate: '20/02/2026 (pagata)' }),
    ];
    expect(rowFindingsOf(rows)).toEqual([]);
    // Two dates in the cell are two payments: the cell stays unreadable (R10), on its own column.
    const [finding] = rowFindingsOf([beni({ paymentDate: '20/02/2026 e 27/02/2026' })]);
    expect(finding).toMatchObject({ code: 'R10', field: 'paymentDate', params: { variant: 'severalDates' } });
    expect(finding.message).toBe(
      "«Data pagamento»: la cella contiene più date («20/02/2026 e 27/02/2026»): indicare la data dell'ultimo pagamento, oppure una riga per pagamento.",
    );
    const [period] = rowFindingsOf([gen({ date: '01/02/2026 - 28/02/2026' })]);
    expect(period).toMatchObject({ code: 'R03', field: 'date', params: { variant: 'severalDates' } });
  });

  it('says that a month typed in a date cell is a month and asks for the day (the product does not pick one)', () => {
    const [cost] = rowFindingsOf([gen({ date: 'febbraio 2026' })]);
    expect(cost).toMatchObject({ code: 'R03', field: 'date', params: { variant: 'monthNotDate' } });
    expect(cost.message).toBe(
      '«Data»: «febbraio 2026» è un mese, non una data: indicare il giorno (gg/mm/aaaa), per esempio la data del documento.',
    );
    const [paid] = rowFindingsOf([beni({ paymentDate: '02/2026' })]);
    expect(paid.message).toBe(
      '«Data pagamento»: «02/2026» è un mese, non una data: indicare il giorno (gg/mm/aaaa) del pagamento.',
    );
    // Anything else unreadable keeps the plain sentence.
    expect(rowFindingsOf([gen({ date: 'da definire' })])[0].params?.variant).toBe('invalidDate');
  });
});

describe('R14 expense types', () => {
  it('accepts eligible types in any case or accents', () => {
    expect(
      located(rowFindingsOf([beni({ expenseType: 'MATERIALE  DI CONSUMO' }), serv({ expenseType: 'Utenze' })]), 'R14'),
    ).toEqual([]);
  });

  it('accepts the usual spellings of the listed types, and refuses those of the ineligible ones', () => {
    const types = [
      'Materiali di consumo',
      'Affitto',
      'Locazione',
      'Consulenza',
      'Utenza',
      'Assicurazione',
      'Spese alimentari',
      'Utenze (luce, gas)',
      'Altro (specificare)',
    ];
    const rows = types.map((expenseType) => beni({ expenseType }));
    expect(rowFindingsOf(rows).filter((f) => f.field === 'expenseType')).toEqual([]);
    const refused = rowFindingsOf([
      beni({ expenseType: 'Multa' }),
      serv({ expenseType: 'Omaggi' }),
      gen({ expenseType: 'Omaggi (Natale)' }),
    ]);
    expect(refused.map((f) => `${f.code} ${f.params?.variant}`)).toEqual([
      'R14 ineligible',
      'R14 ineligible',
      'R14 ineligible',
    ]);
    // A type the agreement does not list stays unknown (R01), whatever it looks like.
    expect(rowFindingsOf([beni({ expenseType: 'cancelleria' })]).map((f) => f.code)).toEqual(['R01']);
  });

  it('reads a type followed by its details, or after "spese di" / "acquisto", by its leading words', () => {
    const types = [
      'Materiale di consumo vario',
      'Spese di trasporto',
      'Spese per utenze',
      'Acquisto materiale didattico',
      'Utenze elettriche',
      'Servizi di pulizia',
      'Trasporto utenti',
    ];
    const rows = types.map((expenseType, i) => beni({ rowId: `b${i}`, expenseType }));
    expect(rowFindingsOf(rows).filter((f) => f.field === 'expenseType')).toEqual([]);
    // The leading words of an ineligible type are still ineligible, and the longest run decides.
    const refused = rowFindingsOf([
      beni({ rowId: 'i1', expenseType: 'Interessi passivi bancari' }),
      serv({ rowId: 'i2', expenseType: 'Omaggi e regalie ai volontari' }),
      gen({ rowId: 'i3', expenseType: 'Spese per sanzioni' }),
    ]);
    expect(refused.map((f) => `${f.rowId} ${f.code}`)).toEqual(['i1 R14', 'i2 R14', 'i3 R14']);
    // Words that name no listed type stay unknown: "spese" alone, "materiale vario".
    const unknown = rowFindingsOf([
      beni({ rowId: 'u1', invoiceNumber: 'FT u1', expenseType: 'spese' }),
      beni({ rowId: 'u2', invoiceNumber: 'FT u2', expenseType: 'Materiale vario' }),
      beni({ rowId: 'u3', invoiceNumber: 'FT u3', expenseType: 'Consumo di materiale' }),
    ]);
    expect(unknown.map((f) => `${f.rowId} ${f.code} ${f.field}`)).toEqual([
      'u1 R01 expenseType',
      'u2 R01 expenseType',
      'u3 R01 expenseType',
    ]);
  });

  it('rejects an ineligible type', () => {
    const findings = rowFindingsOf([beni({ expenseType: 'Sanzioni e multe' })]);
    expect(located(findings, 'R14')).toEqual([['R14', 'error', 'Beni di consumo', 2, 'F', 'expenseType']]);
    expect(findings[0].message).toMatchInlineSnapshot(
      `"«Tipo spesa»: «Sanzioni e multe» è una spesa non ammissibile."`,
    );
  });

  it('checks the type of a GEN row only when given', () => {
    expect(located(rowFindingsOf([gen({ expenseType: 'interessi passivi' })]), 'R14')).toHaveLength(1);
    expect(rowFindingsOf([gen()])).toEqual([]);
  });
});
