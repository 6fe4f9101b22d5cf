/**
 * fast-check building blocks for valid entities: Vietnamese text with diacritics (NFC), ids,
 * codes, real civil dates and UTC instants, Decree 30 number symbols.
 */
import fc from 'fast-check';

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

export const VI_LOWER = [...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ'];
export const VI_UPPER = VI_LOWER.map((c) => c.toUpperCase());
export const ASCII_UPPER = [...'ABCDEGHIKLMNOPQRSTUVXY'];

/** One Vietnamese word: 1–7 letters with diacritics, sometimes capitalised. */
export const viWord: fc.Arbitrary<string> = fc.tuple(fc.array(fc.constantFrom(...VI_LOWER), { minLength: 1, maxLength: 7 }), fc.boolean()).map(([cs, cap]) => {
  const w = cs.join('');
  return cap ? w.charAt(0).toUpperCase() + w.slice(1) : w;
});

/** Non-empty Vietnamese text (NFC, trimmed, single spaces): what `TextSchema` outputs. */
export const viText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: viWord }, { weight: 1, arbitrary: fc.constantFrom('PC-Covid', 'QR', '19', '–', '(b/c)', 'COVID-19;') }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((ws) => ws.join(' '));

/** Upper-case Vietnamese text, as in Decree 30 headers ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG"). */
export const viUpperText: fc.Arbitrary<string> = fc
  .array(
    fc.array(fc.constantFrom(...VI_UPPER), { minLength: 1, maxLength: 7 }).map((cs) => cs.join('')),
    { minLength: 1, maxLength: 6 },
  )
  .map((ws) => ws.join(' '));

/** A record id: `prefix-…` of letters, digits, `-`, `_`, `.`, `:`. */
export const id: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('v', 'tg', 'p', 'org', 'c', 'bb', 'team', 'qr'), fc.nat({ max: 99_999 })).map(([p, n]) => `${p}-${n}`),
  fc.stringMatching(/^[A-Za-z0-9._:-]{1,40}$/),
);

export const tenantId: fc.Arbitrary<string> = fc.oneof(fc.constant('42'), fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/));
export const provinceCode: fc.Arbitrary<string> = fc.stringMatching(/^\d{2}$/);
export const districtCode: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('436', '437', '439', '440', '441', '442', '443', '444', '445', '446', '447', '448', '449'),
  fc.stringMatching(/^\d{3}$/),
);

export const DAY_MS = 86_400_000;
export const MIN_MS = Date.parse('1946-01-01T00:00:00.000Z');
export const MAX_MS = Date.parse('2099-12-31T00:00:00.000Z');

/** A real civil date `YYYY-MM-DD` (1946–2099). */
export const civilDate: fc.Arbitrary<string> = fc.integer({ min: MIN_MS / DAY_MS, max: MAX_MS / DAY_MS }).map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));

/** Two civil dates, the first not after the second. */
export const civilDateRange: fc.Arbitrary<{ from: string; to: string }> = fc.tuple(civilDate, civilDate).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));

/** An ISO UTC instant ending in `Z`, with or without milliseconds. */
export const instant: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: MIN_MS, max: MAX_MS + DAY_MS - 1 }), fc.boolean()).map(([ms, withMs]) => {
  const iso = new Date(ms).toISOString();
  return withMs ? iso : `${iso.slice(0, 19)}Z`;
});

/** Two instants, the first not after the second (possibly written with different precision). */
export const instantPair: fc.Arbitrary<[string, string]> = fc.tuple(instant, instant).map(([a, b]) => (Date.parse(a) <= Date.parse(b) ? [a, b] : [b, a]));

export const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });

export const symbolPart = fc.array(fc.constantFrom(...ASCII_UPPER, 'Đ'), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
export const suffixPart = fc.array(fc.constantFrom(...ASCII_UPPER, 'r', 'a', '1', '4', '&'), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));

/** A Decree 30 number and symbol: "7641/UBND-VX1", "05/KH-STTTT". */
export const numberSymbol: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 999_999 }), symbolPart, fc.array(suffixPart, { maxLength: 3 }))
  .map(([n, head, rest]) => `${String(n).padStart(2, '0')}/${[head, ...rest].join('-')}`);

export const hash: fc.Arbitrary<string> = fc.stringMatching(/^[0-9a-f]{64}$/);
