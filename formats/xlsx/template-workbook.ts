// The blank workbook of DOMAIN.md §7 (shared/mapping/template.ts) as .xlsx bytes without exceljs,
// light enough for the task pane bundle (browser mode downloads it). The same description the CLI
// writes with exceljs: sheets, bold filled headers, frozen header row, column widths and number
// formats, hidden id columns, bounded drop-downs and number/date validations, the lists sheet
// very hidden. Inline strings only, no formulas.
import { strToU8, zipSync } from 'fflate';
import { toExcelSerial } from '../../shared/core/dates';
import type { TemplateSheet, TemplateValidation, TemplateWorkbook } from '../../shared/mapping/template';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL_SHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export const TEMPLATE_FILE_NAME = 'modello-rendicontazione.xlsx';

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch] as string);

function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function inlineCell(ref: string, text: string, style: number): string {
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** Custom number formats (id ≥ 164) and cell styles: 0 default, 1 header, then one per format. */
function styles(formats: readonly string[], headerFill: string): string {
  const numFmts = formats.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`).join('');
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>',
    ...formats.map(
      (_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    ),
  ];
  return (
    `${XML}<styleSheet xmlns="${NS_MAIN}">` +
    (formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
    `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    `<fill><patternFill patternType="solid"><fgColor rgb="${escapeXml(headerFill)}"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

function validationXml(v: TemplateValidation): string {
  const common = `allowBlank="1" showErrorMessage="1" errorStyle="${v.errorStyle}" errorTitle="${escapeXml(v.errorTitle)}" error="${escapeXml(v.error)}" sqref="${v.range}"`;
  switch (v.rule.kind) {
    case 'list':
      return `<dataValidation type="list" ${common}><formula1>${escapeXml(v.rule.source)}</formula1></dataValidation>`;
    case 'decimal':
      return `<dataValidation type="decimal" operator="greaterThanOrEqual" ${common}><formula1>${v.rule.min}</formula1></dataValidation>`;
    case 'date':
      return `<dataValidation type="date" operator="greaterThanOrEqual" ${common}><formula1>${toExcelSerial(v.rule.min)}</formula1></dataValidation>`;
  }
}

function sheetXml(sheet: TemplateSheet, formats: readonly string[], freeze: boolean): string {
  const cols = sheet.columns
    .map((c, i) => {
      const style = c.numberFormat ? ` style="${2 + formats.indexOf(c.numberFormat)}"` : '';
      const hidden = c.hidden ? ' hidden="1"' : '';
      return `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${style}${hidden} customWidth="1"/>`;
    })
    .join('');
  const header = sheet.columns
    .map((c, i) => inlineCell(`${columnLetter(i + 1)}${sheet.headerRow}`, c.header, 1))
    .join('');
  const pane = freeze
    ? `<pane ySplit="${sheet.headerRow}" topLeftCell="A${sheet.headerRow + 1}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="A${sheet.headerRow + 1}" sqref="A${sheet.headerRow + 1}"/>`
    : '';
  const validations = sheet.columns.flatMap((c) => (c.validation ? [validationXml(c.validation)] : []));
  return (
    `${XML}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<dimension ref="A${sheet.headerRow}:${columnLetter(sheet.columns.length)}${sheet.headerRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols>` +
    `<sheetData><row r="${sheet.headerRow}">${header}</row></sheetData>` +
    (validations.length
      ? `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`
      : '') +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

function listsXml(lists: NonNullable<TemplateWorkbook['lists']>): string {
  const height = Math.max(...lists.columns.map((c) => c.values.length)) + 1;
  const rows: string[] = [];
  for (let r = 1; r <= height; r++) {
    const cells = lists.columns
      .map((c) => {
        const text = r === 1 ? c.header : c.values[r - 2];
        return text === undefined ? '' : inlineCell(`${c.letter}${r}`, text, 0);
      })
      .join('');
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  return `${XML}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

export function templateToXlsx(template: TemplateWorkbook): Uint8Array {
  const formats = [
    ...new Set(template.sheets.flatMap((s) => s.columns.flatMap((c) => (c.numberFormat ? [c.numberFormat] : [])))),
  ];
  const parts: { name: string; xml: string; state?: 'veryHidden' }[] = template.sheets.map((s) => ({
    name: s.name,
    xml: sheetXml(s, formats, template.style.freezeHeader),
  }));
  if (template.lists) parts.push({ name: template.lists.name, xml: listsXml(template.lists), state: 'veryHidden' });
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        parts
          .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_SHEET}"/>`)
          .join('') +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        parts
          .map(
            (p, i) =>
              `<sheet name="${escapeXml(p.name)}" sheetId="${i + 1}"${p.state ? ` state="${p.state}"` : ''} r:id="rId${i + 1}"/>`,
          )
          .join('') +
        `</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        parts
          .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_SHEET}" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join('') +
        `<Relationship Id="rId${parts.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(styles(formats, template.style.headerFill)),
  };
  parts.forEach((p, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(p.xml)));
  return zipSync(files, { level: 6 });
}
