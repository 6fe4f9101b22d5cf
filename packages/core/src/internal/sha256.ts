/**
 * SHA-256 (FIPS 180-4) in plain JavaScript, synchronous, for every runtime core supports (Node,
 * browsers, React Native) without Web Crypto. Core hashes many small texts (an audit event, a
 * record's canonical JSON): for those, a synchronous digest costs a fraction of an async
 * `crypto.subtle.digest` round trip, and needs no `await` between events. Checked against
 * `node:crypto` in `sha256.test.ts` (padding boundaries, Vietnamese text, large inputs).
 */

// prettier-ignore
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const W = new Int32Array(64);
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();
/** Scratch buffer for the padded message, grown as needed (hashing is synchronous, so one is enough). */
let scratch = new Uint8Array(4096);
/** Largest scratch buffer kept between calls (1 MiB); a larger text is hashed in a buffer of its own. */
const MAX_KEPT_SCRATCH = 1 << 20;

/** @internal SHA-256 (lowercase hex) of the UTF-8 bytes of `text`, synchronously. */
export function sha256HexSync(text: string): string {
  // Worst case 3 UTF-8 bytes per UTF-16 unit, + 0x80 + 8 length bytes, rounded up to a block.
  const capacity = ((text.length * 3 + 72) | 63) + 1;
  if (scratch.length < capacity && capacity <= MAX_KEPT_SCRATCH) scratch = new Uint8Array(Math.min(capacity * 2, MAX_KEPT_SCRATCH));
  const buf = scratch.length >= capacity ? scratch : new Uint8Array(capacity); // a huge text gets its own buffer, not kept
  const { written } = encoder.encodeInto(text, buf);
  const length = written;
  const blocks = (length + 72) >>> 6; // = ceil((length + 9) / 64)
  const end = blocks << 6;
  buf[length] = 0x80;
  buf.fill(0, length + 1, end - 8);
  const highBits = Math.floor(length / 0x20000000);
  const lowBits = (length << 3) >>> 0;
  buf[end - 8] = highBits >>> 24;
  buf[end - 7] = highBits >>> 16;
  buf[end - 6] = highBits >>> 8;
  buf[end - 5] = highBits;
  buf[end - 4] = lowBits >>> 24;
  buf[end - 3] = lowBits >>> 16;
  buf[end - 2] = lowBits >>> 8;
  buf[end - 1] = lowBits;

  let h0 = 0x6a09e667 | 0;
  let h1 = 0xbb67ae85 | 0;
  let h2 = 0x3c6ef372 | 0;
  let h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0;
  let h5 = 0x9b05688c | 0;
  let h6 = 0x1f83d9ab | 0;
  let h7 = 0x5be0cd19 | 0;

  for (let offset = 0; offset < end; offset += 64) {
    for (let t = 0; t < 16; t++) {
      const i = offset + (t << 2);
      W[t] = ((buf[i] as number) << 24) | ((buf[i + 1] as number) << 16) | ((buf[i + 2] as number) << 8) | (buf[i + 3] as number);
    }
    for (let t = 16; t < 64; t++) {
      const w15 = W[t - 15] as number;
      const w2 = W[t - 2] as number;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[t] = ((W[t - 16] as number) + s0 + (W[t - 7] as number) + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + (K[t] as number) + (W[t] as number)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  let out = '';
  for (const word of [h0, h1, h2, h3, h4, h5, h6, h7]) {
    out += (HEX[(word >>> 24) & 255] as string) + (HEX[(word >>> 16) & 255] as string) + (HEX[(word >>> 8) & 255] as string) + (HEX[word & 255] as string);
  }
  return out;
}

/** @internal SHA-256 (lowercase hex) of the UTF-8 bytes of `text`; the async form callers already await. */
export function sha256Hex(text: string): Promise<string> {
  return Promise.resolve(sha256HexSync(text));
}
