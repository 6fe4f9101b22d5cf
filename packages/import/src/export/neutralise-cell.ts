/**
 * Neutralises a cell for a spreadsheet (CSV/formula injection): text beginning with `=` `+` `-`
 * `@`, a tab or a carriage return is prefixed with `'`, so Excel and LibreOffice show it as text
 * instead of running it. Numbers pass unchanged.
 *
 * @example
 * ```ts
 * neutraliseCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * neutraliseCell(-3) // -3
 * ```
 */
export function neutraliseCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Neutralises then quotes one CSV field (RFC 4180: quoted when it holds the delimiter, a quote or a line break). */
export function csvField(value: string | number | boolean | null | undefined, delimiter = ','): string {
  const neutral = neutraliseCell(value ?? '');
  const text = typeof neutral === 'string' ? neutral : String(neutral);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF-terminated) of neutralised fields. */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[], delimiter = ','): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter) + '\r\n';
}
