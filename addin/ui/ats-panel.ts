// The ATS lead partner's section (DOMAIN.md §11): per programme each member's last version (day,
// rows, errors, warnings, co-financing share) and the ATS-wide R20 position. Counts and amounts
// only: the API sends no personal data of other members, and nothing here asks for it.
import type { AtsStatusAnswer } from '../../shared/contract';
import { h, replaceChildren } from './dom';
import { day, euro, percent } from './format-it';

const R20_TEXT: Record<string, string> = {
  ok: 'rispettato',
  warning: 'attenzione: sotto il minimo (anno in corso)',
  error: 'non rispettato',
};

export function renderAtsStatus(
  target: HTMLElement,
  answer: AtsStatusAnswer,
  downloadPopulation?: (programme: string, semester: string) => Promise<string>,
): void {
  const ats = answer.ats;
  const r20 = h(
    'div',
    { className: `ats-r20 r20-${ats.r20}`, 'data-testid': 'ats-r20', 'data-r20': ats.r20 },
    h('h3', {}, `R20 per l’intera ATS — ${answer.year}`),
    h(
      'dl',
      { className: 'facts' },
      h('dt', {}, 'Cofinanziamento ammesso'),
      h('dd', {}, euro(ats.cofinancing)),
      h('dt', {}, 'Contributo dovuto'),
      h('dd', {}, euro(ats.due)),
      h('dt', {}, 'Quota di cofinanziamento'),
      h('dd', {}, `${percent(ats.cofinancingShare)} (minimo ${percent(ats.minimumShare)})`),
      h('dt', {}, 'Esito R20'),
      h('dd', {}, R20_TEXT[ats.r20] ?? ats.r20),
    ),
  );
  const programmes = answer.programmes.map((p) => {
    const captionId = `ats-${p.programme}`;
    const table = p.members.length
      ? h(
          'table',
          { className: 'ats-table', 'aria-labelledby': captionId },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['Ente', 'Versione', 'Data', 'Righe', 'Errori', 'Avvisi', 'Cofin. / contributo'].map((t) =>
                h('th', { scope: 'col' }, t),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            ...p.members.map((m) =>
              h(
                'tr',
                { 'data-partner': m.partner },
                h('th', { scope: 'row' }, m.name),
                h('td', { className: 'num' }, String(m.version)),
                h('td', {}, day(m.submittedOn)),
                h('td', { className: 'num' }, String(m.rows)),
                h('td', { className: 'num' }, String(m.errors)),
                h('td', { className: 'num' }, String(m.warnings)),
                h('td', { className: 'num' }, percent(m.cofinancingShare)),
              ),
            ),
          ),
        )
      : h('p', { className: 'hint' }, 'Nessun ente ha ancora inviato un rendiconto per questo programma.');
    return h(
      'section',
      { className: 'ats-programme', 'data-programme': p.programme, 'aria-labelledby': captionId },
      h('h3', { id: captionId }, `${p.programme} – ${p.title}`),
      table,
      p.members.length && p.membersWithoutReport
        ? h('p', { className: 'hint' }, `${p.membersWithoutReport} enti senza rendiconto in questo programma.`)
        : null,
      ...(p.samples ?? []).map((sample) => populationRow(p.programme, sample, downloadPopulation)),
    );
  });
  replaceChildren(
    target,
    h(
      'p',
      { className: 'hint' },
      `Situazione al ${day(answer.asOf)}: ultima versione di ogni ente, senza dati personali.`,
    ),
    r20,
    ...programmes,
  );
}

/** A drawn sample of the programme: its hash and the download of the frozen list (S3). */
function populationRow(
  programme: string,
  sample: { semester: string; population: number; populationHash: string },
  download?: (programme: string, semester: string) => Promise<string>,
): HTMLElement {
  const status = h('span', { className: 'hint', role: 'status' });
  const button = download
    ? h(
        'button',
        {
          type: 'button',
          className: 'secondary small',
          'data-testid': `ats-population-${programme}-${sample.semester}`,
          onclick: () => {
            download(programme, sample.semester).then(
              (name) => (status.textContent = ` Scaricato «${name}».`),
              (error: unknown) =>
                (status.textContent = ` ${error instanceof Error ? error.message : 'Popolazione non disponibile.'}`),
            );
          },
        },
        `Scarica la popolazione ${sample.semester.replace('-', ' ')}`,
      )
    : null;
  return h(
    'p',
    { className: 'ats-sample' },
    `Campione ${sample.semester.replace('-', ' ')}: popolazione di ${sample.population} persone, hash `,
    h('span', { className: 'mono' }, sample.populationHash),
    ' ',
    button,
    status,
  );
}
