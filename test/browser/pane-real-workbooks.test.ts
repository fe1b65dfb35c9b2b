// Issue 9 in the built task pane (headless Chromium, file mode): a workbook shaped like the
// partners' real ones shows only its planted mistakes, the same the CLI finds (test/unit/
// real-workbooks.test.ts), with the M04/M05 infos; a file that is not an .xlsx shows the reader's
// Italian message naming the format and how to save as .xlsx.
import type { Browser } from 'playwright-core';
import { dropFile, launch, listedFindings, openPane } from './browser';
import { BAD_FILES, REAL_CONTEXT, REAL_PLANTED, realWorkbook } from '../fixtures/real-workbooks';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

jest.setTimeout(60_000);

describe('task pane in a plain browser, real-shaped workbooks', () => {
  it('lists the planted mistakes and nothing else on the rows', async () => {
    const page = await openPane(browser, `?today=${REAL_CONTEXT.today}`);
    await dropFile(page, 'rendiconto-reale.xlsx', await realWorkbook());
    // The list is complete once the summary counts the errors (the full pass has run).
    await page.waitForFunction(() => /\d+ errori/.test(document.querySelector('#summary')?.textContent ?? ''));
    const listed = await listedFindings(page);
    const rowErrors = listed.filter((f) => /^R\d\d /.test(f) && f.includes('!'));
    const planted = REAL_PLANTED.map((p) => `${p.code} ${p.sheet}!`);
    for (const p of planted) expect(rowErrors.some((f) => f.startsWith(p))).toBe(true);
    expect(rowErrors).toHaveLength(REAL_PLANTED.length);
    const codes = listed.map((f) => f.split(' ')[0]);
    expect(codes.filter((c) => c === 'M04')).toHaveLength(2); // Personale, Beni di consumo
    expect(codes.filter((c) => c === 'M05')).toHaveLength(5); // summary, unknown header, instructions, 2 hidden
    await page.close();
  });

  it.each([
    ['vecchio.xls', 'xls', 'Excel 97-2003 (.xls)'],
    ['protetto.xlsx', 'encrypted', 'protetto da password'],
    ['calc.ods', 'ods', 'OpenDocument (.ods'],
    ['vuoto.xlsx', 'empty', 'vuoto (0 byte)'],
    ['export-gestionale.xls', 'html', 'pagina HTML'],
  ] as const)('%s: the reader’s Italian message, no crash', async (name, kind, words) => {
    const page = await openPane(browser, `?today=${REAL_CONTEXT.today}`);
    await dropFile(page, name, await BAD_FILES[kind]());
    await page.waitForFunction(() => (document.querySelector('#file-error')?.textContent ?? '').length > 0);
    const message = (await page.textContent('#file-error')) ?? '';
    expect(message).toContain(words);
    expect(message).toContain('.xlsx');
    await page.close();
  });
});
