// S6: the PO does not admit a single row that is not necessary or justifiable; the reason is
// required. The row is named by its submission and row id (both shown in the partner's report).
import { euro } from '../ui/format-it';
import { h, replaceChildren, statusLine, uid } from './elements';
import type { ReviewRequest, RowSummary, SubmissionSummary } from './po-types';

export interface ReviewInput {
  submissionId: string;
  rowId: string;
  reason: string;
}

export function buildReviewRequest(
  input: ReviewInput,
): { ok: true; request: ReviewRequest } | { ok: false; errors: Array<{ field: keyof ReviewInput; message: string }> } {
  const errors: Array<{ field: keyof ReviewInput; message: string }> = [];
  const submissionId = input.submissionId.trim();
  const rowId = input.rowId.trim();
  const reason = input.reason.trim();
  if (!submissionId)
    errors.push({ field: 'submissionId', message: 'Indicare l’invio (ID invio) che contiene la riga.' });
  if (!rowId) errors.push({ field: 'rowId', message: 'Indicare l’ID della riga.' });
  if (!reason) errors.push({ field: 'reason', message: 'La motivazione della non ammissione è obbligatoria.' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, request: { submissionId, rowId, decision: 'non_ammesso', reason } };
}

/** Where the form finds the submissions and rows to suggest (the PO API). */
export interface ReviewSource {
  listSubmissions(): Promise<SubmissionSummary[]>;
  submissionRows(submissionId: string): Promise<RowSummary[]>;
}

function submissionLabel(s: SubmissionSummary): string {
  const rows = s.rowCount === undefined ? '' : `, ${s.rowCount} righe`;
  return `${s.partner} · ${s.programme} · ${s.year} · versione ${s.version}${rows}`;
}

function rowLabel(r: RowSummary): string {
  const place = r.sheet && r.row ? ` (${r.sheet} riga ${r.row})` : '';
  return `${r.category}${r.amount ? ` ${euro(r.amount)}` : ''}${place}`;
}

export function reviewForm(onSubmit: (request: ReviewRequest) => Promise<void>, source?: ReviewSource): HTMLElement {
  const ids = { submissionId: uid('invio'), rowId: uid('riga'), reason: uid('motivo') };
  const lists = { submissions: uid('invii-elenco'), rows: uid('righe-elenco') };
  const inputs = {
    submissionId: h('input', {
      type: 'text',
      id: ids.submissionId,
      autocomplete: 'off',
      list: source ? lists.submissions : undefined,
    }),
    rowId: h('input', { type: 'text', id: ids.rowId, autocomplete: 'off', list: source ? lists.rows : undefined }),
    reason: h('textarea', { id: ids.reason, required: true }),
  };
  const submissionOptions = h('datalist', { id: lists.submissions });
  const rowOptions = h('datalist', { id: lists.rows });
  const messages = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', className: 'po-primary' }, 'Non ammettere la riga');
  // Suggestions: the PO's submissions when the field is first used, the rows of the one chosen.
  let listed = false;
  inputs.submissionId.addEventListener('focus', () => {
    if (!source || listed) return;
    listed = true;
    source.listSubmissions().then(
      (all) =>
        replaceChildren(
          submissionOptions,
          ...all.map((s) => h('option', { value: s.submissionId }, submissionLabel(s))),
        ),
      () => (listed = false),
    );
  });
  inputs.submissionId.addEventListener('change', () => {
    const id = inputs.submissionId.value.trim();
    replaceChildren(rowOptions);
    if (!source || !id) return;
    source.submissionRows(id).then(
      (rows) => replaceChildren(rowOptions, ...rows.map((r) => h('option', { value: r.rowId }, rowLabel(r)))),
      () => undefined,
    );
  });
  const form = h(
    'form',
    { className: 'po-card', 'aria-labelledby': `${ids.reason}-title`, novalidate: true },
    h('h3', { id: `${ids.reason}-title` }, 'Non ammissione di una singola riga (S6)'),
    h(
      'p',
      { className: 'po-hint' },
      'Per una spesa non necessaria o non giustificabile. La riga resta nel rendiconto e viene esclusa dal calcolo.',
    ),
    h(
      'div',
      { className: 'po-field' },
      h('label', { for: ids.submissionId }, 'ID invio'),
      inputs.submissionId,
      submissionOptions,
    ),
    h('div', { className: 'po-field' }, h('label', { for: ids.rowId }, 'ID riga'), inputs.rowId, rowOptions),
    h('div', { className: 'po-field' }, h('label', { for: ids.reason }, 'Motivazione'), inputs.reason),
    messages,
    h('div', { className: 'po-toolbar' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const built = buildReviewRequest({
      submissionId: inputs.submissionId.value,
      rowId: inputs.rowId.value,
      reason: inputs.reason.value,
    });
    if (!built.ok) {
      replaceChildren(messages, ...built.errors.map((e) => statusLine('error', e.message)));
      inputs[built.errors[0].field].focus();
      return;
    }
    submit.disabled = true;
    onSubmit(built.request).then(
      () => {
        submit.disabled = false;
        inputs.rowId.value = '';
        inputs.reason.value = '';
        replaceChildren(
          messages,
          statusLine(
            'success',
            `Riga ${built.request.rowId} non ammessa. Aggiornare la riconciliazione per vederne l’effetto.`,
          ),
        );
      },
      (error: unknown) => {
        submit.disabled = false;
        replaceChildren(
          messages,
          statusLine('error', error instanceof Error ? error.message : 'Registrazione non riuscita.'),
        );
      },
    );
  });
  return form;
}
