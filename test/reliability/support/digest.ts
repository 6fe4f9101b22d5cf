import { createHash } from 'node:crypto';
import type { StorageAdapter } from '@pccovid-inspect/core';
import { COLLECTIONS } from '@pccovid-inspect/core/adapter-kit';

/**
 * A hash of everything a tenant has in storage, read through the adapter's public API: every
 * record of every collection the service writes (id, version, data), the audit head (seq, hash)
 * and the number of outbox messages with their states.
 */
export async function storageDigest(storage: StorageAdapter, tenantId: string): Promise<string> {
  const h = createHash('sha256');
  for (const collection of Object.values(COLLECTIONS)) {
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<StorageAdapter['query']>> = await storage.query({ collection, tenantId, limit: 500, cursor });
      for (const rec of page.items) h.update(`${collection}\u0000${rec.id}\u0000${rec.version}\u0000${JSON.stringify(rec.data)}\u0001`);
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  const head = await storage.lastAudit(tenantId);
  h.update(`audit\u0000${head?.seq ?? 0}\u0000${head?.hash ?? ''}\u0001`);
  const outbox = await storage.readOutbox(tenantId);
  h.update(`outbox\u0000${outbox.length}\u0000${outbox.map((m) => `${m.id}:${m.status}`).join(',')}`);
  return h.digest('hex');
}
