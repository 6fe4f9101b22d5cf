/**
 * A small seeded pseudo-random generator, so that a draw made from a seed can be made again by
 * anyone holding the seed (an inspection sample must be reproducible; `Math.random` is not).
 */

/**
 * Hashes a seed to an unsigned 32-bit integer (FNV-1a over the UTF-16 code units of the NFC text,
 * then an avalanche). A number seed is hashed as its decimal text, so `7` and `'7'` are the same seed.
 *
 * @example
 * ```ts
 * hashSeed('HT-2021-12') === hashSeed('HT-2021-12') // true
 * ```
 */
export function hashSeed(seed: string | number): number {
  const text = (typeof seed === 'number' ? String(seed) : seed).normalize('NFC');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32), so seeds differing in one letter differ in every bit.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * mulberry32: a generator of 32-bit state returning numbers in [0, 1), the same sequence for the
 * same seed on every JavaScript engine.
 *
 * @example
 * ```ts
 * const next = mulberry32(hashSeed('HT-2021-12'));
 * next(); // a number in [0, 1), always the same for this seed
 * ```
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
