// "Scarica le segnalazioni (.csv)": the findings handed to the browser as a file download.
import type { Finding } from '../../shared/findings/findings';
import { findingsCsv, findingsFileName } from '../app/findings-csv';

export function downloadFindings(findings: readonly Finding[], workbookName: string): void {
  const url = URL.createObjectURL(new Blob([findingsCsv(findings)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = findingsFileName(workbookName);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download starts asynchronously from the URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
