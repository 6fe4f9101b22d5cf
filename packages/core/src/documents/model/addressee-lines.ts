/**
 * The "Kính gửi" lines for a document's addressees: one addressee prints inline
 * ("Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh."), several as a list under the label, each "- …;"
 * and the last ending ".". No addressees, no lines.
 *
 * @example
 * ```ts
 * formatAddresseeLines(['Ủy ban nhân dân tỉnh Hà Tĩnh'])  // ['Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh.']
 * formatAddresseeLines(['Sở Y tế', 'UBND huyện Kỳ Anh'])   // ['Kính gửi:', '- Sở Y tế;', '- UBND huyện Kỳ Anh.']
 * ```
 */
export function formatAddresseeLines(addressees: readonly string[]): string[] {
  const clean = addressees.map((a) => a.replace(/[;.,\s]+$/u, ''));
  if (clean.length === 0) return [];
  if (clean.length === 1) return [`Kính gửi: ${clean[0]}.`];
  return ['Kính gửi:', ...clean.map((a, i) => `- ${a}${i === clean.length - 1 ? '.' : ';'}`)];
}
