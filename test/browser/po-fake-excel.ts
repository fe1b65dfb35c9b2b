// A stand-in for Office.js inside Chromium (office.js cannot load without Excel): just enough of
// Office.onReady and Excel.run for the PO pane to start in Office mode and for the
// `Riconciliazione` writer to run for real. Writes land in `window.__fakeExcel`, which the test
// reads back; every context.sync() is counted. Injected with page.addInitScript, so it is a plain
// function with no closure over test code.

export interface FakeSheet {
  name: string;
  deleted: boolean;
  /** Cell values and number formats by 0-based "row:col". */
  values: Record<string, unknown>;
  formats: Record<string, string>;
  /** Order of property assignments on ranges ("numberFormat", "values"). */
  assignments: string[];
  bold: number[];
  chartsAdded: Array<{
    type: string;
    source: [number, number, number, number];
    seriesBy: string;
    title?: string;
    position?: string;
  }>;
  active: boolean;
}

export interface FakeExcelState {
  sheets: FakeSheet[];
  syncs: number;
  runs: number;
}

export function installFakeExcel(): void {
  const state: FakeExcelState = { sheets: [], syncs: 0, runs: 0 };
  const w = window as unknown as Record<string, unknown>;
  w.__fakeExcel = state;

  const range = (sheet: FakeSheet, row: number, col: number, rows: number, columns: number) => {
    const target = {
      format: { font: {} as { bold?: boolean }, columnWidth: 0 },
      getEntireColumn: () => target,
    };
    Object.defineProperty(target.format.font, 'bold', {
      set: (v: boolean) => {
        if (v) sheet.bold.push(row);
      },
    });
    Object.defineProperty(target, 'values', {
      set: (matrix: unknown[][]) => {
        sheet.assignments.push('values');
        matrix.forEach((line, r) => line.forEach((v, c) => (sheet.values[`${row + r}:${col + c}`] = v)));
      },
    });
    Object.defineProperty(target, 'numberFormat', {
      set: (matrix: string[][]) => {
        sheet.assignments.push('numberFormat');
        matrix.forEach((line, r) => line.forEach((v, c) => (sheet.formats[`${row + r}:${col + c}`] = v)));
      },
    });
    return { target, box: [row, col, rows, columns] as [number, number, number, number] };
  };

  const makeSheet = (name: string): FakeSheet => {
    const sheet: FakeSheet = {
      name,
      deleted: false,
      values: {},
      formats: {},
      assignments: [],
      bold: [],
      chartsAdded: [],
      active: false,
    };
    const api = {
      getRangeByIndexes: (row: number, col: number, rows: number, columns: number) => {
        const made = range(sheet, row, col, rows, columns);
        (made.target as Record<string, unknown>).__box = made.box;
        return made.target;
      },
      charts: {
        add: (type: string, source: { __box: [number, number, number, number] }, seriesBy: string) => {
          const chart: FakeSheet['chartsAdded'][number] = { type, source: source.__box, seriesBy };
          sheet.chartsAdded.push(chart);
          return {
            title: {
              set text(t: string) {
                chart.title = t;
              },
            },
            legend: {},
            setPosition: (start: string) => (chart.position = start),
          };
        },
      },
      delete: () => (sheet.deleted = true),
      activate: () => (sheet.active = true),
    };
    state.sheets.push(sheet);
    return Object.assign(sheet, api);
  };

  const context = {
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => {
          const found = state.sheets.find((s) => s.name === name && !s.deleted);
          return found
            ? Object.assign(found, { isNullObject: false })
            : { isNullObject: true, delete: () => undefined };
        },
        add: (name: string) => {
          if (state.sheets.some((s) => s.name === name && !s.deleted)) throw new Error('ItemAlreadyExists');
          return makeSheet(name);
        },
      },
    },
    sync: async () => {
      state.syncs += 1;
    },
  };

  w.Excel = {
    // Excel.run(batch) or Excel.run({ delayForCellEdit }, batch) (addin/office/excel-capabilities.ts).
    run: async (first: unknown, second?: unknown) => {
      const callback = (typeof first === 'function' ? first : second) as (ctx: unknown) => Promise<unknown>;
      state.runs += 1;
      return callback(context);
    },
  };
  w.Office = {
    HostType: { Excel: 'Excel' },
    onReady: (callback?: (info: unknown) => void) => {
      const info = { host: 'Excel', platform: 'PC' };
      setTimeout(() => callback?.(info), 0);
      return Promise.resolve(info);
    },
    context: { requirements: { isSetSupported: () => true } },
  };
}
