import { STORAGE_CONTRACT_VERSION } from '../contracts/storage-adapter.js';
import type { StorageAdapter, StorageCapabilities } from '../contracts/storage-adapter.js';
import { assertUsableStorage } from '../service/guarded-storage.js';

/**
 * What a backend provides to `defineStorageAdapter`: its own operations, nothing else. Core checks
 * every request before it reaches these (shapes, sizes, one tenant per batch, each record once),
 * so they may trust what they receive and hold only backend code.
 */
export type StorageBackend = Omit<StorageAdapter, 'contractVersion' | 'capabilities' | 'dispose'> & {
  /** What the backend can do; unset fields take the defaults of `defineStorageAdapter`. */
  capabilities?: Partial<StorageCapabilities>;
  /** Releases connections and files. Default: nothing to release. */
  dispose?: () => Promise<void>;
};

/**
 * Makes a contract-v2 `StorageAdapter` from a backend's operations: sets `contractVersion`, fills
 * the capabilities a backend did not state (`multiProcess: false`, `durable: false`,
 * `portalStatistics: false`, `maxRecordBytes: null`, `groupedCounts` = whether `countBy` is
 * given) and a no-op `dispose`, and checks the result the way core will at start-up
 * (`CONFIGURATION_INVALID` naming a missing operation). Then check it with
 * `describeStorageConformance` from `@pccovid-inspect/testkit/storage`.
 *
 * @example
 * ```ts
 * export const createRestStorage = (baseUrl: string) =>
 *   defineStorageAdapter({
 *     name: 'rest',
 *     capabilities: { durable: true, multiProcess: true },
 *     get: (collection, tenantId, id) => getJson(`${baseUrl}/${tenantId}/${collection}/${id}`),
 *     query: (request) => postJson(`${baseUrl}/query`, request),
 *     commit: (batch) => postJson(`${baseUrl}/commit`, batch), // one atomic call
 *     readAudit: (tenantId, options) => getJson(`${baseUrl}/${tenantId}/audit?after=${options?.afterSeq ?? 0}`),
 *     lastAudit: (tenantId) => getJson(`${baseUrl}/${tenantId}/audit/last`),
 *     readOutbox: (tenantId, options) => postJson(`${baseUrl}/${tenantId}/outbox/read`, options ?? {}),
 *   });
 * ```
 */
export function defineStorageAdapter(backend: StorageBackend): StorageAdapter {
  const { capabilities = {}, dispose, ...operations } = backend;
  const adapter: StorageAdapter = {
    ...operations,
    contractVersion: STORAGE_CONTRACT_VERSION,
    capabilities: {
      multiProcess: capabilities.multiProcess ?? false,
      durable: capabilities.durable ?? false,
      portalStatistics: capabilities.portalStatistics ?? false,
      maxRecordBytes: capabilities.maxRecordBytes ?? null,
      groupedCounts: capabilities.groupedCounts ?? typeof backend.countBy === 'function',
    },
    dispose: dispose ?? (async () => {}),
  };
  assertUsableStorage(adapter);
  return adapter;
}
