import { ConfigurationError, NotificationError, type Notifier, type OutboundMessage, type SendOptions, type SendResult } from '@pccovid-inspect/core';
import { signWebhookPayload } from './webhook-signature.js';
import { Aborted, attemptSignal, sleep } from './internal/abort.js';

/**
 * Options of {@link createWebhookNotifier}.
 *
 * @example
 * ```ts
 * const options: WebhookNotifierOptions = { url: 'https://so-tttt.example/hooks/pcci', secret: process.env.PCCI_WEBHOOK_SECRET! };
 * ```
 */
export interface WebhookNotifierOptions {
  /**
   * Where to POST: one URL for every message, or a function of the recipient (role and
   * pseudonymous id) returning its URL, or `null` when it has none (the send is then refused
   * permanently with reason `no address`). URLs are never written into an error.
   */
  url: string | ((recipient: OutboundMessage['recipient']) => string | null | Promise<string | null>);
  /** The secret shared with the receiver, keying the HMAC-SHA256 signature (a string is taken as UTF-8). */
  secret: string | Uint8Array;
  /** The `fetch` to use. @default globalThis.fetch (Node 20+) */
  fetch?: typeof fetch;
  /** The channels it takes. @default ['webhook'] */
  channels?: readonly string[];
  /**
   * Retries inside one `send` after a 5xx, 408, 429, a timed-out attempt or a network error:
   * `count` more attempts, waiting `baseMs`, then twice that, and so on (the signal cuts a wait short).
   * @default { count: 2, baseMs: 250 }
   */
  retries?: { count: number; baseMs: number };
  /** Time for one attempt (connect, send, response headers) before it counts as timed out, in ms. @default 10000 */
  attemptTimeoutMs?: number;
  /** The notifier's name in errors and the audit log. @default 'webhook' */
  name?: string;
}

/**
 * The JSON body of every webhook request (`Content-Type: application/json; charset=utf-8`).
 *
 * @example
 * ```ts
 * const payload = JSON.parse(rawBody) as WebhookPayload;
 * if (seen.has(payload.key)) return; // a re-send of the same message
 * ```
 */
export interface WebhookPayload {
  /** The idempotency key, also in the `Idempotency-Key` header: the same on every re-send of one message. */
  key: string;
  topic: string;
  /** NFC. */
  subject: string;
  /** NFC. */
  body: string;
  refs: Readonly<Record<string, string>>;
  /** Role and pseudonymous id: no address or name. */
  recipient: { role: string; id: string };
  attempt: number;
  /** When this send started (ISO 8601, UTC). */
  sentAt: string;
}

const RETRYABLE_4XX = new Set([408, 425, 429]);

class AttemptFailed extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
    readonly hint?: string,
  ) {
    super(reason);
  }
}

function networkReason(error: unknown): string {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    default:
      return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? `network error ${code}` : 'network error';
  }
}

function configError(problemVi: string, problemEn: string, hint: string): ConfigurationError {
  return new ConfigurationError({ problemVi: `notify-webhook: ${problemVi}`, problemEn: `notify-webhook: ${problemEn}`, hint });
}

/** Reads a little of the response (so the connection can be reused) and picks an `id` out of a JSON body. */
async function providerIdOf(response: Response): Promise<string | null> {
  const header = response.headers.get('x-request-id');
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > 65_536) {
    await response.body?.cancel();
    return header;
  }
  const text = await response.text().catch(() => '');
  try {
    const id = (JSON.parse(text) as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && id.length <= 200) return id;
  } catch {
    // not JSON: fine, the status is what counts
  }
  return header;
}

/**
 * A `Notifier` that POSTs each message as signed JSON ({@link WebhookPayload}) with headers
 * `Idempotency-Key: <key>`, `X-PCCI-Timestamp: <unix s>` and
 * `X-PCCI-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` (check it with
 * {@link verifyWebhookSignature}). A 2xx is delivered; a 5xx, 408/425/429, a timed-out attempt or
 * a network error is retried inside the send (bounded, with backoff) and then rejected as
 * transient; any other status (4xx, 3xx) is a permanent refusal with reason `HTTP <status>`.
 * Node 20+ only (it signs with `node:crypto`).
 *
 * @example
 * ```ts
 * import { createWebhookNotifier } from '@pccovid-inspect/notify-webhook';
 *
 * const notifier = createWebhookNotifier({
 *   url: (recipient) => endpoints.get(recipient.id) ?? null,
 *   secret: process.env.PCCI_WEBHOOK_SECRET!,
 *   retries: { count: 2, baseMs: 500 },
 * });
 * ```
 */
export function createWebhookNotifier(options: WebhookNotifierOptions): Notifier {
  const name = options.name ?? 'webhook';
  const doFetch = options.fetch ?? globalThis.fetch;
  const retries = options.retries ?? { count: 2, baseMs: 250 };
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 10_000;
  if (typeof doFetch !== 'function') throw configError('không có fetch', 'no fetch available', 'Use Node 20 or later, or pass `fetch`.');
  const secretLength = typeof options.secret === 'string' ? options.secret.length : (options.secret as Uint8Array | undefined)?.byteLength;
  if (!secretLength) throw configError('secret rỗng', 'the secret is empty', 'Pass the secret shared with the receiver (at least 32 random bytes).');
  if (!Number.isInteger(retries.count) || retries.count < 0 || retries.count > 10 || !(retries.baseMs >= 0))
    throw configError('retries phải có count từ 0 đến 10 và baseMs ≥ 0', 'retries needs a count from 0 to 10 and baseMs ≥ 0', 'e.g. { count: 2, baseMs: 250 }');
  if (!(attemptTimeoutMs > 0)) throw configError('attemptTimeoutMs phải lớn hơn 0', 'attemptTimeoutMs must be above 0', 'e.g. 10000');
  if (typeof options.url === 'string' && !/^https?:\/\/[^\s]+$/i.test(options.url))
    throw configError('url phải là địa chỉ http(s)', 'url must be an http(s) URL', 'e.g. https://example.org/hooks/pcci');
  const resolveUrl =
    typeof options.url === 'string'
      ? (
          (url: string) => () =>
            url
        )(options.url)
      : options.url;

  async function attempt(url: string, body: string, key: string, signal: AbortSignal): Promise<SendResult> {
    const timestamp = Math.floor(Date.now() / 1000);
    const scope = attemptSignal(signal, attemptTimeoutMs);
    try {
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          body,
          redirect: 'manual',
          signal: scope.signal,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'idempotency-key': key,
            'x-pcci-timestamp': String(timestamp),
            'x-pcci-signature': signWebhookPayload({ secret: options.secret, timestamp, body }),
            'user-agent': '@pccovid-inspect/notify-webhook',
          },
        });
      } catch (error) {
        if (signal.aborted) throw new Aborted(true);
        if (scope.timedOut()) throw new AttemptFailed('timeout', true);
        throw new AttemptFailed(networkReason(error), true);
      }
      if (response.status >= 200 && response.status < 300) {
        return { providerMessageId: await providerIdOf(response).catch(() => null) };
      }
      await response.body?.cancel().catch(() => undefined);
      const reason = `HTTP ${response.status}`;
      if (response.status >= 500 || RETRYABLE_4XX.has(response.status)) throw new AttemptFailed(reason, true);
      const hint =
        response.status === 401 || response.status === 403
          ? 'Kiểm tra secret dùng chung với bên nhận. / Check the secret shared with the receiver.'
          : response.status >= 300 && response.status < 400
            ? 'Dùng địa chỉ cuối cùng (không chuyển hướng). / Configure the final URL (redirects are not followed).'
            : undefined;
      throw new AttemptFailed(reason, false, hint);
    } finally {
      scope.done();
    }
  }

  return {
    name,
    channels: [...(options.channels ?? ['webhook'])],
    async send(message: OutboundMessage, { signal }: SendOptions): Promise<SendResult> {
      const fail = (reason: string, permanent: boolean, hint?: string) =>
        new NotificationError({ notifierName: name, messageKey: message.key, permanent, reason, ...(hint ? { hint } : {}) });
      if (signal.aborted) throw fail('timeout', false);
      const url = await resolveUrl(message.recipient);
      if (url === null || url === '') throw fail('no address', true, 'Không có URL cho người nhận này. / The url option returned no URL for this recipient.');
      const payload: WebhookPayload = {
        key: message.key,
        topic: message.topic,
        subject: message.subject.normalize('NFC'),
        body: message.body.normalize('NFC'),
        refs: message.refs,
        recipient: { role: message.recipient.role, id: message.recipient.id },
        attempt: message.attempt,
        sentAt: new Date().toISOString(),
      };
      const body = JSON.stringify(payload);
      for (let i = 0; ; i++) {
        try {
          return await attempt(url, body, message.key, signal);
        } catch (error) {
          if (error instanceof Aborted) throw fail('timeout', false);
          if (!(error instanceof AttemptFailed)) throw error;
          if (!error.retryable) throw fail(error.reason, true, error.hint);
          if (i >= retries.count) throw fail(error.reason, false, error.hint);
        }
        try {
          await sleep(retries.baseMs * 2 ** i, signal);
        } catch {
          throw fail('timeout', false);
        }
      }
    },
  };
}
