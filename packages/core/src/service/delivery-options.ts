import type { MessageAttachment, Notifier } from '../contracts/notifier.js';
import type { OutboxRecord } from '../contracts/storage-adapter.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { MANUAL_CHANNEL } from './message-channels.js';

/**
 * How `deliverOutbox` delivers. Every duration is in milliseconds.
 *
 * @example
 * ```ts
 * createInspectionService({ storage, tenant, notifier: [email, manual], delivery: { timeoutMs: 10_000, maxAttempts: 4 } });
 * ```
 */
export interface DeliveryOptions {
  /**
   * How long one `send` may take before it is aborted (its `signal`) and retried later.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * Attempts on one channel before the message moves to its next fallback channel (or to dead
   * letters): a message with two channels gets at most `2 × maxAttempts` attempts in all.
   * @default 5
   */
  maxAttempts?: number;
  /**
   * The first retry waits about this long; each further retry doubles it (full jitter), up to
   * `retryMaxMs`.
   * @default 60000
   */
  retryBaseMs?: number;
  /** @default 21600000 (6 hours) */
  retryMaxMs?: number;
  /**
   * Messages claimed at once (one audited claim, one audited result).
   * @default 100
   */
  batchSize?: number;
  /**
   * Sends in flight at once within a batch.
   * @default 8
   */
  concurrency?: number;
  /**
   * How long a claim holds: a deliverer that crashes releases its messages when it runs out, and
   * another deliverer sends them (with the same idempotency key). Must exceed the time a whole
   * batch can take (`timeoutMs × ⌈batchSize / concurrency⌉`) plus a minute.
   * @default that bound, and at least 5 minutes
   */
  leaseMs?: number;
  /**
   * How long a message held by the embargo waits before it is looked at again (at the latest;
   * the visit's scheduled day, when later, is used instead).
   * @default 900000 (15 minutes)
   */
  embargoRecheckMs?: number;
  /**
   * Files to send with a message, e.g. the official document its `refs.documentId` names,
   * rendered to PDF by the host (core does no I/O). A rejection is a transient failure.
   * @default no attachments
   */
  attachments?: (message: OutboxRecord) => Promise<readonly MessageAttachment[]> | readonly MessageAttachment[];
}

/** Delivery options with every default filled in. */
export interface ResolvedDelivery {
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  batchSize: number;
  concurrency: number;
  leaseMs: number;
  embargoRecheckMs: number;
  attachments: DeliveryOptions['attachments'] | null;
}

const positive = (name: string, value: number | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number => {
  const v = value ?? fallback;
  if (!Number.isSafeInteger(v) || v < 1 || v > max) {
    throw new ConfigurationError({
      problemVi: `delivery.${name} phải là số nguyên từ 1 đến ${max}`,
      problemEn: `delivery.${name} must be a whole number from 1 to ${max}`,
    });
  }
  return v;
};

/** Checks delivery options and fills in the defaults (`CONFIGURATION_INVALID` naming a bad one). */
export function resolveDeliveryOptions(options: DeliveryOptions | undefined): ResolvedDelivery {
  const o = options ?? {};
  if (typeof o !== 'object') throw new ConfigurationError({ problemVi: 'delivery phải là một object', problemEn: 'delivery must be an object' });
  const timeoutMs = positive('timeoutMs', o.timeoutMs, 30_000);
  const batchSize = positive('batchSize', o.batchSize, 100, 10_000);
  const concurrency = positive('concurrency', o.concurrency, 8, 256);
  const bound = timeoutMs * Math.ceil(batchSize / concurrency) + 60_000;
  const leaseMs = positive('leaseMs', o.leaseMs, Math.max(bound, 300_000));
  if (leaseMs < bound) {
    throw new ConfigurationError({
      problemVi: `delivery.leaseMs (${leaseMs}) phải lớn hơn thời gian tối đa của một lô (${bound})`,
      problemEn: `delivery.leaseMs (${leaseMs}) must exceed the longest a batch can take, timeoutMs × ⌈batchSize / concurrency⌉ + 60000 (${bound})`,
    });
  }
  if (o.attachments !== undefined && typeof o.attachments !== 'function') {
    throw new ConfigurationError({ problemVi: 'delivery.attachments phải là một hàm', problemEn: 'delivery.attachments must be a function' });
  }
  const retryBaseMs = positive('retryBaseMs', o.retryBaseMs, 60_000);
  return {
    timeoutMs,
    maxAttempts: positive('maxAttempts', o.maxAttempts, 5, 1000),
    retryBaseMs,
    retryMaxMs: Math.max(retryBaseMs, positive('retryMaxMs', o.retryMaxMs, 21_600_000)),
    batchSize,
    concurrency,
    leaseMs,
    embargoRecheckMs: positive('embargoRecheckMs', o.embargoRecheckMs, 900_000),
    attachments: o.attachments ?? null,
  };
}

/** Checks the service's notifiers (`CONFIGURATION_INVALID` naming a bad one). */
export function resolveNotifiers(option: Notifier | readonly Notifier[] | undefined): readonly Notifier[] {
  const list = option === undefined ? [] : Array.isArray(option) ? (option as readonly Notifier[]) : [option as Notifier];
  list.forEach((n, i) => {
    if (typeof n !== 'object' || n === null || typeof n.send !== 'function' || typeof n.name !== 'string' || n.name.length === 0) {
      throw new ConfigurationError({ problemVi: `notifier thứ ${i + 1} không hợp lệ (cần { name, send })`, problemEn: `notifier ${i + 1} is not a Notifier ({ name, send })` });
    }
    if (n.channels !== undefined && (!Array.isArray(n.channels) || n.channels.some((c) => typeof c !== 'string' || c.length === 0))) {
      throw new ConfigurationError({
        problemVi: `notifier "${n.name}": channels phải là danh sách tên kênh`,
        problemEn: `notifier "${n.name}": channels must be a list of channel names`,
      });
    }
  });
  return Object.freeze([...list]);
}

/**
 * The notifier for a channel: the first that lists it, else the first that lists no channels;
 * for `manual` with neither, the built-in call sheet (`'call-sheet'`).
 */
export function notifierFor(notifiers: readonly Notifier[], channel: string): Notifier | 'call-sheet' | null {
  const found = notifiers.find((n) => n.channels?.includes(channel)) ?? notifiers.find((n) => n.channels === undefined);
  if (found) return found;
  return channel === MANUAL_CHANNEL ? 'call-sheet' : null;
}
