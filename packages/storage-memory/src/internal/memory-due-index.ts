import { compareCodePoints } from '@pccovid-inspect/core/adapter-kit';

/**
 * @internal The messages of one tenant that have a `dueAt`, kept sorted by (`dueAt`, `id`): a
 * sorted array of pairs with binary search. `readOutbox({ dueBy })` finds the first message not
 * due in O(log n) and reads only the due ones in order; an insert or removal is a binary search
 * plus one `splice`. Ids compare by code point, as SQL `BINARY` / `COLLATE "C"` do (a memory move, cheap at the sizes a memory store holds).
 */
export class DueIndex {
  private readonly keys: { dueAt: string; id: string }[] = [];

  /** The position where (`dueAt`, `id`) is or would be. */
  private search(dueAt: string, id: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const key = this.keys[mid] as { dueAt: string; id: string };
      if ((compareCodePoints(key.dueAt, dueAt) || compareCodePoints(key.id, id)) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  add(dueAt: string, id: string): void {
    this.keys.splice(this.search(dueAt, id), 0, { dueAt, id });
  }

  remove(dueAt: string, id: string): void {
    const at = this.search(dueAt, id);
    const key = this.keys[at];
    if (key && key.dueAt === dueAt && key.id === id) this.keys.splice(at, 1);
  }

  /** The ids due by `dueBy` (`dueAt <= dueBy`), soonest first, then by id. */
  *dueBy(dueBy: string): Generator<string> {
    for (const key of this.keys) {
      if (compareCodePoints(key.dueAt, dueBy) > 0) return;
      yield key.id;
    }
  }
}
