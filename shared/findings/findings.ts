// A finding is data: the rule that produced it, where it points, and the Italian sentence.
// Detection (rules/) and wording (messages.it.ts) are kept apart.
import type { MessageKey, MessageParamsOf } from './messages.it';

export type Severity = 'error' | 'warning' | 'info';

export const ROW_RULES = [
  'R01',
  'R02',
  'R03',
  'R04',
  'R05',
  'R06',
  'R07',
  'R08',
  'R09',
  'R10',
  'R11',
  'R12',
  'R13',
  'R14',
  'R15',
  'R16',
  'R17',
] as const;
export const REPORT_RULES = ['R20', 'R21', 'R22', 'R23', 'R24', 'R25'] as const;
export const SAMPLE_RULES = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'] as const;
export const RECONCILIATION_RULES = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'] as const;
/** Mapping problems found before any rule can run (a sheet without a recognisable header…). */
export const MAPPING_CODES = ['M01', 'M02', 'M03'] as const;

export type RowRuleCode = (typeof ROW_RULES)[number];
export type ReportRuleCode = (typeof REPORT_RULES)[number];
export type RuleCode =
  | RowRuleCode
  | ReportRuleCode
  | (typeof SAMPLE_RULES)[number]
  | (typeof RECONCILIATION_RULES)[number]
  | (typeof MAPPING_CODES)[number];

/** Where a finding points in the partner's workbook; nulls when it is about the whole report. */
export interface Location {
  sheet: string | null;
  /** The row number Excel shows (1-based). */
  row: number | null;
  /** Column letter ("C"), null when the finding is about the whole row. */
  column: string | null;
  /** Canonical field key (DOMAIN.md §7), null when not about one field. */
  field: string | null;
}

/**
 * What every finding is on the wire and in storage, whatever its code: the shape a display, a CSV
 * or a store needs, and what JSON from the server is until read back. `Finding` (below) is the
 * same record with `code` as the discriminant and the params each code carries.
 */
export interface FindingRecord extends Location {
  code: RuleCode;
  severity: Severity;
  message: string;
  /** The row the finding belongs to (hidden id); absent for report-level findings. */
  rowId?: string;
  /** The figures the message was built from, so UIs can re-render and tests can assert. */
  params?: LooseParams;
}

/** Params read without knowing the code (a display, a test): any key, string or number. */
export type LooseParams = { readonly [key: string]: string | number | undefined };

/**
 * The params of a finding with code C: one object per variant of C in the message table, with
 * `variant` naming it and exactly the figures its Italian template reads ("R07" →
 * { variant: 'default' | 'withOthers', campo, ore, limite, mese }). Other keys read as loose.
 */
export type FindingParams<C extends RuleCode = RuleCode> = {
  [K in MessageKey]: K extends `${C}.${infer V}` ? { variant: V } & MessageParamsOf<K> & LooseParams : never;
}[MessageKey];

/** The variants of a code: the message table's keys "C.variant". */
export type VariantOf<C extends RuleCode> = { [K in MessageKey]: K extends `${C}.${infer V}` ? V : never }[MessageKey];

/** A finding of one code; for a union of codes, the union of their findings. */
export type FindingOf<C extends RuleCode> = C extends RuleCode
  ? Omit<FindingRecord, 'code' | 'params'> & { code: C; params?: FindingParams<C> }
  : never;

/** A finding: a discriminated union on `code`, as zod's issues are (STYLE.md #6). */
export type Finding = FindingOf<RuleCode>;

/** Narrows a finding (or a wire record known to come from the domain) to one code. */
export function isFindingOf<C extends RuleCode>(finding: FindingRecord, code: C): finding is FindingOf<C> {
  return finding.code === code;
}

export interface FindingSummary {
  error: number;
  warning: number;
  info: number;
}

export function summarise(findings: readonly FindingRecord[]): FindingSummary {
  const summary: FindingSummary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity] += 1;
  return summary;
}

export function hasErrors(findings: readonly FindingRecord[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Deterministic order: sheet, row, column, code — what a reader scanning the workbook expects. */
export function sortFindings<F extends FindingRecord>(findings: F[]): F[] {
  return findings.sort(
    (a, b) =>
      (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
      (a.row ?? 0) - (b.row ?? 0) ||
      columnIndex(a.column) - columnIndex(b.column) ||
      a.code.localeCompare(b.code) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.field ?? '').localeCompare(b.field ?? ''),
  );
}

/** "A" → 1, "AA" → 27; null → 0. */
export function columnIndex(column: string | null): number {
  if (!column) return 0;
  let n = 0;
  for (const ch of column.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
