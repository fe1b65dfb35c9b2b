// R15 documents required under (c), R25 exclusion at lock, R16 volunteers.
import { pers, beni, serv, gen, cofin, rowFindingsOf, located, ctx, run, agreement } from './fixtures';
import { normaliseRow } from '../../../shared/rows/rows';

describe('R15 documents', () => {
  it('accepts the required kinds under any synonym', () => {
    const rows = [
      pers({ documents: 'foglio presenze, quietanza, F24' }),
      beni({ documents: 'Fattura elettronica; ricevuta di pagamento' }),
      serv({ documents: 'parcella; bonifico; f24' }),
      gen({ documents: 'fattura, criterio di imputazione' }),
      cofin({ documents: 'Registro volontari' }),
    ];
    expect(located(rowFindingsOf(rows), 'R15')).toEqual([]);
  });

  it('reads the names bookkeepers write, plurals included', () => {
    const rows = [
      pers({ rowId: 'p1', documents: 'LUL; registro presenze; contabile bancaria; delega F24' }),
      pers({ rowId: 'p2', documents: 'Libro unico del lavoro, fogli firme, bonifici, F24 quietanzati' }),
      beni({ documents: 'Fatture; estratto conto' }),
      serv({ documents: 'notule, quietanze, deleghe F24' }),
      gen({ documents: 'fatture elettroniche; criterio di riparto' }),
    ];
    expect(located(rowFindingsOf(rows), 'R15')).toEqual([]);
  });

  it('reads the receipt of an F24 as the F24 (not as the payment of the pay), an hours statement as a timesheet', () => {
    const rows = [
      pers({ rowId: 'p1', documents: 'cedolini + time sheet + quietanza F24 + bonifico' }),
      pers({ rowId: 'p2', documents: 'prospetto ore; cedolino; bonifico; F24 versato' }),
      gen({ documents: 'fattura e nota di calcolo' }),
    ];
    expect(located(rowFindingsOf(rows), 'R15')).toEqual([]);
    // A quietanza F24 alone proves the contributions, not that the pay was paid.
    const [missing] = rowFindingsOf([pers({ documents: 'cedolino; timesheet; quietanza F24' })]).filter(
      (f) => f.code === 'R15',
    );
    expect(missing?.message).toContain('mancano i documenti richiesti: pagamento');
  });

  it("reads a document named with its details, and a volunteer row's presence register", () => {
    const rows = [
      pers({ rowId: 'p1', documents: 'Timesheet marzo; bonifico del 27/03/2026; F24 aprile' }),
      beni({ documents: 'FT n. 12 del 03/02/2026; bonifico' }),
      gen({ documents: 'Fattura n. 12; riparto mq' }),
      cofin({ rowId: 'c1', documents: 'Registro presenze' }),
      cofin({ rowId: 'c2', documents: 'foglio firme marzo' }),
      cofin({ rowId: 'c3', documents: 'registro firme' }),
      cofin({ rowId: 'c4', documents: 'Registro attività volontari' }),
      cofin({ rowId: 'c5', documents: 'registro ore volontari; elenco volontari' }),
    ];
    expect(located(rowFindingsOf(rows), 'R15')).toEqual([]);
    // Whole words only; a presence register is a volunteers' register on a volunteer row only.
    const missing = rowFindingsOf([
      gen({ documents: 'Fatturato; criterio' }),
      beni({ documents: 'registro presenze; bonifico' }),
    ]).filter((f) => f.code === 'R15');
    expect(missing.map((f) => f.params?.mancanti)).toEqual(['fattura', 'fattura o notula']);
  });

  it('reads the usual names of the co-financing resource types', () => {
    const rows = [
      cofin({ rowId: 'c1', resourceType: 'Lavoro volontario' }),
      cofin({ rowId: 'c2', resourceType: 'Ore volontari' }),
      cofin({ rowId: 'c3', resourceType: 'Risorse monetarie', volunteer: '', hours: '', hourlyValue: '' }),
      cofin({ rowId: 'c4', resourceType: 'Risorse umane volontarie' }),
    ];
    expect(rowFindingsOf(rows).filter((f) => f.field === 'resourceType')).toEqual([]);
    expect(normaliseRow(cofin({ resourceType: 'Risorse umane volontarie' }), agreement).values.resourceType).toBe(
      'volontariato',
    );
    expect(normaliseRow(cofin({ resourceType: 'Valorizzazione beni' }), agreement).values.resourceType).toBe(
      'non monetaria',
    );
  });

  it('warns during the window, listing what is missing', () => {
    const findings = rowFindingsOf([serv({ documents: 'notula; pagamento' })]);
    expect(located(findings, 'R15')).toEqual([['R15', 'warning', 'Servizi', 2, 'R', 'documents']]);
    expect(findings[0].params?.mancanti).toBe('F24');
    expect(located(findings, 'R25')).toEqual([]);
  });

  it('asks external staff for invoice or notula, payment and report', () => {
    const findings = rowFindingsOf([pers({ employment: 'collaboratore', level: '', documents: 'pagamento' })]);
    expect(findings[0].params?.mancanti).toBe('fattura o notula; relazione');
  });

  it('is an error with an R25 exclusion at lock', () => {
    const findings = rowFindingsOf([beni({ documents: 'fattura' })], ctx({ phase: 'lock' }));
    expect(located(findings, 'R15')).toEqual([['R15', 'error', 'Beni di consumo', 2, 'R', 'documents']]);
    expect(located(findings, 'R25')).toEqual([['R25', 'error', 'Beni di consumo', 2, 'R', 'documents']]);
  });

  it('is an error with R25 once the row’s own window has locked, even in live checks', () => {
    const previous = beni({ documents: '' });
    const result = run([beni({ documents: '' })], ctx({ today: '2026-06-01', previousRows: [previous] }));
    expect(located(result.findings, 'R25')).toEqual([['R25', 'error', 'Beni di consumo', 2, 'R', 'documents']]);
    expect(located(result.findings, 'R24')).toEqual([]); // unchanged since the last submission
  });
});

describe('R16 volunteers', () => {
  it('passes volunteer hours valued at most at the A1 rate', () => {
    expect(located(rowFindingsOf([cofin({ hourlyValue: '20,07', value: '401,40' })]), 'R16')).toEqual([]);
  });

  it('rejects a higher hourly value', () => {
    expect(located(rowFindingsOf([cofin({ hourlyValue: '20,08', value: '401,60' })]), 'R16')).toEqual([
      ['R16', 'error', 'Cofinanziamento', 2, 'F', 'hourlyValue'],
    ]);
  });

  it('rejects volunteer hours charged to the municipal contribution', () => {
    const findings = rowFindingsOf([cofin({ municipalShare: '100' })]);
    expect(located(findings, 'R16')).toEqual([['R16', 'error', 'Cofinanziamento', 2, 'L', 'municipalShare']]);
    expect(findings[0].message).toMatchInlineSnapshot(
      `"«Quota Comune»: le ore di volontariato sono solo cofinanziamento, non possono gravare sulla quota Comune."`,
    );
    expect(located(rowFindingsOf([cofin({ municipalShare: '0' })]), 'R16')).toEqual([]);
  });
});
