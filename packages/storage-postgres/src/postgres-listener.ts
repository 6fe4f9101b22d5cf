import pg from 'pg';
import type { ClientConfig, Notification } from 'pg';
import { quoteIdent } from './postgres-tenants.js';

/** @internal First and longest wait before the listening connection is opened again. */
export const RELISTEN_DELAY_MS = { first: 100, max: 5_000 } as const;

/**
 * @internal The connection that `LISTEN`s on the outbox channel (outside the pool, with the
 * settings of the pool's clients), handing each notification's payload (a tenant id) to
 * `deliver`. When the connection is lost (the server restarted, a network cut), it is opened
 * again — after 100 ms, then waits doubling up to 5 s while the server does not answer — and
 * `LISTEN`s again, so wake-ups resume by themselves. Notifications sent while it was down are
 * lost (PostgreSQL queues them for live listeners only).
 */
export class OutboxListener {
  private client: pg.Client | null = null;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private delay: number = RELISTEN_DELAY_MS.first;

  private constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly deliver: (tenantId: string) => void,
  ) {}

  /** Opens the first connection; its failure is the caller's (the adapter fails to start). */
  static async open(config: ClientConfig, channel: string, deliver: (tenantId: string) => void): Promise<OutboxListener> {
    const listener = new OutboxListener(config, channel, deliver);
    listener.client = await listener.connect();
    return listener;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client(this.config);
    // A lost connection is reported here (then 'end'); without a listener Node would exit.
    client.on('error', () => undefined);
    client.on('end', () => this.lost(client));
    client.on('notification', (message: Notification) => {
      if (message.channel === this.channel) this.deliver(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdent(this.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  /** The current connection ended: open another (unless closed, or this is not the current one). */
  private lost(client: pg.Client): void {
    if (this.closed || client !== this.client) return;
    this.client = null;
    this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(() => void this.reopen(), this.delay);
    // A reconnect attempt alone does not keep the process alive.
    this.timer.unref();
  }

  private async reopen(): Promise<void> {
    this.timer = null;
    if (this.closed) return;
    try {
      const client = await this.connect();
      if (this.closed) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.delay = RELISTEN_DELAY_MS.first;
    } catch {
      this.delay = Math.min(this.delay * 2, RELISTEN_DELAY_MS.max);
      if (!this.closed) this.schedule();
    }
  }

  /** Stops listening for good. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    if (client !== null) await client.end().catch(() => undefined);
  }
}
