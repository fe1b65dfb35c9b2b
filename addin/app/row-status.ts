// What the add-in writes in its status column for one row: the worst severity and the codes,
// so the partner sees it in the sheet and the one conditional format can key on the first word.
import type { Finding } from '../../shared/findings/findings';
import { STATUS_ERROR, STATUS_OK, STATUS_WARNING } from '../port/workbook-port';

export function statusText(findings: readonly Finding[] | undefined): string {
  if (!findings || findings.length === 0) return STATUS_OK;
  const codes = [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.code))].join(', ');
  if (findings.some((f) => f.severity === 'error')) return `${STATUS_ERROR} (${codes})`;
  if (findings.some((f) => f.severity === 'warning')) return `${STATUS_WARNING} (${codes})`;
  return STATUS_OK;
}
