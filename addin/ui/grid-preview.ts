// File mode only: a window of the sheet around the selected cell, with a cell bar to correct
// the value. In Excel the workbook itself plays this part.
import type { FileWorkbook, Selection } from '../file/file-workbook';
import type { CellValue } from '../port/workbook-port';
import { parseRange, cellAddress } from '../port/a1';
import { columnLetter } from '../../shared/findings/findings';
import { h, replaceChildren } from './dom';

const WINDOW_ROWS = 24;
const MAX_COLUMNS = 26;

export class GridPreview {
  constructor(
    private readonly root: HTMLElement,
    private readonly workbook: FileWorkbook,
  ) {
    workbook.onSelect(() => this.render());
    workbook.onChange(() => this.render());
  }

  render(): void {
    // Keyboard users keep their place: a grid that had focus gets it back after the redraw.
    const hadFocus = this.root.querySelector('table.grid') === document.activeElement;
    const selection = this.workbook.selection ?? this.firstSheet();
    if (!selection) {
      replaceChildren(this.root);
      return;
    }
    const sheet = this.workbook.sheets.find((s) => s.name === selection.sheet);
    const ref = parseRange(selection.address);
    if (!sheet || !ref) return;
    const width = Math.min(
      MAX_COLUMNS,
      sheet.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0),
    );
    const top = Math.max(1, ref.first.row - Math.floor(WINDOW_ROWS / 3));
    const bottom = Math.min(Math.max(sheet.rows.length, ref.first.row), top + WINDOW_ROWS - 1);
    const current = this.workbook.cell(sheet.name, ref.first.row, ref.first.column);

    const input = h('input', {
      id: 'cell-input',
      type: 'text',
      'aria-label': `Valore della cella ${selection.address}`,
      autocomplete: 'off',
    });
    input.value = display(current);
    const apply = () =>
      this.workbook.editCell(sheet.name, ref.first.row, ref.first.column, typed(input.value, current));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        apply();
      }
    });

    const header = h(
      'tr',
      {},
      h('td', { className: 'corner' }, ''),
      ...Array.from({ length: width }, (_, c) => h('th', { scope: 'col' }, columnLetter(c + 1))),
    );
    const body = Array.from({ length: bottom - top + 1 }, (_, i) => {
      const r = top + i;
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, String(r)),
        ...Array.from({ length: width }, (_, c) => {
          const selected = r === ref.first.row && c + 1 === ref.first.column;
          const hidden = sheet.hiddenColumns.has(c + 1);
          return h(
            'td',
            {
              className: `${selected ? 'selected' : ''}${hidden ? ' hidden-col' : ''}`.trim() || null,
              'data-address': cellAddress(r, c + 1),
              // aria-selected belongs to grid cells; a table cell says "current" instead.
              'aria-current': selected ? 'true' : null,
              onclick: () => void this.workbook.selectCell(sheet.name, cellAddress(r, c + 1)),
            },
            display(this.workbook.cell(sheet.name, r, c + 1)),
          );
        }),
      );
    });
    replaceChildren(
      this.root,
      h(
        'div',
        { className: 'cell-bar' },
        h('label', { for: 'cell-input', id: 'cell-name' }, `${sheet.name}!${selection.address}`),
        input,
        h('button', { type: 'button', className: 'secondary', onclick: apply }, 'Applica'),
      ),
      h(
        'div',
        { className: 'grid-scroll' },
        h(
          'table',
          {
            className: 'grid',
            tabindex: 0,
            'aria-label': `Anteprima del foglio ${sheet.name}: frecce per spostarsi, Invio per modificare la cella`,
            onkeydown: (event: Event) =>
              this.onKey(event as KeyboardEvent, sheet.name, ref.first.row, ref.first.column),
          },
          h('thead', {}, header),
          h('tbody', {}, ...body),
        ),
      ),
    );
    if (hadFocus) (this.root.querySelector('table.grid') as HTMLElement).focus();
    // The row numbers and the column letters stay in place (sticky): a cell scrolled into view
    // must land beside them, not under them.
    const scroller = this.root.querySelector('.grid-scroll') as HTMLElement;
    const rowHeader = this.root.querySelector('tbody th') as HTMLElement | null;
    const columnHeader = this.root.querySelector('thead tr') as HTMLElement | null;
    scroller.style.scrollPaddingLeft = `${rowHeader?.offsetWidth ?? 0}px`;
    scroller.style.scrollPaddingTop = `${columnHeader?.offsetHeight ?? 0}px`;
    (this.root.querySelector('td.selected') as HTMLElement | null)?.scrollIntoView?.({
      block: 'nearest',
      inline: 'nearest',
    });
  }

  private onKey(event: KeyboardEvent, sheet: string, row: number, column: number): void {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      void this.workbook.selectCell(sheet, cellAddress(Math.max(1, row + move[0]), Math.max(1, column + move[1])));
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      (this.root.querySelector('#cell-input') as HTMLInputElement | null)?.focus();
    }
  }

  private firstSheet(): Selection | null {
    const sheet = this.workbook.sheets.find((s) => !s.hidden);
    return sheet ? { sheet: sheet.name, address: 'A1' } : null;
  }
}

function display(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) {
    const iso = value.toISOString().slice(0, 10);
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  return String(value);
}

/**
 * What Excel would store for the typed text: numbers as numbers, the rest as text. A text cell
 * stays text and leading zeros are kept (VAT numbers, tax codes).
 */
function typed(text: string, current: CellValue): CellValue {
  const t = text.trim();
  if (t === '') return null;
  const numeric = /^-?\d+(\.\d+)?$/.test(t) && !/^-?0\d/.test(t);
  return numeric && typeof current !== 'string' ? Number(t) : t;
}
