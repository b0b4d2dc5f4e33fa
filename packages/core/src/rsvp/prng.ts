/**
 * A seeded lottery anyone can re-run: cyrb128 (a 128-bit string hash) seeds xoshiro128** (a small, well
 * tested PRNG), which drives a Fisher–Yates shuffle. No imports: browser-safe and engine-independent
 * (32-bit integer arithmetic only, no Math.random).
 */

/** Four 32-bit words from a string; the same string gives the same words on every engine. */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A generator of unsigned 32-bit integers and of unbiased integers below a bound. */
export interface SeededRandom {
  nextUint32(): number;
  /** An integer in [0, bound), without modulo bias. */
  nextBelow(bound: number): number;
}

/** xoshiro128** seeded from `seed` through {@link hash128}. */
export function seededRandom(seed: string): SeededRandom {
  let [a, b, c, d] = hash128(seed);
  if ((a | b | c | d) === 0) a = 1; // the all-zero state would only ever yield zeros
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const nextBelow = (bound: number): number => {
    if (!Number.isInteger(bound) || bound < 1 || bound > 0x100000000) throw new RangeError(`bound must be an integer from 1 to 2^32, got ${bound}`);
    // Reject the top sliver that would make some values likelier than others.
    const limit = 0x100000000 - (0x100000000 % bound);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % bound;
    }
  };
  return { nextUint32, nextBelow };
}

/**
 * The lottery order of `ids` under `seed`. The ids are sorted first and their list is hashed into the
 * seed, so the draw depends on who takes part and on the seed, never on the order requests arrived in;
 * publishing the seed after the draw lets anyone check it.
 */
export function lotteryOrder(ids: readonly string[], seed: string): string[] {
  return lotteryShuffle(ids, (id) => id, seed);
}

/** {@link lotteryOrder} over items identified by `idOf` (ids must be unique): the same draw, without a lookup table. */
export function lotteryShuffle<T>(items: readonly T[], idOf: (item: T) => string, seed: string): T[] {
  const keyed = items.map((item) => ({ id: idOf(item), item })).sort((a, b) => compareText(a.id, b.id));
  const random = seededRandom(`${seed}\u0000${keyed.map((k) => k.id).join('\u0000')}`);
  const order = keyed.map((k) => k.item);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.nextBelow(i + 1);
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
  return order;
}

/** Code-unit order, the same on every engine and locale (localeCompare is neither). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
