// Sending the report and what came back: version, accepted and rejected rows (with their
// findings), and submissions still waiting in the outbox.
import type { SubmissionAnswer } from '../api/client';
import type { OutboxEntry } from '../api/outbox';
import type { RowInput } from '../../shared/rows/rows';
import { h, replaceChildren } from './dom';
import { count } from './labels';

const MAX_ROWS_SHOWN = 200;

export interface SubmitView {
  rows: number;
  rowsWithErrors: number;
  programme: string;
  year: number;
  canSubmit: boolean;
  reason: string | null;
}

export function renderSubmitIntro(target: HTMLElement, button: HTMLButtonElement, view: SubmitView): void {
  button.disabled = !view.canSubmit;
  button.textContent = `Invia il rendiconto ${view.programme} – ${view.year}`;
  const text =
    view.reason ??
    `${count(view.rows, ['riga', 'righe'])} da inviare` +
      (view.rowsWithErrors > 0
        ? `; ${count(view.rowsWithErrors, ['riga con errori sarà respinta', 'righe con errori saranno respinte'])}.`
        : '.');
  target.textContent = text;
}

export function renderAnswer(
  target: HTMLElement,
  answer: SubmissionAnswer,
  rowAt: (rowId: string) => RowInput | undefined,
): void {
  const where = (rowId: string) => {
    const row = rowAt(rowId);
    return row?.sheet && row.row ? `${row.sheet}, riga ${row.row}` : rowId;
  };
  const statuses = [
    ...answer.rejected.map((r) => ({
      rowId: r.rowId,
      ok: false,
      detail: r.findings
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.code} ${f.message}`)
        .join(' · '),
    })),
    ...answer.accepted.map((rowId) => ({ rowId, ok: true, detail: '' })),
  ];
  replaceChildren(
    target,
    h(
      'p',
      { className: 'answer', role: 'status' },
      `Versione ${answer.version} registrata: ${count(answer.accepted.length, ['riga accettata', 'righe accettate'])}, ` +
        `${count(answer.rejected.length, ['riga respinta', 'righe respinte'])}.`,
    ),
    h(
      'ul',
      { className: 'row-statuses', 'aria-label': 'Esito per riga' },
      ...statuses.slice(0, MAX_ROWS_SHOWN).map((s) =>
        h(
          'li',
          {
            className: s.ok ? 'accepted' : 'rejected',
            'data-row-id': s.rowId,
            'data-status': s.ok ? 'accepted' : 'rejected',
          },
          h('span', { className: 'badge' }, s.ok ? 'Accettata' : 'Respinta'),
          h('span', { className: 'where' }, where(s.rowId)),
          s.detail ? h('span', { className: 'message' }, s.detail) : null,
        ),
      ),
      statuses.length > MAX_ROWS_SHOWN
        ? h('li', { className: 'more' }, `… e altre ${statuses.length - MAX_ROWS_SHOWN}.`)
        : null,
    ),
  );
}

export function renderError(target: HTMLElement, message: string): void {
  replaceChildren(target, h('p', { className: 'error-text', role: 'alert' }, message));
}

export function renderOutbox(target: HTMLElement, entries: readonly OutboxEntry[], onRetry: () => void): void {
  if (entries.length === 0) {
    replaceChildren(target);
    return;
  }
  const last = entries[entries.length - 1];
  replaceChildren(
    target,
    h(
      'p',
      { role: 'status' },
      `${count(entries.length, ['invio in attesa', 'invii in attesa'])}: ${last.lastError ?? 'in corso…'} `,
    ),
    h('button', { type: 'button', className: 'secondary', onclick: onRetry }, 'Riprova ora'),
  );
}
