// Progress of a long pass (reading blocks, validating, writing the status column).
import type { Progress } from '../app/report-session';

const PHASE: Record<Progress['phase'], string> = {
  lettura: 'Lettura dei fogli',
  verifica: 'Verifica delle righe',
  scrittura: 'Aggiornamento della colonna di esito',
};

export function renderProgress(bar: HTMLElement, label: HTMLElement, progress: Progress | null): void {
  const wrapper = bar.parentElement as HTMLElement;
  wrapper.hidden = progress === null;
  if (!progress) return;
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  bar.setAttribute('aria-valuenow', String(percent));
  bar.style.setProperty('--done', `${percent}%`);
  label.textContent = `${PHASE[progress.phase]}…`;
}
