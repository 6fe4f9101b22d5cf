/**
 * @internal The records this service last wrote or checked, by collection and id, each with the
 * version and `updatedAt` it was stored at and the schema it satisfies. A later load of the same
 * record at the same version and instant gets a copy of it instead of checking the stored JSON
 * against the schema again (the costliest step of a command's load). Storage is still read on
 * every load: a record changed by anyone else — another process, another service — has another
 * version and is checked as usual. Bounded (least recently used first out). What it holds is
 * deeply frozen, so it is handed out as it is (no copy): commands build new records from what they
 * load (`{ ...loaded.data, … }`) and never change a loaded one in place — a change would throw.
 */
export class RecordCache {
  private readonly entries = new Map<string, { version: number; updatedAt: string; schema: unknown; data: unknown }>();

  constructor(private readonly capacity = 1024) {}

  /** The record's data (frozen) when it is held at this version, instant and schema. */
  get(collection: string, id: string, version: number, updatedAt: string, schema: unknown): { data: unknown } | undefined {
    const key = `${collection}\u0000${id}`;
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version || entry.updatedAt !== updatedAt || entry.schema !== schema) return undefined;
    this.entries.delete(key); // most recently used last
    this.entries.set(key, entry);
    return { data: entry.data };
  }

  /** Holds `data` (frozen, deeply), stored at `version` and `updatedAt`, known to satisfy `schema`. */
  set(collection: string, id: string, version: number, updatedAt: string, schema: unknown, data: unknown): void {
    const key = `${collection}\u0000${id}`;
    this.entries.delete(key);
    this.entries.set(key, { version, updatedAt, schema, data: deepFreeze(data) });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Freezes a JSON value and everything in it; returns it. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
