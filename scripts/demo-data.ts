// Demo rows for npm start's seed, the integration tests and the bench: well-formed rows of the
// crema-2026-2028 agreement with synthetic people and suppliers (no real person's data).
import type { RowInput } from '../shared/rows/rows';
import { taxCodeCheckChar, vatCheckDigit } from '../shared/core/tax-ids';
import { latestBudget, type Agreement } from '../shared/agreement/agreement';
import { windowFor, yearElapsed } from '../shared/agreement/windows';
import type { IsoDate } from '../shared/core/dates';
import { Money } from '../shared/core/money';

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

// ---------------------------------------------------------------------------------------------
// The demo of `npm start` (seed-demo.ts, demo-workbook.ts): one plan per day, derived from it.

/** When the demo is set: the reporting year and the months of the window open that day. */
export interface DemoPlan {
  today: IsoDate;
  year: number;
  /** Months (1-12) of the window open on `today`, up to today's month: nothing is in the future. */
  months: number[];
  /** Share of the year elapsed on `today` (0..1], for amounts that grow with the year. */
  elapsed: Money;
}

export function demoPlan(agreement: Agreement, today: IsoDate): DemoPlan {
  const year = Math.min(Math.max(Number(today.slice(0, 4)), agreement.years[0]), agreement.years.at(-1) as number);
  const window = windowFor(agreement, today);
  const last = Number(today.slice(5, 7));
  const first = window ? Number(window.from.slice(5, 7)) : last;
  const { days, of } = yearElapsed(year, today);
  return {
    today,
    year,
    months: Array.from({ length: last - first + 1 }, (_, i) => first + i),
    elapsed: new Money(Math.max(days, 1)).div(of),
  };
}

const TEMPLATE_SHEET: Record<string, string> = {
  PERS: 'Personale',
  BENI: 'Beni di consumo',
  SERV: 'Servizi',
  COFIN: 'Cofinanziamento',
};

/** A day of `month` not after the plan's today (the demo never reports the future, R03). */
function demoDay(plan: DemoPlan, month: number, n: number): IsoDate {
  const isToday = plan.year === Number(plan.today.slice(0, 4)) && month === Number(plan.today.slice(5, 7));
  const maxDay = isToday ? Number(plan.today.slice(8, 10)) : 28;
  const day = Math.min(n, maxDay);
  return `${plan.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface DemoReportSize {
  goods: number;
  people: number;
  /** Monthly service invoices whose total follows the programme's budget and the year elapsed. */
  services?: { share: string; of: string };
  /** Co-financing: a monetary contribution and volunteer hours (R16: 15 €/h). */
  cofinancing: { monetary: string; volunteerHours: number };
}

/**
 * One partner's report for one programme, laid out as the template places it (sheet, row), so the
 * demo workbook and the seeded version are the same rows. Synthetic people and suppliers only.
 */
export function demoReport(partner: string, programme: string, plan: DemoPlan, size: DemoReportSize): RowInput[] {
  const next: Record<string, number> = {};
  const place = (category: string) => {
    const sheet = TEMPLATE_SHEET[category];
    next[sheet] = (next[sheet] ?? 1) + 1;
    return { sheet, row: next[sheet] };
  };
  const seed = [...partner].reduce((a, c) => a + c.charCodeAt(0), 0);
  const month = (i: number) => plan.months[i % plan.months.length];
  const action = `${programme}.A1`;
  const rows: RowInput[] = [];
  for (let i = 0; i < size.goods; i++) {
    const invoiceDate = demoDay(plan, month(i), 1 + ((i * 3) % 20));
    rows.push({
      rowId: `${partner}-${programme}-b${i}`,
      category: 'BENI',
      ...place('BENI'),
      supplier: `Fornitore demo ${(seed + i) % 50}`,
      supplierId: syntheticVat((seed + i) % 50),
      invoiceNumber: `FT-${plan.year}-${partner}-${i + 1}`,
      invoiceDate,
      description: 'Materiale per laboratori',
      expenseType: 'materiale di consumo',
      taxable: '400.00',
      vat: '88.00',
      invoiceTotal: '488.00',
      amount: '488.00',
      municipalShare: '488.00',
      cofinancingShare: '0.00',
      paymentDate: demoDay(plan, Number(invoiceDate.slice(5, 7)), Number(invoiceDate.slice(8, 10)) + 5),
      paymentMethod: 'bonifico',
      programme,
      action,
      documents: 'fattura, pagamento',
    });
  }
  if (size.services) {
    const budget = new Money(size.services.of);
    const count = Math.max(plan.months.length, 4);
    const each = budget.times(size.services.share).times(plan.elapsed).div(count).toDecimalPlaces(2);
    for (let i = 0; i < count; i++) {
      const invoiceDate = demoDay(plan, month(i), 1 + i);
      rows.push({
        rowId: `${partner}-${programme}-s${i}`,
        category: 'SERV',
        ...place('SERV'),
        supplier: `Cooperativa servizi demo ${(seed + i) % 7}`,
        supplierId: syntheticVat(100 + ((seed + i) % 7)),
        invoiceNumber: `S-${plan.year}-${partner}-${i + 1}`,
        invoiceDate,
        description: `Servizio educativo, quota ${i + 1}`,
        expenseType: 'servizi',
        taxable: each.toFixed(2),
        vat: '0.00',
        invoiceTotal: each.toFixed(2),
        amount: each.toFixed(2),
        paymentDate: demoDay(plan, Number(invoiceDate.slice(5, 7)), Number(invoiceDate.slice(8, 10)) + 3),
        paymentMethod: 'bonifico',
        programme,
        action,
        documents: 'fattura, pagamento',
      });
    }
  }
  for (let p = 0; p < size.people; p++) {
    rows.push({
      rowId: `${partner}-${programme}-p${p}`,
      category: 'PERS',
      ...place('PERS'),
      name: `Operatore Demo ${partner} ${p + 1}`,
      taxCode: syntheticTaxCode(seed * 10 + p),
      employment: 'dipendente',
      role: 'Educatore',
      ccnl: 'cooperative-sociali',
      level: 'A1',
      programme,
      action,
      month: `${plan.year}-${String(month(p)).padStart(2, '0')}`,
      hours: '80',
      hourlyCost: '19.50',
      amount: '1560.00',
      municipalShare: '1560.00',
      cofinancingShare: '0.00',
      documents: 'timesheet, pagamento, F24',
    });
  }
  const { monetary, volunteerHours } = size.cofinancing;
  rows.push({
    rowId: `${partner}-${programme}-c0`,
    category: 'COFIN',
    ...place('COFIN'),
    resourceType: 'monetaria',
    description: 'Fondi propri dell’ente',
    date: demoDay(plan, month(0), 2),
    value: monetary,
    programme,
    action,
  });
  rows.push({
    rowId: `${partner}-${programme}-c1`,
    category: 'COFIN',
    ...place('COFIN'),
    resourceType: 'volontariato',
    description: 'Animazione con i volontari',
    volunteer: `Gruppo volontari ${partner}`,
    date: demoDay(plan, month(0), 3),
    hours: String(volunteerHours),
    hourlyValue: '15.00',
    value: new Money(volunteerHours).times(15).toFixed(2),
    programme,
    action,
    documents: 'registro volontari',
  });
  return rows;
}

/** The demo's partners and what they report (koala's P1 report is the one the README walks through). */
export function demoReports(
  agreement: Agreement,
  plan: DemoPlan,
): { partner: string; programme: string; rows: RowInput[] }[] {
  const line = (programme: string) => latestBudget(agreement, plan.year)?.lines.find((l) => l.programme === programme);
  const report = (partner: string, programme: string, size: DemoReportSize) => ({
    partner,
    programme,
    rows: demoReport(partner, programme, plan, size),
  });
  // One partner per programme carries its services at the pace of its budget, and its planned
  // co-financing (own funds plus 400 volunteer hours), so the mid-year reconciliation is near plan.
  const bulk = (programme: string) => {
    const volunteers = new Money(400).times(15);
    const planned = new Money(line(programme)?.cofinancing ?? 0).times(plan.elapsed);
    return {
      goods: 4,
      people: 4,
      services: { share: '1', of: String(line(programme)?.municipal ?? 0) },
      cofinancing: {
        monetary: Money.max(new Money(0), planned.minus(volunteers)).toDecimalPlaces(2).toFixed(2),
        volunteerHours: 400,
      },
    };
  };
  return [
    report('koala', 'P1', { goods: 6, people: 4, cofinancing: { monetary: '700.00', volunteerHours: 40 } }),
    report('arcobaleno', 'P1', bulk('P1')),
    report('igea', 'P2', bulk('P2')),
    report('mestieri', 'P5', bulk('P5')),
  ];
}

/**
 * The three mistakes the README walks through, as rows added under koala's seeded P1 rows:
 * R02 (an amount in words), R10 (cash), R05 (hours × rate ≠ amount). Each is fixed by one cell,
 * the one its finding points at, which README names.
 */
export function demoPlantedRows(plan: DemoPlan, after: readonly RowInput[]): RowInput[] {
  const lastRow = (sheet: string) => Math.max(1, ...after.filter((r) => r.sheet === sheet).map((r) => r.row ?? 1));
  const goods = lastRow('Beni di consumo');
  const people = lastRow('Personale');
  const date = demoDay(plan, plan.months[0], 4);
  const invoice = (n: number, fields: Record<string, unknown>): RowInput => ({
    rowId: `planted-${n}`,
    category: 'BENI',
    sheet: 'Beni di consumo',
    row: goods + n,
    supplier: 'Cartoleria demo',
    supplierId: syntheticVat(60 + n),
    invoiceNumber: `FT-${plan.year}-C${n}`,
    invoiceDate: date,
    description: 'Cancelleria',
    expenseType: 'materiale di consumo',
    taxable: '100.00',
    vat: '22.00',
    invoiceTotal: '122.00',
    amount: '122.00',
    municipalShare: '122.00',
    cofinancingShare: '0.00',
    paymentDate: date,
    paymentMethod: 'bonifico',
    programme: 'P1',
    action: 'P1.A1',
    documents: 'fattura, pagamento',
    ...fields,
  });
  return [
    invoice(1, { amount: 'centoventidue' }), // R02: fix to 122,00
    invoice(2, { paymentMethod: 'contanti' }), // R10: fix to bonifico
    {
      rowId: 'planted-3',
      category: 'PERS',
      sheet: 'Personale',
      row: people + 1,
      name: 'Operatore Demo nuovo',
      taxCode: syntheticTaxCode(9_000),
      employment: 'dipendente',
      role: 'Educatore',
      ccnl: 'cooperative-sociali',
      level: 'A1',
      programme: 'P1',
      action: 'P1.A1',
      month: `${plan.year}-${String(plan.months[0]).padStart(2, '0')}`,
      hours: '20',
      hourlyCost: '19.50',
      // R05: 20 × 19,50 = 390,00, not 400,00. The split cells are empty (all to the contribution),
      // so fixing the amount, the cell R05 points at, leaves nothing else to fix.
      amount: '400.00',
      documents: 'timesheet, pagamento, F24',
    },
  ];
}
