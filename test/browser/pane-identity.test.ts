// The "Ente" selector in file mode: free without a token (any entity's file can be checked
// offline), fixed to the token's entity with a partner's token (the API would refuse another).
import type { Browser, Page } from 'playwright-core';
import { launch, openPane } from './browser';
import { getAgreement } from '../../shared/agreement/agreements';

const TODAY = '2026-11-20';
const agreement = getAgreement('crema-2026-2028');

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

jest.setTimeout(60_000);

const partnerOptions = (page: Page) =>
  page.$$eval('#partner option', (options) => options.map((o) => (o as HTMLOptionElement).value));

describe('Ente selector and the partner token', () => {
  it('lets the user choose any entity without a token', async () => {
    const page = await openPane(browser, `?today=${TODAY}`);
    expect(await page.isDisabled('#partner')).toBe(false);
    expect(await partnerOptions(page)).toEqual(agreement?.partners.map((p) => p.id));
    expect(await page.$('#partner-lock')).toBeNull();
    await page.close();
  });

  it('shows only the entity of a partner token, not selectable', async () => {
    const page = await openPane(browser, `?today=${TODAY}&token=${process.env.RENDICONTA_PARTNER_TOKEN}`);
    expect(await page.isDisabled('#partner')).toBe(true);
    expect(await partnerOptions(page)).toEqual(['koala']);
    expect(await page.inputValue('#partner')).toBe('koala');
    expect(await page.textContent('#partner-lock')).toBe('L’ente è quello del tuo accesso.');
    await page.close();
  });

  it('locks the entity as soon as a partner token is pasted, keeping programme and year', async () => {
    const page = await openPane(browser, `?today=${TODAY}`);
    await page.selectOption('#programme', 'P2');
    await page.click('details.token summary');
    await page.fill('#dev-token', process.env.RENDICONTA_PARTNER_TOKEN ?? '');
    await page.click('text=Salva token');
    await page.waitForSelector('#partner[disabled]');
    expect(await partnerOptions(page)).toEqual(['koala']);
    expect(await page.inputValue('#programme')).toBe('P2');
    await page.close();
  });
});
