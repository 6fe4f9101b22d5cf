import type { StorageAdapter } from '@pccovid-inspect/core';

/**
 * Nothing partial: the last version the audit chain names for each record (`details.versions`)
 * is the version stored, and every record the service wrote is named by some audit event.
 * Returns the problems found (empty when consistent) and how many records were checked.
 */
export async function auditNamesStoredVersions(storage: StorageAdapter, tenantId: string, collections: readonly string[]): Promise<{ problems: string[]; checked: number }> {
  const named = new Map<string, number>();
  let after = 0;
  for (;;) {
    const batch = await storage.readAudit(tenantId, { afterSeq: after, limit: 1000 });
    if (batch.length === 0) break;
    for (const ev of batch) {
      const versions = (ev.details as { versions?: Record<string, number> }).versions ?? {};
      for (const [key, v] of Object.entries(versions)) named.set(key, Math.max(named.get(key) ?? 0, v));
      after = ev.seq;
    }
  }
  const problems: string[] = [];
  let checked = 0;
  for (const [key, version] of named) {
    const slash = key.indexOf('/');
    const rec = await storage.get(key.slice(0, slash), tenantId, key.slice(slash + 1));
    checked++;
    if (!rec) problems.push(`${key}: the audit names version ${version}, the record does not exist`);
    else if (rec.version !== version) problems.push(`${key}: the audit names version ${version}, stored ${rec.version}`);
  }
  for (const collection of collections) {
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<StorageAdapter['query']>> = await storage.query({ collection, tenantId, limit: 500, cursor });
      for (const rec of page.items) {
        checked++;
        if (!named.has(`${collection}/${rec.id}`)) problems.push(`${collection}/${rec.id} v${rec.version}: written with no audit event`);
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  return { problems, checked };
}
