import type { CountByRequest, CountGroup, IndexFilter, IndexValue } from '../contracts/storage-adapter.js';
import { compareIndexValues } from './index-value-order.js';
import { checkWhere, isIndexValue } from './storage-request-checks.js';
import { checkNonEmptyText, isPlainObject, throwValidationIssue } from './validation-issue.js';

/** The most `groupBy` fields a `countBy` request may name. */
const MAX_GROUP_FIELDS = 8;

/**
 * Checks the shape of a `countBy` request (subject `CountByRequest`): non-empty `collection` and
 * `tenantId`, `where` as in a query, and `groupBy` as 1 to 8 distinct non-empty field names.
 * Core runs it before every `countBy` call, so an adapter may trust what core passes; an adapter
 * that is also called directly may run it itself.
 *
 * @example
 * ```ts
 * checkCountByRequest({ collection: 'visits', tenantId: '42', groupBy: [] });
 * // throws ValidationError at ['groupBy']: must list 1 to 8 index fields
 * ```
 */
export function checkCountByRequest(request: CountByRequest): void {
  const subject = 'CountByRequest';
  if (!isPlainObject(request)) throwValidationIssue(subject, [], 'must be an object');
  checkNonEmptyText(subject, ['collection'], request.collection);
  checkNonEmptyText(subject, ['tenantId'], request.tenantId);
  checkWhere(subject, request.where);
  const groupBy: unknown = request.groupBy;
  if (!Array.isArray(groupBy) || groupBy.length < 1 || groupBy.length > MAX_GROUP_FIELDS) {
    throwValidationIssue(subject, ['groupBy'], `must list 1 to ${MAX_GROUP_FIELDS} index fields`);
  }
  const seen = new Set<string>();
  groupBy.forEach((field: unknown, i: number) => {
    checkNonEmptyText(subject, ['groupBy', i], field);
    if (seen.has(field as string)) throwValidationIssue(subject, ['groupBy', i], 'must not repeat a field');
    seen.add(field as string);
  });
}

/**
 * True when an index value (a missing field counts as null) passes one `where` filter — equality,
 * or membership in `{ in: [...] }` — compared strictly by type (`true`, `1` and `'1'` differ).
 *
 * @example
 * ```ts
 * matchesIndexFilter('436', { in: ['436', '440'] }); // true
 * matchesIndexFilter(undefined, null);               // true: a missing field is null
 * ```
 */
export function matchesIndexFilter(value: IndexValue | undefined, filter: IndexFilter): boolean {
  const actual = value ?? null;
  return isIndexValue(filter) ? actual === filter : filter.in.some((candidate) => candidate === actual);
}

/**
 * True when a record's index fields pass every filter of a `where` (AND).
 *
 * @example
 * ```ts
 * matchesWhere({ campaignId: 'c-1', started: true }, { campaignId: 'c-1', started: true }); // true
 * ```
 */
export function matchesWhere(indexes: Record<string, IndexValue>, where: Record<string, IndexFilter> | undefined): boolean {
  if (where === undefined) return true;
  for (const [field, filter] of Object.entries(where)) {
    if (!matchesIndexFilter(Object.hasOwn(indexes, field) ? indexes[field] : null, filter)) return false;
  }
  return true;
}

/**
 * Compares two group keys field by field, in `groupBy` order, with `compareIndexValues`: the order
 * of `CountByResult.groups`.
 *
 * @example
 * ```ts
 * groups.sort((a, b) => compareGroupKeys(['state', 'districtCode'], a.key, b.key));
 * ```
 */
export function compareGroupKeys(groupBy: readonly string[], a: Record<string, IndexValue>, b: Record<string, IndexValue>): number {
  for (const field of groupBy) {
    const order = compareIndexValues(a[field], b[field]);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * Counts records into groups as they stream by (one page at a time; nothing else is kept), then
 * returns the groups in the order `countBy` promises.
 *
 * @example
 * ```ts
 * const counter = new GroupCounter(['state', 'districtCode']);
 * for (const record of page.items) counter.add(record.indexes);
 * return { groups: counter.groups() };
 * ```
 */
export class GroupCounter {
  private readonly counts = new Map<string, CountGroup>();

  constructor(private readonly groupBy: readonly string[]) {}

  /** Counts one record by its index fields (a missing field counts as null). */
  add(indexes: Record<string, IndexValue>): void {
    const values = this.groupBy.map((field) => (Object.hasOwn(indexes, field) ? (indexes[field] ?? null) : null));
    // JSON keeps true, 1 and "1" apart.
    const id = JSON.stringify(values);
    const group = this.counts.get(id);
    if (group) {
      group.count += 1;
      return;
    }
    const key = Object.fromEntries(this.groupBy.map((field, i) => [field, values[i] ?? null])) as Record<string, IndexValue>;
    this.counts.set(id, { key, count: 1 });
  }

  /** The groups counted so far, in key order. */
  groups(): CountGroup[] {
    return [...this.counts.values()]
      .map((g): CountGroup => ({ key: Object.fromEntries(Object.entries(g.key)), count: g.count }))
      .sort((a, b) => compareGroupKeys(this.groupBy, a.key, b.key));
  }
}
