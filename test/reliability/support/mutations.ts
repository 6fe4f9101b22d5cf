import fc from 'fast-check';
import { INPUT_LIMITS } from '@pccovid-inspect/core/schemas';

type Json = unknown;
type Path = (string | number)[];

/** Every path of a value that leads to an object, an array or a leaf (depth-first, root first). */
export function pathsOf(value: Json, base: Path = []): Path[] {
  const out: Path[] = [base];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...base, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...base, k]));
  return out;
}

const clone = <T>(v: T): T => structuredClone(v);

function getAt(root: Json, path: Path): Json {
  let cur: Json = root;
  for (const k of path) cur = (cur as Record<string | number, Json>)[k];
  return cur;
}

/** Sets `path` to `value` as an own property (so `__proto__` becomes a key, as JSON.parse makes it). */
function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return root;
  Object.defineProperty(parent, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

function deleteAt(root: Json, path: Path): Json {
  if (path.length === 0) return undefined;
  const parent = getAt(root, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
  else if (parent !== null && typeof parent === 'object') delete (parent as Record<string, Json>)[path.at(-1) as string];
  return root;
}

/** Characters the schemas refuse in text: C0/C1 controls, unpaired surrogates, U+FFFE/U+FFFF. */
export const badCharArb = fc
  .oneof(fc.integer({ min: 0x00, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.constantFrom(0xfffe, 0xffff))
  .map((c) => String.fromCharCode(c));

const T = INPUT_LIMITS.text;
/** Lengths just over each text limit, and far over (an unbroken word, the PDF's old worst case). */
export const overLongArb = fc
  .tuple(fc.constantFrom(T.id + 1, T.tenantId + 1, T.short + 1, T.code + 1, T.version + 1, T.uri + 1, T.long + 1, 100_001), fc.constantFrom('A', 'ệ', 'Đ '))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

const wrongTypeArb = fc.constantFrom<Json>(null, 0, -1, 1e308, Number.NaN, true, '', [], {}, 'x', [null], { length: 1 }, '2021-02-30', '9999-99-99T99:99:99Z');

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'] as const;

/** A mutation of a valid body: a field dropped, a wrong type, an over-long string, a bad character, a dangerous key. */
export type Mutation = { kind: string; apply(body: Json): Json };

export function mutationArb(valid: Json): fc.Arbitrary<{ kind: string; body: Json }> {
  const paths = pathsOf(valid);
  const pathArb = fc.constantFrom(...paths);
  const stringPaths = paths.filter((p) => typeof getAt(valid, p) === 'string');
  const objectPaths = paths.filter((p) => {
    const v = getAt(valid, p);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const arrayPaths = paths.filter((p) => Array.isArray(getAt(valid, p)));
  const options: fc.Arbitrary<{ kind: string; body: Json }>[] = [
    pathArb.filter((p) => p.length > 0).map((p) => ({ kind: 'dropped', body: deleteAt(clone(valid), p) })),
    fc.tuple(pathArb, wrongTypeArb).map(([p, v]) => ({ kind: 'wrong type', body: setAt(clone(valid), p, v) })),
  ];
  if (paths.length <= 1) options.shift();
  if (stringPaths.length > 0) {
    const sp = fc.constantFrom(...stringPaths);
    options.push(
      fc.tuple(sp, overLongArb).map(([p, s]) => ({ kind: 'over-long', body: setAt(clone(valid), p, s) })),
      fc.tuple(sp, badCharArb, fc.nat()).map(([p, c, at]) => {
        const s = getAt(valid, p) as string;
        const i = s.length === 0 ? 0 : at % (s.length + 1);
        return { kind: 'bad character', body: setAt(clone(valid), p, s.slice(0, i) + c + s.slice(i)) };
      }),
    );
  }
  if (objectPaths.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...objectPaths), fc.constantFrom(...DANGEROUS_KEYS)).map(([p, k]) => ({
        kind: 'dangerous key',
        body: setAt(clone(valid), [...p, k], JSON.parse('{"polluted":"yes","__proto__":{"polluted":"yes"}}') as Json),
      })),
    );
  }
  if (arrayPaths.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...arrayPaths), fc.constantFrom(2, 1001, 5001)).map(([p, n]) => {
        const arr = getAt(valid, p) as Json[];
        return {
          kind: 'over-long list',
          body: setAt(
            clone(valid),
            p,
            Array.from({ length: n }, (_, i) => clone(arr[i % Math.max(arr.length, 1)] ?? 'x')),
          ),
        };
      }),
    );
  }
  return fc.oneof(...options);
}

/** Arbitrary JSON bodies, and objects with the valid body's keys holding arbitrary JSON (deeper reach). */
export function arbitraryBodyArb(valid: Json): fc.Arbitrary<{ kind: string; body: Json }> {
  const keys = valid !== null && typeof valid === 'object' ? Object.keys(valid) : [];
  const json = fc.jsonValue({ maxDepth: 3 });
  const anything: fc.Arbitrary<{ kind: string; body: Json }>[] = [
    json.map((body) => ({ kind: 'arbitrary JSON', body })),
    fc.constantFrom<Json>(undefined, null, JSON.parse('{"__proto__":{"polluted":"yes"}}'), JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}')).map((body) => ({
      kind: 'arbitrary JSON',
      body,
    })),
  ];
  if (keys.length > 0) {
    anything.push(fc.dictionary(fc.constantFrom(...keys), json, { minKeys: 1 }).map((body) => ({ kind: 'valid keys, arbitrary values', body })));
  }
  return fc.oneof(...anything);
}

/** Object.prototype and Array.prototype as they are now, to compare after each call. */
export function prototypeFingerprint(): string {
  const probe = {} as Record<string, unknown>;
  return [Object.getOwnPropertyNames(Object.prototype).sort().join(','), Object.getOwnPropertyNames(Array.prototype).sort().join(','), String(probe.polluted)].join('|');
}
