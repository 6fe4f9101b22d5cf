/**
 * Folds Vietnamese text for accent-, case- and space-insensitive matching: NFD, combining marks
 * removed, đ/Đ → d, lowercased, runs of whitespace and `_` `-` `.` collapsed to one space, trimmed.
 *
 * @example
 * ```ts
 * foldVietnamese('Thị xã  Kỳ Anh') // 'thi xa ky anh'
 * foldVietnamese('Đức Thọ') // 'duc tho'
 * foldVietnamese('Kỳ Anh').includes(foldVietnamese('ky anh')) // true
 * ```
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ')
    .trim();
}
