// Reconciliation for the PO: fetch the C1–C6 answer, write it into the `Riconciliazione` sheet
// (inside Excel) and always show the same matrix as a table in the pane (in a plain browser the
// table is the sheet). Both come from one layout, so what the pane shows is what the sheet holds.
import { Money, sum } from '../../shared/core/money';
import { day, euro, percent } from '../ui/format-it';
import { reconciliationChart } from './reconciliation-chart';
import { h, replaceChildren, statusLine, uid } from './elements';
import type { PoApi } from './po-api';
import type { ReconciliationAnswerAsRead } from '../../shared/reconciliation/reconciliation-answer';
import { reconciliationLayout, type SheetLayout } from '../../shared/reconciliation/sheet-layout';

export interface ReconciliationPanelOptions {
  api: PoApi;
  programmes: readonly string[];
  year: number;
  programmeTitles?: Readonly<Record<string, string>>;
  /** Inside Excel: writes the sheet (addin/office/reconciliation-writer.ts). */
  writeSheet?: (layout: SheetLayout) => Promise<unknown>;
  /** Builds the .xlsx of the layout for download (file mode); absent when not available. */
  buildXlsx?: (layout: SheetLayout) => Promise<Uint8Array>;
  /** Offers a file to the user (the pane's download helper). */
  download?: (fileName: string, bytes: Uint8Array | string, mime: string) => void;
}

/** How a cell of the layout reads in the pane: amounts and shares the Italian way. */
export function displayCell(layout: SheetLayout, row: number, col: number): string {
  const value = layout.values[row][col];
  if (typeof value === 'string') return value;
  const format = layout.numberFormats[row][col];
  const decimal = new Money(String(value));
  if (format.endsWith('%')) return percent(decimal.times(100));
  return euro(decimal);
}

/**
 * A calculation trail, collapsible: the rule and formula stay visible ("C4 · D = …"), the inputs
 * and the result open on demand, so a long trail does not stretch the pane.
 */
function trailCell(text: string): (HTMLElement | string)[] {
  const lines = text.split(' | ');
  return lines.map((line) => {
    const parts = line.split(' · ');
    if (parts.length <= 2) return h('div', { className: 'po-trail-line' }, line);
    return h(
      'details',
      { className: 'po-trail-line' },
      h('summary', {}, parts.slice(0, 2).join(' · ')),
      h('p', {}, parts.slice(2).join(' · ')),
    );
  });
}

/**
 * The layout as the pane shows it, narrow enough for a task pane: the summary table keeps its
 * four columns; every other row is label + figure with its calculation trail on a line below.
 * Each figure cell carries its layout position (data-cell) and key (data-figure-key).
 */
export function layoutTable(layout: SheetLayout): HTMLElement {
  const figureAt = new Map(layout.figures.map((f) => [`${f.row}:${f.col}`, f.key]));
  const headings = new Set(layout.headingRows);
  const cell = (r: number, c: number, extra: Record<string, string | number> = {}) => {
    const value = layout.values[r][c];
    if (c === 2 && typeof value === 'string' && value !== '' && 'colspan' in extra)
      return h('td', { 'data-cell': `${r}:${c}`, ...extra }, ...trailCell(value));
    return h(
      'td',
      {
        className: typeof value === 'number' ? 'po-num' : undefined,
        'data-figure-key': figureAt.get(`${r}:${c}`),
        'data-cell': `${r}:${c}`,
        ...extra,
      },
      value === '' ? '' : displayCell(layout, r, c),
    );
  };
  const tables: HTMLTableElement[] = [];
  let body: HTMLTableSectionElement | null = null;
  let wide = false;
  layout.values.forEach((row, r) => {
    if (row.every((v) => v === '')) return;
    const rowWide = row[3] !== '';
    if (!body || rowWide !== wide) {
      wide = rowWide;
      body = h('tbody', {});
      tables.push(h('table', { className: `po-table ${wide ? 'po-table-wide' : 'po-table-detail'}` }, body));
    }
    const heading = headings.has(r) ? 'po-heading' : undefined;
    if (wide) {
      body.append(h('tr', { className: heading }, ...row.map((_, c) => cell(r, c))));
      return;
    }
    const main = h('tr', { className: heading }, cell(r, 0), cell(r, 1));
    body.append(main);
    if (row[2] !== '') {
      main.classList.add('po-has-trail');
      body.append(h('tr', { className: heading ? `${heading} po-trail` : 'po-trail' }, cell(r, 2, { colspan: 2 })));
    }
  });
  return h('div', { 'data-testid': 'reconciliation-table', role: 'group', 'aria-label': 'Riconciliazione' }, ...tables);
}

export function reconciliationPanel(options: ReconciliationPanelOptions): {
  element: HTMLElement;
  refresh: () => Promise<void>;
} {
  const ids = { title: uid('ric'), year: uid('anno'), programme: uid('programma') };
  const year = h('input', { type: 'number', id: ids.year, value: options.year, min: 2026, max: 2030, step: 1 });
  const programme = h(
    'select',
    { id: ids.programme },
    h('option', { value: '' }, 'Tutti i miei programmi'),
    ...options.programmes.map((p) =>
      h('option', { value: p }, options.programmeTitles?.[p] ? `${p} — ${options.programmeTitles[p]}` : p),
    ),
  );
  const refreshButton = h('button', { type: 'button', className: 'po-primary' }, 'Aggiorna riconciliazione');
  const jsonButton = h('button', { type: 'button', disabled: true }, 'Scarica JSON');
  const xlsxButton =
    options.buildXlsx && options.download ? h('button', { type: 'button', disabled: true }, 'Scarica Excel') : null;
  const messages = h('div', { 'aria-live': 'polite' });
  const preview = h('div', { className: 'po-preview', 'data-testid': 'reconciliation-preview' });
  let current: { answer: ReconciliationAnswerAsRead; layout: SheetLayout } | null = null;

  const say = (kind: 'info' | 'error' | 'success', text: string) => replaceChildren(messages, statusLine(kind, text));

  async function refresh(): Promise<void> {
    const y = Number(year.value);
    if (!Number.isInteger(y)) {
      say('error', 'Indicare l’anno dell’accordo (es. 2026).');
      year.focus();
      return;
    }
    refreshButton.disabled = true;
    say('info', 'Calcolo della riconciliazione in corso…');
    try {
      const answer = await options.api.reconciliation(y, programme.value || undefined);
      const layout = reconciliationLayout(answer, { programmeTitles: options.programmeTitles });
      current = { answer, layout };
      const chart = reconciliationChart(
        element.ownerDocument,
        answer.year,
        answer.programmes.map((p) => ({
          programme: p.programme,
          budget: p.budget.planned,
          reported: sum([new Money(p.reported.municipal), new Money(p.reported.cofinancing)]).toFixed(2),
          admitted: p.admitted.total,
        })),
      );
      replaceChildren(preview, answer.programmes.length ? chart : null, layoutTable(layout));
      jsonButton.disabled = false;
      if (xlsxButton) xlsxButton.disabled = false;
      if (options.writeSheet) {
        await options.writeSheet(layout);
        say(
          'success',
          `Foglio «${layout.sheetName}» aggiornato (situazione al ${day(answer.asOf)}). Il foglio viene rigenerato a ogni aggiornamento.`,
        );
      } else {
        say('success', `Riconciliazione aggiornata (situazione al ${day(answer.asOf)}).`);
      }
    } catch (error) {
      say('error', error instanceof Error ? error.message : 'Riconciliazione non disponibile.');
    } finally {
      refreshButton.disabled = false;
    }
  }

  refreshButton.addEventListener('click', () => void refresh());
  jsonButton.addEventListener('click', () => {
    if (!current || !options.download) return;
    options.download(
      `riconciliazione-${current.answer.agreement}-${current.answer.year}.json`,
      JSON.stringify(current.answer, null, 2),
      'application/json',
    );
  });
  xlsxButton?.addEventListener('click', () => {
    if (!current || !options.buildXlsx || !options.download) return;
    const { answer, layout } = current;
    options.buildXlsx(layout).then(
      (bytes) =>
        options.download!(
          `riconciliazione-${answer.agreement}-${answer.year}.xlsx`,
          bytes,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ),
      () => say('error', 'Impossibile preparare il file Excel.'),
    );
  });

  const element = h(
    'section',
    { className: 'po-reconciliation', 'aria-labelledby': ids.title },
    h('h3', { id: ids.title }, 'Riconciliazione (C1–C6)'),
    h(
      'div',
      { className: 'po-toolbar' },
      h('div', { className: 'po-field' }, h('label', { for: ids.year }, 'Anno'), year),
      h('div', { className: 'po-field' }, h('label', { for: ids.programme }, 'Programma'), programme),
      refreshButton,
      options.download ? jsonButton : null,
      xlsxButton,
    ),
    messages,
    preview,
  );
  return { element, refresh };
}
