import Decimal from 'decimal.js';
import {
  AMOUNT_FORMAT,
  PERCENT_FORMAT,
  RECONCILIATION_SHEET,
  cellAddress,
  rangeAddress,
  reconciliationLayout,
  trailText,
} from '../../../shared/reconciliation/sheet-layout';
import { TEXT_FORMAT } from '../../../shared/reconciliation/text-safety';
import { INJECTED_ROW_ID, reconciliationFixture, wireOf } from './reconciliation-fixture';

const answer = reconciliationFixture();
const layout = reconciliationLayout(answer, { programmeTitles: { P1: 'Crema città dei bambini e della famiglia' } });

function rowOf(label: string): number {
  const row = layout.values.findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`row ${label} not found`);
  return row;
}

describe('reconciliation sheet layout', () => {
  it('is a rectangular matrix with one format and one text flag per cell', () => {
    expect(layout.sheetName).toBe(RECONCILIATION_SHEET);
    expect(layout.values).toHaveLength(layout.rows);
    for (let r = 0; r < layout.rows; r++) {
      expect(layout.values[r]).toHaveLength(layout.columns);
      expect(layout.numberFormats[r]).toHaveLength(layout.columns);
      expect(layout.text[r]).toHaveLength(layout.columns);
    }
  });

  it('puts every figure of the answer in the sheet, equal to the API string', () => {
    const keys = new Set(layout.figures.map((f) => f.key));
    for (const p of ['P1', 'P4']) {
      for (const path of [
        'budget.municipal',
        'budget.cofinancing',
        'budget.planned',
        'reported.municipal',
        'reported.cofinancing',
        'admitted.municipal',
        'admitted.cofinancing',
        'admitted.total',
        'contribution.proportional',
        'contribution.cappedByAdmitted',
        'contribution.due',
        'cofinancingShare',
        'tranches.first',
        'tranches.second',
        'tranches.balance',
        'toRecover',
        'excluded[0].amount',
      ])
        expect(keys).toContain(`${p}.${path}`);
    }
    for (const k of ['ats.due', 'ats.cofinancing', 'ats.cofinancingShare']) expect(keys).toContain(k);

    for (const figure of layout.figures) {
      const cell = layout.values[figure.row][figure.col];
      expect(typeof cell).toBe('number');
      const shown =
        figure.kind === 'percent'
          ? new Decimal(String(cell)).times(100).toFixed(2)
          : new Decimal(String(cell)).toFixed(2);
      expect(shown).toBe(wireOf(answer, figure.key));
      expect(layout.numberFormats[figure.row][figure.col]).toBe(
        figure.kind === 'percent' ? PERCENT_FORMAT : AMOUNT_FORMAT,
      );
      expect(layout.text[figure.row][figure.col]).toBe(false);
    }
  });

  it('writes the calculation trail next to each computed figure', () => {
    const d1 = rowOf('Contributo proporzionale (D1)');
    expect(layout.values[d1][2]).toBe(
      'C2 · D1 = B × min(1, A / P) · B = 722.461,31; A = 785.300,00; P = 810.897,48 · risultato 699.655,48',
    );
    // C1 has two entries: each figure gets its own.
    const planned = layout.values.filter((r) => r[0] === 'Totale previsto (P = B + F)').map((r) => r[2]);
    expect(planned[0]).toMatch(/^C1 · P = B \+ F/);
    const admitted = layout.values.filter((r) => r[0] === 'Ammesso totale (A = A_c + A_f)').map((r) => r[2]);
    expect(admitted[0]).toMatch(/^C1 · A = A_c \+ A_f/);
    const balance = layout.values.filter((r) => r[0] === 'Saldo (T3 = D − T1 − T2)').map((r) => r[2]);
    expect(balance[0]).toContain('risultato 45.084,82');
    expect(balance[1]).toContain('risultato -28.912,92');
    const recover = layout.values.filter((r) => r[0] === 'Da recuperare');
    expect(recover[1][1]).toBe(28912.92);
    expect(recover[1][2]).toMatch(/restituire/);
  });

  it('lists the excluded rows by reason, the row ids written as text cells', () => {
    const r14 = rowOf('  Escluso: R14 — tipologia di spesa non ammissibile');
    expect(layout.values[r14][1]).toBe(1200);
    expect(layout.values[r14][2]).toBe(`2 righe: koala-beni-12, ${INJECTED_ROW_ID}`);
    expect(layout.numberFormats[r14][2]).toBe(TEXT_FORMAT);
    expect(layout.text[r14][2]).toBe(true);
    expect(layout.values[rowOf('Escluso (totale)')][1]).toBe(4700);
  });

  it('marks every string cell as text and no number cell as text', () => {
    for (let r = 0; r < layout.rows; r++) {
      for (let c = 0; c < layout.columns; c++) {
        const v = layout.values[r][c];
        if (typeof v === 'string' && v !== '') {
          expect(layout.text[r][c]).toBe(true);
          expect(layout.numberFormats[r][c]).toBe(TEXT_FORMAT);
        } else {
          expect(layout.text[r][c]).toBe(false);
        }
      }
    }
  });

  it('describes a clustered column chart over the summary table', () => {
    const chart = layout.chart!;
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.seriesBy).toBe('Columns');
    const header = layout.values[chart.source.row];
    expect(header).toEqual(['Programma', 'Budget previsto (B + F)', 'Rendicontato', 'Ammesso']);
    expect(chart.source.rows).toBe(3);
    const p1 = layout.values[chart.source.row + 1];
    expect(p1).toEqual(['P1', 810897.48, 790000, 785300]);
    // The rows under the table reserved for the chart are empty.
    for (let r = chart.anchor.row; r < chart.anchor.row + chart.anchor.rows; r++) {
      expect(layout.values[r].every((v) => v === '')).toBe(true);
    }
  });

  it('shows programme titles when given, the ATS block and the R20 verdict', () => {
    expect(layout.values.some((r) => r[0] === 'Programma P1 — Crema città dei bambini e della famiglia')).toBe(true);
    expect(layout.values.some((r) => r[0] === 'Programma P4')).toBe(true);
    const r20 = rowOf('Verifica R20 (cofinanziamento ≥ 10%)');
    expect(layout.values[r20][2]).toBe('rispettato');
  });

  it('is deterministic and has no chart without programmes', () => {
    expect(reconciliationLayout(reconciliationFixture())).toEqual(reconciliationLayout(reconciliationFixture()));
    const empty = reconciliationLayout({ ...answer, programmes: [] });
    expect(empty.chart).toBeNull();
    expect(empty.figures.map((f) => f.key)).toEqual(['ats.due', 'ats.cofinancing', 'ats.cofinancingShare']);
  });

  it('renders trail entries with array and odd inputs', () => {
    expect(trailText({ step: 'C4', formula: 'D = min(D2, A_f / 10%)', inputs: ['100.00', 3], result: null })).toBe(
      'C4 · D = min(D2, A_f / 10%) · 100,00; 3',
    );
    expect(trailText({ step: 'C2', formula: 'x', inputs: { o: { a: 1 } }, result: '1.5' })).toBe(
      'C2 · x · o = {"a":1} · risultato 1.5',
    );
  });

  it('addresses cells in A1 style', () => {
    expect(cellAddress(0, 0)).toBe('A1');
    expect(cellAddress(9, 27)).toBe('AB10');
    expect(rangeAddress(5, 0, 3, 4)).toBe('A6:D8');
  });
});
