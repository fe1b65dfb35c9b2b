// Reading request bodies with a size cap: 413 before parsing, 400 for malformed JSON, 422 (with the
// JSON path of every zod issue, in Italian) for schema violations.
import type { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { malformedJson, payloadTooLarge, validationFailed, type IssueDetail } from './http-errors';

export const JSON_BODY_LIMIT = 16 * 1024 * 1024;

export async function readBytes(request: HttpRequest, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.length > limit) throw payloadTooLarge(limit);
  return bytes;
}

export async function readJson(request: HttpRequest, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const bytes = await readBytes(request, limit);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw malformedJson({ reason: 'empty_body' });
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // The parser's message names a position, not content: safe to return.
    throw malformedJson({ reason: err instanceof Error ? err.message : 'parse_error' });
  }
}

const italian = z.locales.it();
export const MAX_ISSUES = 200;

/** Parses with Italian messages; a failure is a 422 listing every issue with its JSON path. */
export function parseBody<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data, { error: italian.localeError });
  if (result.success) return result.data;
  // A garbage 20,000-row body could list 100,000 issues: the first ones are enough to fix it.
  throw validationFailed(result.error.issues.slice(0, MAX_ISSUES).map(toDetail), result.error.issues.length);
}

export function toDetail(issue: z.core.$ZodIssue): IssueDetail {
  // zod names unknown keys in its message: the caller's text, never echoed back (DOMAIN §11).
  if (issue.code === 'unrecognized_keys')
    return { path: jsonPath(issue.path), message: `Campi non previsti: ${issue.keys.length}.` };
  return { path: jsonPath(issue.path), message: issue.message };
}

/** ['rows', 3, 'amount'] → "$.rows[3].amount". */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}
