// PO mode of the task pane. The shell (addin/taskpane) calls mountPoMode when the token's roles
// include "po"; everything the PO sees lives under `root`.
import { h, replaceChildren, uid } from './elements';
import { apiBaseUrl } from '../api/api-base';
import { createPoApi, type FetchLike, type PoApi } from './po-api';
import { defaultSemester, readPoClaims, semesters } from './po-claims';
import { installPoStyles } from './po-styles';
import { reconciliationPanel } from './reconciliation-panel';
import type { Agreement } from '../../shared/agreement/agreement';
import type { SheetLayout } from '../../shared/reconciliation/sheet-layout';
import { reviewForm } from './review-form';
import { samplePanel } from './sample-panel';

export interface PoDeps {
  agreement: string;
  /** Token source of the pane (dev token or nested app authentication). */
  getToken: () => Promise<string | null>;
  /** API base; default the build's (../api/api-base: "/api" when the pane and the Functions share the origin). */
  apiBaseUrl?: string;
  fetch?: FetchLike;
  /** Replaces the client (tests). */
  api?: PoApi;
  /** Today in Europe/Rome, ISO (the clock is the shell's). */
  today: string;
  /** Agreement years, for the semester list (default 2026–2028). */
  years?: { first: number; last: number };
  /** The agreement's reporting windows: their locks choose the semester shown first (default: the shipped agreement's). */
  windows?: Agreement['windows'];
  programmeTitles?: Readonly<Record<string, string>>;
  /** Present inside Excel: writes the `Riconciliazione` sheet. */
  writeSheet?: (layout: SheetLayout) => Promise<unknown>;
  buildXlsx?: (layout: SheetLayout) => Promise<Uint8Array>;
  download?: (fileName: string, bytes: Uint8Array | string, mime: string) => void;
  /** Whether a semester can be drawn today and when its windows lock (from the agreement). */
  semesterState?: (semester: string) => { due: boolean; lockDate: string | null };
  /** Entity names by id (sample cards). */
  partnerNames?: Readonly<Record<string, string>>;
}

export interface PoMount {
  unmount(): void;
}

type TabId = 'campione' | 'righe' | 'riconciliazione';

export async function mountPoMode(root: HTMLElement, deps: PoDeps): Promise<PoMount> {
  installPoStyles(root.ownerDocument);
  const token = await deps.getToken();
  const claims = readPoClaims(token, deps.agreement);
  const programmes = claims?.programmes ?? [];
  const api =
    deps.api ??
    createPoApi({
      baseUrl: deps.apiBaseUrl ?? apiBaseUrl(),
      agreement: deps.agreement,
      getToken: async () => (await deps.getToken()) ?? '',
      fetch: deps.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    });

  const container = h('div', { className: 'po-root', 'data-mode': 'po' });
  replaceChildren(root, container);
  if (programmes.length === 0) {
    replaceChildren(
      container,
      h('h2', {}, 'Verifica della PO'),
      h(
        'p',
        { role: 'alert' },
        `Il profilo PO non ha programmi assegnati nell’accordo ${deps.agreement}: chiedere all’amministratore di associarli.`,
      ),
    );
    return { unmount: () => replaceChildren(root) };
  }

  const title = (p: string) => (deps.programmeTitles?.[p] ? `${p} — ${deps.programmeTitles[p]}` : p);
  const programmeId = uid('po-programma');
  const semesterId = uid('po-semestre');
  const years = deps.years ?? { first: 2026, last: 2028 };
  const programmeSelect = h(
    'select',
    { id: programmeId },
    ...programmes.map((p) => h('option', { value: p }, title(p))),
  );
  const semesterSelect = h(
    'select',
    { id: semesterId },
    ...semesters(years.first, years.last).map((s) => h('option', { value: s }, s.replace('-', ' '))),
  );
  semesterSelect.value = defaultSemester(deps.today, deps.windows ? { windows: deps.windows } : undefined);
  if (!semesterSelect.value) semesterSelect.selectedIndex = 0;

  const sampleSlot = h('div', {});
  const loadSample = () => {
    const programme = programmeSelect.value;
    const semester = semesterSelect.value;
    const download = deps.download;
    const panel = samplePanel({
      api,
      programme,
      semester,
      today: deps.today,
      semesterState: deps.semesterState?.(semester),
      partnerNames: deps.partnerNames,
      downloadPopulation: download
        ? async () => {
            const file = await api.samplePopulation(programme, semester);
            download(file.fileName, file.bytes, 'text/plain;charset=utf-8');
            return file.fileName;
          }
        : undefined,
    });
    replaceChildren(sampleSlot, panel.element);
    return panel.refresh();
  };
  programmeSelect.addEventListener('change', () => void loadSample());
  semesterSelect.addEventListener('change', () => void loadSample());

  const reconciliation = reconciliationPanel({
    api,
    programmes,
    year:
      Number(deps.today.slice(0, 4)) > years.last
        ? years.last
        : Math.max(years.first, Number(semesterSelect.value.slice(0, 4))),
    programmeTitles: deps.programmeTitles,
    writeSheet: deps.writeSheet,
    buildXlsx: deps.buildXlsx,
    download: deps.download,
  });

  const panels: Record<TabId, HTMLElement> = {
    campione: h(
      'div',
      {},
      h(
        'div',
        { className: 'po-toolbar' },
        h('div', { className: 'po-field' }, h('label', { for: programmeId }, 'Programma'), programmeSelect),
        h('div', { className: 'po-field' }, h('label', { for: semesterId }, 'Semestre'), semesterSelect),
      ),
      sampleSlot,
    ),
    righe: reviewForm(
      async (request) => {
        await api.review(request);
      },
      { listSubmissions: () => api.listSubmissions(), submissionRows: (id) => api.submissionRows(id) },
    ),
    riconciliazione: reconciliation.element,
  };
  const labels: Record<TabId, string> = {
    campione: 'Campione',
    righe: 'Non ammissioni',
    riconciliazione: 'Riconciliazione',
  };
  const order: TabId[] = ['campione', 'righe', 'riconciliazione'];
  const tabIds = Object.fromEntries(order.map((t) => [t, uid(`po-tab-${t}`)])) as Record<TabId, string>;
  const panelIds = Object.fromEntries(order.map((t) => [t, uid(`po-pannello-${t}`)])) as Record<TabId, string>;
  const tabs = order.map((t) =>
    h('button', { type: 'button', role: 'tab', id: tabIds[t], 'aria-controls': panelIds[t], 'data-tab': t }, labels[t]),
  );
  const panelEls = order.map((t) =>
    h('div', { role: 'tabpanel', id: panelIds[t], 'aria-labelledby': tabIds[t] }, panels[t]),
  );

  const select = (index: number, focus: boolean) => {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      panelEls[i].hidden = i !== index;
    });
    if (focus) tabs[index].focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(i, false));
    // Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab moves into the panel.
    tab.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key === 'ArrowRight') select((i + 1) % tabs.length, true);
      else if (key === 'ArrowLeft') select((i - 1 + tabs.length) % tabs.length, true);
      else if (key === 'Home') select(0, true);
      else if (key === 'End') select(tabs.length - 1, true);
    });
  });
  select(0, false);

  replaceChildren(
    container,
    h('h2', {}, 'Verifica della PO'),
    h('p', { className: 'po-hint' }, `Accordo ${deps.agreement} · programmi: ${programmes.join(', ')}`),
    h('div', { role: 'tablist', className: 'po-tabs', 'aria-label': 'Attività della PO' }, ...tabs),
    ...panelEls,
  );
  await loadSample();
  return { unmount: () => replaceChildren(root) };
}
