// Sign-in inside Excel: NAA where the host supports NestedAppAuth 1.1, the Office dialog otherwise
// (also when NAA fails, as on the web for files not from SharePoint/OneDrive), an Italian message
// when neither is there. Office is office-addin-mock's object.
import './excel-mock';
import { OfficeMockObject } from 'office-addin-mock';
import { acquireToken, NO_SIGN_IN, signInMethod, SignInError, type OfficeLike } from '../../../addin/auth/sign-in';

const config = { clientId: 'client', authority: 'https://login.microsoftonline.com/common', scopes: ['api://x/y'] };
const DIALOG_URL = 'https://localhost:3000/auth-dialog.html';

/** An Office whose requirement sets and dialog answer as given; the dialog replies `reply`. */
function office(sets: string[], dialog?: { reply?: string; failCode?: number; closed?: boolean }) {
  const opened: string[] = [];
  const data: Record<string, unknown> = {
    context: {
      requirements: { isSetSupported: (name: string, version: string) => sets.includes(`${name} ${version}`) },
    },
  };
  if (dialog) {
    (data.context as Record<string, unknown>).ui = {
      displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
        opened.push(url);
        if (dialog.failCode) return callback({ status: 'failed', error: { code: dialog.failCode } });
        const handlers = new Map<string, (arg: unknown) => void>();
        callback({
          status: 'succeeded',
          value: {
            close: () => undefined,
            addEventHandler: (type: string, handler: (arg: unknown) => void) => handlers.set(type, handler),
          },
        });
        setTimeout(() => {
          if (dialog.closed) handlers.get('dialogEventReceived')?.({ error: 12006 });
          else handlers.get('dialogMessageReceived')?.({ message: dialog.reply, origin: 'https://localhost:3000' });
        }, 0);
      },
    };
  }
  return { office: new OfficeMockObject(data) as unknown as OfficeLike, opened };
}

describe('sign-in in Excel', () => {
  it('uses NAA when NestedAppAuth 1.1 is supported', async () => {
    const { office: host, opened } = office(['NestedAppAuth 1.1'], { reply: '{}' });
    const naa = jest.fn(async () => 'naa-token');
    expect(signInMethod(host)).toBe('naa');
    expect(await acquireToken(config, { office: host, naa, dialogUrl: DIALOG_URL })).toBe('naa-token');
    expect(opened).toEqual([]);
  });

  it('NAA unsupported: signs in through the Office dialog, never calling NAA', async () => {
    const { office: host, opened } = office([], { reply: JSON.stringify({ status: 'ok', token: 'dialog-token' }) });
    const naa = jest.fn(async () => 'naa-token');
    expect(signInMethod(host)).toBe('dialog');
    expect(await acquireToken(config, { office: host, naa, dialogUrl: DIALOG_URL })).toBe('dialog-token');
    expect(naa).not.toHaveBeenCalled();
    expect(opened).toEqual([DIALOG_URL]);
  });

  it('NAA failing (Excel on the web, file not from SharePoint/OneDrive) falls back to the dialog', async () => {
    const { office: host } = office(['NestedAppAuth 1.1'], { reply: JSON.stringify({ status: 'ok', token: 't2' }) });
    const naa = jest.fn(async () => {
      throw new Error('nested_app_auth_unavailable');
    });
    expect(await acquireToken(config, { office: host, naa, dialogUrl: DIALOG_URL })).toBe('t2');
  });

  it('says in Italian why, when neither NAA nor the dialog works', async () => {
    const naa = jest.fn(async () => 'never');
    const none = office([]).office;
    expect(signInMethod(none)).toBe('none');
    await expect(acquireToken(config, { office: none, naa, dialogUrl: DIALOG_URL })).rejects.toEqual(
      new SignInError(NO_SIGN_IN),
    );
    const blocked = office([], { failCode: 12009 }).office;
    await expect(acquireToken(config, { office: blocked, naa, dialogUrl: DIALOG_URL })).rejects.toThrow(
      /bloccato la finestra di accesso/,
    );
    const closed = office([], { closed: true }).office;
    await expect(acquireToken(config, { office: closed, naa, dialogUrl: DIALOG_URL })).rejects.toThrow(
      /Accesso annullato/,
    );
    const refused = office([], {
      reply: JSON.stringify({ status: 'error', message: 'Accesso non riuscito: riprova.' }),
    });
    await expect(acquireToken(config, { office: refused.office, naa, dialogUrl: DIALOG_URL })).rejects.toThrow(
      'Accesso non riuscito: riprova.',
    );
    expect(naa).not.toHaveBeenCalled();
  });
});

describe('TokenProvider in Excel', () => {
  const globals = globalThis as Record<string, unknown>;
  const storage = new Map<string, string>();
  const localStorage = {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => storage.set(k, v),
    removeItem: (k: string) => storage.delete(k),
  } as unknown as Storage;

  beforeAll(() => {
    globals.window = {
      location: { search: '', href: 'https://localhost:3000/taskpane.html' },
      localStorage,
      history: { replaceState: () => undefined },
    };
    globals.__ADDIN_AUTH__ = { clientId: 'client', authority: '', scope: '' };
  });

  afterAll(() => {
    delete globals.window;
    delete globals.__ADDIN_AUTH__;
  });

  const jwt = (exp: number) => `h.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.s`;

  it('opens one dialog for the pane’s token providers and reuses the token until it expires', async () => {
    const { TokenProvider } = await import('../../../addin/auth/token-provider');
    const token = jwt(Math.floor(Date.now() / 1000) + 3600);
    const host = office([], { reply: JSON.stringify({ status: 'ok', token }) });
    const po = new TokenProvider(true, localStorage, () => host.office);
    const pane = new TokenProvider(true, localStorage, () => host.office);
    expect(pane.usesEntra).toBe(true);
    const [a, b] = await Promise.all([po.getToken(), pane.getToken()]);
    expect([a, b]).toEqual([token, token]);
    expect(await pane.getToken()).toBe(token);
    expect(host.opened).toEqual(['https://localhost:3000/auth-dialog.html']);
  });
});
