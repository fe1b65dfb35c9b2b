// Valid rows of every category and a context; each rule test breaks one cell of a valid row.
import { getAgreement, type Agreement } from '../../../shared';
import type { RowInput } from '../../../shared/rows/rows';
import type { ValidationContext } from '../../../shared/rules/validate';
import { validateRows, type ValidationResult } from '../../../shared/rules/validate';
import type { Finding } from '../../../shared/findings/findings';

export const agreement: Agreement = getAgreement('crema-2026-2028')!;

export function ctx(over: Partial<ValidationContext> = {}): ValidationContext {
  return { agreement, programme: 'P1', partner: 'koala', year: 2026, today: '2026-03-31', ...over };
}

/** Column letters as a partner's sheet might have them. */
const PERS_COLUMNS = {
  name: 'A',
  taxCode: 'B',
  employment: 'C',
  role: 'D',
  ccnl: 'E',
  level: 'F',
  programme: 'G',
  action: 'H',
  month: 'I',
  hours: 'J',
  hourlyCost: 'K',
  annualCost: 'L',
  amount: 'M',
  municipalShare: 'N',
  cofinancingShare: 'O',
  documents: 'P',
  rowId: 'Q',
  contractHours: 'R',
};
const INVOICE_COLUMNS = {
  supplier: 'A',
  supplierId: 'B',
  invoiceNumber: 'C',
  invoiceDate: 'D',
  description: 'E',
  expenseType: 'F',
  taxable: 'G',
  vat: 'H',
  invoiceTotal: 'I',
  amount: 'J',
  paymentDate: 'K',
  paymentMethod: 'L',
  cupOnInvoice: 'M',
  programme: 'N',
  action: 'O',
  municipalShare: 'P',
  cofinancingShare: 'Q',
  documents: 'R',
  rowId: 'S',
};
const GEN_COLUMNS = {
  description: 'A',
  allocationKey: 'B',
  date: 'C',
  amount: 'D',
  programme: 'E',
  action: 'F',
  municipalShare: 'G',
  cofinancingShare: 'H',
  documents: 'I',
  rowId: 'J',
};
const COFIN_COLUMNS = {
  resourceType: 'A',
  description: 'B',
  volunteer: 'C',
  date: 'D',
  hours: 'E',
  hourlyValue: 'F',
  value: 'G',
  programme: 'H',
  action: 'I',
  documents: 'J',
  rowId: 'K',
  municipalShare: 'L',
};

export function pers(over: Record<string, unknown> = {}): RowInput {
  return {
    rowId: 'pers-1',
    category: 'PERS',
    sheet: 'Personale',
    row: 2,
    columns: PERS_COLUMNS,
    name: 'Rossi Mario',
    taxCode: 'RSSMRA80A01H501U',
    employment: 'dipendente',
    role: 'Educatore',
    ccnl: 'Cooperative sociali',
    level: 'A1',
    programme: 'P1',
    action: 'A1',
    month: '03/2026',
    hours: '80',
    hourlyCost: '19,50',
    amount: '1.560,00',
    documents: 'timesheet; bonifico; F24',
    ...over,
  };
}

export function beni(over: Record<string, unknown> = {}): RowInput {
  return {
    rowId: 'beni-1',
    category: 'BENI',
    sheet: 'Beni di consumo',
    row: 2,
    columns: INVOICE_COLUMNS,
    supplier: 'Cartoleria Srl',
    supplierId: '12345678903',
    invoiceNumber: 'FT 12',
    invoiceDate: '10/02/2026',
    description: 'Materiale per laboratori',
    expenseType: 'Materiale di consumo',
    taxable: '100,00',
    vat: '22,00',
    invoiceTotal: '122,00',
    amount: '122,00',
    paymentDate: '2026-02-20',
    paymentMethod: 'Bonifico',
    programme: 'Programma 1',
    action: 'Azione 2',
    documents: 'fattura elettronica, bonifico',
    ...over,
  };
}

export function serv(over: Record<string, unknown> = {}): RowInput {
  return {
    ...beni(),
    rowId: 'serv-1',
    category: 'SERV',
    sheet: 'Servizi',
    supplier: 'Studio Bianchi',
    supplierId: 'MRTMTT25D09F205Z',
    invoiceNumber: '3/2026',
    expenseType: 'consulenze e prestazioni professionali',
    description: 'Supervisione',
    documents: 'notula; pagamento; F24',
    ...over,
  };
}

export function gen(over: Record<string, unknown> = {}): RowInput {
  return {
    rowId: 'gen-1',
    category: 'GEN',
    sheet: 'Spese generali',
    row: 2,
    columns: GEN_COLUMNS,
    description: 'Quota affitto sede',
    allocationKey: 'mq utilizzati',
    date: '2026-03-31',
    amount: '50',
    programme: 'P1',
    action: 'P1.A1',
    documents: 'fattura; criterio di imputazione',
    ...over,
  };
}

export function cofin(over: Record<string, unknown> = {}): RowInput {
  return {
    rowId: 'cofin-1',
    category: 'COFIN',
    sheet: 'Cofinanziamento',
    row: 2,
    columns: COFIN_COLUMNS,
    resourceType: 'volontariato',
    description: 'Animazione',
    volunteer: 'Verdi Anna',
    date: '2026-03-10',
    hours: '20',
    hourlyValue: '15',
    value: '300',
    programme: 'P1',
    action: 'A1',
    documents: 'registro volontari',
    ...over,
  };
}

export const validRows = (): RowInput[] => [pers(), beni(), serv(), gen(), cofin()];

/** Row findings (no report-level ones) of a validation, as compact tuples easy to assert. */
export function rowFindingsOf(rows: RowInput[], context: ValidationContext = ctx()): Finding[] {
  return validateRows(rows, context).findings.filter((f) => f.rowId !== undefined);
}

export function run(rows: RowInput[], context: ValidationContext = ctx()): ValidationResult {
  return validateRows(rows, context);
}

/** [code, severity, sheet, row, column, field] of the findings with a given code. */
export function located(
  findings: Finding[],
  code: string,
): [string, string, string | null, number | null, string | null, string | null][] {
  return findings.filter((f) => f.code === code).map((f) => [f.code, f.severity, f.sheet, f.row, f.column, f.field]);
}
