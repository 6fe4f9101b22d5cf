/**
 * @internal The records this service last wrote or checked, by collection and id, each with the
 * version and `updatedAt` it was stored at and the schema it satisfies. A later load of the same
 * record at the same version and instant gets a copy of it instead of checking the stored JSON
 * against the schema again (the costliest step of a command's load). Storage is still read on
 * every load: a record changed by anyone else — another process, another service — has another
 * version and is checked as usual. Bounded (least recently used first out); copies in and out, so
 * no caller can change what it holds.
 */
export class RecordCache {
  private readonly entries = new Map<string, { version: number; updatedAt: string; schema: unknown; data: unknown }>();

  constructor(private readonly capacity = 1024) {}

  /** A copy of the record's data when it is held at this version, instant and schema. */
  get(collection: string, id: string, version: number, updatedAt: string, schema: unknown): { data: unknown } | undefined {
    const key = `${collection}\u0000${id}`;
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version || entry.updatedAt !== updatedAt || entry.schema !== schema) return undefined;
    this.entries.delete(key); // most recently used last
    this.entries.set(key, entry);
    return { data: structuredClone(entry.data) };
  }

  /** Holds a copy of `data`, stored at `version` and `updatedAt`, known to satisfy `schema`. */
  set(collection: string, id: string, version: number, updatedAt: string, schema: unknown, data: unknown): void {
    const key = `${collection}\u0000${id}`;
    this.entries.delete(key);
    this.entries.set(key, { version, updatedAt, schema, data: structuredClone(data) });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Forgets a record (a write of it failed, so what is stored is unknown). */
  delete(collection: string, id: string): void {
    this.entries.delete(`${collection}\u0000${id}`);
  }
}
