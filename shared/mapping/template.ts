// The blank workbook of DOMAIN.md §7 as data: sheets, canonical headers, widths, formats and
// drop-downs with bounded ranges. The CLI writes it with exceljs, the task pane with Office.js,
// so both produce the same workbook from one description.
import type { Agreement, Category } from '../agreement/agreement';
import { EMPLOYMENT_TYPES, RESOURCE_TYPES, fieldDef, type FieldKind } from './fields';
import { columnLetter } from '../findings/findings';

/** A closed list, either written inline or, when too long for Excel, read from the lists sheet. */
export interface ListValidation {
  kind: 'list';
  values: readonly string[];
  /** Excel formula1: `"a,b,c"` inline, or `'Elenchi'!$A$2:$A$9`. */
  source: string;
}
/** A number ≥ min (amounts, hours, rates): rejects text typed in a numeric column. */
export interface DecimalValidation {
  kind: 'decimal';
  min: number;
}
/** A date on or after min (ISO): rejects text typed in a date column. */
export interface DateValidation {
  kind: 'date';
  min: string;
}
export type ValidationRule = ListValidation | DecimalValidation | DateValidation;

export interface TemplateValidation {
  /** Bounded A1 range, e.g. "C2:C2001" (never a whole column: readers choke on them). */
  range: string;
  rule: ValidationRule;
  allowBlank: true;
  errorStyle: 'stop';
  errorTitle: string;
  error: string;
}

export interface TemplateColumn {
  field: string;
  header: string;
  letter: string;
  /** Excel width in characters. */
  width: number;
  /** Excel number format code for the data cells, when the column holds numbers or dates. */
  numberFormat?: string;
  hidden?: boolean;
  validation?: TemplateValidation;
}

export interface TemplateSheet {
  name: string;
  category: Category;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  columns: TemplateColumn[];
}

/** Hidden sheet holding lists too long to write inline; absent when every list fits. */
export interface ListsSheet {
  name: string;
  columns: { header: string; letter: string; values: readonly string[] }[];
}

export interface TemplateWorkbook {
  agreementId: string;
  sheets: TemplateSheet[];
  lists: ListsSheet | null;
  style: { headerBold: true; headerFill: string; freezeHeader: true };
}

export interface TemplateOptions {
  /** Data rows with drop-downs under each header (default 2000: rows 2..2001). */
  dataRows?: number;
}

export const TEMPLATE_SHEETS: readonly { name: string; category: Category; fields: readonly string[] }[] = [
  {
    name: 'Personale',
    category: 'PERS',
    fields: [
      'name',
      'taxCode',
      'employment',
      'role',
      'ccnl',
      'level',
      'programme',
      'action',
      'month',
      'hours',
      'hourlyCost',
      'annualCost',
      'contractHours',
      'amount',
      'municipalShare',
      'cofinancingShare',
      'documents',
      'rowId',
    ],
  },
  { name: 'Beni di consumo', category: 'BENI', fields: invoiceSheetFields() },
  { name: 'Servizi', category: 'SERV', fields: invoiceSheetFields() },
  {
    name: 'Spese generali',
    category: 'GEN',
    fields: [
      'description',
      'allocationKey',
      'date',
      'amount',
      'programme',
      'action',
      'municipalShare',
      'cofinancingShare',
      // Invoice columns for general costs reported at actual cost (DOMAIN §7).
      'supplier',
      'supplierId',
      'invoiceNumber',
      'invoiceDate',
      'invoiceTotal',
      'paymentDate',
      'paymentMethod',
      'documents',
      'rowId',
    ],
  },
  {
    name: 'Cofinanziamento',
    category: 'COFIN',
    fields: [
      'resourceType',
      'description',
      'volunteer',
      'date',
      'hours',
      'hourlyValue',
      'value',
      'programme',
      'action',
      'documents',
      'rowId',
    ],
  },
];

function invoiceSheetFields(): string[] {
  return [
    'supplier',
    'supplierId',
    'invoiceNumber',
    'invoiceDate',
    'description',
    'expenseType',
    'taxable',
    'vat',
    'invoiceTotal',
    'amount',
    'paymentDate',
    'paymentMethod',
    'cupOnInvoice',
    'programme',
    'action',
    'municipalShare',
    'cofinancingShare',
    'documents',
    'rowId',
  ];
}

/** DOMAIN §7 names the reported amount of an invoice row "Importo rendicontato". */
const HEADER_BY_CATEGORY: Partial<Record<Category, Record<string, string>>> = {
  BENI: { amount: 'Importo rendicontato' },
  SERV: { amount: 'Importo rendicontato' },
};

const WIDTHS: Record<string, number> = {
  name: 28,
  taxCode: 20,
  employment: 20,
  role: 20,
  supplier: 30,
  supplierId: 18,
  invoiceNumber: 14,
  description: 40,
  expenseType: 34,
  allocationKey: 30,
  paymentMethod: 24,
  volunteer: 28,
  resourceType: 18,
  documents: 30,
  programme: 11,
  action: 11,
  ccnl: 22,
  level: 10,
  rowId: 12,
};
const KIND_WIDTHS: Record<FieldKind, number> = {
  text: 20,
  amount: 15,
  quantity: 12,
  date: 13,
  month: 11,
  enum: 20,
  list: 30,
  boolean: 14,
};
const KIND_FORMATS: Partial<Record<FieldKind, string>> = {
  amount: '#,##0.00',
  quantity: '#,##0.00',
  date: 'dd/mm/yyyy',
  month: 'mm/yyyy',
};

/** Excel's limit for an inline list formula. */
const INLINE_LIST_MAX = 255;
export const LISTS_SHEET_NAME = 'Elenchi';
/** Dates before this are typing mistakes; the agreement period itself is R03's business. */
const EARLIEST_DATE = '2000-01-01';

/** The closed lists of an agreement, by canonical field. */
export function closedLists(agreement: Agreement): Record<string, readonly string[]> {
  return {
    programme: agreement.programmes.map((p) => p.id),
    action: agreement.programmes.flatMap((p) => p.actions.map((a) => a.id)),
    employment: [...EMPLOYMENT_TYPES],
    expenseType: [...agreement.rules.expenseTypes.eligible],
    paymentMethod: [...agreement.rules.paymentMethods.traceable],
    resourceType: [...RESOURCE_TYPES],
    cupOnInvoice: ['Sì', 'No'],
  };
}

function fitsInline(values: readonly string[]): boolean {
  return values.every((v) => !/[,"]/.test(v)) && values.join(',').length + 2 <= INLINE_LIST_MAX;
}

class ListPlacer {
  readonly columns: ListsSheet['columns'] = [];
  private readonly byField = new Map<string, ListsSheet['columns'][number]>();
  place(field: string, header: string, values: readonly string[]): string {
    if (fitsInline(values)) return `"${values.join(',')}"`;
    let column = this.byField.get(field);
    if (!column) {
      column = { header, letter: columnLetter(this.columns.length + 1), values };
      this.byField.set(field, column);
      this.columns.push(column);
    }
    return `'${LISTS_SHEET_NAME}'!$${column.letter}$2:$${column.letter}$${values.length + 1}`;
  }
}

function validationFor(
  field: string,
  kind: FieldKind,
  header: string,
  range: string,
  lists: Record<string, readonly string[]>,
  placer: ListPlacer,
): TemplateValidation | undefined {
  const base = { range, allowBlank: true as const, errorStyle: 'stop' as const, errorTitle: header };
  const values = lists[field];
  if (values) {
    return {
      ...base,
      rule: { kind: 'list', values, source: placer.place(field, header, values) },
      error: `Scegliere un valore dall'elenco di «${header}».`,
    };
  }
  if (kind === 'amount' || kind === 'quantity') {
    return {
      ...base,
      rule: { kind: 'decimal', min: 0 },
      error: `«${header}»: inserire un numero maggiore o uguale a zero.`,
    };
  }
  if (kind === 'date') {
    return {
      ...base,
      rule: { kind: 'date', min: EARLIEST_DATE },
      error: `«${header}»: inserire una data (gg/mm/aaaa).`,
    };
  }
  return undefined;
}

/** The blank workbook for an agreement: programme and action lists come from it. */
export function buildTemplate(agreement: Agreement, options: TemplateOptions = {}): TemplateWorkbook {
  const dataRows = options.dataRows ?? 2000;
  const headerRow = 1;
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + dataRows;
  const lists = closedLists(agreement);
  const placer = new ListPlacer();

  const sheets = TEMPLATE_SHEETS.map(({ name, category, fields }) => ({
    name,
    category,
    headerRow,
    firstDataRow,
    lastDataRow,
    columns: fields.map((field, index): TemplateColumn => {
      const def = fieldDef(category, field);
      if (!def) throw new Error(`template: field ${field} unknown for ${category}`);
      const header = HEADER_BY_CATEGORY[category]?.[field] ?? def.header;
      const letter = columnLetter(index + 1);
      const validation = validationFor(
        field,
        def.kind,
        header,
        `${letter}${firstDataRow}:${letter}${lastDataRow}`,
        lists,
        placer,
      );
      return {
        field,
        header,
        letter,
        width: WIDTHS[field] ?? Math.max(KIND_WIDTHS[def.kind], header.length + 2),
        ...(KIND_FORMATS[def.kind] ? { numberFormat: KIND_FORMATS[def.kind] } : {}),
        ...(field === 'rowId' ? { hidden: true } : {}),
        ...(validation ? { validation } : {}),
      };
    }),
  }));

  return {
    agreementId: agreement.id,
    sheets,
    lists: placer.columns.length > 0 ? { name: LISTS_SHEET_NAME, columns: placer.columns } : null,
    style: { headerBold: true, headerFill: 'FFDDEBF7', freezeHeader: true },
  };
}
