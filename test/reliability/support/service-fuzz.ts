import fc from 'fast-check';
import {
  COMMANDS,
  createInspectionService,
  InspectError,
  NotificationError,
  type ActorInput,
  type InspectionService,
  type Notifier,
  type StorageAdapter,
} from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { storageDigest } from './digest.js';
import { arbitraryBodyArb, mutationArb, prototypeFingerprint } from './mutations.js';
import { A, ALL_ACTORS, OTHER_TENANT, roundAt, STAGES } from './round.js';
import type { Tally } from './summary.js';
import { validBodies } from './valid-bodies.js';

/** Every stable code of `InspectError`. */
export const ERROR_CODES = new Set([
  'VALIDATION_FAILED',
  'INVALID_TRANSITION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'EMBARGOED',
  'STORAGE_FAILED',
  'NOTIFICATION_FAILED',
  'RENDER_FAILED',
  'IMPORT_FAILED',
  'CONFIGURATION_INVALID',
]);

/**
 * Commands left out of the fuzzing, by name.
 */
export const EXCLUDED_COMMANDS = new Set<string>([]);

type Untyped = Record<string, (actor: unknown, input?: unknown) => Promise<unknown>>;

/** Actors: every role, strangers, and malformed actors. */
const actorArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<unknown>(...ALL_ACTORS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      {},
      { role: 'root', id: 'x' },
      { role: 'director' },
      { role: 'director', id: '' },
      { role: 'targetRepresentative', id: 'x' },
      JSON.parse('{"role":"director","id":"x","__proto__":{"polluted":"yes"}}'),
    ),
  },
);

/** What one thrown value says about the library: an InspectError with a stable code, or a violation. */
export function classifyThrown(e: unknown): string | null {
  if (!InspectError.isInstance(e)) return `not an InspectError: ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e)}`;
  if (!ERROR_CODES.has(e.code)) return `unknown code ${String(e.code)}`;
  if (typeof e.messageVi !== 'string' || typeof e.messageEn !== 'string') return `${e.code} without messageVi/messageEn`;
  return null;
}

export interface StageFuzzOptions {
  makeStorage(): StorageAdapter;
  stageIndex: number;
  numRuns: number;
  seed: number;
  tally: Tally;
  /** Runs of the other-tenant service per command. */
  strangerRuns: number;
}

const HT = '42';

/**
 * Drives a round to one stage, then fast-checks every command and query there: arbitrary bodies
 * and mutations of a valid body, by every actor; another province's service on the same storage.
 */
export async function fuzzStage(o: StageFuzzOptions): Promise<void> {
  const storage = o.makeStorage();
  const r = await roundAt(storage, o.stageIndex);
  const stage = STAGES[o.stageIndex]!.name;
  // The round's commands through a service that can also deliver: a collecting notifier that takes
  // every channel but refuses coordinating bodies for good, so dead letters exist to re-queue.
  const delivering = createInspectionService({ storage, tenant: r.seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock: r.clock, notifier: collectingNotifier() });
  const service = delivering as unknown as Untyped;
  const other = createInspectionService({ storage, tenant: OTHER_TENANT, adminUnits: HA_TINH_2021_DISTRICTS, clock: r.clock }) as unknown as Untyped;
  const proto = prototypeFingerprint();
  let current = await storageDigest(storage, HT);
  try {
    for (const def of Object.values(COMMANDS)) {
      if (EXCLUDED_COMMANDS.has(def.name)) continue;
      const isQuery = def.kind === 'query';
      const method = def.method;
      const valid = validBodies(r)[def.name];
      if (valid === undefined) {
        o.tally.violation(`no valid body for ${def.name}`);
        continue;
      }
      const bodyArb = fc.oneof(
        { weight: 2, arbitrary: mutationArb(valid) },
        { weight: 1, arbitrary: arbitraryBodyArb(valid) },
        { weight: 1, arbitrary: fc.constant({ kind: 'valid', body: valid }) },
      );
      await fc.assert(
        fc.asyncProperty(actorArb, bodyArb, async (actor, { kind, body }) => {
          o.tally.runs++;
          let thrown: unknown = undefined;
          let ok = false;
          let result: unknown;
          try {
            result = await service[method]!(actor, body);
            ok = true;
          } catch (e) {
            thrown = e;
            o.tally.faults++;
          }
          const where = `[${stage}] ${def.name} (${kind}) as ${JSON.stringify(actor)?.slice(0, 80)} with ${JSON.stringify(body)?.slice(0, 200)}`;
          if (!ok) {
            const bad = classifyThrown(thrown);
            if (bad) o.tally.violation(`${where}: ${bad}`);
          }
          const after = await storageDigest(storage, HT);
          o.tally.rowsChecked++;
          if ((!ok || isQuery) && after !== current) o.tally.violation(`${where}: storage changed by a ${ok ? 'query' : 'rejected command'}`);
          if (prototypeFingerprint() !== proto) o.tally.violation(`${where}: Object.prototype polluted`);
          if (ok && !isQuery) {
            const audit = await r.service.verifyAudit(A.director);
            o.tally.rowsChecked++;
            if (!audit.ok) o.tally.violation(`${where}: verifyAudit fails after a valid command`);
          }
          if (ok && (actor as ActorInput | null)?.role === 'targetRepresentative') checkOwnUnitOnly(def.name, actor as ActorInput, result, where, o.tally);
          current = after;
        }),
        { numRuns: o.numRuns, seed: o.seed + o.stageIndex * 1000 + hash(def.name), endOnFailure: true },
      );
      // Another province's service on the same storage: whatever it does, Hà Tĩnh's data stays as it is and is never shown.
      for (let i = 0; i < o.strangerRuns; i++) {
        const actor = [A.director, A.lead, A.viewer][i % 3]!;
        o.tally.runs++;
        let result: unknown;
        let ok = false;
        try {
          result = await other[method]!(actor, validBodies(r)[def.name]);
          ok = true;
        } catch (e) {
          o.tally.faults++;
          const bad = classifyThrown(e);
          if (bad) o.tally.violation(`[${stage}] other province ${def.name}: ${bad}`);
        }
        o.tally.rowsChecked++;
        if ((await storageDigest(storage, HT)) !== current) o.tally.violation(`[${stage}] other province ${def.name} changed Hà Tĩnh's storage`);
        if (ok && JSON.stringify(result ?? null).includes(`"tenantId":"${HT}"`)) o.tally.violation(`[${stage}] other province ${def.name} saw Hà Tĩnh's data`);
      }
    }
  } finally {
    await storage.dispose();
  }
}

/** A notifier that keeps what it is given; coordinating bodies are refused for good (dead letters). */
function collectingNotifier(): Notifier & { sent: string[] } {
  const sent: string[] = [];
  return {
    name: 'collecting',
    sent,
    send(message) {
      if (message.recipient.role === 'coordinatingBody') throw new NotificationError({ notifierName: 'collecting', messageKey: message.key, permanent: true, reason: 'refused' });
      sent.push(message.key);
      return Promise.resolve({ providerMessageId: `collected-${sent.length}` });
    },
  };
}

/** A target's representative sees only their own unit's visits. */
function checkOwnUnitOnly(name: string, actor: ActorInput, result: unknown, where: string, tally: Tally): void {
  const own = actor.targetId;
  const visits: { targetId?: string }[] =
    name === 'visits.list'
      ? (result as { targetId: string }[])
      : name === 'visitPage.get'
        ? (result as { items: { targetId: string }[] }).items
        : name === 'visit.get'
          ? [result as { targetId: string }]
          : [];
  for (const v of visits) {
    tally.rowsChecked++;
    if (v.targetId !== own) tally.violation(`${where}: a target representative of ${own} sees ${v.targetId}`);
  }
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return Math.abs(h) % 997;
}

export type { InspectionService };
