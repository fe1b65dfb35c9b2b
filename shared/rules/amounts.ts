// R02: amounts are numbers >= 0 with at most 2 decimals, never silently zero; the split between
// Quota Comune and Quota cofinanziamento adds up to the amount (R05 for PERS rows).
import type { Finding } from '../findings/findings';
import type { ParsedRow } from '../rows/rows';
import { cellPreview, rowFinding } from './emit';
import { formatMoneyIt, formatQuantityIt } from './format';
import type { Agreement } from '../agreement/agreement';
import { Money, parseAmountCell, ZERO } from '../core/money';
import { boundOf } from '../rows/rows';
import { excelNumber } from '../core/excel-number';
import { hoursAsTimeOf, type HoursAsTime } from './hours-as-time';

type NumberReason = 'not_a_number' | 'negative' | 'too_many_decimals' | 'exponent' | 'too_many_digits';
const NUMBER_REASONS: ReadonlySet<string> = new Set<NumberReason>([
  'not_a_number',
  'negative',
  'too_many_decimals',
  'exponent',
  'too_many_digits',
]);
const isNumberReason = (reason: string): reason is NumberReason => NUMBER_REASONS.has(reason);
/** Fields whose failure takes the row out of every total (said in the message). */
const SUM_FIELDS = new Set(['amount', 'value', 'municipalShare', 'cofinancingShare']);
/** Rows of an invoice, where a negative amount is most often a credit note (said in the message). */
const INVOICE_CATEGORIES: ReadonlySet<string | null> = new Set(['BENI', 'SERV', 'GEN']);
/** Hours and rates may carry up to 4 decimals (parseQuantity); amounts 2. */
const QUANTITY_FIELDS = new Set(['hours', 'hourlyCost', 'contractHours', 'hourlyValue']);

export function checkAmounts(row: ParsedRow, out: Finding[], env?: { agreement: Agreement }): void {
  if (row.problems.length === 0 && !row.splitMismatch) return; // the common case, without a loop
  for (const problem of row.problems) {
    const reason = problem.reason;
    const excluded = SUM_FIELDS.has(problem.field);
    const cell = {
      valore: cellPreview(row.input[problem.field]),
      decimali: QUANTITY_FIELDS.has(problem.field) ? 4 : 2,
    };
    if (reason === 'too_large') {
      // R02 bounds (agreement settings): the message says the limit.
      const params = { ...cell, limite: limitText(problem.field, env) };
      out.push(rowFinding(row, 'R02', 'error', problem.field, excluded ? 'too_large.excluded' : 'too_large', params));
      continue;
    }
    if (!isNumberReason(reason)) continue;
    const asTime = reason === 'too_many_decimals' ? hoursCellAsTime(row, problem.field) : null;
    if (asTime) {
      out.push(rowFinding(row, 'R02', 'error', problem.field, 'too_many_decimals_time', { ...cell, ...asTime }));
      continue;
    }
    // A date or time cell (the workbook's own date type) says why it is not a number.
    if (reason === 'negative' && problem.field === 'amount' && INVOICE_CATEGORIES.has(row.values.category)) {
      out.push(rowFinding(row, 'R02', 'error', problem.field, 'negative_invoice.excluded', cell));
      continue;
    }
    const shown = reason === 'not_a_number' && row.input[problem.field] instanceof Date ? 'date_not_a_number' : reason;
    const variant = excluded ? (`${shown}.excluded` as const) : shown;
    out.push(rowFinding(row, 'R02', 'error', problem.field, variant, cell));
  }
  if (row.splitMismatch) {
    const v = row.values;
    const code = v.category === 'PERS' ? 'R05' : 'R02';
    const typed = row.shareAbove;
    if (typed !== null) {
      out.push(
        rowFinding(row, code, 'error', typed, 'shareAbove', {
          importo: formatMoneyIt(v.amount ?? ZERO),
          quota: readShare(row, typed),
        }),
      );
      return;
    }
    const municipal = readShare(row, 'municipalShare');
    const cofinancing = readShare(row, 'cofinancingShare');
    out.push(
      rowFinding(row, code, 'error', 'municipalShare', 'split', {
        importo: formatMoneyIt(v.amount ?? ZERO),
        quotaComune: municipal,
        quotaCofinanziamento: cofinancing,
      }),
    );
  }
}

/** An hours cell whose number is a whole number of minutes as a fraction of a day (7:20 → 0,30555…). */
function hoursCellAsTime(row: ParsedRow, field: string): HoursAsTime | null {
  const cell = row.input[field];
  if ((field !== 'hours' && field !== 'contractHours') || typeof cell !== 'number' || !Number.isFinite(cell))
    return null;
  return hoursAsTimeOf(new Money(excelNumber(cell)));
}

/** The bound a figure broke, as the message says it ("al massimo 744 ore", "inferiore a 10.000.000,00 €"). */
function limitText(field: string, env: { agreement: Agreement } | undefined): string {
  if (!env) return '';
  const bound = boundOf(field, env.agreement);
  return 'atMost' in bound
    ? `al massimo ${formatQuantityIt(new Money(bound.atMost))} ore`
    : `inferiore a ${formatMoneyIt(new Money(bound.below))}`;
}

/** A share as the message shows it: formatted when readable (a split is only checked when both are). */
function readShare(row: ParsedRow, field: string): string {
  const parsed = parseAmountCell(row.input[field]);
  if (parsed.ok) return formatMoneyIt(parsed.value);
  return parsed.reason === 'empty' ? formatMoneyIt(ZERO) : cellPreview(row.input[field]);
}
