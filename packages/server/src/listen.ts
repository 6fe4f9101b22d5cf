import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** Options of {@link listen}. */
export interface ListenOptions {
  /**
   * The port; `0` picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * The interface to listen on.
   * @default '127.0.0.1'
   */
  hostname?: string;
}

/** A running server. */
export interface ListeningServer {
  /** e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  /** Stops accepting connections and closes idle ones. */
  close(): Promise<void>;
}

/**
 * Serves a Hono app (e.g. {@link createInspectionServer}'s) with `@hono/node-server`.
 *
 * @example
 * ```ts
 * const server = await listen(app, { port: 8080, hostname: '0.0.0.0' });
 * console.log(server.url);
 * await server.close();
 * ```
 */
export function listen(app: Hono, options: ListenOptions = {}): Promise<ListeningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
      const host = hostname.includes(':') ? `[${hostname}]` : hostname;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
