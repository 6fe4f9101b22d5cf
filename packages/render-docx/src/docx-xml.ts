/** @internal Escaping for WordprocessingML written as strings. */

// Characters XML 1.0 forbids: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const INVALID_SOURCE = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const HAS_INVALID = new RegExp(INVALID_SOURCE);
const ALL_INVALID = new RegExp(INVALID_SOURCE, 'g');
const HAS_SPECIAL = /[&<>"]/;
const ALL_SPECIAL = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text the docx package will escape itself: only stripped of characters XML forbids. */
export function xmlSafe(text: string): string {
  return HAS_INVALID.test(text) ? text.replace(ALL_INVALID, '') : text;
}

/** Text safe inside an element or attribute: stripped of forbidden characters, then escaped. */
export function escapeXml(text: string): string {
  const safe = xmlSafe(text);
  return HAS_SPECIAL.test(safe) ? safe.replace(ALL_SPECIAL, (c) => ENTITIES[c] ?? c) : safe;
}
