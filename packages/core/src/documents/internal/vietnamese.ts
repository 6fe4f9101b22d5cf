/** @internal Vietnamese numbering and wording helpers shared by the builders. */

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → "I", 4 → "IV" (part numbers). */
export function romanNumeral(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** Point letters in Vietnamese alphabetical order (Decree 30): a, b, c, d, đ, e, g, h, i, k … */
const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** 0 → "a)", 4 → "đ)"; past "y)" it doubles ("aa)"). */
export function pointLabel(index: number): string {
  const n = POINT_LETTERS.length;
  const letter = index < n ? POINT_LETTERS[index] : `${POINT_LETTERS[Math.floor(index / n) - 1]}${POINT_LETTERS[index % n]}`;
  return `${letter})`;
}

/** "08:30" → "08 giờ 30 phút". */
export function formatClockTime(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${h} giờ ${m} phút`;
}

/** A ratio as a percentage with a decimal comma and one decimal: 0.8571 → "85,7". */
export function formatPercent(ratio: number): string {
  return (Math.round(ratio * 1000) / 10).toFixed(1).replace('.', ',');
}

/** Two-digit count as documents write copies: 2 → "02". */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Ensures the text ends with a sentence end (".", "!", "?", ":" or "./."). */
export function endSentence(text: string): string {
  return /[.!?:]$/u.test(text) ? text : `${text}.`;
}

/** Ends the content of a document with "./." (Decree 30), replacing a final "." or ";". */
export function endDocument(text: string): string {
  if (text.endsWith('./.')) return text;
  return `${text.replace(/[.;,\s]+$/u, '')}./.`;
}

/** Strips closing punctuation so a builder can add its own. */
export function stripEnd(text: string): string {
  return text.replace(/[.;,:\s]+$/u, '');
}
