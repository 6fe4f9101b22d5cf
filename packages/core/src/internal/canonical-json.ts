/** `"key":` for keys seen before: record keys repeat (schema fields), and quoting them is most of the work. Bounded. */
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 10_000;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * @internal JSON with object keys sorted at every level: the same value always gives the same
 * text. Keys sort by UTF-16 code units (`Array.prototype.sort`'s default); properties whose value
 * is `undefined` are left out and `undefined` in an array is `null`, as `JSON.stringify` does.
 * Audit hashes and record digests are computed over this text: its output must never change
 * (`canonical-json.test.ts` pins it).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += quotedKey(key) + (typeof item === 'string' ? JSON.stringify(item) : canonicalJson(item));
  }
  return out + '}';
}
