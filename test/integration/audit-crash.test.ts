// Issue 11, item 5: a version and its audit event cannot be split by a crash. A child process
// commits a version and is killed with SIGKILL before the audit append; the version's audit intent
// (written in the same table transaction) is completed by the next write — the first write of a
// process repairs every report, later writes their own — or by `audit:verify --repair`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { readAuditLog } from '../../functions/lib/audit';
import { versionsWithoutAuditEvent } from '../../functions/lib/audit-coverage';
import { pendingIntents } from '../../functions/lib/audit-intent';
import { verifyAudit } from '../../functions/lib/audit-verify';
import { demoRows } from '../../scripts/demo-data';
import { AGREEMENT, BASE, auditKey, startTestApi, type TestApi, setClock } from './harness';
import { AUDIT_REPAIR_GRACE_MS } from '../../functions/lib/audit-pending';

let api: TestApi;
// Each test starts a tsx child process (a few seconds on a loaded machine).
jest.setTimeout(120_000);
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs the child until it has committed, then SIGKILLs it; resolves with how it ended. */
function commitThenKill(partner: string): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        path.join(__dirname, 'children', 'submit-then-hang.ts'),
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          STORAGE_CONNECTION_STRING: process.env.RENDICONTA_TEST_STORAGE,
          STORAGE_NAMESPACE: api.storage.namespace,
          AUDIT_SIGNING_KEY: auditKey.toString('base64'),
          PARTNER: partner,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child did not commit in time: ${output}`));
    }, 60_000);
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes('committed')) child.kill('SIGKILL'); // between the commit and the audit append
    });
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal, output });
    });
  });
}

/** The child commits at 10:00; the API's writes come 5 minutes later, past the repair's grace. */
const LATER = new Date(Date.parse('2026-09-10T10:00:00Z') + 5 * 60_000);

async function submitOverApi(partner: string) {
  setClock(() => LATER);
  return api.call('POST', `${BASE}/submissions`, {
    token: await api.partner(partner),
    json: { programme: 'P1', partner, year: 2026, rows: demoRows(2, { prefix: 'next' }) },
  });
}

const eventsFor = async (target: string) =>
  (await readAuditLog(api.storage)).filter((e) => e.action === 'submission.create' && e.target === target);

it('SIGKILL after the commit: the version is there, its event is not, the intent says so', async () => {
  const killed = await commitThenKill('mestieri');
  expect(killed).toMatchObject({ signal: 'SIGKILL' });
  expect(killed.output).not.toContain('not killed');
  const v1 = await api.call('GET', `${BASE}/submissions/mestieri.P1.2026.v1`, { token: await api.partner('mestieri') });
  expect(v1.status).toBe(200);
  expect(await versionsWithoutAuditEvent(api.storage)).toEqual([`${AGREEMENT}/mestieri.P1.2026.v1`]);
  expect((await pendingIntents(api.storage)).map((i) => i.target)).toEqual(['mestieri.P1.2026.v1']);
  expect(await verifyAudit(api.deps)).toMatchObject({ intact: false, pendingIntents: 1, ok: true });
});

it('the next write (this process’s first) appends the missing event and clears the intent', async () => {
  const next = await submitOverApi('koala'); // another report: the first write repairs every report
  expect(next.status).toBe(201);
  const [event] = await eventsFor('mestieri.P1.2026.v1');
  expect(event).toMatchObject({ actorRole: 'partner', actorId: 'mestieri/crash-test', contentRef: expect.any(String) });
  expect(await pendingIntents(api.storage)).toEqual([]);
  expect(await verifyAudit(api.deps)).toMatchObject({ intact: true, versionsWithoutEvent: [], pendingIntents: 0 });
});

it('a later crash is repaired by the next write to the same report', async () => {
  expect((await commitThenKill('mestieri')).signal).toBe('SIGKILL');
  expect(await versionsWithoutAuditEvent(api.storage)).toEqual([`${AGREEMENT}/mestieri.P1.2026.v2`]);
  const next = await submitOverApi('mestieri');
  expect(next.status).toBe(201);
  expect(next.body.submissionId).toBe('mestieri.P1.2026.v3');
  expect(await eventsFor('mestieri.P1.2026.v2')).toHaveLength(1);
  expect(await verifyAudit(api.deps)).toMatchObject({ intact: true, pendingIntents: 0 });
});

it('audit:verify --repair completes an intent without any further write, once', async () => {
  expect((await commitThenKill('aurora-domus')).signal).toBe('SIGKILL');
  const report = await verifyAudit(api.deps, { repair: true });
  expect(report).toMatchObject({ repaired: 1, intact: true, pendingIntents: 0 });
  expect((await verifyAudit(api.deps, { repair: true })).repaired).toBe(0);
  expect(await eventsFor('aurora-domus.P1.2026.v1')).toHaveLength(1);
});

it('an upload whose audit append failed carries its intent on the metadata row, and is repaired once', async () => {
  const auditModule = await import('../../functions/lib/audit');
  const spy = jest.spyOn(auditModule, 'appendAudit').mockRejectedValueOnce(new Error('audit non disponibile'));
  try {
    const res = await api.call('PUT', `${BASE}/documents/ced-9?programme=P1`, {
      token: await api.partner('mestieri'),
      body: Buffer.from('%PDF-1.4\n% cedolino\n'),
    });
    expect(res.status).toBe(500); // the event could not be written: the client retries, the intent stays
  } finally {
    spy.mockRestore();
  }
  const target = `${AGREEMENT}/mestieri/ced-9`;
  const uploads = async () => (await readAuditLog(api.storage)).filter((e) => e.target === target);
  expect(await uploads()).toEqual([]);
  expect(await verifyAudit(api.deps)).toMatchObject({ intact: false, pendingIntents: 1 });
  // A repair leaves an intent younger than the grace to its writer: it runs that much later.
  setClock(() => new Date(LATER.getTime() + AUDIT_REPAIR_GRACE_MS));
  expect(await verifyAudit(api.deps, { repair: true })).toMatchObject({ repaired: 1, intact: true });
  expect((await uploads()).map((e) => [e.action, e.actorId])).toEqual([
    ['document.upload', 'mestieri/dev-partner-mestieri'],
  ]);
  expect((await verifyAudit(api.deps, { repair: true })).repaired).toBe(0);
});

it('a repair of every report that runs while a version is being audited leaves it to its writer: one event', async () => {
  const auditModule = await import('../../functions/lib/audit');
  const original = auditModule.appendAudit;
  let repairedMeanwhile: number | undefined;
  const spy = jest.spyOn(auditModule, 'appendAudit').mockImplementationOnce(async (input, deps) => {
    // Another instance starts and repairs every report at this very moment: the version is
    // committed with its intent, its event not yet appended.
    repairedMeanwhile = (await verifyAudit(api.deps, { repair: true })).repaired;
    return original(input, deps);
  });
  let res: Awaited<ReturnType<typeof submitOverApi>>;
  try {
    res = await submitOverApi('arcobaleno');
  } finally {
    spy.mockRestore();
  }
  expect(res.status).toBe(201);
  expect(repairedMeanwhile).toBe(0);
  expect(await eventsFor(String(res.body.submissionId))).toHaveLength(1);
  expect(await verifyAudit(api.deps)).toMatchObject({ intact: true, pendingIntents: 0 });
});
