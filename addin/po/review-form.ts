// S6: the PO does not admit a single row that is not necessary or justifiable; the reason is
// required. The row is named by its submission and row id (both shown in the partner's report).
import { h, replaceChildren, statusLine, uid } from './elements';
import type { ReviewRequest } from './po-types';

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

export function reviewForm(onSubmit: (request: ReviewRequest) => Promise<void>): HTMLElement {
  const ids = { submissionId: uid('invio'), rowId: uid('riga'), reason: uid('motivo') };
  const inputs = {
    submissionId: h('input', { type: 'text', id: ids.submissionId, autocomplete: 'off' }),
    rowId: h('input', { type: 'text', id: ids.rowId, autocomplete: 'off' }),
    reason: h('textarea', { id: ids.reason, required: true }),
  };
  const messages = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', className: 'po-primary' }, 'Non ammettere la riga');
  const form = h(
    'form',
    { className: 'po-card', 'aria-labelledby': `${ids.reason}-title`, novalidate: true },
    h('h3', { id: `${ids.reason}-title` }, 'Non ammissione di una singola riga (S6)'),
    h(
      'p',
      { className: 'po-hint' },
      'Per una spesa non necessaria o non giustificabile. La riga resta nel rendiconto e viene esclusa dal calcolo.',
    ),
    h('div', { className: 'po-field' }, h('label', { for: ids.submissionId }, 'ID invio'), inputs.submissionId),
    h('div', { className: 'po-field' }, h('label', { for: ids.rowId }, 'ID riga'), inputs.rowId),
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
