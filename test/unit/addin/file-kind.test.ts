// What a dropped file is, by its bytes: each unreadable kind gets its own Italian sentence.
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { detectFileKind, unreadableFileMessage } from '../../../addin/file/file-kind';

async function xlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Personale').addRow(['Codice fiscale']);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function ods(): Uint8Array {
  // OpenDocument: `mimetype` first and stored (uncompressed).
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8('<office:document-content/>'),
  });
}

const CFB = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

describe('detectFileKind', () => {
  it('recognises each kind by its first bytes, whatever the name', async () => {
    const good = await xlsx();
    expect(detectFileKind(good)).toBe('xlsx');
    expect(detectFileKind(strToU8('%PDF-1.7\n1 0 obj'))).toBe('pdf');
    expect(detectFileKind(CFB)).toBe('cfb');
    expect(detectFileKind(ods())).toBe('ods');
    expect(detectFileKind(strToU8('Fornitore;Importo;Data\nRossi;120,50;05/10/2026\n'))).toBe('csv');
    expect(detectFileKind(strToU8('Questo è solo un appunto.\nNiente tabelle.'))).toBe('text');
    expect(detectFileKind(new Uint8Array())).toBe('empty');
    expect(detectFileKind(good.subarray(0, 300))).toBe('corrupt');
    expect(detectFileKind(zipSync({ 'foto.jpg': new Uint8Array([1, 2, 3]) }))).toBe('zip');
    expect(detectFileKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0]))).toBe('unknown');
  });

  it('gives a specific Italian message for every unreadable kind, none for an xlsx', () => {
    expect(unreadableFileMessage('xlsx', 'a.xlsx')).toBeNull();
    const kinds = ['corrupt', 'pdf', 'cfb', 'ods', 'csv', 'text', 'empty', 'zip', 'unknown'] as const;
    const messages = kinds.map((k) => unreadableFileMessage(k, 'rendiconto.xlsx') as string);
    expect(new Set(messages).size).toBe(kinds.length);
    for (const m of messages) {
      expect(m).toContain('«rendiconto.xlsx»');
      expect(m).not.toMatch(/invalid|zip data|error/i);
    }
    expect(unreadableFileMessage('cfb', 'x.xlsx')).toMatch(/password.*\.xls/);
    expect(unreadableFileMessage('pdf', 'x.xlsx')).toMatch(/PDF/);
    expect(unreadableFileMessage('csv', 'x.xlsx')).toMatch(/CSV/);
    expect(unreadableFileMessage('ods', 'x.xlsx')).toMatch(/OpenDocument/);
  });
});
