// The one call the pane's shell makes: when the token says "po", the PO mode takes the pane.
// Everything environment-specific (Office or file mode, today's date, downloads) is decided here
// so mount.ts stays testable.
import type { Agreement } from '../../shared/agreement/agreement';
import { DEFAULT_AGREEMENT_ID, getAgreement } from '../../shared/agreement/agreements';
import { romeDate } from '../../shared/core/dates';
import { layoutToXlsx } from '../../formats/xlsx/reconciliation-workbook';
import { writeReconciliationToExcel } from '../office/reconciliation-writer';
import { mountPoMode, type PoMount } from './mount';
import { isPoToken } from './po-claims';
import { isSemesterDue, semesterLockDate } from '../../shared/sample/sampling';

export interface PaneHookOptions {
  mode: 'office' | 'file';
  getToken: () => Promise<string | null>;
  /** Where the PO mode renders (the pane's <main>); its content is replaced. */
  root: HTMLElement;
  agreement?: Agreement;
  apiBaseUrl?: string;
  /** Reference day fixed by the shell (loopback demos and tests); default today in Rome. */
  today?: string;
}

/** Offers bytes or text as a file download (file mode and JSON export). */
export function browserDownload(fileName: string, data: Uint8Array | string, mime: string): void {
  const blob = new Blob([typeof data === 'string' ? data : (data as BlobPart)], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Mounts the PO mode when the current token has the "po" role; returns null otherwise. */
export async function startPoModeIfPo(options: PaneHookOptions): Promise<PoMount | null> {
  const token = await options.getToken().catch(() => null);
  if (!isPoToken(token)) return null;
  const agreement = options.agreement ?? (getAgreement(DEFAULT_AGREEMENT_ID) as Agreement);
  document.body.dataset.role = 'po';
  // The shell's mode badge, when the page has one, says who is working and where.
  const badge = document.getElementById('mode-badge');
  if (badge) badge.textContent = options.mode === 'office' ? 'PO · In Excel' : 'PO · File nel browser';
  return mountPoMode(options.root, {
    agreement: agreement.id,
    getToken: options.getToken,
    apiBaseUrl: options.apiBaseUrl,
    today: options.today ?? romeDate(new Date()),
    years: { first: Math.min(...agreement.years), last: Math.max(...agreement.years) },
    windows: agreement.windows,
    programmeTitles: Object.fromEntries(agreement.programmes.map((p) => [p.id, p.title])),
    writeSheet: options.mode === 'office' ? writeReconciliationToExcel : undefined,
    // Inside Excel the sheet is the export, and an add-in's web view may refuse downloads.
    buildXlsx: options.mode === 'file' ? async (layout) => layoutToXlsx(layout) : undefined,
    download: options.mode === 'file' ? browserDownload : undefined,
    semesterState: (semester) => ({
      due: isSemesterDue(agreement, semester, options.today ?? romeDate(new Date())),
      lockDate: semesterLockDate(agreement, semester),
    }),
    partnerNames: Object.fromEntries(agreement.partners.map((p) => [p.id, p.name])),
  });
}
