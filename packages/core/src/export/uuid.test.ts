import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuid, sha1, toHex, uuidV5 } from './uuid.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sha1', () => {
  // FIPS 180-2 appendix A and common reference vectors.
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
    ['The quick brown fox jumps over the lazy dog', '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12'],
  ])('hashes %j', (input, expected) => {
    expect(toHex(sha1(text(input)))).toBe(expected);
  });

  it('hashes a million "a"s (many blocks)', () => {
    expect(toHex(sha1(new Uint8Array(1_000_000).fill(0x61)))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
  });

  it('agrees with Node crypto on any input, around every block boundary (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(toHex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'));
      }),
      { numRuns: 400 },
    );
  });
});

describe('uuidV5', () => {
  it('matches RFC 9562 / Python uuid.uuid5 vectors', () => {
    // uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') in the Python documentation.
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    // uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.edu/case/x'), computed with CPython.
    expect(uuidV5('https://example.edu/case/x')).toBe('2e76ef76-3c5c-554b-af51-c87bbbb8e7f8');
  });

  it('is a valid version-5, RFC-variant UUID for any name (property)', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const id = uuidV5(name);
        expect(isUuid(id)).toBe(true);
        expect(id[14]).toBe('5');
        expect('89ab').toContain(id[19]);
        expect(uuidV5(name)).toBe(id);
      }),
    );
  });

  it('rejects a malformed namespace', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(/not a UUID: "not-a-uuid"/);
  });
});
