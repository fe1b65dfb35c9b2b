import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { reconciliationLayout } from '../../../shared/reconciliation/sheet-layout';
import { layoutToXlsx } from '../../../formats/xlsx/reconciliation-workbook';
import { INJECTED_ROW_ID, reconciliationFixture, wireOf } from './reconciliation-fixture';

describe('layoutToXlsx (file-mode download)', () => {
  const answer = reconciliationFixture();
  const layout = reconciliationLayout({ ...answer, asOf: '=1+1' });
  const bytes = layoutToXlsx(layout);

  it('opens with exceljs: figures equal the answer, text stays text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Riconciliazione')!;
    for (const f of layout.figures) {
      const cell = sheet.getCell(f.row + 1, f.col + 1);
      const shown =
        f.kind === 'percent'
          ? new Decimal(String(cell.value)).times(100).toFixed(2)
          : new Decimal(String(cell.value)).toFixed(2);
      expect(shown).toBe(wireOf(answer, f.key));
    }
    expect(sheet.getCell('B2').value).toBe('=1+1');
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    let hostile = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (String(cell.value).includes(INJECTED_ROW_ID)) {
          hostile += 1;
          expect(cell.numFmt).toBe('@');
        }
      }),
    );
    expect(hostile).toBe(1);
  });

  it('carries the native chart and no formula element', () => {
    const files = unzipSync(bytes);
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).not.toContain('<f>');
    expect(strFromU8(files['xl/charts/chart1.xml'])).toContain('<c:barDir val="col"/>');
  });
});
