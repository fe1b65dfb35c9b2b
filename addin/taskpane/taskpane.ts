// Entry point of the task pane. Inside Excel the pane works on the open workbook through
// OfficeWorkbook; without Office (office.js absent, or loaded outside a host) it starts in file
// mode and works on a dropped .xlsx.
import { DEFAULT_AGREEMENT_ID } from '../../shared/agreement/agreements';
import { agreementFromSearch } from '../app/agreement-choice';
import { PaneApp } from '../app/pane-app';
import { OfficeWorkbook } from '../office/office-workbook';
import { startPoModeIfPo } from '../po/pane-hook';
import { TokenProvider } from '../auth/token-provider';

/** office.js calls onReady within moments inside a host; outside one it may never call it. */
const OFFICE_WAIT_MS = 4000;

function excelHost(): Promise<boolean> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), OFFICE_WAIT_MS);
    void Office.onReady((info) => {
      clearTimeout(timer);
      resolve(info.host === Office.HostType.Excel);
    });
  });
}

/**
 * A served-from-loopback page may fix the reference day (?today=2026-10-20) so a demo or a test
 * does not depend on the calendar; a deployed pane always uses the real day.
 */
function referenceDay(): string | undefined {
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);
  const today = new URLSearchParams(window.location.search).get('today');
  return loopback && today && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : undefined;
}

async function main(): Promise<void> {
  const inExcel = await excelHost();
  if (inExcel && !Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    const warning = document.getElementById('pane-error');
    if (warning)
      warning.textContent =
        'Questa versione di Excel non supporta il componente (serve ExcelApi 1.9): puoi usare il file nel browser.';
  }
  const supported = inExcel && Office.context.requirements.isSetSupported('ExcelApi', '1.9');
  const today = referenceDay();
  const agreement = agreementFromSearch(window.location.search);
  // The header names the default agreement; another one must be visible before anything is sent.
  const title = document.getElementById('agreement-title');
  if (title && agreement.id !== DEFAULT_AGREEMENT_ID) title.textContent = agreement.title;
  // A token with the "po" role opens the PO mode (addin/po) instead of the partner's pane.
  if (
    await startPoModeIfPo({
      mode: supported ? 'office' : 'file',
      getToken: new TokenProvider(supported).getToken,
      root: document.querySelector('main') as HTMLElement,
      agreement,
      today,
    })
  )
    return void (document.body.dataset.ready = 'true');
  const app = supported
    ? new PaneApp({ mode: 'office', port: new OfficeWorkbook(), today, agreement })
    : new PaneApp({ mode: 'file', today, agreement });
  await app.start();
  document.body.dataset.ready = 'true';
}

void main();
