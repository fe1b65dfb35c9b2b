// Demo data for npm start: four partners' reports of the crema-2026-2028 agreement (koala and the
// lead partner in P1, igea in P2, mestieri in P5), each with the co-financing of its programme's
// plan (own funds and volunteer hours), stored through the same service the API uses (so
// versions, identity, idempotency and audit are real). Seeded once, on the day of the first
// `npm start`, with rows dated in the window open that day; a later run finds version 1 and leaves
// it alone. seedDemo answers koala's P1 version 1 rows: the demo workbook holds exactly those.
import { getAgreement, DEFAULT_AGREEMENT_ID } from '../shared/agreement/agreements';
import { romeDate } from '../shared/core/dates';
import type { RowInput } from '../shared/rows/rows';
import { submit } from '../functions/lib/submission-service';
import type { StoreDeps } from '../functions/lib/deps';
import type { SubmissionBody } from '../shared/contract/submissions';
import { getVersion, readHead, readSnapshot, submissionIdOf } from '../functions/lib/submissions-store';
import { demoPlan, demoReports } from './demo-data';

export interface SeedResult {
  seeded: { submissionId: string; replayed: boolean; rejected: number }[];
  /** koala's P1 rows of version 1, as stored (ids included). */
  koalaRows: RowInput[];
  year: number;
}

export async function seedDemo(
  { storage, auditKeys }: Pick<StoreDeps, 'storage' | 'auditKeys'>,
  now: Date = new Date(),
): Promise<SeedResult> {
  const agreement = getAgreement(DEFAULT_AGREEMENT_ID);
  if (!agreement) throw new Error(`agreement ${DEFAULT_AGREEMENT_ID} missing`);
  const plan = demoPlan(agreement, romeDate(now));
  await storage.ensure();
  // The service gets the seeding day as its clock; the server's own clock is not touched.
  const deps = { storage, clock: () => now, auditKeys };
  const seeded: SeedResult['seeded'] = [];
  for (const report of demoReports(agreement, plan)) {
    const key = { agreement: agreement.id, partner: report.partner, programme: report.programme, year: plan.year };
    if (await readHead(storage, key)) {
      seeded.push({ submissionId: submissionIdOf(key, 1), replayed: true, rejected: 0 });
      continue;
    }
    const body: SubmissionBody = {
      programme: report.programme,
      partner: report.partner,
      year: plan.year,
      rows: report.rows as SubmissionBody['rows'],
    };
    const { answer, replayed } = await submit(deps, {
      agreement,
      body,
      actor: { role: 'partner', id: `${report.partner}/demo-seed` },
      idempotencyKey: `demo-seed-${report.partner}-${report.programme}-${plan.year}`,
    });
    seeded.push({ submissionId: answer.submissionId, replayed, rejected: answer.rejected.length });
  }
  const koala = { agreement: agreement.id, partner: 'koala', programme: 'P1', year: plan.year };
  const v1 = await getVersion(storage, agreement.id, submissionIdOf(koala, 1));
  const koalaRows = v1 ? (await readSnapshot(storage, v1.blobName)).rows : [];
  return { seeded, koalaRows, year: plan.year };
}
