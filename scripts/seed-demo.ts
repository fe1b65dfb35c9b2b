// Demo data for npm start: a few partners' submissions of the crema-2026-2028 agreement, stored
// through the same service the API uses (so versions, idempotency and audit are real). Idempotency
// keys make a re-run a no-op. Seeded under a fixed demo clock (10 Sep 2026: W2 still open), so the
// rows — dated May–August 2026 — are accepted whatever today's date is.
import { getAgreement, DEFAULT_AGREEMENT_ID } from '../shared/agreement/agreements';
import { submit } from '../functions/lib/submission-service';
import type { Storage } from '../functions/lib/storage';
import type { SubmissionBody } from '../shared/contract/submissions';
import { demoRows } from './demo-data';

export const DEMO_CLOCK = new Date('2026-09-10T08:00:00Z');

const DEMO: { partner: string; programme: string; rows: number }[] = [
  { partner: 'koala', programme: 'P1', rows: 12 },
  { partner: 'arcobaleno', programme: 'P1', rows: 20 },
  { partner: 'igea', programme: 'P2', rows: 9 },
  { partner: 'mestieri', programme: 'P5', rows: 15 },
];

export async function seedDemo(storage: Storage): Promise<{ submissionId: string; replayed: boolean }[]> {
  const agreement = getAgreement(DEFAULT_AGREEMENT_ID);
  if (!agreement) throw new Error(`agreement ${DEFAULT_AGREEMENT_ID} missing`);
  // The service gets the demo clock; the server's own clock is not touched.
  const deps = { storage, clock: () => DEMO_CLOCK };
  const out = [];
  for (const d of DEMO) {
    const body: SubmissionBody = {
      programme: d.programme,
      partner: d.partner,
      year: 2026,
      rows: demoRows(d.rows, { programme: d.programme, prefix: `${d.partner}` }) as SubmissionBody['rows'],
    };
    const { answer, replayed } = await submit(deps, {
      agreement,
      body,
      actor: { role: 'partner', id: `${d.partner}/demo-seed` },
      idempotencyKey: `demo-seed-${d.partner}-${d.programme}-2026`,
    });
    out.push({ submissionId: answer.submissionId, replayed });
  }
  return out;
}
