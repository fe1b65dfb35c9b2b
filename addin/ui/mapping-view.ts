// The tables the pane found: category, recognised columns, unmatched headers the user can assign
// to a field, and the BENI/SERV choice when the sheet does not say.
import type { MappedTable, TableOverride } from '../../shared/mapping/mapping';
import type { Category } from '../../shared/agreement/agreement';
import { FIELDS, fieldDef } from '../../shared/mapping/fields';
import { STATUS_HEADER } from '../port/workbook-port';
import { h, replaceChildren } from './dom';
import { CATEGORY_LABEL } from './labels';

export function renderMapping(
  target: HTMLElement,
  tables: readonly MappedTable[],
  onOverride: (sheet: string, override: TableOverride) => void,
): void {
  if (tables.length === 0) {
    replaceChildren(target, h('p', { className: 'hint' }, 'Nessuna tabella riconosciuta.'));
    return;
  }
  replaceChildren(target, ...tables.map((table) => tableCard(table, onOverride)));
}

function tableCard(table: MappedTable, onOverride: (sheet: string, override: TableOverride) => void): HTMLElement {
  const id = `map-${table.sheet.replace(/[^\w]/g, '_')}`;
  if (table.headerRow === 0) {
    return h(
      'article',
      { className: 'table-card', 'data-sheet': table.sheet },
      h('h3', {}, table.sheet),
      h(
        'p',
        { className: 'hint' },
        table.status === 'hidden'
          ? 'Foglio nascosto: non viene letto.'
          : 'Nessuna intestazione riconosciuta: il foglio non viene letto.',
      ),
    );
  }
  const category = table.category;
  const invoiceLike = category === null || category === 'BENI' || category === 'SERV';
  const categoryPicker = invoiceLike
    ? h(
        'p',
        { className: 'field' },
        h('label', { for: `${id}-cat` }, 'Tipo di spesa del foglio'),
        select(
          `${id}-cat`,
          [
            ['', 'Da scegliere…'],
            ['BENI', 'Beni di consumo (BENI)'],
            ['SERV', 'Servizi (SERV)'],
          ],
          category ?? '',
          (value) => value && onOverride(table.sheet, { category: value as Category }),
        ),
      )
    : null;
  const fieldsCategory: Category = category ?? 'BENI';
  const mapped = Object.entries(table.columns).filter(([field]) => field !== 'rowId');
  const free = FIELDS[fieldsCategory].filter((f) => !(f.key in table.columns) && f.key !== 'rowId');
  const unmatched = table.unmatchedHeaders.filter((u) => u.label !== STATUS_HEADER);
  return h(
    'article',
    { className: 'table-card', 'data-sheet': table.sheet },
    h('h3', {}, `${table.sheet} — ${category ? CATEGORY_LABEL[category] : 'categoria da scegliere'}`),
    h(
      'p',
      { className: 'hint' },
      `Intestazione alla riga ${table.headerRow}; ${mapped.length} colonne riconosciute.` +
        (table.status === 'partial'
          ? ' Il foglio non viene letto finché non si associano le colonne obbligatorie mancanti.'
          : ''),
    ),
    categoryPicker,
    table.missingRequired.length > 0
      ? h(
          'p',
          { className: 'missing' },
          `Colonne obbligatorie mancanti: ${table.missingRequired.map((k) => fieldDef(fieldsCategory, k)?.header ?? k).join(', ')}.`,
        )
      : null,
    unmatched.length > 0
      ? h(
          'div',
          { className: 'unmatched' },
          h('p', {}, 'Colonne non riconosciute (restano invariate; puoi associarle a un campo):'),
          ...unmatched.map((u) =>
            h(
              'p',
              { className: 'field' },
              h('label', { for: `${id}-${u.column}` }, `${u.column} «${u.label}»`),
              select(
                `${id}-${u.column}`,
                [['', 'Non associare'], ...free.map((f): [string, string] => [f.key, f.header])],
                '',
                (value) => value && onOverride(table.sheet, { columns: { [value]: u.column } }),
              ),
            ),
          ),
        )
      : null,
    h(
      'details',
      {},
      h('summary', {}, 'Colonne riconosciute'),
      h(
        'ul',
        { className: 'columns' },
        ...mapped.map(([field, letter]) =>
          h('li', {}, `${letter} → ${fieldDef(fieldsCategory, field)?.header ?? field}`),
        ),
      ),
    ),
  );
}

function select(
  id: string,
  options: [string, string][],
  value: string,
  onChange: (value: string) => void,
): HTMLSelectElement {
  const el = h(
    'select',
    { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    ...options.map(([v, label]) => h('option', { value: v }, label)),
  );
  el.value = value;
  return el;
}
