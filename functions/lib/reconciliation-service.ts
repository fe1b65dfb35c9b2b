// The reconciliation answer (DOMAIN.md §9, C1–C6) from what the server stores: the current report
// version of every partner in every programme of the year, re-validated as of `asOf` (so rows
// still missing documents after their window locked are R25 and the R21 excess is current), the
// semester samples with their outcome events up to `asOf` (S5) and the PO's row reviews (S6).
// Loading is separate from the pure assembly (reconciliationEvidence), which the tests mirror.
//
// Rows of different partners may share a row id: every row id in the answer is "partner/rowId".
import type { Agreement } from '../../shared/agreement/agreement';
import type { IsoDate } from '../../shared/core/dates';
import type { Finding } from '../../shared/findings/findings';
import type { RowNonAdmission } from '../../shared/sample/outcomes';
import { reconcile, type Reconciliation } from '../../shared/reconciliation/reconcile';
import type { ReconciliationAnswer } from '../../shared/reconciliation/reconciliation-answer';
import { partnersGeneralCostExclusion } from '../../shared/reconciliation/general-cost-excess';
import { reconciliationWorkbookBytes } from '../../formats/xlsx/reconciliation-workbook';
import {
  buildReconciliationInput,
  reconcilableRow,
  type ProgrammeEvidence,
  type ReconcilableRow,
  type ReconciliationEvidence,
  type SampleEvidence,
} from '../../shared/reconciliation/reconciliation-input';
import { normaliseRow, type RowInput } from '../../shared/rows/rows';
import { agreementIndex } from '../../shared/agreement/agreement-index';
import { validateRows } from '../../shared/rules/validate';
import { latestReports, qualifiedRowId, type LatestReport } from './latest-reports';
import { listReviews, type StoredReview } from './reviews-store';
import { outcomeStates } from './sample-service';
import { readOutcomeEvents, readSample, type SampleSnapshot, type StoredOutcomeEvent } from './samples-store';
import type { Storage } from './storage';

export interface StoredSampleData {
  snapshot: SampleSnapshot;
  events: Map<number, StoredOutcomeEvent[]>;
}

export interface ReconciliationData {
  /** Current versions of every partner report of the year, all programmes (C4 works on the ATS). */
  reports: LatestReport[];
  samples: StoredSampleData[];
  reviews: StoredReview[];
}

export async function loadReconciliationData(
  storage: Storage,
  agreement: Agreement,
  year: number,
): Promise<ReconciliationData> {
  await storage.ensure();
  const semesters = [`${year}-H1`, `${year}-H2`];
  const keys = agreement.programmes.flatMap((p) => semesters.map((semester) => ({ programme: p.id, semester })));
  const [reports, reviews, samples] = await Promise.all([
    latestReports(storage, { agreement: agreement.id, year }),
    listReviews(storage, agreement.id, year),
    Promise.all(
      keys.map(async ({ programme, semester }) => {
        const head = await readSample(storage, agreement.id, programme, semester);
        if (!head) return undefined;
        return { snapshot: head.snapshot, events: await readOutcomeEvents(storage, agreement.id, programme, semester) };
      }),
    ),
  ]);
  return { reports, reviews, samples: samples.filter((s): s is StoredSampleData => s !== undefined) };
}

export interface ReconciliationQuery {
  year: number;
  asOf: IsoDate;
  /** Programmes in the answer; the ATS totals always use every programme. */
  only?: string[];
}

/** Pure: the evidence buildReconciliationInput needs, from the loaded data. */
export function reconciliationEvidence(
  agreement: Agreement,
  data: ReconciliationData,
  query: ReconciliationQuery,
): ReconciliationEvidence {
  const { year, asOf } = query;
  const index = agreementIndex(agreement); // built once for every row of the reports
  const programmes: ProgrammeEvidence[] = agreement.programmes.map((p) => {
    const rows: ReconcilableRow[] = [];
    const findings: Finding[] = [];
    const reportsExcess: { partner: string; findings: Finding[]; rows: ReconcilableRow[] }[] = [];
    for (const report of data.reports.filter((r) => r.key.programme === p.id)) {
      const partner = report.key.partner;
      const reportRows: ReconcilableRow[] = [];
      for (const row of report.rows) {
        const r = reconcilableRow({ rowId: row.rowId, values: normaliseRow(row, agreement, index).values });
        if (r && r.programme === p.id) reportRows.push({ ...r, rowId: qualifiedRowId(partner, r.rowId) });
      }
      rows.push(...reportRows);
      const validation = validateRows(report.rows, {
        agreement,
        programme: p.id,
        partner,
        year,
        today: asOf,
        // The stored version is the previous state of itself: unchanged locked rows are not R24.
        previousRows: report.rows,
        otherRows: otherProgrammeRows(data.reports, report),
        phase: 'live',
      });
      for (const f of validation.findings) {
        if (f.rowId !== undefined) findings.push({ ...f, rowId: qualifiedRowId(partner, f.rowId) });
      }
      reportsExcess.push({ partner, findings: validation.reportFindings, rows: reportRows });
    }
    const samples: SampleEvidence[] = data.samples
      .filter((s) => s.snapshot.programme === p.id && s.snapshot.drawnOn <= asOf)
      .sort((a, b) => a.snapshot.semester.localeCompare(b.snapshot.semester))
      .map((s) => ({ semester: s.snapshot.semester, outcomes: outcomeStates(agreement, s.snapshot, s.events, asOf) }));
    const reviews: RowNonAdmission[] = data.reviews
      .filter((r) => r.programme === p.id && r.year === year && r.decidedOn <= asOf)
      .map((r) => ({
        submissionId: r.submissionId,
        rowId: qualifiedRowId(r.partner, r.rowId),
        reason: r.reason,
        decidedOn: r.decidedOn,
      }));
    return {
      programme: p.id,
      rows,
      findings,
      samples,
      reviews,
      generalCostExcess: partnersGeneralCostExclusion(reportsExcess),
    };
  });
  return { agreement, year, asOf, programmes, only: query.only };
}

export function reconciliationFromData(
  agreement: Agreement,
  data: ReconciliationData,
  query: ReconciliationQuery,
): Reconciliation {
  return reconcile(buildReconciliationInput(reconciliationEvidence(agreement, data, query)));
}

export async function reconciliationFor(
  storage: Storage,
  agreement: Agreement,
  query: ReconciliationQuery,
): Promise<Reconciliation> {
  return reconciliationFromData(agreement, await loadReconciliationData(storage, agreement, query.year), query);
}

export { XLSX_CONTENT_TYPE } from '../../shared/contract/reconciliation';

/**
 * The answer as the `Riconciliazione` workbook: the same layout and bytes the pane builds in file
 * mode (formats/xlsx/reconciliation-workbook.ts), programme titles from the agreement, and a file name that
 * says what was asked ("riconciliazione-crema-2026-2028-2026-P1-2027-02-01.xlsx").
 */
export function reconciliationWorkbook(
  agreement: Agreement,
  answer: ReconciliationAnswer,
  programme?: string,
): { bytes: Uint8Array; fileName: string } {
  const programmeTitles = Object.fromEntries(agreement.programmes.map((p) => [p.id, p.title]));
  const bytes = reconciliationWorkbookBytes(answer, { programmeTitles });
  const parts = ['riconciliazione', agreement.id, String(answer.year), programme, answer.asOf].filter(Boolean);
  // Only the characters of ids and ISO dates survive: the name goes into a header.
  return { bytes, fileName: `${parts.join('-').replace(/[^A-Za-z0-9._-]/g, '_')}.xlsx` };
}

function otherProgrammeRows(reports: LatestReport[], report: LatestReport): RowInput[] {
  return reports
    .filter((r) => r.key.partner === report.key.partner && r.key.programme !== report.key.programme)
    .flatMap((r) => r.rows);
}
