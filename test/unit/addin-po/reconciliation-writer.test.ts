// The Office.js writer against office-addin-mock: a mock workbook records what the add-in asks
// Excel to do, and a counting sync stands in for the round trips.
import { OfficeMockObject } from 'office-addin-mock';
// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose dependency tree
// has ES-only packages jest (CommonJS, Node 20) cannot load: give it the enum alone.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));
import {
  officeValues,
  writeReconciliationSheet,
  writeReconciliationToExcel,
} from '../../../addin/office/reconciliation-writer';
import { reconciliationLayout } from '../../../shared/reconciliation/sheet-layout';
import { TEXT_FORMAT, startsLikeFormula } from '../../../shared/reconciliation/text-safety';
import { INJECTED_ROW_ID, INJECTED_ROW_ID_2, reconciliationFixture } from './reconciliation-fixture';

interface MockRange {
  row: number;
  col: number;
  rows: number;
  columns: number;
  values?: unknown[][];
  numberFormat?: unknown[][];
  /** Order in which properties were assigned: numberFormat must precede values. */
  assigned: string[];
  format: { font: { bold?: boolean }; columnWidth?: number };
  getEntireColumn(): MockRange;
}

interface MockChart {
  type: string;
  source: MockRange;
  seriesBy: string;
  title: { text?: string };
  legend: { position?: string };
  position?: string;
  width?: number;
  height?: number;
  setPosition(start: string): void;
}

interface MockSheet {
  name: string;
  deleted: boolean;
  /** Added while another sheet of the workbook was still live (never zero sheets). */
  addedWhileLive?: boolean;
  active: boolean;
  ranges: MockRange[];
  charts: { items: MockChart[]; add(type: string, source: MockRange, seriesBy: string): MockChart };
  getRangeByIndexes(row: number, col: number, rows: number, columns: number): MockRange;
  delete(): void;
  activate(): void;
}

function mockRange(row: number, col: number, rows: number, columns: number): MockRange {
  const range: MockRange = {
    row,
    col,
    rows,
    columns,
    assigned: [],
    format: { font: {} },
    getEntireColumn: () => range,
  };
  // Record assignment order like Office.js queues property sets.
  let values: unknown[][] | undefined;
  let numberFormat: unknown[][] | undefined;
  Object.defineProperty(range, 'values', {
    get: () => values,
    set: (v: unknown[][]) => {
      values = v;
      range.assigned.push('values');
    },
  });
  Object.defineProperty(range, 'numberFormat', {
    get: () => numberFormat,
    set: (v: unknown[][]) => {
      numberFormat = v;
      range.assigned.push('numberFormat');
    },
  });
  return range;
}

function mockSheet(name: string): MockSheet {
  const sheet: MockSheet = {
    name,
    deleted: false,
    active: false,
    ranges: [],
    charts: {
      items: [],
      add(type, source, seriesBy) {
        const chart: MockChart = {
          type,
          source,
          seriesBy,
          title: {},
          legend: {},
          setPosition(start: string) {
            chart.position = start;
          },
        };
        sheet.charts.items.push(chart);
        return chart;
      },
    },
    getRangeByIndexes(row, col, rows, columns) {
      const r = mockRange(row, col, rows, columns);
      sheet.ranges.push(r);
      return r;
    },
    delete() {
      sheet.deleted = true;
    },
    activate() {
      sheet.active = true;
    },
  };
  return sheet;
}

function excelMock(existing: string[]) {
  const sheets: MockSheet[] = existing.map(mockSheet);
  let syncs = 0;
  const data = {
    context: {
      workbook: {
        worksheets: {
          getItemOrNullObject(name: string) {
            const found = sheets.find((s) => s.name === name && !s.deleted);
            return found
              ? Object.assign(found, { isNullObject: false })
              : { isNullObject: true, delete: () => undefined };
          },
          add(name: string) {
            if (sheets.some((s) => s.name === name && !s.deleted)) throw new Error('ItemAlreadyExists');
            const live = sheets.some((x) => !x.deleted);
            const s = mockSheet(name);
            if (live && sheets.length) s.addedWhileLive = true;
            sheets.push(s);
            return s;
          },
        },
      },
      sync: async () => {
        syncs += 1;
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as {
    context: Excel.RequestContext;
    run: typeof Excel.run;
  };
  return { mock, sheets, syncs: () => syncs };
}

const answer = reconciliationFixture();
const layout = reconciliationLayout(answer);

describe('writeReconciliationSheet (office-addin-mock)', () => {
  it('writes the sheet and the chart in two syncs, one values and one numberFormat assignment', async () => {
    const { mock, sheets, syncs } = excelMock(['Personale']);
    const result = await writeReconciliationSheet(mock.context, layout);

    expect(syncs()).toBeLessThanOrEqual(3);
    expect(syncs()).toBe(2);
    expect(result.syncs).toBe(2);
    const sheet = sheets.find((s) => s.name === 'Riconciliazione')!;
    expect(sheet.active).toBe(true);
    const written = sheet.ranges.filter((r) => r.values !== undefined);
    expect(written).toHaveLength(1);
    const block = written[0];
    expect([block.row, block.col, block.rows, block.columns]).toEqual([0, 0, layout.rows, layout.columns]);
    expect(block.assigned).toEqual(['numberFormat', 'values']);
    expect(sheet.ranges.filter((r) => r.numberFormat !== undefined)).toHaveLength(1);
    expect(result.address).toBe(`A1:D${layout.rows}`);
  });

  it('adds one clustered column chart from the summary table', async () => {
    const { mock, sheets } = excelMock([]);
    await writeReconciliationSheet(mock.context, layout);
    const sheet = sheets.find((s) => s.name === 'Riconciliazione')!;
    expect(sheet.charts.items).toHaveLength(1);
    const chart = sheet.charts.items[0];
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.seriesBy).toBe('Columns');
    const spec = layout.chart!;
    expect([chart.source.row, chart.source.col, chart.source.rows, chart.source.columns]).toEqual([
      spec.source.row,
      0,
      3,
      4,
    ]);
    expect(chart.title.text).toContain('Budget, rendicontato e ammesso');
    expect(chart.position).toBe(`A${spec.anchor.row + 1}`);
    expect(chart.width).toBe(spec.width);
  });

  it('replaces an existing Riconciliazione sheet, adding the new one before deleting the old', async () => {
    const { mock, sheets, syncs } = excelMock(['Riconciliazione']);
    await writeReconciliationSheet(mock.context, layout);
    // The new sheet existed (under a temporary name) before the old one was deleted: the workbook
    // never has zero sheets, even when the old one was the only one.
    expect(sheets.map((s) => [s.name, s.deleted, s.addedWhileLive])).toEqual([
      ['Riconciliazione', true, undefined],
      ['Riconciliazione', false, true],
    ]);
    expect(syncs()).toBe(2);
  });

  it('neutralises formula injection: text format before values, apostrophe before a formula start', async () => {
    const { mock, sheets } = excelMock([]);
    await writeReconciliationSheet(mock.context, layout);
    const block = sheets[0].ranges.find((r) => r.values !== undefined)!;
    const values = block.values as unknown[][];
    const formats = block.numberFormat as string[][];
    let injected = 0;
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== 'string' || v === '') return;
        // Every text cell is Text-formatted, and nothing Excel would evaluate reaches a cell.
        expect(formats[r][c]).toBe(TEXT_FORMAT);
        expect(startsLikeFormula(v)).toBe(false);
        if (v.includes(INJECTED_ROW_ID) || v.includes(INJECTED_ROW_ID_2)) injected += 1;
      }),
    );
    expect(injected).toBe(2);
    // A cell whose whole text starts like a formula gets the quote prefix.
    const hostile = reconciliationLayout({ ...answer, asOf: '=1+1' });
    const asOf = officeValues(hostile)[1][1];
    expect(asOf).toBe("'=1+1");
    expect(hostile.numberFormats[1][1]).toBe(TEXT_FORMAT);
  });

  it('keeps figures as numbers equal to the answer', async () => {
    const { mock, sheets } = excelMock([]);
    await writeReconciliationSheet(mock.context, layout);
    const values = sheets[0].ranges.find((r) => r.values !== undefined)!.values as unknown[][];
    for (const f of layout.figures) expect(values[f.row][f.col]).toBe(layout.values[f.row][f.col]);
    const due = layout.figures.find((f) => f.key === 'P1.contribution.due')!;
    expect(values[due.row][due.col]).toBe(695300);
  });

  it('runs inside Excel.run for the pane', async () => {
    const { mock, sheets, syncs } = excelMock([]);
    (globalThis as unknown as { Excel: unknown }).Excel = mock;
    try {
      const result = await writeReconciliationToExcel(layout);
      expect(result.sheetName).toBe('Riconciliazione');
      expect(sheets).toHaveLength(1);
      expect(syncs()).toBe(2);
    } finally {
      delete (globalThis as unknown as { Excel?: unknown }).Excel;
    }
  });
});
