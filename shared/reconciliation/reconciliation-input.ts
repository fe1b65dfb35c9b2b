// Builds the reconciliation input (reconcile.ts) from what the server stores: the accepted rows of
// the year, their findings, the sample outcomes (S5) and the single-row reviews (S6). The server
// only loads data and calls buildReconciliationInput → reconcile.
//
// Exclusion order (a row is excluded once, by the first reason that applies):
//   1. row findings that exclude: R24, R25, R14 and any other finding of severity "error";
//   2. S6 single-row non-admissions;
//   3. S5 sample outcomes: a non-admitted person's rows of that programme-semester; a partial
//      admission excludes (person's cost − admitted amount). The non-admitted part lowers the
//      municipal share first (the Comune does not pay what it did not admit), then co-financing.
//      A decision counts from the day it is taken; while the contradictory step is open the note
//      says it is provisional;
//   4. R21 excess of general costs (an amount, not whole rows), from `generalCostExcess` or from a
//      report-level R21 finding whose params carry `excess` ("1234.50"), on the municipal share
//      first.
import type { Agreement, Category } from '../agreement/agreement';
import type { IsoDate, IsoMonth } from '../core/dates';
import type { FindingRecord, RuleCode } from '../findings/findings';
import { renderIt } from '../findings/messages.it';
import { generalCostExclusion, type GeneralCostExcess } from './general-cost-excess';
import { Money, sum } from '../core/money';
import type { RowValues } from '../rows/rows';
import { normalisePersonId, semesterOf, type SemesterId } from '../sample/sampling';
import { nonAdmittedAmount, type RowNonAdmission, type SampledPersonOutcome } from '../sample/outcomes';
import type {
  Exclusion,
  ExclusionReason,
  ProgrammeReconciliationInput,
  ReconciliationInput,
  ReconciliationPhase,
  ReconciliationPolicy,
} from './reconcile';

/** The few facts of a row the reconciliation needs. */
export interface ReconcilableRow {
  rowId: string;
  submissionId?: string;
  programme: string;
  category: Category;
  municipal: Money;
  cofinancing: Money;
  /** PERS: the cost month; used to match sample outcomes. */
  month?: IsoMonth | null;
  taxCode?: string | null;
}

/**
 * Adapter from the normalised row of shared/rows/rows.ts. Rows whose amounts cannot enter a sum
 * (`excludedFromTotals`) or lack a programme give null: they were rejected at submission.
 */
export function reconcilableRow(
  row: { rowId: string; values: RowValues },
  submissionId?: string,
): ReconcilableRow | null {
  const v = row.values;
  if (v.excludedFromTotals || !v.programme || !v.category || !v.municipalShare || !v.cofinancingShare) return null;
  return {
    rowId: row.rowId,
    submissionId,
    programme: v.programme,
    category: v.category,
    municipal: v.municipalShare,
    cofinancing: v.cofinancingShare,
    month: v.month,
    taxCode: v.taxCode,
  };
}

export interface SampleEvidence {
  semester: SemesterId;
  outcomes: SampledPersonOutcome[];
}

export interface ProgrammeEvidence {
  programme: string;
  /** Accepted rows of the year's current submission versions for the programme. */
  rows: ReconcilableRow[];
  /** Findings of those rows (rowId set) and report-level findings (R21…). */
  findings?: FindingRecord[];
  samples?: SampleEvidence[];
  reviews?: RowNonAdmission[];
  /** The R21 exclusion when the caller computed it (general-cost-excess.ts); else from `findings`. */
  generalCostExcess?: GeneralCostExcess;
  budget?: ProgrammeReconciliationInput['budget'];
  paid?: ProgrammeReconciliationInput['paid'];
}

export interface ReconciliationEvidence {
  agreement: Agreement;
  year: number;
  asOf: IsoDate;
  policy?: ReconciliationPolicy;
  phase?: ReconciliationPhase;
  programmes: ProgrammeEvidence[];
  only?: string[];
}

const ALWAYS_EXCLUDING = ['R24', 'R25', 'R14'];

export function buildReconciliationInput(evidence: ReconciliationEvidence): ReconciliationInput {
  return {
    agreement: evidence.agreement,
    year: evidence.year,
    asOf: evidence.asOf,
    policy: evidence.policy,
    phase: evidence.phase,
    only: evidence.only,
    programmes: evidence.programmes.map(programmeInput),
  };
}

function programmeInput(ev: ProgrammeEvidence): ProgrammeReconciliationInput {
  const rows = ev.rows.filter((r) => r.programme === ev.programme);
  const excluded = new Set<string>();
  const exclusions: Exclusion[] = [];

  // 1. Row findings, grouped by rule code.
  const byCode = new Map<RuleCode, { rows: ReconcilableRow[]; findings: FindingRecord[] }>();
  const rowById = new Map(rows.map((r) => [r.rowId, r]));
  const excluding = (ev.findings ?? [])
    .filter((f) => f.rowId !== undefined && rowById.has(f.rowId))
    .filter((f) => ALWAYS_EXCLUDING.includes(f.code) || f.severity === 'error')
    .sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
  for (const f of excluding) {
    const row = rowById.get(f.rowId as string) as ReconcilableRow;
    const group = byCode.get(f.code) ?? { rows: [], findings: [] };
    group.findings.push(f);
    if (!excluded.has(row.rowId)) {
      excluded.add(row.rowId);
      group.rows.push(row);
    }
    byCode.set(f.code, group);
  }
  for (const [code, group] of byCode) {
    if (!group.rows.length) continue;
    exclusions.push({
      ...rowsExclusion(code, group.rows),
      note: renderIt('exclusion.rule', { regola: code }),
      findings: group.findings.map((f) => ({ code: f.code, rowId: f.rowId, message: f.message })),
    });
  }

  // 2. S6 single-row non-admissions.
  for (const review of ev.reviews ?? []) {
    const row = rowById.get(review.rowId);
    if (!row || excluded.has(row.rowId)) continue;
    if (row.submissionId && review.submissionId && row.submissionId !== review.submissionId) continue;
    excluded.add(row.rowId);
    exclusions.push({ ...rowsExclusion('S6', [row]), note: renderIt('exclusion.S6', { motivo: review.reason }) });
  }

  // 3. S5 sample outcomes.
  for (const sample of ev.samples ?? []) {
    sample.outcomes.forEach((outcome, index) => {
      const personRows = rows.filter(
        (r) =>
          r.category === 'PERS' &&
          !excluded.has(r.rowId) &&
          r.taxCode &&
          r.month &&
          normalisePersonId(r.taxCode) === outcome.personId &&
          semesterOf(r.month) === sample.semester,
      );
      const cost = sum(personRows.map((r) => r.municipal.plus(r.cofinancing)));
      const notAdmitted = nonAdmittedAmount(outcome, cost);
      if (notAdmitted.isZero()) return;
      const municipalTotal = sum(personRows.map((r) => r.municipal));
      const municipal = Money.min(notAdmitted, municipalTotal);
      const cofinancing = notAdmitted.minus(municipal);
      if (outcome.status === 'non_ammesso') personRows.forEach((r) => excluded.add(r.rowId));
      const esito =
        outcome.status === 'non_ammesso'
          ? renderIt('exclusion.S5.notAdmitted', { motivo: outcome.reason ?? '' })
          : renderIt('exclusion.S5.partial', { ammesso: String(outcome.admittedAmount) });
      exclusions.push({
        reason: 'S5',
        rowIds: personRows.map((r) => r.rowId),
        municipal,
        cofinancing,
        note: renderIt('exclusion.S5', {
          semestre: sample.semester,
          persona: index + 1,
          esito,
          provvisorio: !outcome.final,
        }),
      });
    });
  }

  // 4. R21 excess of general costs.
  const excess = ev.generalCostExcess ?? generalCostExclusion(ev.findings ?? [], rows);
  if (excess && !excess.municipal.plus(excess.cofinancing).isZero()) {
    exclusions.push({
      reason: 'R21',
      rowIds: excess.rowIds,
      municipal: excess.municipal,
      cofinancing: excess.cofinancing,
      note: excess.note ?? renderIt('exclusion.R21', {}),
    });
  }

  return {
    programme: ev.programme,
    budget: ev.budget,
    reported: { municipal: sum(rows.map((r) => r.municipal)), cofinancing: sum(rows.map((r) => r.cofinancing)) },
    exclusions,
    paid: ev.paid,
  };
}

function rowsExclusion(reason: ExclusionReason, rows: ReconcilableRow[]): Exclusion {
  return {
    reason,
    rowIds: rows.map((r) => r.rowId),
    municipal: sum(rows.map((r) => r.municipal)),
    cofinancing: sum(rows.map((r) => r.cofinancing)),
  };
}

function rank(code: string): number {
  const i = ALWAYS_EXCLUDING.indexOf(code);
  return i === -1 ? ALWAYS_EXCLUDING.length : i;
}
