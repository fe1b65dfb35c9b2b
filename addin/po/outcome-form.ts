// S5 outcome of one sampled person: ammesso / ammesso parzialmente (amount) / non ammesso (reason)
// / integrazioni richieste (deadline). The checks are a pure function so they are tested apart
// from the DOM; the server checks again.
import { formatAmount, parseAmount } from '../../shared/core/money';
import { h, replaceChildren, statusLine, uid } from './elements';
import { OUTCOME_LABELS, type OutcomeKind, type OutcomeRequest, type SampledPerson } from './po-types';

export interface OutcomeInput {
  outcome: OutcomeKind | '';
  amount: string;
  reason: string;
  deadline: string;
}

export type FieldError = { field: keyof OutcomeInput; message: string };

export function buildOutcomeRequest(
  input: OutcomeInput,
  today: string,
): { ok: true; request: OutcomeRequest } | { ok: false; errors: FieldError[] } {
  const reason = input.reason.trim();
  switch (input.outcome) {
    case '':
      return { ok: false, errors: [{ field: 'outcome', message: 'Scegliere un esito.' }] };
    case 'ammesso':
      // The API takes no reason with a full admission (its body is strict).
      return { ok: true, request: { outcome: 'ammesso' } };
    case 'ammesso_parzialmente': {
      const amount = parseAmount(input.amount);
      if (!amount.ok)
        return { ok: false, errors: [{ field: 'amount', message: 'Indicare l’importo ammesso (es. 1.234,56).' }] };
      if (amount.value.isZero())
        return {
          ok: false,
          errors: [{ field: 'amount', message: 'Un importo ammesso pari a zero è un «non ammesso».' }],
        };
      const value = formatAmount(amount.value);
      return {
        ok: true,
        request: reason
          ? { outcome: 'ammesso_parzialmente', amount: value, reason }
          : { outcome: 'ammesso_parzialmente', amount: value },
      };
    }
    case 'non_ammesso':
      if (!reason)
        return {
          ok: false,
          errors: [{ field: 'reason', message: 'La motivazione della non ammissione è obbligatoria.' }],
        };
      return { ok: true, request: { outcome: 'non_ammesso', reason } };
    case 'integrazioni_richieste':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deadline))
        return { ok: false, errors: [{ field: 'deadline', message: 'Indicare la scadenza per le integrazioni.' }] };
      if (input.deadline <= today)
        return { ok: false, errors: [{ field: 'deadline', message: 'La scadenza deve essere successiva a oggi.' }] };
      return {
        ok: true,
        request: reason
          ? { outcome: 'integrazioni_richieste', deadline: input.deadline, reason }
          : { outcome: 'integrazioni_richieste', deadline: input.deadline },
      };
  }
}

export interface OutcomeFormOptions {
  person: SampledPerson;
  today: string;
  onSubmit: (request: OutcomeRequest) => Promise<void>;
  onCancel: () => void;
}

/** The form, as a region labelled with the person; Escape cancels, focus starts on the first choice. */
export function outcomeForm(options: OutcomeFormOptions): HTMLElement {
  const name = uid('esito');
  const radios = (Object.keys(OUTCOME_LABELS) as OutcomeKind[]).map((kind) => {
    const id = uid('esito-opzione');
    const input = h('input', {
      type: 'radio',
      name,
      id,
      value: kind,
      checked: options.person.outcome?.outcome === kind,
    });
    return { kind, input, row: h('div', {}, input, ' ', h('label', { for: id }, OUTCOME_LABELS[kind])) };
  });
  const amountId = uid('importo');
  const reasonId = uid('motivazione');
  const deadlineId = uid('scadenza');
  const amount = h('input', { type: 'text', id: amountId, inputmode: 'decimal', autocomplete: 'off' });
  const reason = h('textarea', { id: reasonId });
  const deadline = h('input', { type: 'date', id: deadlineId, min: options.today });
  const amountField = h('div', { className: 'po-field' }, h('label', { for: amountId }, 'Importo ammesso (€)'), amount);
  const reasonField = h('div', { className: 'po-field' }, h('label', { for: reasonId }, 'Motivazione'), reason);
  const deadlineField = h(
    'div',
    { className: 'po-field' },
    h('label', { for: deadlineId }, 'Scadenza per le integrazioni'),
    deadline,
  );
  const messages = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', className: 'po-primary' }, 'Registra esito');
  const cancel = h('button', { type: 'button', onclick: () => options.onCancel() }, 'Annulla');

  const selected = (): OutcomeKind | '' => radios.find((r) => r.input.checked)?.kind ?? '';
  /** True between the first press on a final outcome and its confirmation. */
  let confirming = false;
  const refresh = () => {
    const kind = selected();
    if (confirming) {
      confirming = false;
      submit.textContent = 'Registra esito';
      replaceChildren(messages);
    }
    amountField.hidden = kind !== 'ammesso_parzialmente';
    deadlineField.hidden = kind !== 'integrazioni_richieste';
    reason.required = kind === 'non_ammesso';
  };
  radios.forEach((r) => r.input.addEventListener('change', refresh));
  refresh();

  const form = h(
    'form',
    { className: 'po-card', 'aria-label': `Esito per ${options.person.personId}`, novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, `Esito della verifica — ${options.person.personId}`),
      ...radios.map((r) => r.row),
    ),
    amountField,
    reasonField,
    deadlineField,
    messages,
    h('div', { className: 'po-toolbar' }, submit, cancel),
  );
  form.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') options.onCancel();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const built = buildOutcomeRequest(
      { outcome: selected(), amount: amount.value, reason: reason.value, deadline: deadline.value },
      options.today,
    );
    if (!built.ok) {
      replaceChildren(messages, ...built.errors.map((e) => statusLine('error', e.message)));
      const first = built.errors[0].field;
      (({ outcome: radios[0].input, amount, reason, deadline }) as Record<string, HTMLElement>)[first].focus();
      return;
    }
    // "Ammesso" is final at once (nothing to contest): one more explicit step before sending it.
    if (built.request.outcome === 'ammesso' && !confirming) {
      confirming = true;
      submit.textContent = 'Conferma esito definitivo';
      replaceChildren(
        messages,
        h(
          'p',
          { className: 'po-status po-status-info', role: 'status', 'data-testid': 'confirm-step' },
          `L’esito «Ammesso» per ${options.person.personId} è definitivo e non si potrà più cambiare: premi «Conferma esito definitivo» per registrarlo, o «Annulla».`,
        ),
      );
      submit.focus();
      return;
    }
    submit.disabled = true;
    replaceChildren(messages, statusLine('info', 'Registrazione in corso…'));
    options.onSubmit(built.request).then(
      () => undefined,
      (error: unknown) => {
        submit.disabled = false;
        replaceChildren(
          messages,
          statusLine('error', error instanceof Error ? error.message : 'Registrazione non riuscita.'),
        );
      },
    );
  });
  queueMicrotask(() => (radios.find((r) => r.input.checked) ?? radios[0]).input.focus());
  return form;
}
