import { z } from 'zod';
import type { AuditRecord } from '../contracts/storage-adapter.js';
import { GENESIS_HASH, hashAuditRecordSync } from './audit-chain.js';
import type { AuditSigner } from './audit-key.js';
import { COUNTERS_COLLECTION, DOCUMENT_NUMBERS_COLLECTION } from './document-numbering.js';
import { COLLECTIONS } from './records.js';
import { nowIso, type ServiceContext } from './service-context.js';
import { recordDigest } from './unit-of-work.js';

/**
 * The head of a tenant's audit chain at one moment, to print in a report or send out of the
 * system: `verifyAudit({ checkpoint })` later proves the chain still holds event `seq` with hash
 * `headHash`. `mac` is the HMAC of the checkpoint with the service's audit key, when it has one.
 */
export interface AuditCheckpoint {
  tenantId: string;
  /** The last event's seq when the checkpoint was taken (0 for an empty log). */
  seq: number;
  /** That event's hash (`GENESIS_HASH` for an empty log). */
  headHash: string;
  /** When the checkpoint was taken (ISO UTC instant). */
  at: string;
  mac?: string;
}

/** The strict schema of an {@link AuditCheckpoint} (the input of `verifyAudit`). */
export const AuditCheckpointSchema = z.strictObject({
  tenantId: z.string().min(1),
  seq: z.number().int().nonnegative(),
  headHash: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits'),
  at: z.string().min(1),
  mac: z.string().optional(),
});

/** Why `verifyAudit` failed. */
export type AuditFailureReason = 'hash' | 'link' | 'sequence' | 'tenant' | 'mac' | 'checkpoint' | 'recordWithoutEvent' | 'recordChanged';

/** What `verifyAudit` checked, whether it passed or not. */
export interface AuditVerificationFacts {
  /** Events read (up to the failure, when it failed in the log). */
  count: number;
  /** Stored records compared with the log. */
  records: number;
  /** True when the service has an audit key and every event carried a valid `mac`. */
  macChecked: boolean;
  /** Events without `mac` (all of them without a key; with a key, those written before it was set). */
  eventsWithoutMac: number;
  /**
   * Records whose data could not be compared with the log: their last event was written before
   * events carried digests (`details.digests`), or (document counters and numbers) before events
   * named them at all.
   */
  unverifiedRecords: number;
  /** True when a checkpoint was given and found in the chain. */
  checkpointChecked: boolean;
}

/** The result of `verifyAudit`. */
export type AuditVerification =
  | (AuditVerificationFacts & { ok: true })
  | (AuditVerificationFacts & {
      ok: false;
      reason: AuditFailureReason;
      /** The event where the chain breaks, or the event that recorded a changed record. */
      brokenAtSeq?: number;
      /** The record that has no matching event or differs from it. */
      subject?: { collection: string; id: string };
      /** What is wrong, in Vietnamese and English. */
      message: { vi: string; en: string };
    });

type Failure = { reason: AuditFailureReason; brokenAtSeq?: number; subject?: { collection: string; id: string }; message: { vi: string; en: string } };

const PAGE = 1000;

/** The text a checkpoint's `mac` signs. */
const checkpointText = (c: Omit<AuditCheckpoint, 'mac'>) => `pccovid-inspect audit checkpoint\n${c.tenantId}\n${c.seq}\n${c.headHash}\n${c.at}`;

/** The head of the tenant's chain now, signed with the audit key when there is one. */
export async function takeAuditCheckpoint(ctx: ServiceContext): Promise<AuditCheckpoint> {
  const last = await ctx.storage.lastAudit(ctx.tenant.id);
  const checkpoint: AuditCheckpoint = { tenantId: ctx.tenant.id, seq: last?.seq ?? 0, headHash: last?.hash ?? GENESIS_HASH, at: nowIso(ctx) };
  if (ctx.auditSigner) checkpoint.mac = await ctx.auditSigner.sign(checkpointText(checkpoint));
  return checkpoint;
}

const isRecordOf = <T>(value: unknown, check: (v: unknown) => v is T): value is Record<string, T> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(check);
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Verifies the tenant's audit log and its records, in memory bounded by the number of records
 * (never by the length of the log):
 *
 * 1. streams the log 1,000 events at a time, keeping only the previous hash and counters: each
 *    event of this tenant (`tenant`), seq without gaps (`sequence`), linked (`link`), hash
 *    recomputed (`hash`), and with an audit key its `mac` (`mac`; once one event is signed,
 *    every later one must be);
 * 2. a checkpoint, when given: of this tenant, its `mac` valid (with the key), and the chain
 *    still holding its seq with its hash (`checkpoint`: a deleted tail below it is caught even
 *    when every record was deleted too);
 * 3. while streaming, remembers for each record named in `details.versions` its last audited
 *    version and digest (one entry per record); then pages through every collection and checks
 *    that each stored record's version has its event (`recordWithoutEvent`: a deleted tail or
 *    log, or a version bumped without an event) and that its data's digest is the one the event
 *    recorded (`recordChanged`: a row edited at the same version, or an older version restored).
 *
 * Records are read after the log; a record written meanwhile makes it read the new events first,
 * so verifying while commands run does not report false failures.
 */
export async function verifyTenantAudit(ctx: ServiceContext, checkpoint?: AuditCheckpoint): Promise<AuditVerification> {
  const tenantId = ctx.tenant.id;
  const signer: AuditSigner | null = ctx.auditSigner ?? null;
  const audited = new Map<string, { version: number; digest: string | null; seq: number }>();
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let count = 0;
  let macSeen = false;
  let eventsWithoutMac = 0;
  let eventsWithoutDigests = 0;
  let records = 0;
  let unverifiedRecords = 0;
  let checkpointChecked = false;

  const facts = (): AuditVerificationFacts => ({
    count,
    records,
    macChecked: signer !== null && eventsWithoutMac === 0,
    eventsWithoutMac,
    unverifiedRecords,
    checkpointChecked,
  });
  const fail = (f: Failure): AuditVerification => ({ ...facts(), ok: false, ...f });

  /** Checks one event, given its recomputed hash and (with a key) the HMAC of its stored hash. */
  const checkEvent = (e: AuditRecord, recomputed: string, expectedMac: string | null): Failure | null => {
    const at = e.seq;
    if (e.tenantId !== tenantId) {
      return {
        reason: 'tenant',
        brokenAtSeq: at,
        message: { vi: `sự kiện #${at} thuộc đơn vị khác (${e.tenantId})`, en: `event #${at} belongs to another tenant (${e.tenantId})` },
      };
    }
    if (e.seq !== lastSeq + 1) {
      return { reason: 'sequence', brokenAtSeq: at, message: { vi: `thiếu sự kiện trước sự kiện #${at}`, en: `events are missing before event #${at}` } };
    }
    if (e.prevHash !== prevHash) {
      return { reason: 'link', brokenAtSeq: at, message: { vi: `sự kiện #${at} không nối với sự kiện trước`, en: `event #${at} does not link to the previous event` } };
    }
    if (recomputed !== e.hash) {
      return { reason: 'hash', brokenAtSeq: at, message: { vi: `sự kiện #${at} đã bị sửa (mã băm không khớp)`, en: `event #${at} was altered (its hash does not match)` } };
    }
    if (e.mac === undefined) {
      eventsWithoutMac++;
      if (signer && macSeen) {
        return { reason: 'mac', brokenAtSeq: at, message: { vi: `sự kiện #${at} mất chữ ký HMAC`, en: `event #${at} lost its HMAC` } };
      }
    } else if (signer) {
      macSeen = true;
      if (expectedMac !== e.mac) {
        return {
          reason: 'mac',
          brokenAtSeq: at,
          message: { vi: `chữ ký HMAC của sự kiện #${at} sai: sự kiện đã bị sửa`, en: `the HMAC of event #${at} is wrong: the event was altered` },
        };
      }
    }
    if (checkpoint && e.seq === checkpoint.seq) {
      if (e.hash !== checkpoint.headHash) {
        return { reason: 'checkpoint', brokenAtSeq: at, message: { vi: `sự kiện #${at} khác với mốc kiểm tra`, en: `event #${at} differs from the checkpoint` } };
      }
      checkpointChecked = true;
    }
    const versions = e.details.versions;
    const digests = e.details.digests;
    if (digests === undefined) eventsWithoutDigests++;
    if (isRecordOf(versions, isNumber)) {
      const d = isRecordOf(digests, isString) ? digests : {};
      for (const [key, version] of Object.entries(versions)) audited.set(key, { version, digest: d[key] ?? null, seq: e.seq });
    }
    prevHash = e.hash;
    lastSeq = e.seq;
    count++;
    return null;
  };

  /**
   * Reads the log from the last event read to its current end. The hashes of a page are computed
   * synchronously and its HMACs (Web Crypto) together — each depends only on its own event — and
   * the chain is then checked in order.
   */
  const readLog = async (): Promise<Failure | null> => {
    for (;;) {
      const page = await ctx.storage.readAudit(tenantId, { afterSeq: lastSeq, limit: PAGE });
      const hashes = page.map(({ hash: _hash, ...rest }) => hashAuditRecordSync(rest));
      const macs = signer ? await Promise.all(page.map((e) => (e.mac === undefined ? Promise.resolve(null) : signer.sign(e.hash)))) : null;
      for (const [i, e] of page.entries()) {
        const f = checkEvent(e, hashes[i] as string, macs?.[i] ?? null);
        if (f) return f;
      }
      if (page.length < PAGE) return null;
    }
  };

  if (checkpoint) {
    if (checkpoint.tenantId !== tenantId) {
      return fail({
        reason: 'checkpoint',
        message: { vi: `mốc kiểm tra của đơn vị khác (${checkpoint.tenantId})`, en: `the checkpoint is another tenant's (${checkpoint.tenantId})` },
      });
    }
    if (signer && checkpoint.mac !== undefined && (await signer.sign(checkpointText(checkpoint))) !== checkpoint.mac) {
      return fail({ reason: 'checkpoint', message: { vi: 'chữ ký HMAC của mốc kiểm tra sai', en: 'the HMAC of the checkpoint is wrong' } });
    }
    if (checkpoint.seq === 0) checkpointChecked = checkpoint.headHash === GENESIS_HASH;
  }
  const broken = await readLog();
  if (broken) return fail(broken);
  if (checkpoint && !checkpointChecked) {
    return fail({
      reason: 'checkpoint',
      brokenAtSeq: checkpoint.seq,
      message: {
        vi: `nhật ký không còn sự kiện #${checkpoint.seq} của mốc kiểm tra (chỉ còn ${lastSeq} sự kiện)`,
        en: `the log no longer holds event #${checkpoint.seq} of the checkpoint (${lastSeq} events left)`,
      },
    });
  }

  const notAudited = new Set<string>([COUNTERS_COLLECTION, DOCUMENT_NUMBERS_COLLECTION]);
  for (const collection of [...Object.values(COLLECTIONS), COUNTERS_COLLECTION, DOCUMENT_NUMBERS_COLLECTION]) {
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<ServiceContext['storage']['query']>> = await ctx.storage.query({ collection, tenantId, cursor, limit: PAGE });
      for (const rec of page.items) {
        const key = `${collection}/${rec.id}`;
        const subject = { collection, id: rec.id };
        let a = audited.get(key);
        if (a === undefined || a.version < rec.version) {
          // Written since the log was read? Its event is committed with it: read on.
          const f = await readLog();
          if (f) return fail(f);
          a = audited.get(key);
        }
        records++;
        if (a === undefined && notAudited.has(collection) && eventsWithoutDigests > 0) {
          unverifiedRecords++; // written by an event from before events named every write
          continue;
        }
        if (a === undefined || a.version < rec.version) {
          return fail({
            reason: 'recordWithoutEvent',
            subject,
            message: {
              vi: `bản ghi ${key} ở phiên bản ${rec.version} không có sự kiện nhật ký${a ? ` (sự kiện cuối ghi phiên bản ${a.version})` : ''}`,
              en: `record ${key} at version ${rec.version} has no audit event${a ? ` (the last event recorded version ${a.version})` : ''}`,
            },
          });
        }
        if (a.version > rec.version) {
          return fail({
            reason: 'recordChanged',
            brokenAtSeq: a.seq,
            subject,
            message: {
              vi: `bản ghi ${key} ở phiên bản ${rec.version}, nhưng sự kiện #${a.seq} đã ghi phiên bản ${a.version}`,
              en: `record ${key} is at version ${rec.version}, but event #${a.seq} recorded version ${a.version}`,
            },
          });
        }
        if (a.digest === null) {
          unverifiedRecords++;
        } else if (recordDigest(rec.data) !== a.digest) {
          return fail({
            reason: 'recordChanged',
            brokenAtSeq: a.seq,
            subject,
            message: { vi: `dữ liệu bản ghi ${key} khác với dữ liệu sự kiện #${a.seq} đã ghi`, en: `the data of record ${key} differs from what event #${a.seq} recorded` },
          });
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return { ...facts(), ok: true };
}
