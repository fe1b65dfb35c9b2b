// Checks a reconciliation answer read from a file (CLI) or the API (pane) before it is laid out:
// a figure that is not a two-decimal string would otherwise become NaN in a cell. Unknown extra
// fields pass: the server may add some. The shape accepted is ReconciliationAnswerAsRead.
import { z } from 'zod';
import type { ReconciliationAnswerAsRead } from './reconciliation-answer';

const amount = z.string().regex(/^-?\d+\.\d{2}$/, 'importo con due decimali');
const share = z.string().regex(/^-?\d+\.\d{2}$/, 'percentuale con due decimali');

const trailEntry = z.object({
  step: z.string(),
  figure: z.string().optional(),
  formula: z.string(),
  inputs: z.unknown(),
  result: z.unknown(),
});

const programme = z.object({
  programme: z.string().min(1),
  budget: z.object({ municipal: amount, cofinancing: amount, planned: amount }),
  reported: z.object({ municipal: amount, cofinancing: amount }),
  excluded: z.array(
    z.object({
      reason: z.string(),
      amount,
      rowIds: z.array(z.string()),
      municipal: amount.optional(),
      cofinancing: amount.optional(),
      note: z.string().optional(),
    }),
  ),
  admitted: z.object({ municipal: amount, cofinancing: amount, total: amount }),
  contribution: z.object({ proportional: amount, cappedByAdmitted: amount, due: amount }),
  cofinancingShare: share,
  tranches: z.object({ first: amount, second: amount, balance: amount }),
  toRecover: amount,
  trail: z.array(trailEntry),
  projection: z
    .object({
      basis: z.literal('linear'),
      yearElapsed: share,
      admitted: z.object({ municipal: amount, cofinancing: amount, total: amount }),
      contributionDue: amount,
      cofinancingShare: share,
      balance: amount,
      toRecover: amount,
    })
    .nullable()
    .optional(),
});

export const ReconciliationAnswerSchema = z.object({
  agreement: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  policy: z.string(),
  phase: z.string().optional(),
  programmes: z.array(programme),
  ats: z
    .object({
      due: amount,
      cofinancing: amount,
      cofinancingShare: share,
      r20: z.enum(['ok', 'warning', 'error']),
      trail: z.array(trailEntry).optional(),
    })
    // null: the ATS-wide position is the lead partner's, not an ordinary partner's (DOMAIN §11).
    .nullable(),
  findings: z.array(z.object({ code: z.string(), severity: z.string(), message: z.string() })).optional(),
});

export type ParsedAnswer = { ok: true; answer: ReconciliationAnswerAsRead } | { ok: false; issues: string[] };

/** Validates an answer; issues are Italian, one per problem, with the JSON path. */
export function parseReconciliationAnswer(data: unknown): ParsedAnswer {
  const result = ReconciliationAnswerSchema.safeParse(data);
  if (result.success) return { ok: true, answer: result.data as ReconciliationAnswerAsRead };
  return {
    ok: false,
    issues: result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(radice)'}: ${i.message}`),
  };
}
