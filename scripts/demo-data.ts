// Demo rows for npm start's seed, the integration tests and the bench: well-formed rows of the
// crema-2026-2028 agreement with synthetic people and suppliers (no real person's data).
import type { RowInput } from '../shared/rows/rows';
import { taxCodeCheckChar, vatCheckDigit } from '../shared/core/tax-ids';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A syntactically valid, synthetic personal tax code, distinct per index. */
export function syntheticTaxCode(i: number): string {
  const l = (n: number) => LETTERS[n % 26];
  const surname = `${l(i)}${l(Math.floor(i / 26))}${l(Math.floor(i / 676))}`;
  const first15 = `${surname}MRA80A01D142`.slice(0, 15);
  return first15 + taxCodeCheckChar(first15);
}

/** A valid Italian VAT number, distinct per index. */
export function syntheticVat(i: number): string {
  const first10 = String(1_000_000 + i).padStart(7, '0') + '015';
  return first10 + String(vatCheckDigit(first10));
}

export interface DemoOptions {
  programme?: string;
  year?: number;
  /** Months to spread rows over (1-12); the default stays in May–August (window W2). */
  months?: number[];
  prefix?: string;
}

export function demoGoodsRow(i: number, o: DemoOptions = {}): RowInput {
  const programme = o.programme ?? 'P1';
  const year = o.year ?? 2026;
  const months = o.months ?? [5, 6, 7, 8];
  const month = String(months[i % months.length]).padStart(2, '0');
  const day = String((i % 20) + 1).padStart(2, '0');
  return {
    rowId: `${o.prefix ?? 'b'}-${i}`,
    category: 'BENI',
    sheet: 'Beni',
    row: i + 2,
    supplier: `Fornitore demo ${i % 50}`,
    supplierId: syntheticVat(i % 50),
    invoiceNumber: `FT-${year}-${i}`,
    invoiceDate: `${year}-${month}-${day}`,
    expenseType: 'materiale di consumo',
    taxable: '100.00',
    vat: '22.00',
    invoiceTotal: '122.00',
    amount: '122.00',
    municipalShare: '122.00',
    cofinancingShare: '0.00',
    paymentDate: `${year}-${month}-${String((i % 20) + 5).padStart(2, '0')}`,
    paymentMethod: 'bonifico',
    description: 'Materiale per laboratori',
    programme,
    action: `${programme}.A1`,
    documents: 'fattura, pagamento',
  };
}

export function demoPersonnelRow(i: number, o: DemoOptions = {}): RowInput {
  const programme = o.programme ?? 'P1';
  const year = o.year ?? 2026;
  const months = o.months ?? [5, 6, 7, 8];
  const month = months[i % months.length];
  return {
    rowId: `${o.prefix ?? 'p'}-${i}`,
    category: 'PERS',
    sheet: 'Personale',
    row: i + 2,
    name: `Operatore Demo ${i}`,
    taxCode: syntheticTaxCode(i),
    employment: 'dipendente',
    role: 'Educatore',
    ccnl: 'cooperative-sociali',
    level: 'A1',
    programme,
    action: `${programme}.A1`,
    month: `${year}-${String(month).padStart(2, '0')}`,
    hours: '20',
    hourlyCost: '18.50',
    amount: '370.00',
    municipalShare: '370.00',
    cofinancingShare: '0.00',
    documents: 'timesheet, pagamento, F24',
  };
}

/** n rows, two goods rows for each personnel row. */
export function demoRows(n: number, o: DemoOptions = {}): RowInput[] {
  return Array.from({ length: n }, (_, i) => (i % 3 === 2 ? demoPersonnelRow(i, o) : demoGoodsRow(i, o)));
}
