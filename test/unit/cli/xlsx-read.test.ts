import type ExcelJS from 'exceljs';
import { plainCellValue } from '../../../cli/xlsx-read';

describe('plainCellValue', () => {
  const date = new Date('2026-03-02T00:00:00Z');
  it.each<[string, ExcelJS.CellValue, unknown]>([
    ['empty', null, null],
    ['number', 12.5, 12.5],
    ['text', ' abc ', ' abc '],
    ['date', date, date],
    ['formula → cached result', { formula: 'A1*2', result: 200 } as ExcelJS.CellValue, 200],
    ['formula without a cached result', { formula: 'A1*2' } as ExcelJS.CellValue, null],
    ['shared formula', { sharedFormula: 'B2', result: 'x' } as ExcelJS.CellValue, 'x'],
    ['formula returning a date', { formula: 'A1', result: date } as ExcelJS.CellValue, date],
    ['rich text', { richText: [{ text: 'Cartoleria ' }, { text: 'Srl' }] }, 'Cartoleria Srl'],
    ['hyperlink', { text: 'sito', hyperlink: 'https://example.org' }, 'sito'],
    ['error', { error: '#DIV/0!' } as ExcelJS.CellValue, '#DIV/0!'],
  ])('%s', (_, value, expected) => {
    expect(plainCellValue(value)).toEqual(expected);
  });
});
