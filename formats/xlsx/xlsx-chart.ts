// Adds a native clustered column chart to an .xlsx package: the reconciliation workbook
// (reconciliation-workbook.ts) opens in Excel with the same chart the add-in draws through
// Office.js; the chart parts (DrawingML) are added to the zip after the sheet is written.
// Pure (bytes in, bytes out) so the CLI, the API and the browser all use it.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { cellAddress, type ChartSpec, type SheetLayout } from '../../shared/reconciliation/sheet-layout';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** Escapes text for element content and double-quoted attributes (apostrophes stay readable). */
export function xmlEscape(text: string): string {
  return text.replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch] as string);
}

/** `'Riconciliazione'!$B$7:$B$8` */
function absolute(sheet: string, row: number, col: number, rows = 1): string {
  const a = cellAddress(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  if (rows === 1) return `${quoted}!${a}`;
  const b = cellAddress(row + rows - 1, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `${quoted}!${a}:${b}`;
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`)
    .join('')}</c:strCache>`;
}

function numCache(values: number[]): string {
  return `<c:numCache><c:formatCode>#,##0.00</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)
    .join('')}</c:numCache>`;
}

/** chart1.xml: one series per column of the source table after the category column. */
export function chartXml(layout: SheetLayout, spec: ChartSpec): string {
  const { row, col, rows, columns } = spec.source;
  const categories = Array.from({ length: rows - 1 }, (_, i) => String(layout.values[row + 1 + i][col]));
  const series = Array.from({ length: columns - 1 }, (_, s) => {
    const c = col + 1 + s;
    const name = String(layout.values[row][c]);
    const values = Array.from({ length: rows - 1 }, (_, i) => Number(layout.values[row + 1 + i][c]));
    return (
      `<c:ser><c:idx val="${s}"/><c:order val="${s}"/>` +
      `<c:tx><c:strRef><c:f>${xmlEscape(absolute(layout.sheetName, row, c))}</c:f>${strCache([name])}</c:strRef></c:tx>` +
      `<c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${xmlEscape(absolute(layout.sheetName, row + 1, col, rows - 1))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${xmlEscape(absolute(layout.sheetName, row + 1, c, rows - 1))}</c:f>${numCache(values)}</c:numRef></c:val>` +
      `</c:ser>`
    );
  }).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${xmlEscape(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="150"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

/** drawing1.xml: the chart anchored over the empty rows the layout leaves for it. */
export function drawingXml(spec: ChartSpec, toColumn: number): string {
  const marker = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"><xdr:twoCellAnchor editAs="oneCell">` +
    marker('from', spec.anchor.col, spec.anchor.row) +
    marker('to', toColumn, spec.anchor.row + spec.anchor.rows - 1) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${xmlEscape('Grafico riconciliazione')}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    `<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

function relationships(entries: Array<{ id: string; type: string; target: string }>): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    entries.map((e) => `<Relationship Id="${e.id}" Type="${e.type}" Target="${e.target}"/>`).join('') +
    `</Relationships>`
  );
}

/** Elements a worksheet may have after <drawing> (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/;

/**
 * Adds the layout's chart to worksheet number `sheetIndex` (1-based, as the package names it) of
 * an .xlsx produced without charts. Returns the new package.
 */
export function addChartToXlsx(xlsx: Uint8Array, layout: SheetLayout, sheetIndex = 1): Uint8Array {
  const spec = layout.chart;
  if (!spec) return xlsx;
  const files = unzipSync(xlsx) as Zippable & Record<string, Uint8Array>;
  const sheetPath = `xl/worksheets/sheet${sheetIndex}.xml`;
  const relsPath = `xl/worksheets/_rels/sheet${sheetIndex}.xml.rels`;
  if (!files[sheetPath]) throw new Error(`worksheet ${sheetIndex} not found in the package`);
  if (files['xl/drawings/drawing1.xml'] || files['xl/charts/chart1.xml'])
    throw new Error('package already has drawings');

  const relId = 'rIdReconChart';
  let sheetXml = strFromU8(files[sheetPath]);
  if (!/xmlns:r="/.test(sheetXml.slice(0, 600)))
    sheetXml = sheetXml.replace('<worksheet ', `<worksheet xmlns:r="${NS_R}" `);
  const drawingTag = `<drawing r:id="${relId}"/>`;
  const after = AFTER_DRAWING.exec(sheetXml);
  sheetXml = after
    ? sheetXml.slice(0, after.index) + drawingTag + sheetXml.slice(after.index)
    : sheetXml.replace('</worksheet>', `${drawingTag}</worksheet>`);
  files[sheetPath] = strToU8(sheetXml);

  const drawingRel = `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing1.xml"/>`;
  files[relsPath] = files[relsPath]
    ? strToU8(strFromU8(files[relsPath]).replace('</Relationships>', `${drawingRel}</Relationships>`))
    : strToU8(relationships([{ id: relId, type: REL_DRAWING, target: '../drawings/drawing1.xml' }]));

  files['xl/drawings/drawing1.xml'] = strToU8(drawingXml(spec, spec.source.col + spec.source.columns));
  files['xl/drawings/_rels/drawing1.xml.rels'] = strToU8(
    relationships([{ id: 'rId1', type: REL_CHART, target: '../charts/chart1.xml' }]),
  );
  files['xl/charts/chart1.xml'] = strToU8(chartXml(layout, spec));

  const overrides =
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT_DRAWING}"/>` +
    `<Override PartName="/xl/charts/chart1.xml" ContentType="${CT_CHART}"/>`;
  files['[Content_Types].xml'] = strToU8(
    strFromU8(files['[Content_Types].xml']).replace('</Types>', `${overrides}</Types>`),
  );
  return zipSync(files, { level: 6 });
}
