// The chart of the reconciliation drawn in the pane as inline SVG (no chart library): budget,
// reported and admitted per programme, the same series as the workbook's native chart. Bar
// heights come from decimal.js ratios; the numbers themselves are in the table and in each bar's
// <title>, so the chart is an image with a text alternative, not the only place of a figure.
import { Money } from '../../shared/core/money';
import { euro } from '../ui/format-it';

export interface ChartProgramme {
  programme: string;
  budget: string;
  reported: string;
  admitted: string;
}

const SVG = 'http://www.w3.org/2000/svg';
const SERIES = [
  { key: 'budget', label: 'Budget previsto', color: '#0f6cbd' },
  { key: 'reported', label: 'Rendicontato', color: '#8a3707' },
  { key: 'admitted', label: 'Ammesso', color: '#0e700e' },
] as const;

function el(doc: Document, name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = doc.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function reconciliationChart(doc: Document, year: number, rows: readonly ChartProgramme[]): SVGElement {
  const width = 440;
  const height = 240;
  const left = 8;
  const top = 40;
  const bottom = 24;
  const plot = height - top - bottom;
  const max = rows.reduce(
    (m, r) => Money.max(m, new Money(r.budget), new Money(r.reported), new Money(r.admitted)),
    new Money(0),
  );
  const title = `Budget, rendicontato e ammesso per programma — ${year}`;
  const summary = rows
    .map(
      (r) => `${r.programme}: budget ${euro(r.budget)}, rendicontato ${euro(r.reported)}, ammesso ${euro(r.admitted)}`,
    )
    .join('; ');
  const svg = el(doc, 'svg', {
    viewBox: `0 0 ${width} ${height}`,
    width: '100%',
    role: 'img',
    'aria-label': `${title}. ${summary}.`,
    'data-testid': 'reconciliation-chart',
    class: 'po-chart',
  });
  svg.append(el(doc, 'title', {}, title));
  svg.append(el(doc, 'text', { x: left, y: 14, 'font-size': 12, 'font-weight': 600, fill: '#242424' }, title));
  // Legend.
  SERIES.forEach((s, i) => {
    const x = left + i * 130;
    svg.append(el(doc, 'rect', { x, y: 22, width: 10, height: 10, fill: s.color }));
    svg.append(el(doc, 'text', { x: x + 14, y: 31, 'font-size': 11, fill: '#242424' }, s.label));
  });
  svg.append(el(doc, 'line', { x1: left, x2: width - 4, y1: top + plot, y2: top + plot, stroke: '#616161' }));
  const group = rows.length === 0 ? 0 : (width - left - 4) / rows.length;
  const bar = Math.max(4, Math.min(22, (group - 12) / SERIES.length));
  rows.forEach((r, i) => {
    const x0 = left + i * group + (group - bar * SERIES.length) / 2;
    SERIES.forEach((s, j) => {
      const value = new Money(r[s.key]);
      const ratio = max.isZero() ? 0 : value.div(max).toNumber();
      const h = Math.max(0, Math.round(ratio * plot * 10) / 10);
      const rect = el(doc, 'rect', {
        x: Math.round((x0 + j * bar) * 10) / 10,
        y: Math.round((top + plot - h) * 10) / 10,
        width: bar - 1,
        height: h,
        fill: s.color,
        'data-programme': r.programme,
        'data-series': s.key,
        'data-value': value.toFixed(2),
      });
      rect.append(el(doc, 'title', {}, `${r.programme} — ${s.label}: ${euro(r[s.key])}`));
      svg.append(rect);
    });
    svg.append(
      el(
        doc,
        'text',
        {
          x: Math.round((left + i * group + group / 2) * 10) / 10,
          y: height - 8,
          'font-size': 11,
          'text-anchor': 'middle',
          fill: '#242424',
        },
        r.programme,
      ),
    );
  });
  return svg;
}
