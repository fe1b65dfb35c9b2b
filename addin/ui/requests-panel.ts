// "Richieste di documentazione": the persons of the semester samples addressed to this partner,
// with deadline and status, a document upload per request and, during the contradictory step,
// the observations form. Text only through text nodes (dom.ts), every control keyboard-reachable.
import {
  awaitsObservations,
  currentDeadline,
  formatDeadline,
  isOverdue,
  REQUEST_DOCUMENT_KINDS,
  requestStatusLabel,
} from '../app/request-status';
import type { Sample, SampledPerson } from '../po/po-types';
import { h, replaceChildren } from './dom';

export interface SemesterRequests {
  semester: string;
  sample: Sample | null;
  error?: string;
}

export interface RequestActions {
  upload(semester: string, person: SampledPerson, file: File, kind: string): Promise<string>;
  observe(semester: string, person: SampledPerson, text: string): Promise<string>;
}

const SEMESTER_IT: Record<string, string> = { H1: 'primo semestre', H2: 'secondo semestre' };

export function renderRequestsPanel(
  root: HTMLElement,
  data: SemesterRequests[],
  today: string,
  notice: string | undefined,
  actions: RequestActions,
): void {
  replaceChildren(
    root,
    notice ? h('p', { role: 'status' }, notice) : null,
    ...data.map((entry) => renderSemester(entry, today, actions)),
  );
}

function renderSemester(entry: SemesterRequests, today: string, actions: RequestActions): HTMLElement {
  const [year, half] = entry.semester.split('-');
  const title = `${SEMESTER_IT[half] ?? half} ${year}`;
  const body = entry.error
    ? h('p', { className: 'error-text', role: 'alert' }, entry.error)
    : !entry.sample
      ? h('p', { className: 'hint' }, 'Nessun campione estratto')
      : entry.sample.selected.length === 0
        ? h('p', { className: 'hint' }, 'Nessuna richiesta per il tuo ente.')
        : h(
            'ul',
            { className: 'requests', 'data-testid': `requests-${entry.semester}` },
            ...entry.sample.selected.map((p) => renderRequest(entry.semester, p, today, actions)),
          );
  return h('div', { 'data-semester': entry.semester }, h('h3', {}, `Campione del ${title}`), body);
}

function renderRequest(semester: string, person: SampledPerson, today: string, actions: RequestActions): HTMLElement {
  const key = `${semester}-${person.rank ?? person.personId}`;
  const overdue = isOverdue(person, today);
  const status = h('p', { role: 'status' });
  const run = async (work: () => Promise<string>) => {
    status.textContent = 'Invio in corso…';
    try {
      status.textContent = await work();
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : 'Invio non riuscito.';
    }
  };
  // Same picker as the documents panel: an Italian label-button instead of the browser's own text.
  const file = h('input', {
    id: `req-file-${key}`,
    type: 'file',
    className: 'visually-hidden',
    accept: 'application/pdf,image/png,image/jpeg',
  });
  const chosen = h('span', { className: 'hint' }, 'Nessun file scelto');
  file.addEventListener('change', () => {
    chosen.textContent = file.files?.[0]?.name ?? 'Nessun file scelto';
  });
  const kind = h(
    'select',
    { id: `req-kind-${key}` },
    ...REQUEST_DOCUMENT_KINDS.map((k) => h('option', { value: k }, k)),
  );
  const upload = h(
    'button',
    {
      type: 'button',
      className: 'secondary small',
      onclick: () => {
        const chosen = file.files?.[0];
        if (!chosen) status.textContent = 'Scegli un file da inviare.';
        else void run(() => actions.upload(semester, person, chosen, kind.value));
      },
    },
    'Invia documenti',
  );
  return h(
    'li',
    { 'data-person': person.personId, 'data-overdue': overdue ? 'true' : null },
    h('p', {}, h('strong', {}, `${person.rank ?? '–'}. `), h('span', { className: 'mono' }, person.personId)),
    h(
      'p',
      { className: overdue ? 'error-text' : 'hint', 'data-testid': 'deadline' },
      `Scadenza: ${formatDeadline(currentDeadline(person))}`,
    ),
    h('p', { 'data-testid': 'request-status' }, `Stato: ${requestStatusLabel(person, today)}`),
    person.outcome?.reason ? h('p', { className: 'hint' }, `Motivazione: ${person.outcome.reason}`) : null,
    h(
      'p',
      { className: 'field' },
      h('span', { className: 'label' }, 'File (PDF, PNG, JPEG)'),
      h(
        'span',
        { className: 'file-pick' },
        h('label', { for: file.id, className: 'button secondary' }, 'Scegli un file…'),
        chosen,
      ),
      file,
    ),
    h('p', { className: 'field' }, h('label', { for: kind.id }, 'Tipo di documento'), kind),
    upload,
    awaitsObservations(person, today)
      ? observationsForm(key, (text) => run(() => actions.observe(semester, person, text)))
      : null,
    status,
  );
}

function observationsForm(key: string, send: (text: string) => Promise<void>): HTMLElement {
  const text = h('textarea', { id: `req-obs-${key}`, rows: 3 });
  return h(
    'div',
    {},
    h('p', { className: 'field' }, h('label', { for: text.id }, 'Osservazioni'), text),
    h(
      'button',
      {
        type: 'button',
        className: 'primary small',
        onclick: () => {
          const value = text.value.trim();
          // An empty text would be refused by the API (422): back to the field instead.
          if (value) void send(value);
          else text.focus();
        },
      },
      'Invia osservazioni',
    ),
  );
}
