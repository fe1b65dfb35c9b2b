// Pure layout of the `Riconciliazione` sheet: the reconciliation answer becomes one rectangular
// matrix (values + number formats + which cells are text) and a chart spec. The Office.js writer,
// the .xlsx exports (CLI, API, pane in file mode) and the HTML preview of the pane all draw this
// same matrix, so they can never disagree on a figure.
import { getAgreement } from '../agreement/agreements';
import { Money, formatAmountIt, sum } from '../core/money';
import { formatDateIt } from '../core/dates';
import { formatQuantityIt } from '../rules/format';
import {
  EXCLUSION_LABELS,
  type ProgrammeAsRead,
  type ReconciliationAnswerAsRead,
  type TrailEntryAsRead,
} from './reconciliation-answer';
import { TEXT_FORMAT, cleanText } from './text-safety';

export const RECONCILIATION_SHEET = 'Riconciliazione';
/** Shown by Excel with the user's separators (Italian: 1.234,50). */
export const AMOUNT_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.00%';
export const GENERAL_FORMAT = 'General';

export type CellValue = string | number;
export type FigureKind = 'amount' | 'percent';

/** Where one figure of the answer sits, so tests and previews can check it against the API. */
export interface FigureRef {
  /** `P1.admitted.total`, `ats.due`: programme (or `ats`) then the answer's field path. */
  key: string;
  row: number;
  col: number;
  kind: FigureKind;
  /** The answer's string for this figure ("1234.50" or "12.24" for a share). */
  wire: string;
}

export interface ChartSpec {
  type: 'ColumnClustered';
  title: string;
  /** The table the chart reads: header row + one row per programme, first column = categories. */
  source: { row: number; col: number; rows: number; columns: number };
  seriesBy: 'Columns';
  /** Top-left cell (0-based) of the chart; the layout leaves `rows` empty rows for it. */
  anchor: { row: number; col: number; rows: number };
  /** Size in points (Office.js chart.width / height). */
  width: number;
  height: number;
}

export interface SheetLayout {
  sheetName: string;
  rows: number;
  columns: number;
  /** '' for an empty cell. Amounts are numbers, shares are fractions (0.1224 for "12.24"). */
  values: CellValue[][];
  numberFormats: string[][];
  /** Cells written as text: number format "@" and, in Office.js, apostrophe before a formula start. */
  text: boolean[][];
  /** 0-based rows shown in bold (titles and table headers). */
  headingRows: number[];
  /** Column widths in characters. */
  columnWidths: number[];
  figures: FigureRef[];
  chart: ChartSpec | null;
}

export interface LayoutOptions {
  /** Programme titles (from the agreement configuration) shown beside the programme ids. */
  programmeTitles?: Readonly<Record<string, string>>;
  /**
   * The agreement's rates the labels name (co-financing minimum, tranches), as the agreement
   * states them ("0.10"); default: those of `answer.agreement` when it is a shipped agreement.
   */
  rates?: LayoutRates;
}

export interface LayoutRates {
  cofinancingMinRate: string;
  trancheFirst: string;
  trancheSecond: string;
}

/** The rates of the answer's agreement as labels ("10%", "7,5%"); null when they are not known. */
function rateLabels(answer: ReconciliationAnswerAsRead, options: LayoutOptions) {
  const rules = getAgreement(answer.agreement)?.rules;
  const rates: LayoutRates | undefined =
    options.rates ??
    (rules && {
      cofinancingMinRate: rules.cofinancing.minRate,
      trancheFirst: rules.tranches.first,
      trancheSecond: rules.tranches.second,
    });
  if (!rates) return null;
  const label = (rate: string) => `${formatQuantityIt(new Money(rate).times(100))}%`;
  return {
    minimum: label(rates.cofinancingMinRate),
    first: label(rates.trancheFirst),
    second: label(rates.trancheSecond),
  };
}
type RateLabels = ReturnType<typeof rateLabels>;

// Voce | Importo | Calcolo. The summary table needs a fourth column; in the detail rows the trail
// sits in column C and its text runs over the empty D and beyond, as Excel shows long text.
const COLUMNS = 4;
/** Empty rows left under the summary table for the chart (300 pt at the default 15 pt a row). */
const CHART_ROWS = 21;

type Cell = { value: CellValue; format: string; text: boolean };

class MatrixBuilder {
  readonly cells: Cell[][] = [];
  readonly headingRows: number[] = [];
  readonly figures: FigureRef[] = [];

  get row(): number {
    return this.cells.length;
  }

  blank(): void {
    this.cells.push(emptyRow());
  }

  heading(...labels: string[]): void {
    this.headingRows.push(this.row);
    this.cells.push(padRow(labels.map(textCell)));
  }

  /** A label, a figure and the text explaining it (calculation trail, rows behind it). */
  figure(label: string, key: string, wire: string, kind: FigureKind, trail = ''): void {
    this.figures.push({ key, row: this.row, col: 1, kind, wire });
    this.cells.push(padRow([textCell(label), numberCell(wire, kind), textCell(trail)]));
  }

  texts(...values: string[]): void {
    this.cells.push(padRow(values.map(textCell)));
  }

  /** A row of the summary table: category label then amounts (the chart reads these). */
  tableRow(label: string, entries: Array<{ key: string; wire: string }>): void {
    const row = this.row;
    entries.forEach((e, i) => this.figures.push({ key: e.key, row, col: i + 1, kind: 'amount', wire: e.wire }));
    this.cells.push(padRow([textCell(label), ...entries.map((e) => numberCell(e.wire, 'amount'))]));
  }
}

function textCell(value: string): Cell {
  return value === ''
    ? { value: '', format: GENERAL_FORMAT, text: false }
    : { value: cleanText(value), format: TEXT_FORMAT, text: true };
}

function numberCell(wire: string, kind: FigureKind): Cell {
  const decimal = new Money(wire);
  // Excel stores doubles; the wire strings have two decimals, whose shortest double reads back
  // as the same string, so the sheet shows exactly the API's figure.
  const value = kind === 'percent' ? decimal.div(100).toNumber() : decimal.toNumber();
  return { value, format: kind === 'percent' ? PERCENT_FORMAT : AMOUNT_FORMAT, text: false };
}

function emptyRow(): Cell[] {
  return padRow([]);
}

function padRow(cells: Cell[]): Cell[] {
  const row = cells.slice(0, COLUMNS);
  while (row.length < COLUMNS) row.push({ value: '', format: GENERAL_FORMAT, text: false });
  return row;
}

const WIRE_AMOUNT = /^-?\d+\.\d{2}$/;

function displayValue(value: unknown): string {
  if (typeof value === 'string') return WIRE_AMOUNT.test(value) ? formatAmountIt(new Money(value)) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(displayValue).join(', ');
  return JSON.stringify(value);
}

function inputsText(inputs: TrailEntryAsRead['inputs']): string {
  if (inputs === null || inputs === undefined) return '';
  if (Array.isArray(inputs)) return inputs.map(displayValue).join('; ');
  if (typeof inputs !== 'object') return displayValue(inputs);
  return Object.entries(inputs)
    .map(([name, value]) => `${name} = ${displayValue(value)}`)
    .join('; ');
}

/** Percentages in a text the Italian way: "10.00%" → "10,00 %". */
export function italianPercents(text: string): string {
  return text.replace(/(\d+)\.(\d+)\s?%/g, '$1,$2 %');
}

/** An ISO day as Italians read it ("01/12/2026"); anything else unchanged. */
function dayText(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDateIt(value) : value;
}

/** One readable line: "C2 · D1 = B × min(1, A / P) · B = 722.461,31; … · risultato 579.123,45". */
export function trailText(entry: TrailEntryAsRead): string {
  const parts = [entry.step, italianPercents(entry.formula), inputsText(entry.inputs)];
  const result = displayValue(entry.result);
  if (result !== '') parts.push(`risultato ${result}`);
  return parts.filter((p) => p !== '').join(' · ');
}

function sameAmount(result: unknown, wire: string): boolean {
  if (typeof result !== 'string' && typeof result !== 'number') return false;
  try {
    return new Money(String(result)).equals(new Money(wire));
  } catch {
    return false;
  }
}

/**
 * The trail line(s) behind a figure. The server names the figure each entry computes; for an
 * answer without names, the entries of the step, narrowed by formula (C1 computes P and A, C5
 * the three tranches) or by result.
 */
function trailFor(
  trail: readonly TrailEntryAsRead[] | undefined,
  figure: string,
  step: string,
  wire: string,
  hint?: RegExp,
): string {
  const all = trail ?? [];
  const named = all.filter((e) => e.figure === figure);
  if (named.length > 0) return named.map(trailText).join(' | ');
  const entries = all.filter((e) => e.step === step && e.figure === undefined);
  if (entries.length === 0) return '';
  if (entries.length === 1) return trailText(entries[0]);
  const byHint = hint ? entries.filter((e) => hint.test(e.formula)) : [];
  if (byHint.length === 1) return trailText(byHint[0]);
  const byResult = entries.filter((e) => sameAmount(e.result, wire));
  if (byResult.length === 1) return trailText(byResult[0]);
  return entries.map(trailText).join(' | ');
}

function reportedTotal(p: ProgrammeAsRead): string {
  return sum([new Money(p.reported.municipal), new Money(p.reported.cofinancing)]).toFixed(2);
}

function exclusionTotal(p: ProgrammeAsRead): string {
  return sum(p.excluded.map((e) => new Money(e.amount))).toFixed(2);
}

/** The ATS verdict on R20, naming the agreement's minimum ("sotto il 10%"). */
function r20Label(r20: string, rates: RateLabels): string {
  const below = rates ? `sotto il ${rates.minimum}` : 'sotto il minimo';
  const labels: Record<string, string> = {
    ok: 'rispettato',
    warning: `attenzione: cofinanziamento ${below} (anno in corso)`,
    error: `non rispettato: cofinanziamento ${below}`,
  };
  return labels[r20] ?? r20;
}

const PHASE_LABELS: Record<string, string> = {
  during: 'in corso d’anno (R20 è un avviso)',
  yearClose: 'chiusura dell’anno (R20 è un errore)',
};

function policyLabel(policy: string, rates: RateLabels): string {
  const minimum = rates ? rates.minimum : 'minimo';
  const labels: Record<string, string> = {
    reduce: `riduzione: il contributo si riduce se il cofinanziamento ATS è sotto il ${minimum} (C4)`,
    flag: `segnalazione: il contributo non si riduce; il mancato ${minimum} è segnalato (R20)`,
  };
  return labels[policy] ?? policy;
}

function programmeLabel(id: string, options: LayoutOptions): string {
  const title = options.programmeTitles?.[id];
  return title ? `${id} — ${title}` : id;
}

function exclusionTrail(e: ProgrammeAsRead['excluded'][number]): string {
  const rows = e.rowIds.length === 1 ? '1 riga' : `${e.rowIds.length} righe`;
  const parts = [e.rowIds.length === 0 ? rows : `${rows}: ${e.rowIds.join(', ')}`];
  if (e.municipal !== undefined && e.cofinancing !== undefined) {
    parts.push(
      `quota Comune ${formatAmountIt(new Money(e.municipal))}, cofinanziamento ${formatAmountIt(new Money(e.cofinancing))}`,
    );
  }
  if (e.note) parts.push(e.note);
  return parts.join(' · ');
}

function programmeBlock(b: MatrixBuilder, p: ProgrammeAsRead, options: LayoutOptions, rates: RateLabels): void {
  const k = (path: string) => `${p.programme}.${path}`;
  const t = (figure: string, step: string, wire: string, hint?: RegExp) => trailFor(p.trail, figure, step, wire, hint);
  b.heading(`Programma ${programmeLabel(p.programme, options)}`);
  b.figure(
    'Budget comunale approvato (B)',
    k('budget.municipal'),
    p.budget.municipal,
    'amount',
    'Ultima versione approvata del bilancio',
  );
  b.figure('Cofinanziamento previsto (F)', k('budget.cofinancing'), p.budget.cofinancing, 'amount');
  b.figure(
    'Totale previsto (P = B + F)',
    k('budget.planned'),
    p.budget.planned,
    'amount',
    t('budget.planned', 'C1', p.budget.planned, /^P\s*=/),
  );
  b.figure('Rendicontato a carico del contributo', k('reported.municipal'), p.reported.municipal, 'amount');
  b.figure('Rendicontato come cofinanziamento', k('reported.cofinancing'), p.reported.cofinancing, 'amount');
  b.figure(
    'Escluso (totale)',
    k('excluded.total'),
    exclusionTotal(p),
    'amount',
    p.excluded.length === 0 ? 'Nessuna esclusione' : 'Somma delle esclusioni elencate sotto',
  );
  p.excluded.forEach((e, i) => {
    const label = EXCLUSION_LABELS[e.reason] ? `${e.reason} — ${EXCLUSION_LABELS[e.reason]}` : e.reason;
    // Row ids come from the partners' workbooks: partner text, written as text (text-safety.ts).
    b.figure(`  Escluso: ${label}`, k(`excluded[${i}].amount`), e.amount, 'amount', exclusionTrail(e));
  });
  b.figure(
    'Ammesso a carico del contributo (A_c)',
    k('admitted.municipal'),
    p.admitted.municipal,
    'amount',
    t('admitted.municipal', 'C1', p.admitted.municipal, /^A_c\s*=/),
  );
  b.figure(
    'Ammesso come cofinanziamento (A_f)',
    k('admitted.cofinancing'),
    p.admitted.cofinancing,
    'amount',
    t('admitted.cofinancing', 'C1', p.admitted.cofinancing, /^A_f\s*=/),
  );
  b.figure(
    'Ammesso totale (A = A_c + A_f)',
    k('admitted.total'),
    p.admitted.total,
    'amount',
    t('admitted.total', 'C1', p.admitted.total, /^A\s*=/),
  );
  b.figure(
    'Contributo proporzionale (D1)',
    k('contribution.proportional'),
    p.contribution.proportional,
    'amount',
    t('contribution.proportional', 'C2', p.contribution.proportional),
  );
  b.figure(
    'Limite dei costi ammessi (D2)',
    k('contribution.cappedByAdmitted'),
    p.contribution.cappedByAdmitted,
    'amount',
    t('contribution.cappedByAdmitted', 'C3', p.contribution.cappedByAdmitted),
  );
  b.figure(
    'Contributo dovuto (D)',
    k('contribution.due'),
    p.contribution.due,
    'amount',
    t('contribution.due', 'C4', p.contribution.due, /^D\s*=/),
  );
  b.figure(
    'Quota di cofinanziamento',
    k('cofinancingShare'),
    p.cofinancingShare,
    'percent',
    t('cofinancingShare', '-', p.cofinancingShare) || 'Cofinanziamento ammesso rispetto al contributo',
  );
  b.figure(
    rates ? `Prima tranche (T1, ${rates.first} di B)` : 'Prima tranche (T1)',
    k('tranches.first'),
    p.tranches.first,
    'amount',
    t('tranches.first', 'C5', p.tranches.first, /^T1\s*=/),
  );
  b.figure(
    rates ? `Seconda tranche (T2, ${rates.second} di B)` : 'Seconda tranche (T2)',
    k('tranches.second'),
    p.tranches.second,
    'amount',
    t('tranches.second', 'C5', p.tranches.second, /^T2\s*=/),
  );
  b.figure(
    'Saldo (T3 = D − T1 − T2)',
    k('tranches.balance'),
    p.tranches.balance,
    'amount',
    t('tranches.balance', 'C5', p.tranches.balance, /^T3\s*=/),
  );
  const during = p.projection !== undefined && p.projection !== null;
  b.figure(
    during ? 'Da recuperare (solo a chiusura dell’anno)' : 'Da recuperare',
    k('toRecover'),
    p.toRecover,
    'amount',
    t('toRecover', '-', p.toRecover) ||
      (new Money(p.toRecover).isZero()
        ? 'Nessun importo da recuperare'
        : 'Saldo negativo: importo da restituire al Comune'),
  );
  if (p.projection) projectionBlock(b, p.projection, k);
}

/** The year-end estimate, labelled as a projection on every line: never read as an amount due. */
function projectionBlock(
  b: MatrixBuilder,
  q: NonNullable<ProgrammeAsRead['projection']>,
  k: (path: string) => string,
): void {
  const why = `Stima: importi alla data × giorni dell’anno / giorni trascorsi (${q.yearElapsed.replace('.', ',')}% dell’anno trascorso)`;
  b.figure('Proiezione a fine anno — ammesso totale', k('projection.admitted.total'), q.admitted.total, 'amount', why);
  b.figure(
    'Proiezione a fine anno — contributo dovuto',
    k('projection.contributionDue'),
    q.contributionDue,
    'amount',
    'C1–C4 sugli importi stimati a fine anno',
  );
  b.figure(
    'Proiezione a fine anno — quota di cofinanziamento',
    k('projection.cofinancingShare'),
    q.cofinancingShare,
    'percent',
  );
  b.figure(
    'Proiezione a fine anno — da recuperare (stima)',
    k('projection.toRecover'),
    q.toRecover,
    'amount',
    new Money(q.toRecover).isZero()
      ? 'Al ritmo attuale nessun importo da recuperare'
      : 'Stima, non un importo dovuto: si calcola alla chiusura dell’anno',
  );
}

/** Turns a reconciliation answer into the `Riconciliazione` sheet. Pure: same answer, same matrix. */
export function reconciliationLayout(answer: ReconciliationAnswerAsRead, options: LayoutOptions = {}): SheetLayout {
  const b = new MatrixBuilder();
  const rates = rateLabels(answer, options);
  b.heading(`Riconciliazione — accordo ${answer.agreement}, anno ${answer.year}`);
  b.texts('Situazione al', dayText(answer.asOf));
  b.texts('Regola del cofinanziamento', policyLabel(answer.policy, rates));
  if (answer.phase) b.texts('Fase', PHASE_LABELS[answer.phase] ?? answer.phase);
  b.blank();

  b.heading('Sintesi per programma (dati del grafico)');
  const sourceRow = b.row;
  b.heading('Programma', 'Budget previsto (B + F)', 'Rendicontato', 'Ammesso');
  for (const p of answer.programmes) {
    b.tableRow(p.programme, [
      { key: `${p.programme}.budget.planned`, wire: p.budget.planned },
      { key: `${p.programme}.reported.total`, wire: reportedTotal(p) },
      { key: `${p.programme}.admitted.total`, wire: p.admitted.total },
    ]);
  }
  b.blank();
  const chartRow = b.row;
  if (answer.programmes.length > 0) for (let i = 0; i < CHART_ROWS; i++) b.blank();

  b.heading('Voce', 'Importo (€)', 'Calcolo (regola · formula · dati · risultato)');
  for (const p of answer.programmes) {
    programmeBlock(b, p, options, rates);
    b.blank();
  }

  if (answer.ats) atsBlock(b, answer.ats, rates);
  for (const finding of answer.findings ?? []) b.texts(`Rilievo ${finding.code}`, '', italianPercents(finding.message));

  const chart: ChartSpec | null =
    answer.programmes.length === 0
      ? null
      : {
          type: 'ColumnClustered',
          title: `Budget, rendicontato e ammesso per programma — ${answer.year}`,
          source: { row: sourceRow, col: 0, rows: answer.programmes.length + 1, columns: 4 },
          seriesBy: 'Columns',
          anchor: { row: chartRow, col: 0, rows: CHART_ROWS },
          width: 560,
          height: 300,
        };

  return {
    sheetName: RECONCILIATION_SHEET,
    rows: b.cells.length,
    columns: COLUMNS,
    values: b.cells.map((r) => r.map((c) => c.value)),
    numberFormats: b.cells.map((r) => r.map((c) => c.format)),
    text: b.cells.map((r) => r.map((c) => c.text)),
    headingRows: b.headingRows,
    columnWidths: [46, 18, 18, 18],
    figures: b.figures,
    chart,
  };
}

/** A1-style address of a 0-based cell ("C7"). */
export function cellAddress(row: number, col: number): string {
  let letters = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

/** A1-style address of a block ("A6:D12"). */
export function rangeAddress(row: number, col: number, rows: number, columns: number): string {
  return `${cellAddress(row, col)}:${cellAddress(row + rows - 1, col + columns - 1)}`;
}

/** The ATS-wide position (the lead partner's, the PO's): due, co-financing, share, R20. */
function atsBlock(b: MatrixBuilder, ats: NonNullable<ReconciliationAnswerAsRead['ats']>, rates: RateLabels): void {
  b.heading('ATS — totale dell’anno');
  const atsTrail = (figure: string, fallback: string) => trailFor(ats.trail, figure, '-', '') || fallback;
  b.figure(
    'Contributo dovuto all’ATS',
    'ats.due',
    ats.due,
    'amount',
    atsTrail('ats.due', 'Somma dei contributi dovuti dei programmi'),
  );
  b.figure(
    'Cofinanziamento ammesso dell’ATS',
    'ats.cofinancing',
    ats.cofinancing,
    'amount',
    atsTrail('ats.cofinancing', ''),
  );
  b.figure(
    'Quota di cofinanziamento dell’ATS',
    'ats.cofinancingShare',
    ats.cofinancingShare,
    'percent',
    atsTrail(
      'ats.cofinancingShare',
      rates ? `Minimo richiesto: ${rates.minimum} (R20)` : 'Minimo richiesto dall’accordo (R20)',
    ),
  );
  b.texts(
    rates ? `Verifica R20 (cofinanziamento ≥ ${rates.minimum})` : 'Verifica R20 (cofinanziamento minimo)',
    '',
    r20Label(ats.r20, rates),
  );
}
