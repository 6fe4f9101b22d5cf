/**
 * Normalises text to Unicode NFC — the form every string has once it enters the library, so
 * "ệ" typed as e + ◌̣ + ◌̂ and as one code point compare equal, and survive into PDF and DOCX.
 *
 * @example
 * ```ts
 * toNfc('Hà Tĩnh'.normalize('NFD')) === 'Hà Tĩnh' // true
 * ```
 */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * An accent-insensitive, case-insensitive search key: strips Vietnamese diacritics
 * (đ/Đ → d included), lower-cases and collapses whitespace.
 *
 * @example
 * ```ts
 * searchKey('Thị xã Kỳ Anh') // 'thi xa ky anh'
 * searchKey('ĐỨC THỌ')       // 'duc tho'
 * ```
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when `haystack` contains `needle`, ignoring accents and case.
 *
 * @example
 * ```ts
 * matchesSearch('Bệnh viện Đa khoa tỉnh', 'benh vien da khoa') // true
 * ```
 */
export function matchesSearch(haystack: string, needle: string): boolean {
  return searchKey(haystack).includes(searchKey(needle));
}
