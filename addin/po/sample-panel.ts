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
  richiesto: 'documenti richiesti',
  received: 'documenti ricevuti',
  ricevuto: 'documenti ricevuti',
  decided: 'esito registrato',
  pending_observations: 'in attesa di osservazioni',
};

function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
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
  const fact = (term: string, value: string, mono = false) => [h('dt', {}, term), h('dd', mono ? { className: 'po-mono' } : {}, value)];
  const origin = sample.drawnBy === 'timer' ? 'estrazione automatica (timer giornaliero)' : sample.drawnBy ? 'estrazione manuale della PO' : '—';
  return h(
    'dl',
    { className: 'po-facts', 'data-testid': 'sample-facts' },
    ...fact('Seme', sample.seed, true),
    ...fact('Metodo', sample.method === 'mus' ? 'proporzionale al costo (MUS)' : 'casuale semplice'),
    ...fact('Tasso', sample.rate ? `${sample.rate}` : '—'),
    ...fact('Popolazione', `${sample.population} persone`),
    ...fact('Estratti', `${sample.n}`),
    ...fact('Hash della popolazione', sample.populationHash, true),
    ...fact('Origine', `${origin}${sample.drawnAt ? `, ${formatDate(sample.drawnAt)}` : ''}`),
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
    const method = h('select', { id: methodId }, h('option', { value: 'simple' }, 'casuale semplice'), h('option', { value: 'mus' }, 'proporzionale al costo (MUS)'));
    const button = h('button', { type: 'submit', className: 'po-primary' }, 'Estrai il campione');
    const form = h(
      'form',
      { className: 'po-card' },
      h('p', {}, 'Campione non ancora estratto. Il timer lo estrae quando le finestre del semestre sono chiuse; si può estrarre ora.'),
      h('div', { className: 'po-field' }, h('label', { for: seedId }, 'Seme (facoltativo)'), seed,
        h('span', { id: `${seedId}-hint`, className: 'po-hint' }, 'Ad esempio un’estrazione pubblica del lotto; se vuoto lo genera il servizio. Non si potrà cambiare.')),
      h('div', { className: 'po-field' }, h('label', { for: methodId }, 'Metodo'), method),
      h('div', { className: 'po-toolbar' }, button),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      button.disabled = true;
      say('info', 'Estrazione in corso…');
      const request = { method: method.value as 'simple' | 'mus', ...(seed.value.trim() ? { seed: seed.value.trim() } : {}) };
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

  function personRow(person: SampledPerson, openForm: (person: SampledPerson, row: HTMLTableRowElement) => void): HTMLTableRowElement {
    const docs = person.documents.length
      ? h('ul', {}, ...person.documents.map((d) => h('li', {}, `${d.name ?? d.docId}${d.receivedAt ? ` (${formatDate(d.receivedAt)})` : ''}`)))
      : 'nessuno';
    const observations = person.observations.length
      ? h('div', {}, ...person.observations.map((o) => h('div', { className: 'po-observation' }, o.text, o.at ? h('span', { className: 'po-hint' }, ` — ${formatDate(o.at)}`) : null)))
      : person.outcome?.outcome === 'non_ammesso'
        ? h('span', { className: 'po-hint' }, person.observationDeadline ? `attese entro ${formatDate(person.observationDeadline)}` : 'attese dall’ATS')
        : '—';
    const row = h('tr', { 'data-person': person.personId },
      h('td', { className: 'po-mono' }, person.personId),
      h('td', {}, formatDate(person.requestDeadline)),
      h('td', {}, STATUS_LABELS[person.status] ?? person.status ?? ''),
      h('td', {}, docs),
      h('td', { 'data-testid': 'outcome' }, outcomeText(person)),
      h('td', {}, observations),
      h('td', {}),
    );
    const button = h('button', { type: 'button', 'aria-label': `Registra esito per ${person.personId}` }, person.outcome ? 'Modifica esito' : 'Registra esito');
    button.addEventListener('click', () => openForm(person, row));
    row.lastElementChild!.appendChild(button);
    return row;
  }

  function sampleView(sample: Sample): HTMLElement {
    const formSlot = h('div', {});
    const openForm = (person: SampledPerson, row: HTMLTableRowElement) => {
      const returnFocus = row.querySelector('button');
      const close = () => {
        replaceChildren(formSlot);
        returnFocus?.focus();
      };
      replaceChildren(
        formSlot,
        outcomeForm({
          person,
          today: options.today,
          onCancel: close,
          onSubmit: async (request) => {
            await options.api.recordOutcome(options.programme, options.semester, person.personId, request);
            await refresh();
            say('success', `Esito registrato per ${person.personId}: ${OUTCOME_LABELS[request.outcome]}.`);
          },
        }),
      );
    };
    const table = h(
      'table',
      { className: 'po-table', 'data-testid': 'sample-table' },
      h('caption', { className: 'po-hint' }, `${sample.selected.length} persone estratte`),
      h('thead', {}, h('tr', {}, ...['Persona', 'Scadenza documenti', 'Stato', 'Documenti ricevuti', 'Esito', 'Osservazioni ATS', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...sample.selected.map((p) => personRow(p, openForm))),
    );
    return h('div', {}, sampleFacts(sample), table, formSlot);
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
