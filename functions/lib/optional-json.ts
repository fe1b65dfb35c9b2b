// A JSON body that may be absent: an empty body reads as {} (e.g. a draw with every default).
import type { HttpRequest } from '@azure/functions';
import { malformedJson } from './http-errors';
import { readBytes } from './request-body';

const LIMIT = 64 * 1024;

export async function readOptionalJson(request: HttpRequest): Promise<unknown> {
  const text = (await readBytes(request, LIMIT)).toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw malformedJson({ reason: err instanceof Error ? err.message : 'parse_error' });
  }
}
