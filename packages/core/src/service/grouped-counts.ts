import type { CountByRequest, CountByResult, StorageAdapter } from '../contracts/storage-adapter.js';
import { GroupCounter } from '../adapter-kit/grouped-counts.js';

/** The page size of the fallback: the largest `query` allows. */
const PAGE_SIZE = 1000;

/**
 * Core's `countBy` for adapters without `capabilities.groupedCounts`: pages through `query`
 * (same `where`, default order by id, 1000 records a page) and counts each page as it arrives, so
 * no more than one page is held at a time. Correct for any conforming adapter, but it reads every
 * matching record; declare `groupedCounts` and implement `countBy` to count in the store.
 *
 * The request is not checked here (core's guard checks it before choosing the path).
 *
 * @example
 * ```ts
 * const { groups } = await countByPaging(adapter, { collection: 'visits', tenantId: '42', where: { campaignId: 'c-1' }, groupBy: ['state'] });
 * ```
 */
export async function countByPaging(operations: Pick<StorageAdapter, 'query'>, request: CountByRequest): Promise<CountByResult> {
  const counter = new GroupCounter(request.groupBy);
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<StorageAdapter['query']>> = await operations.query({
      collection: request.collection,
      tenantId: request.tenantId,
      ...(request.where === undefined ? {} : { where: request.where }),
      limit: PAGE_SIZE,
      cursor,
    });
    for (const record of page.items) counter.add(record.indexes);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { groups: counter.groups() };
}
