// How findings leave the CLI: Italian text lines for people, JSON of the documented shape for tools.
import type { Finding, FindingSummary, Severity } from '../shared/findings/findings';

/** Exactly the keys ARCHITECTURE.md documents for the CLI's JSON (no rowId, no params). */
export interface CliFinding {
  code: string;
  severity: Severity;
  sheet: string | null;
  row: number | null;
  column: string | null;
  field: string | null;
  message: string;
}

export interface CliReport {
  findings: CliFinding[];
  summary: FindingSummary;
}

export function cliFinding(f: Finding): CliFinding {
  return {
    code: f.code,
    severity: f.severity,
    sheet: f.sheet ?? null,
    row: f.row ?? null,
    column: f.column ?? null,
    field: f.field ?? null,
    message: f.message,
  };
}

const SEVERITY_IT: Record<Severity, string> = { error: 'errore', warning: 'avviso', info: 'info' };

/** "Personale!H5", "Personale!5:5" for a whole row, "Personale" for a sheet, "Rendiconto" for the report. */
export function locationLabel(f: Pick<Finding, 'sheet' | 'row' | 'column'>): string {
  if (!f.sheet) return 'Rendiconto';
  if (f.row === null) return f.sheet;
  return f.column ? `${f.sheet}!${f.column}${f.row}` : `${f.sheet}!${f.row}:${f.row}`;
}

export function findingLine(f: Finding): string {
  return `${locationLabel(f)} [${f.code}] ${SEVERITY_IT[f.severity]}: ${f.message}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summaryLine(summary: FindingSummary): string {
  return (
    `Totale: ${plural(summary.error, 'errore', 'errori')}, ${plural(summary.warning, 'avviso', 'avvisi')}, ` +
    `${plural(summary.info, 'informazione', 'informazioni')}.`
  );
}

export function formatText(findings: readonly Finding[], summary: FindingSummary): string {
  return [...findings.map(findingLine), summaryLine(summary)].join('\n') + '\n';
}

export function formatJson(findings: readonly Finding[], summary: FindingSummary): string {
  const report: CliReport = { findings: findings.map(cliFinding), summary };
  return JSON.stringify(report, null, 2) + '\n';
}
