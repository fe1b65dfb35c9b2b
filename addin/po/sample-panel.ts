// One programme-semester sample: what was drawn (seed, method, population hash: enough for anyone
// to re-derive it with `rendiconta sample-verify`), the requests with their deadlines and the
// documents received, the outcomes and the partner's observations; a button draws it when the
// timer has not yet done so.
import { h, replaceChildren, statusLine, uid } from './elements';
import { outcomeForm } from './outcome-form';
import type { PoApi } from './po-api';
import { OUTCOME_LABELS, type Sample, type SampledPerson } from './po-types';

export interface SamplePanelOptions {
  api: PoApi;
  programme: string;
  semester: string;
  /** ISO date of today in Europe/Rome (deadlines must be after it). */
  today: string;
}

const STATUS_LABELS: Record<string, string> = {
  requested: 'documenti richiesti',
  documents_received: 'documenti ricevuti',
  integrazioni_richieste: 'integrazioni richieste',
  ammesso: 'esito registrato',
  ammesso_parzialmente: 'esito registrato',
  non_ammesso: 'esito registrato',
};

function statusText(person: SampledPerson): string {
  const base = STATUS_LABELS[person.status] ?? person.status;
  if (person.final) return `${base} (definitivo)`;
  if (person.contradictory) return `${base} — contraddittorio aperto`;
  return base;
}

/** The route parameter naming a person: the rank keeps tax codes out of URLs and logs. */
function personRef(person: SampledPerson): string {
  return person.rank !== undefined ? String(person.rank) : person.personId;
}

function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "0.1" → "10%" (the API sends the rate as a fraction). */
function rateText(rate: string): string {
  if (!/^\d+(\.\d+)?$/.test(rate)) return rate || '—';
  const [int, dec = ''] = (Number(rate) <= 1 ? String(Math.round(Number(rate) * 10000) / 100) : rate).split('.');
  return `${int}${dec ? `,${dec}` : ''}%`;
}

function outcomeText(person: SampledPerson): string {
  const o = person.outcome;
  if (!o) return 'da verificare';
  const parts = [OUTCOME_LABELS[o.outcome]];
  if (o.amount) parts.push(`€ ${o.amount}`);
  if (o.deadline) parts.push(`entro ${formatDate(o.deadline)}`);
  if (o.reason) parts.push(`— ${o.reason}`);
  return parts.join(' ');
}

function sampleFacts(sample: Sample): HTMLElement {
  const fact = (term: string, value: string, mono = false) => [
    h('dt', {}, term),
    h('dd', mono ? { className: 'po-mono' } : {}, value),
  ];
  const origin =
    sample.drawnBy === 'timer'
      ? 'estrazione automatica (timer giornaliero)'
      : sample.drawnBy
        ? 'estrazione manuale della PO'
        : sample.seedGenerated === true
          ? 'seme generato dal servizio'
          : sample.seedGenerated === false
            ? 'seme indicato dalla PO'
            : '—';
  return h(
    'dl',
    { className: 'po-facts', 'data-testid': 'sample-facts' },
    ...fact('Seme', sample.seed, true),
    ...fact('Metodo', sample.method === 'mus' ? 'proporzionale al costo (MUS)' : 'casuale semplice'),
    ...fact('Tasso', rateText(sample.rate)),
    ...fact('Popolazione', `${sample.population} persone`),
    ...fact('Estratti', `${sample.n}`),
    ...fact('Hash della popolazione', sample.populationHash, true),
    ...fact('Estratto il', `${formatDate(sample.drawnAt)} (${origin})`),
  );
}

export function samplePanel(options: SamplePanelOptions): { element: HTMLElement; refresh: () => Promise<void> } {
  const titleId = uid('campione');
  const body = h('div', {});
  const messages = h('div', { 'aria-live': 'polite' });
  const element = h(
    'section',
    { className: 'po-sample', 'aria-labelledby': titleId },
    h('h3', { id: titleId }, `Campione del personale — ${options.programme}, ${options.semester.replace('-', ' ')}`),
    messages,
    body,
  );

  const say = (kind: 'info' | 'error' | 'success', text: string) => replaceChildren(messages, statusLine(kind, text));

  function drawForm(): HTMLElement {
    const seedId = uid('seme');
    const methodId = uid('metodo');
    const seed = h('input', { type: 'text', id: seedId, autocomplete: 'off', 'aria-describedby': `${seedId}-hint` });
    const method = h(
      'select',
      { id: methodId },
      h('option', { value: 'simple' }, 'casuale semplice'),
      h('option', { value: 'mus' }, 'proporzionale al costo (MUS)'),
    );
    const button = h('button', { type: 'submit', className: 'po-primary' }, 'Estrai il campione');
    const form = h(
      'form',
      { className: 'po-card' },
      h(
        'p',
        {},
        'Campione non ancora estratto. Il timer lo estrae quando le finestre del semestre sono chiuse; si può estrarre ora.',
      ),
      h(
        'div',
        { className: 'po-field' },
        h('label', { for: seedId }, 'Seme (facoltativo)'),
        seed,
        h(
          'span',
          { id: `${seedId}-hint`, className: 'po-hint' },
          'Ad esempio un’estrazione pubblica del lotto; se vuoto lo genera il servizio. Non si potrà cambiare.',
        ),
      ),
      h('div', { className: 'po-field' }, h('label', { for: methodId }, 'Metodo'), method),
      h('div', { className: 'po-toolbar' }, button),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      button.disabled = true;
      say('info', 'Estrazione in corso…');
      const request = {
        method: method.value as 'simple' | 'mus',
        ...(seed.value.trim() ? { seed: seed.value.trim() } : {}),
      };
      options.api.drawSample(options.programme, options.semester, request).then(
        async () => {
          await refresh();
          say('success', 'Campione estratto. Le richieste di documentazione sono state inviate.');
        },
        (error: unknown) => {
          button.disabled = false;
          say('error', error instanceof Error ? error.message : 'Estrazione non riuscita.');
        },
      );
    });
    return form;
  }

  /** Runs one action of a row, then reloads the sample and says what happened. */
  async function act(action: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await action();
      await refresh();
      say('success', done);
    } catch (error) {
      say('error', error instanceof Error ? error.message : 'Operazione non riuscita.');
    }
  }

  function personCard(
    person: SampledPerson,
    openForm: (person: SampledPerson, card: HTMLElement) => void,
  ): HTMLElement {
    const ref = personRef(person);
    const docs = h('dd', {});
    if (person.documents.length) {
      docs.append(
        h(
          'ul',
          {},
          ...person.documents.map((d) =>
            h('li', {}, `${d.name ?? d.docId}${d.receivedAt ? ` (${formatDate(d.receivedAt)})` : ''}`),
          ),
        ),
      );
    }
    if (person.documentsReceivedOn) docs.append(`ricevuti il ${formatDate(person.documentsReceivedOn)}`);
    else if (!person.documents.length) docs.append('non ancora ricevuti');
    const observations = h(
      'dd',
      { 'data-testid': 'observations' },
      ...(person.observations.length
        ? person.observations.map((o) =>
            h(
              'div',
              { className: 'po-observation' },
              o.text,
              o.at ? h('span', { className: 'po-hint' }, ` — ${formatDate(o.at)}`) : null,
            ),
          )
        : [
            person.contradictory
              ? person.observationDeadline
                ? `attese entro il ${formatDate(person.observationDeadline)}`
                : 'attese dall’ATS'
              : '—',
          ]),
    );
    const actions = h('div', { className: 'po-toolbar' });
    const titleId = uid('persona');
    const card = h(
      'li',
      { className: 'po-card po-person', 'data-person': person.personId, 'aria-labelledby': titleId },
      h(
        'h4',
        { id: titleId, className: 'po-mono' },
        person.rank !== undefined ? `${person.rank}. ${person.personId}` : person.personId,
      ),
      h(
        'dl',
        { className: 'po-facts' },
        h('dt', {}, 'Stato'),
        h('dd', {}, statusText(person)),
        h('dt', {}, 'Scadenza documenti'),
        h('dd', {}, formatDate(person.requestDeadline)),
        h('dt', {}, 'Documenti'),
        docs,
        h('dt', {}, 'Esito'),
        h('dd', { 'data-testid': 'outcome' }, outcomeText(person)),
        h('dt', {}, 'Osservazioni ATS'),
        observations,
      ),
      actions,
    );
    if (!person.documentsReceivedOn && (person.status === 'requested' || person.status === 'integrazioni_richieste')) {
      const mark = h(
        'button',
        { type: 'button', 'aria-label': `Segna documenti ricevuti per ${person.personId}` },
        'Segna documenti ricevuti',
      );
      mark.addEventListener('click', () => {
        mark.disabled = true;
        void act(
          () => options.api.markDocumentsReceived(options.programme, options.semester, ref),
          `Documenti di ${person.personId} segnati come ricevuti.`,
        );
      });
      actions.append(mark);
    }
    if (person.final) {
      actions.append(h('span', { className: 'po-hint' }, 'Esito definitivo.'));
    } else if (person.contradictory) {
      const confirm = h(
        'button',
        { type: 'button', 'aria-label': `Conferma l’esito per ${person.personId}` },
        'Conferma esito',
      );
      confirm.addEventListener('click', () => {
        confirm.disabled = true;
        void act(
          () => options.api.confirmOutcome(options.programme, options.semester, ref),
          `Esito di ${person.personId} confermato: il contraddittorio è concluso.`,
        );
      });
      actions.append(confirm);
    } else {
      const button = h(
        'button',
        { type: 'button', className: 'po-primary', 'aria-label': `Registra esito per ${person.personId}` },
        'Registra esito',
      );
      button.addEventListener('click', () => openForm(person, card));
      actions.append(button);
    }
    return card;
  }

  function sampleView(sample: Sample): HTMLElement {
    const openForm = (person: SampledPerson, card: HTMLElement) => {
      const returnFocus = card.querySelector<HTMLButtonElement>('button[aria-label^="Registra esito"]');
      const slot = h('div', {});
      card.appendChild(slot);
      if (returnFocus) returnFocus.hidden = true;
      const close = () => {
        slot.remove();
        if (returnFocus) {
          returnFocus.hidden = false;
          returnFocus.focus();
        }
      };
      slot.appendChild(
        outcomeForm({
          person,
          today: options.today,
          onCancel: close,
          onSubmit: async (request) => {
            await options.api.recordOutcome(options.programme, options.semester, personRef(person), request);
            await refresh();
            say('success', `Esito registrato per ${person.personId}: ${OUTCOME_LABELS[request.outcome]}.`);
          },
        }),
      );
    };
    const list = h(
      'ul',
      {
        className: 'po-people',
        'data-testid': 'sample-list',
        'aria-label': `${sample.selected.length} persone estratte`,
      },
      ...sample.selected.map((p) => personCard(p, openForm)),
    );
    return h('div', {}, sampleFacts(sample), h('h4', {}, `Persone estratte (${sample.selected.length})`), list);
  }

  async function refresh(): Promise<void> {
    try {
      const sample = await options.api.getSample(options.programme, options.semester);
      replaceChildren(body, sample ? sampleView(sample) : drawForm());
    } catch (error) {
      say('error', error instanceof Error ? error.message : 'Campione non disponibile.');
    }
  }

  return { element, refresh };
}
