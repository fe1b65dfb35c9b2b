import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex, sha256Bytes, utf8Bytes, toHex } from '../../shared/core/sha256';

const nodeHex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex: FIPS 180-4 over UTF-8, pure and synchronous', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('standard vector %j', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it('one million "a" (standard long vector)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('padding boundaries 0..130 bytes agree with node:crypto', () => {
    for (let len = 0; len <= 130; len++) {
      const text = 'x'.repeat(len);
      expect(sha256Hex(text)).toBe(nodeHex(text));
    }
  });

  it('random strings (full Unicode, lone surrogates included) agree with node:crypto', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(nodeHex(text));
      }),
      { numRuns: 500 },
    );
  });

  it('random byte arrays agree with node:crypto', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(toHex(sha256Bytes(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('UTF-8 encoding matches Buffer, including accents and astral characters', () => {
    for (const text of ['perché', 'Crema €', '😀 ok', '\ud800x']) {
      expect(Array.from(utf8Bytes(text))).toEqual(Array.from(Buffer.from(text, 'utf8')));
    }
  });
});
