// GET /api/health: liveness and storage reachability (200 ok, 503 degraded); anonymous.
import { z } from 'zod';

export const HealthAnswerSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  storage: z.enum(['ok', 'unreachable']),
  /** Server time, ISO 8601. */
  time: z.string(),
});
export type HealthAnswer = z.infer<typeof HealthAnswerSchema>;
