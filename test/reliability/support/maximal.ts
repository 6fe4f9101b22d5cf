import { INPUT_LIMITS } from '@pccovid-inspect/core/schemas';
import { pathsOf } from './mutations.js';

const T = INPUT_LIMITS.text;
/** The candidate lengths of a text field, longest first: its maximum is the longest the schema accepts. */
const LENGTHS = [...new Set([T.long, T.uri, T.version, T.short, T.code, T.id])].sort((a, b) => b - a);

/**
 * Text of length `n`: Vietnamese words, and one unbroken word of up to `INPUT_LIMITS.text.short`
 * characters in the middle (the case that made the PDF renderer take 56 s before the limits).
 */
export function maximalText(n: number): string {
  const word = 'Đường'.repeat(Math.ceil(Math.min(n, T.short) / 5)).slice(0, Math.min(n, T.short));
  const filler = 'kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR ';
  const half = Math.floor((n - word.length) / 2);
  const pad = (k: number) => filler.repeat(Math.ceil(k / filler.length) + 1).slice(0, k);
  return (pad(half) + word + pad(n - word.length - half)).slice(0, n);
}

type Json = unknown;
function setAt(root: Json, path: (string | number)[], value: Json): void {
  let cur = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  cur[path.at(-1)!] = value;
}

/**
 * Every string field of `input` set to the longest text the `accepts` check allows (tried from
 * `INPUT_LIMITS.text.long` down), one field at a time. Fields that accept no free text (dates,
 * codes of a fixed form, enums) keep their value.
 */
export function maximize<T>(input: T, accepts: (candidate: T) => boolean, text: (n: number) => string = maximalText): { value: T; fields: number } {
  const value = structuredClone(input);
  let fields = 0;
  for (const path of pathsOf(value)) {
    let cur: Json = value;
    for (const k of path) cur = (cur as Record<string | number, Json>)[k];
    if (typeof cur !== 'string' || path.length === 0) continue;
    for (const n of LENGTHS) {
      setAt(value, path, text(n));
      if (accepts(value)) {
        fields++;
        cur = null;
        break;
      }
    }
    if (cur !== null) setAt(value, path, cur);
  }
  return { value, fields };
}
