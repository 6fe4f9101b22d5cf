/**
 * Folds Vietnamese text for accent-, case- and space-insensitive matching: NFD, every combining
 * mark removed (`\p{M}`: the tone marks and the circumflex, breve and horn), đ/Đ → d, lower-cased,
 * runs of whitespace collapsed to one space, trimmed. Pure; the same input gives the same key on
 * every engine. Targets store it as their `nameFolded` index (see `targetIndexes`).
 *
 * Unlike `searchKey` (which strips only U+0300–U+036F), it strips every combining mark, so text
 * decomposed with rarer marks folds too.
 *
 * @example
 * ```ts
 * foldVietnamese('Thị xã  Kỳ Anh') // 'thi xa ky anh'
 * foldVietnamese('ĐỨC THỌ') // 'duc tho'
 * foldVietnamese('Huyện Kỳ Anh').includes(foldVietnamese('ky anh')) // true
 * ```
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
