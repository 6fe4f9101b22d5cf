import { createFixedClock, createInspectionService, InspectError, type InspectionService, type Person, type StorageAdapter } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { A } from './round.js';

/** The visit every writer answers on (overlapping aggregate); it is started in the round. */
export const SHARED_VISIT = 'visit-03';
/** When the writers act: after visit-03 started. */
export const WRITER_INSTANT = '2021-12-07T02:30:00.000Z';

/** What one command of a writer did. */
export interface WriterResult {
  w: number;
  k: number;
  op: 'overlap' | 'disjoint';
  ok: boolean;
  /** The version the command returned (overlap: the visit's; disjoint: the person's, read back). */
  version?: number;
  code?: string;
  /** Set when something other than an InspectError escaped. */
  raw?: string;
}

/** The disjoint aggregate of writer `w`: its own person in the directory. */
export const writerPersonId = (w: number): string => `p-writer-${w}`;
export const writerPosition = (w: number, k: number): string => `Chuyên viên ${w}-${k}`;
export const writerNote = (w: number, k: number): string => `Ghi chú ${w}-${k}`;

export function writerService(storage: StorageAdapter): InspectionService {
  const seed = haTinh2021Seed();
  return createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock: createFixedClock(WRITER_INSTANT) });
}

/**
 * Command `k` of writer `w`: even `k` answers item a1 of the shared visit (every writer on one
 * aggregate: one wins, the others must get CONFLICT), odd `k` updates the writer's own person.
 */
export async function writerCommand(service: InspectionService, w: number, k: number): Promise<WriterResult> {
  const op = k % 2 === 0 ? 'overlap' : 'disjoint';
  try {
    if (op === 'overlap') {
      const res = await service.recordAnswers(A.secretary, {
        visitId: SHARED_VISIT,
        answers: { a1: { answer: 'met', note: writerNote(w, k), fields: { staffTotal: 100, staffInstalled: k % 100 }, evidence: [] } },
      });
      return { w, k, op, ok: true, version: res.version };
    }
    const person: Person = { tenantId: '42', id: writerPersonId(w), fullName: `Người ghi ${w}`, position: writerPosition(w, k), organizationId: 'org-stttt-ttra', contact: null };
    await service.registerDirectory(A.director, { people: [person] });
    return { w, k, op, ok: true };
  } catch (e) {
    if (InspectError.isInstance(e)) return { w, k, op, ok: false, code: e.code };
    return { w, k, op, ok: false, raw: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}
