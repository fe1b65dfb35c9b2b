// The one writer of the `Riconciliazione` workbook: the layout (shared/reconciliation/sheet-layout.ts)
// as .xlsx bytes, without exceljs (too heavy for the pane bundle). The pane in file mode,
// GET …/reconciliation?format=xlsx and `rendiconta reconciliation` all send these bytes. A minimal
// SpreadsheetML package: one sheet, inline strings (text by type, never a formula), the layout's
// four number formats, then the native column chart (xlsx-chart.ts).
import { strToU8, zipSync } from 'fflate';
import type { ReconciliationAnswerAsRead } from '../../shared/reconciliation/reconciliation-answer';
import type { LayoutOptions, SheetLayout } from '../../shared/reconciliation/sheet-layout';
import { cellAddress, reconciliationLayout } from '../../shared/reconciliation/sheet-layout';
import { addChartToXlsx, xmlEscape } from './xlsx-chart';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// cellXfs indexes (styles.xml below): built-in number formats 4 = #,##0.00, 10 = 0.00%, 49 = @.
const STYLE = { general: 0, amount: 1, percent: 2, text: 3, textBold: 4, generalBold: 5 } as const;

function styleOf(layout: SheetLayout, r: number, c: number, bold: boolean): number {
  if (layout.text[r][c]) return bold ? STYLE.textBold : STYLE.text;
  const format = layout.numberFormats[r][c];
  if (format.endsWith('%')) return STYLE.percent;
  if (format.includes('0.00')) return STYLE.amount;
  return bold ? STYLE.generalBold : STYLE.general;
}

function sheetXml(layout: SheetLayout): string {
  const headings = new Set(layout.headingRows);
  const cols = layout.columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const rows = layout.values
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          if (value === '') return '';
          const ref = cellAddress(r, c);
          const s = styleOf(layout, r, c, headings.has(r));
          // Strings are inline string cells: text by type, never a formula (no <f> is ever written).
          if (typeof value === 'string')
            return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(value)}</t></is></c>`;
          return `<c r="${ref}" s="${s}"><v>${value}</v></c>`;
        })
        .join('');
      return cells ? `<row r="${r + 1}">${cells}</row>` : '';
    })
    .join('');
  return `${XML}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="A1:${cellAddress(layout.rows - 1, layout.columns - 1)}"/><cols>${cols}</cols><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

const STYLES =
  `${XML}<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="6">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export function layoutToXlsx(layout: SheetLayout): Uint8Array {
  const files = {
    '[Content_Types].xml': strToU8(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheets><sheet name="${xmlEscape(layout.sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml(layout)),
  };
  return addChartToXlsx(zipSync(files, { level: 6 }), layout);
}

/** The .xlsx bytes of a reconciliation answer (sheet + chart), for the API and the CLI. */
export function reconciliationWorkbookBytes(
  answer: ReconciliationAnswerAsRead,
  options: LayoutOptions = {},
): Uint8Array {
  return layoutToXlsx(reconciliationLayout(answer, options));
}
