// Sending the report and what came back: version, accepted and rejected rows (with their
// findings), and submissions still waiting in the outbox.
import type { SubmissionAnswer } from '../api/client';
import type { OutboxEntry } from '../api/outbox';
import type { CarriedOverRow } from '../../shared/submission';
import { formatDateIt } from '../../shared/core/dates';
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

/** Where a sent row is in the workbook: by position in the body, as answer.rowIds names them. */
export interface SentRow {
  sheet?: string;
  row?: number;
}

export type AnswerOutcome = 'ok' | 'partial' | 'failed';

/** Green when every row landed, amber when some did not (or locked rows were kept), red when none did. */
export function answerOutcome(answer: SubmissionAnswer): AnswerOutcome {
  const rejected = answer.rejected.length;
  if (rejected === 0 && (answer.carriedOverRows ?? []).length === 0) return 'ok';
  return answer.accepted.length === 0 && rejected > 0 ? 'failed' : 'partial';
}

export function changesText(changes: SubmissionAnswer['changes'] | undefined, version: number): string | null {
  if (!changes) return null;
  if (version <= 1) return `Prima versione: ${count(changes.added, ['riga aggiunta', 'righe aggiunte'])}.`;
  if (changes.added + changes.changed + changes.removed === 0)
    return `Nessuna modifica rispetto alla versione precedente (${count(changes.unchanged, ['riga invariata', 'righe invariate'])}).`;
  return (
    `Rispetto alla versione precedente: ${count(changes.added, ['riga aggiunta', 'righe aggiunte'])}, ` +
    `${count(changes.changed, ['modificata', 'modificate'])}, ${count(changes.removed, ['eliminata', 'eliminate'])}, ` +
    `${count(changes.unchanged, ['invariata', 'invariate'])}.`
  );
}

function placeText(previous: { sheet: string | null; row: number | null; date: string | null }): string {
  const where = previous.sheet && previous.row ? `${previous.sheet}, riga ${previous.row}` : 'riga già inviata';
  return previous.date ? `${where} (data ${formatDateIt(previous.date)})` : where;
}

/** A locked row kept as it was (R24): a warning that says where it was and why, never "Respinta". */
export function carriedOverText(row: CarriedOverRow): string {
  const lock =
    row.window && row.lockDate
      ? `la finestra ${row.window} è chiusa dal ${formatDateIt(row.lockDate)}`
      : 'la finestra è chiusa';
  return row.reason === 'removed'
    ? `${placeText(row.previous)}: non è nel file, ma ${lock}; resta com’era nella versione precedente.`
    : `${placeText(row.previous)}: ${lock}; la modifica non è registrata e resta la versione precedente.`;
}

export function renderAnswer(target: HTMLElement, answer: SubmissionAnswer, sent: readonly SentRow[]): void {
  const places = new Map<string, string>();
  (answer.rowIds ?? []).forEach((rowId, i) => {
    const row = sent[i];
    if (row?.sheet && row.row && !places.has(rowId)) places.set(rowId, `${row.sheet}, riga ${row.row}`);
  });
  const where = (rowId: string) => places.get(rowId) ?? rowId;
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
  const carried = answer.carriedOverRows ?? [];
  const outcome = answerOutcome(answer);
  const changes = changesText(answer.changes, answer.version);
  const revisions = answer.changedRows ?? [];
  replaceChildren(
    target,
    h(
      'p',
      { className: `answer outcome-${outcome}`, role: 'status', 'data-outcome': outcome },
      `Versione ${answer.version} registrata: ${count(answer.accepted.length, ['riga accettata', 'righe accettate'])}, ` +
        `${count(answer.rejected.length, ['riga respinta', 'righe respinte'])}.`,
    ),
    changes ? h('p', { className: 'changes' }, changes) : null,
    revisions.length > 0
      ? h(
          'details',
          { className: 'changed-rows' },
          h('summary', {}, 'Righe modificate o eliminate rispetto alla versione precedente'),
          h(
            'ul',
            { 'aria-label': 'Righe modificate o eliminate' },
            ...revisions
              .slice(0, MAX_ROWS_SHOWN)
              .map((r) =>
                h(
                  'li',
                  { 'data-row-id': r.rowId, 'data-change': r.change },
                  h('span', { className: 'badge' }, r.change === 'changed' ? 'Modificata' : 'Eliminata'),
                  h('span', { className: 'where' }, `${r.change === 'changed' ? 'era ' : ''}${placeText(r.previous)}`),
                ),
              ),
          ),
        )
      : null,
    carried.length > 0
      ? h(
          'div',
          { className: 'carried-over', role: 'note' },
          h(
            'p',
            { className: 'sev-warning' },
            `Attenzione: ${count(carried.length, ['riga di una finestra chiusa è stata mantenuta com’era', 'righe di finestre chiuse sono state mantenute com’erano'])} (R24).`,
          ),
          h(
            'ul',
            { 'aria-label': 'Righe mantenute' },
            ...carried
              .slice(0, MAX_ROWS_SHOWN)
              .map((row) =>
                h(
                  'li',
                  { className: 'kept', 'data-row-id': row.rowId, 'data-status': 'kept' },
                  h('span', { className: 'badge' }, 'Mantenuta'),
                  h('span', { className: 'message' }, carriedOverText(row)),
                ),
              ),
          ),
        )
      : null,
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
