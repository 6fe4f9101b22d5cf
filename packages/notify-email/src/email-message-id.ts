const ATEXT = /[A-Za-z0-9!#$&'*+/=?^_`{|}~.-]/;

const encodeChar = (ch: string): string => [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/**
 * The `Message-ID` of a message, derived from its idempotency key alone:
 * `<key@pccovid-inspect>`, so every re-send of one outbox message carries the same id and the
 * receiving side (or its archive) can drop the duplicate. Characters a Message-ID cannot hold are
 * written as `%XX` (UTF-8), so two keys never give the same id.
 *
 * @example
 * ```ts
 * emailMessageId('01JD6Q9Z3W') // '<01JD6Q9Z3W@pccovid-inspect>'
 * emailMessageId('visit 12/b', 'so-tttt.hatinh.gov.vn') // '<visit%2012/b@so-tttt.hatinh.gov.vn>'
 * ```
 */
export function emailMessageId(key: string, domain = 'pccovid-inspect'): string {
  let local = [...key].map((ch) => (ATEXT.test(ch) ? ch : encodeChar(ch))).join('');
  if (local === '' || local.startsWith('.') || local.endsWith('.') || local.includes('..')) local = local.replace(/\./g, '%2E') || '%00';
  return `<${local}@${domain}>`;
}
