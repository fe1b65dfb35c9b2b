// One total order of findings: the reading order of sortFindings (sheet, row, column, code,
// severity, field; texts in code-point order), then row id and message so that equal positions never depend on the order in
// which the findings were produced (full and incremental validation must agree exactly).
import { columnIndex, type Finding, type Severity } from '../findings/findings';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.sheet ?? '', b.sheet ?? '') ||
    (a.row ?? 0) - (b.row ?? 0) ||
    columnIndex(a.column) - columnIndex(b.column) ||
    compareText(a.code, b.code) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareText(a.field ?? '', b.field ?? '') ||
    compareText(a.rowId ?? '', b.rowId ?? '') ||
    compareText(a.message, b.message)
  );
}

/** Code-point order: cheap, the same in every runtime and locale, and no ICU collator to start. */
export function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
