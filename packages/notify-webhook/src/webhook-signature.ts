import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature scheme: `v1=` + hex HMAC-SHA256 of `<timestamp>.<raw body>`. */
const SCHEME = 'v1';

const bytesOf = (value: string | Uint8Array): Uint8Array => (typeof value === 'string' ? new TextEncoder().encode(value) : value);

/**
 * Signs a webhook body as the notifier does: `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`,
 * keyed with the shared secret. This is the `X-PCCI-Signature` header's value.
 *
 * @example
 * ```ts
 * const signature = signWebhookPayload({ secret: 's3cret', timestamp: 1638150000, body: '{"key":"m-1"}' });
 * // 'v1=5f0c…'
 * ```
 */
export function signWebhookPayload(input: { secret: string | Uint8Array; timestamp: number | string; body: string | Uint8Array }): string {
  const hmac = createHmac('sha256', bytesOf(input.secret));
  hmac.update(`${String(input.timestamp)}.`);
  hmac.update(bytesOf(input.body));
  return `${SCHEME}=${hmac.digest('hex')}`;
}

/**
 * Input of {@link verifyWebhookSignature}: the header values and the raw body as received.
 *
 * @example
 * ```ts
 * const input: VerifyWebhookSignatureInput = { secret, timestamp: req.headers['x-pcci-timestamp'], body: raw, signature: req.headers['x-pcci-signature'] };
 * ```
 */
export interface VerifyWebhookSignatureInput {
  /** The secret shared with the sender (a string is taken as UTF-8). */
  secret: string | Uint8Array;
  /** The `X-PCCI-Timestamp` header: Unix time in seconds. */
  timestamp: string | number | readonly string[] | undefined | null;
  /** The raw request body, exactly as received (before any JSON parsing). */
  body: string | Uint8Array;
  /** The `X-PCCI-Signature` header: one or more `v1=<hex>`, comma-separated (for a secret rotation). */
  signature: string | readonly string[] | undefined | null;
  /** How far the timestamp may be from `now`, in seconds, either way (replay window). @default 300 */
  toleranceSeconds?: number;
  /** The current time (a `Date` or milliseconds since the epoch). @default Date.now() */
  now?: Date | number;
}

const single = (v: string | number | readonly string[] | undefined | null): string | null =>
  v === undefined || v === null ? null : typeof v === 'object' ? (v.length === 1 ? (v[0] ?? null) : null) : String(v);

/**
 * Checks a webhook request from `@pccovid-inspect/notify-webhook` on the receiving side: the
 * timestamp is a whole number of seconds within `toleranceSeconds` of now, and one of the
 * `v1=` signatures equals the HMAC-SHA256 of `<timestamp>.<raw body>` (compared in constant time).
 * Returns `false` for anything missing or malformed; it never throws on input.
 *
 * @example
 * ```ts
 * import { verifyWebhookSignature } from '@pccovid-inspect/notify-webhook';
 *
 * const ok = verifyWebhookSignature({
 *   secret: process.env.PCCI_WEBHOOK_SECRET!,
 *   timestamp: req.headers['x-pcci-timestamp'],
 *   signature: req.headers['x-pcci-signature'],
 *   body: rawBody,
 * });
 * if (!ok) return res.writeHead(401).end();
 * ```
 */
export function verifyWebhookSignature(input: VerifyWebhookSignatureInput): boolean {
  const timestamp = single(input.timestamp);
  const header = single(input.signature);
  if (timestamp === null || header === null || !/^\d{1,12}$/.test(timestamp)) return false;
  const tolerance = input.toleranceSeconds ?? 300;
  const nowMs = input.now === undefined ? Date.now() : typeof input.now === 'number' ? input.now : input.now.getTime();
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > tolerance) return false;
  const expected = Buffer.from(signWebhookPayload({ secret: input.secret, timestamp, body: input.body }).slice(SCHEME.length + 1), 'hex');
  for (const part of header.split(',')) {
    const [scheme, value] = part.trim().split('=', 2);
    if (scheme !== SCHEME || value === undefined || !/^[0-9a-f]{64}$/i.test(value)) continue;
    if (timingSafeEqual(Buffer.from(value, 'hex'), expected)) return true;
  }
  return false;
}
