// Counts by severity above the findings list.
import type { Finding } from '../../shared/findings/findings';
import { summarise } from '../../shared/findings/findings';
import { h, replaceChildren } from './dom';
import { SEVERITY_LABEL, count } from './labels';

export function renderSummary(target: HTMLElement, findings: readonly Finding[], rowCount: number): void {
  const s = summarise(findings);
  replaceChildren(
    target,
    h('p', { className: 'rows' }, `${count(rowCount, ['riga letta', 'righe lette'])}`),
    h(
      'ul',
      { className: 'summary', 'aria-label': 'Riepilogo per gravità' },
      h('li', { className: 'sev-error', 'data-severity': 'error' }, count(s.error, SEVERITY_LABEL.error)),
      h('li', { className: 'sev-warning', 'data-severity': 'warning' }, count(s.warning, SEVERITY_LABEL.warning)),
      h('li', { className: 'sev-info', 'data-severity': 'info' }, count(s.info, SEVERITY_LABEL.info)),
    ),
  );
}
