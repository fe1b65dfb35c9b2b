// One programme-semester sample: what was drawn (seed, method, population hash: enough for anyone
// to re-derive it with `rendiconta sample-verify`), the requests with their deadlines and the
// documents received, the outcomes and the partner's observations; a button draws it when the
// timer has not yet done so.
import { h, replaceChildren, statusLine, uid } from './elements';
import { outcomeForm } from './outcome-form';
import type { PoApi } from './po-api';
import { OUTCOME_LABELS, type Sample, type SampledPerson } from './po-types';
import { day, euro, rateAsPercent } from '../ui/format-it';

export interface SamplePanelOptions {
  api: PoApi;
  programme: string;
  semester: string;
  /** ISO date of today in Europe/Rome (deadlines must be after it). */
  today: string;
  /** Whether the semester can be drawn today (its windows are locked) and the day they lock. */
  semesterState?: { due: boolean; lockDate: string | null };
  /** Downloads the frozen population list (text, one id per line: the bytes of the hash). */
  downloadPopulation?: () => Promise<string>;
  /** Entity names by id, for the cards. */
  partnerNames?: Readonly<Record<string, string>>;
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

const formatDate = day;

function outcomeText(person: SampledPerson): string {
  const o = person.outcome;
  if (!o) return 'da verificare';
  const parts = [OUTCOME_LABELS[o.outcome]];
  if (o.amount) parts.push(euro(o.amount));
  if (o.deadline) parts.push(`entro ${formatDate(o.deadline)}`);
  if (o.reason) parts.push(`— ${o.reason}`);
  return parts.join(' ');
}

function sampleFacts(sample: Sample, options: SamplePanelOptions): HTMLElement {
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
    ...fact('Tasso', rateAsPercent(sample.rate)),
    ...fact('Popolazione', `${sample.population} persone`),
    ...fact('Estratti', `${sample.n}`),
    h('dt', {}, 'Hash della popolazione'),
    h(
      'dd',
      {},
      h('span', { className: 'po-mono' }, sample.populationHash),
      options.downloadPopulation ? populationButton(sample, options.downloadPopulation) : null,
    ),
    ...fact('Estratto il', `${formatDate(sample.drawnAt)} (${origin})`),
  );
}

/**
 * "Scarica la popolazione": the frozen list as a text file, so anyone can run
 * `rendiconta sample-verify --population <file> --seed <seed> …` and get the same draw.
 */
function populationButton(sample: Sample, download: () => Promise<string>): HTMLElement {
  const status = h('span', { className: 'po-hint', role: 'status' });
  const button = h('button', { type: 'button', 'data-testid': 'population-download' }, 'Scarica la popolazione (.txt)');
  button.addEventListener('click', () => {
    button.disabled = true;
    download().then(
      (name) => {
        button.disabled = false;
        status.textContent = ` Scaricato «${name}»: verificalo con rendiconta sample-verify.`;
      },
      (error: unknown) => {
        button.disabled = false;
        status.textContent = ` ${error instanceof Error ? error.message : 'Popolazione non disponibile.'}`;
      },
    );
  });
  return h('div', { className: 'po-toolbar' }, button, status);
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

  /** One message per semester state: not yet due (no form), due (the form), or unknown. */
  function notDrawn(): HTMLElement {
    const state = options.semesterState;
    const semester = options.semester.replace('-', ' ');
    if (state && !state.due) {
      return h(
        'div',
        { className: 'po-card', 'data-testid': 'semester-state', 'data-state': 'not-due' },
        h(
          'p',
          {},
          `Il semestre ${semester} non si può ancora estrarre: le finestre che lo coprono chiudono il ${formatDate(state.lockDate ?? undefined)}; ` +
            'il timer estrarrà il campione il giorno successivo, e da allora lo si può estrarre anche qui.',
        ),
      );
    }
    return drawForm(state ? 'due' : 'unknown');
  }

  function drawForm(state: 'due' | 'unknown'): HTMLElement {
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
      { className: 'po-card', 'data-testid': 'semester-state', 'data-state': state },
      h(
        'p',
        {},
        state === 'due'
          ? 'Campione non ancora estratto: le finestre del semestre sono chiuse, si può estrarre ora (altrimenti lo estrae il timer giornaliero).'
          : 'Campione non ancora estratto: il timer lo estrae quando le finestre del semestre sono chiuse.',
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
            h(
              'li',
              {},
              `${d.name ?? d.docId}${d.kind ? ` — ${d.kind.replace(/_/g, ' ')}` : ''}${d.receivedAt ? ` (${formatDate(d.receivedAt)})` : ''}`,
            ),
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
        ...(person.partners
          ? [
              h('dt', {}, person.partners.length > 1 ? 'Enti' : 'Ente'),
              h(
                'dd',
                { 'data-testid': 'partners' },
                person.partners.map((p) => options.partnerNames?.[p] ?? p).join(', ') || '—',
              ),
            ]
          : []),
        ...(person.reportedCost !== undefined
          ? [h('dt', {}, 'Costo rendicontato'), h('dd', { 'data-testid': 'reported-cost' }, euro(person.reportedCost))]
          : []),
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
        { type: 'button', 'aria-label': `Conferma esito per ${person.personId}` },
        'Conferma esito',
      );
      // Two steps: the first click only asks; the outcome becomes final on the explicit confirmation.
      confirm.addEventListener('click', () => {
        confirm.hidden = true;
        const label = person.outcome ? OUTCOME_LABELS[person.outcome.outcome] : 'registrato';
        const questionId = uid('conferma');
        const yes = h('button', { type: 'button', className: 'po-primary' }, 'Sì, conferma definitivamente');
        const no = h('button', { type: 'button' }, 'Annulla');
        const step = h(
          'div',
          { role: 'group', 'aria-labelledby': questionId, className: 'po-confirm', 'data-testid': 'confirm-step' },
          h(
            'p',
            { id: questionId },
            `Confermi l’esito «${label}» per ${person.personId}? Dopo la conferma il contraddittorio è chiuso e l’esito non si può più cambiare.`,
          ),
          h('div', { className: 'po-toolbar' }, yes, no),
        );
        no.addEventListener('click', () => {
          step.remove();
          confirm.hidden = false;
          confirm.focus();
        });
        yes.addEventListener('click', () => {
          yes.disabled = true;
          no.disabled = true;
          void act(
            () => options.api.confirmOutcome(options.programme, options.semester, ref),
            `Esito di ${person.personId} confermato: il contraddittorio è concluso.`,
          );
        });
        actions.append(step);
        yes.focus();
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
    return h(
      'div',
      {},
      sampleFacts(sample, options),
      h('h4', {}, `Persone estratte (${sample.selected.length})`),
      list,
    );
  }

  async function refresh(): Promise<void> {
    try {
      const sample = await options.api.getSample(options.programme, options.semester);
      replaceChildren(body, sample ? sampleView(sample) : notDrawn());
    } catch (error) {
      say('error', error instanceof Error ? error.message : 'Campione non disponibile.');
    }
  }

  return { element, refresh };
}
