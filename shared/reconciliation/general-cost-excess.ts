// R21 in the reconciliation (DOMAIN.md §9): the excess of a report's general costs over the cap is
// excluded as an amount, not as rows: first from the municipal share of the report's GEN rows
// (the Comune does not pay it), the rest from their co-financing. One decision, used by
// buildReconciliationInput and by the server's evidence of every partner's report.
import { Money, ZERO, formatAmount, parseAmount, sum } from '../core/money';
import { isFindingOf, type FindingOf, type FindingRecord } from '../findings/findings';
import { renderIt } from '../findings/messages.it';

/** The part of general costs the reconciliation does not count, on which rows and why. */
export interface GeneralCostExcess {
  municipal: Money;
  cofinancing: Money;
  rowIds: string[];
  note?: string;
}

/** The excess an R21 finding states, with the finding's sentence. */
export interface StatedExcess {
  amount: Money;
  message: string;
}

/**
 * The excess of general costs a report's R21 finding states (params.excess, wire format
 * "1234.50"); null when the report has no R21 finding or its excess is not a positive amount.
 */
export function statedGeneralCostExcess(findings: readonly FindingRecord[]): StatedExcess | null {
  const r21 = findings.find((f): f is FindingOf<'R21'> => isFindingOf(f, 'R21'));
  if (!r21) return null;
  const parsed = parseAmount(r21.params?.excess);
  if (!parsed.ok || !parsed.value.gt(0)) return null;
  return { amount: parsed.value, message: r21.message };
}

/** How an excess lowers the GEN rows of a report: municipal share first, the rest on co-financing. */
export function splitGeneralCostExcess(
  amount: Money,
  rows: readonly { rowId: string; category: string; municipal: Money }[],
): GeneralCostExcess {
  const gen = rows.filter((r) => r.category === 'GEN');
  const municipal = Money.min(amount, sum(gen.map((r) => r.municipal)));
  return { municipal, cofinancing: Money.max(ZERO, amount.minus(municipal)), rowIds: gen.map((r) => r.rowId) };
}

/** The R21 exclusion of one report: the stated excess split over its GEN rows, with its note. */
export function generalCostExclusion(
  findings: readonly FindingRecord[],
  rows: readonly { rowId: string; category: string; municipal: Money }[],
): GeneralCostExcess | undefined {
  const stated = statedGeneralCostExcess(findings);
  if (!stated) return undefined;
  return {
    ...splitGeneralCostExcess(stated.amount, rows),
    note: renderIt('exclusion.R21.finding', { messaggio: stated.message, eccedenza: formatAmount(stated.amount) }),
  };
}

/**
 * The R21 exclusion of a programme over its partners' reports (rows of different partners are
 * told apart by their qualified ids): the sum of each report's split, one note per partner.
 */
export function partnersGeneralCostExclusion(
  reports: readonly {
    partner: string;
    findings: readonly FindingRecord[];
    rows: readonly { rowId: string; category: string; municipal: Money }[];
  }[],
): GeneralCostExcess | undefined {
  let municipal = ZERO;
  let cofinancing = ZERO;
  const rowIds: string[] = [];
  const notes: string[] = [];
  for (const report of reports) {
    const stated = statedGeneralCostExcess(report.findings);
    if (!stated) continue;
    const split = splitGeneralCostExcess(stated.amount, report.rows);
    municipal = municipal.plus(split.municipal);
    cofinancing = cofinancing.plus(split.cofinancing);
    rowIds.push(...split.rowIds);
    notes.push(renderIt('exclusion.R21.partner', { partner: report.partner, eccedenza: formatAmount(stated.amount) }));
  }
  return notes.length ? { municipal, cofinancing, rowIds, note: notes.join(' ') } : undefined;
}
