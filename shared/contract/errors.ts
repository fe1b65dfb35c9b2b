// Every error leaves the API as `{ error: { code, message, details } }`: the code is one of
// ERROR_CODES, the message Italian (a partner or PO reads it as is), details paths, rule codes and
// ids only (never names, tax codes or pay). A 422 lists every schema issue with its JSON path.
import { z } from 'zod';

export const ERROR_CODES = [
  'malformed_json',
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'version_conflict',
  'idempotency_conflict',
  'document_conflict',
  'state_conflict',
  'payload_too_large',
  'unsupported_media_type',
  'validation_failed',
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** One entry per schema issue: the JSON path ("$.rows[3].amount") and the Italian reason. */
export const IssueDetailSchema = z.object({ path: z.string(), message: z.string() });
export type IssueDetail = z.infer<typeof IssueDetailSchema>;

/** details of a 422 validation_failed. */
export const ValidationDetailsSchema = z.object({
  issues: z.array(IssueDetailSchema),
  total: z.number().int().optional(),
});

/**
 * The error body. The code is read as a string: a newer server may add codes, and a client must
 * still show the Italian message of an error it does not know.
 */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
