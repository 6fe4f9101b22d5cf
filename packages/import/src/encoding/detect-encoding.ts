import { decodeVietnamese, VIETNAMESE_ENCODINGS, type VietnameseEncoding } from './vietnamese-encoding.js';

/** What `detectEncoding` found. */
export interface EncodingDetection {
  encoding: VietnameseEncoding;
  /** True when the sample started with a UTF-8 byte order mark. */
  bom: boolean;
  /** Score of each candidate that was tried (higher is more Vietnamese-looking); `utf-8` is absent when the sample was not valid UTF-8. */
  scores: Partial<Record<VietnameseEncoding, number>>;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
const NUCLEUS =
  '(?:uyê|uya|uyu|ươi|ươu|oai|oay|oao|oeo|uôi|uây|iêu|yêu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ôô|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)';
const CODA = '(?:ng|nh|ch|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);
const WORD = /[\p{L}\p{M}]+/gu;

/** Score of decoded text: valid Vietnamese syllables count for, odd non-ASCII letters against. */
function score(text: string): number {
  let total = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (/^[a-z]+$/.test(word)) continue; // ASCII words say nothing about the encoding
    const nfd = word.normalize('NFD');
    const tones = nfd.match(TONE_MARKS)?.length ?? 0;
    const bare = nfd.replace(TONE_MARKS, '').normalize('NFC');
    if (tones <= 1 && SYLLABLE.test(bare)) total += 2;
    else total -= 3;
  }
  // Characters no Vietnamese text holds (symbols of Latin-1 read from a font encoding).
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0x80 && !/[\p{L}\p{M}]/u.test(ch)) total -= 3;
  }
  return total;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true }); // a sequence cut at the end is not an error
    return true;
  } catch {
    return false;
  }
}

/**
 * Detects the encoding of a sample (the first 64 KiB of a file is plenty): a UTF-8 BOM or valid
 * UTF-8 wins; otherwise the sample is decoded as Windows-1258, TCVN3 and VNI and the one reading
 * most like Vietnamese syllables is chosen.
 *
 * @example
 * ```ts
 * detectEncoding(firstChunk).encoding // 'tcvn3'
 * ```
 */
export function detectEncoding(sample: Uint8Array): EncodingDetection {
  const bom = sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  if (bom) return { encoding: 'utf-8', bom, scores: {} };
  const scores: Partial<Record<VietnameseEncoding, number>> = {};
  const ascii = sample.every((b) => b < 0x80);
  if (ascii || isUtf8(sample)) return { encoding: 'utf-8', bom, scores: { 'utf-8': Number.POSITIVE_INFINITY } };
  let best: VietnameseEncoding = 'windows-1258';
  for (const encoding of VIETNAMESE_ENCODINGS) {
    if (encoding === 'utf-8') continue;
    scores[encoding] = score(decodeVietnamese(sample, encoding));
    if ((scores[encoding] ?? 0) > (scores[best] ?? 0)) best = encoding;
  }
  return { encoding: best, bom, scores };
}
