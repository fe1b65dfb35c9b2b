// The findings list: a listbox with one focusable option per finding; click, Enter or Space
// selects its cell, arrow keys move between options. Each option's accessible name is its own
// visible text (severity word, code, place, message), so voice control users can say what they see.
import type { Finding, Severity } from '../../shared/findings/findings';
import { h, replaceChildren } from './dom';
import { count } from './labels';

const MAX_ITEMS = 500;
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_WORD: Record<Severity, string> = { error: 'Errore', warning: 'Avviso', info: 'Info' };

export function renderFindings(
  list: HTMLElement,
  findings: readonly Finding[],
  onSelect: (finding: Finding) => void,
): void {
  const ordered = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const shown = ordered.slice(0, MAX_ITEMS);
  const items = shown.map((finding) => {
    const where = finding.sheet
      ? `${finding.sheet}${finding.row ? ` · ${finding.column ?? ''}${finding.row}` : ''}`
      : 'Intero rendiconto';
    const select = () => onSelect(finding);
    return h(
      'li',
      {
        className: `finding sev-${finding.severity}`,
        tabindex: 0,
        role: 'option',
        'data-code': finding.code,
        'data-cell': finding.sheet && finding.row ? `${finding.sheet}!${finding.column ?? 'A'}${finding.row}` : null,
        onclick: select,
        onkeydown: (event: Event) => onKey(event as KeyboardEvent, select),
      },
      h(
        'span',
        { className: 'badge' },
        h('span', { className: 'visually-hidden' }, `${SEVERITY_WORD[finding.severity]} `),
        finding.code,
      ),
      h('span', { className: 'where' }, where),
      h('span', { className: 'message' }, finding.message),
    );
  });
  if (findings.length === 0)
    items.push(
      h(
        'li',
        { className: 'empty', role: 'option', 'aria-disabled': 'true' },
        'Nessuna segnalazione: il rendiconto è in ordine.',
      ),
    );
  if (findings.length > MAX_ITEMS) {
    items.push(
      h(
        'li',
        { className: 'more', role: 'option', 'aria-disabled': 'true' },
        `… e ${count(findings.length - MAX_ITEMS, ['altra segnalazione', 'altre segnalazioni'])}.`,
      ),
    );
  }
  replaceChildren(list, ...items);
}

function onKey(event: KeyboardEvent, select: () => void): void {
  const item = event.currentTarget as HTMLElement;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    select();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = (
      event.key === 'ArrowDown' ? item.nextElementSibling : item.previousElementSibling
    ) as HTMLElement | null;
    next?.focus();
  }
}
