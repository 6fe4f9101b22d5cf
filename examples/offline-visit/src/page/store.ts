/**
 * What the page keeps on the device, in IndexedDB (the plain API: two get/put calls do not need a
 * library): the packet by the URL it came from, and the inspector's draft by visit id.
 */
import type { ChecklistItemResponse, VisitPacket } from '@pccovid-inspect/core';

/** One item the inspector changed on the device, with the answer it started from. */
export interface DraftItem {
  answer: ChecklistItemResponse;
  /** The packet's answer when the inspector first changed the item: what the merge compares. */
  base: ChecklistItemResponse | null;
  /** After a sync that reported a conflict: the server's answer (the device's is kept). */
  conflict?: ChecklistItemResponse | null;
}

/** The inspector's work on one visit, not yet on the server. */
export interface Draft {
  visitId: string;
  /** When the inspector started the visit on the device (the packet had it not started). */
  startedAt?: string;
  items: Record<string, DraftItem>;
}

type StoreName = 'packets' | 'drafts';

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB'));
  });

let opened: Promise<IDBDatabase> | undefined;
function db(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const open = indexedDB.open('pccovid-offline-visit', 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('packets');
      open.result.createObjectStore('drafts');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB'));
  });
  return opened;
}

async function get<T>(store: StoreName, key: string): Promise<T | undefined> {
  return request((await db()).transaction(store).objectStore(store).get(key) as IDBRequest<T | undefined>);
}

async function put(store: StoreName, key: string, value: unknown): Promise<void> {
  const tx = (await db()).transaction(store, 'readwrite');
  tx.objectStore(store).put(value, key);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB'));
  });
}

export const loadPacket = (url: string): Promise<VisitPacket | undefined> => get<VisitPacket>('packets', url);
export const savePacket = (url: string, packet: VisitPacket): Promise<void> => put('packets', url, packet);
export const loadDraft = async (visitId: string): Promise<Draft> => (await get<Draft>('drafts', visitId)) ?? { visitId, items: {} };
export const saveDraft = (draft: Draft): Promise<void> => put('drafts', draft.visitId, draft);
