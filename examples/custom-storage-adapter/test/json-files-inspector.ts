import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareCodePoints } from '@pccovid-inspect/core/adapter-kit';
import type { AuditRecord, IndexValue, OutboxRecord } from '@pccovid-inspect/core';
import type { InspectedRecord, StorageInspector } from '@pccovid-inspect/testkit/storage';

const segment = (s: string): string => encodeURIComponent(s).replace(/\./g, '%2E').replace(/\*/g, '%2A');

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The kit's backdoor: reads the files on disk directly, not through the adapter. */
export function inspectJsonFiles(directory: string): StorageInspector {
  return {
    record(collection, tenantId, id): InspectedRecord | null {
      const stored = readJson<{ version: number; data: unknown; indexes: Record<string, IndexValue>; updatedAt: string }>(
        join(directory, 'records', segment(tenantId), segment(collection), `${segment(id)}.json`),
      );
      return stored ? { version: stored.version, data: stored.data, indexes: stored.indexes, updatedAt: stored.updatedAt } : null;
    },
    countRecords: (collection, tenantId) => jsonFiles(join(directory, 'records', segment(tenantId), segment(collection))).length,
    audit: (tenantId) => {
      const dir = join(directory, 'audit', segment(tenantId));
      return jsonFiles(dir).map((name) => readJson<AuditRecord>(join(dir, name))!);
    },
    outbox: (tenantId) =>
      [...(readJson<OutboxRecord[]>(join(directory, 'outbox', `${segment(tenantId)}.json`)) ?? [])].sort(
        (a, b) => compareCodePoints(a.createdAt, b.createdAt) || compareCodePoints(a.id, b.id),
      ),
  };
}
