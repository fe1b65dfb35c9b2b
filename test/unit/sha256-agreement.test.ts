// One SHA-256: the domain's pure sha256Hex is the definition; the server's native digest (bulk
// request bodies) and the pane's WebCrypto document id compute the same function.
import fc from 'fast-check';
import { sha256Hex } from '../../shared/core/sha256';
import { nativeSha256Hex } from '../../functions/lib/audit';
import { documentId } from '../../addin/ui/documents-panel';

describe('sha256Hex, nativeSha256Hex and documentId agree', () => {
  it('on text (full Unicode, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(nativeSha256Hex(text)).toBe(sha256Hex(text));
      }),
      { numRuns: 300 },
    );
  });

  it('on bytes, across block boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const expected = sha256Hex(bytes);
        expect(nativeSha256Hex(bytes)).toBe(expected);
        expect(await documentId(bytes)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('on a document-sized buffer', async () => {
    const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31) & 255);
    expect(await documentId(bytes)).toBe(nativeSha256Hex(bytes));
    expect(sha256Hex(bytes)).toBe(nativeSha256Hex(bytes));
  });
});
