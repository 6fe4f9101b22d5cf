import { createHash } from 'node:crypto';
import { ActorSchema, ForbiddenError, ValidationError, type Actor, type DocumentRenderer, type InspectionService } from '@pccovid-inspect/core';
import { Hono, type Context } from 'hono';
import type { BlankEnv } from 'hono/types';
import type { JWTPayload } from 'jose';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { negotiate } from './content-negotiation.js';
import { endpointsOf, type EndpointDefinition } from './endpoints.js';
import { problemAnswer, toResponse, type Answer } from './http-problem-response.js';
import { createMemoryIdempotencyStore, type IdempotencyStore } from './idempotency-store.js';
import { createJwtVerifier, unauthenticated, type JwtVerifierOptions, type TokenVerifier } from './jwt-verifier.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { HttpProblem } from './problem-details.js';
import { RateLimiter, type RateLimitOptions } from './rate-limiter.js';
import { resolveActorFromClaims, type ActorResolver } from './resolve-actor.js';

/** Request limits of {@link createInspectionServer}. */
export interface InspectionServerLimits {
  /**
   * Largest request body, in bytes; a larger one is `PAYLOAD_TOO_LARGE` (413).
   * @default 1048576 (1 MiB)
   */
  maxBodyBytes?: number;
  /**
   * The token bucket per token subject (`sub`); an empty bucket is `RATE_LIMITED` (429, `Retry-After`). `false` turns it off.
   * @default { burst: 120, perSecond: 50 }
   */
  rateLimit?: RateLimitOptions | false;
}

/** CORS of {@link createInspectionServer}: off unless given. */
export interface InspectionServerCors {
  /** The origins allowed, exactly (`https://kiemtra.hatinh.gov.vn`). No wildcard. */
  origins: readonly string[];
  /**
   * How long a browser may cache a preflight, in seconds.
   * @default 600
   */
  maxAgeSeconds?: number;
}

/** Options of {@link createInspectionServer}. */
export interface InspectionServerOptions {
  /** The service the endpoints call (`createInspectionService(...)`). */
  service: InspectionService;
  /** How tokens are verified with jose: the host's key or JWKS URL, issuer and audience. Give this or `verifyToken`. */
  jwt?: JwtVerifierOptions;
  /** Your own verifier (returns the claims, throws when the token is not valid). Give this or `jwt`. */
  verifyToken?: TokenVerifier;
  /**
   * Claims → actor. The body never names the actor.
   * @default resolveActorFromClaims (`pcci_role`, `sub`, `pcci_district`, `pcci_target`; `pcci_tenant` must match)
   */
  resolveActor?: ActorResolver;
  /**
   * Renderers for `GET /v1/documents/{kind}/{id}`, chosen by `Accept` against their `mediaType`
   * (`createPdfRenderer()`, `createDocxRenderer()`). JSON (the `OfficialDocument`) is always offered.
   * @default []
   */
  renderers?: readonly DocumentRenderer[];
  /** Body size and rate limits. */
  limits?: InspectionServerLimits;
  /**
   * Where `Idempotency-Key`s and first answers are kept.
   * @default createMemoryIdempotencyStore() (bounded, in memory: not shared between processes, lost on restart)
   */
  idempotency?: IdempotencyStore;
  /**
   * CORS allow-list.
   * @default off (no CORS headers)
   */
  cors?: InspectionServerCors;
  /**
   * `info` of the OpenAPI document.
   * @default { title: 'PC-Covid inspection API', version: '1' }
   */
  info?: { title?: string; version?: string };
}

type Methods = Record<string, (actor: Actor, input: unknown) => Promise<unknown>>;

const DOCUMENT_ID_FIELD: Record<string, string> = {
  plan: 'campaignId',
  teamDecision: 'campaignId',
  report: 'campaignId',
  callSheet: 'campaignId',
  minutes: 'visitId',
  notice: 'visitId',
  reminder: 'remediationId',
  sanctionProposal: 'remediationId',
};

const tooLarge = (max: number) =>
  new HttpProblem('PAYLOAD_TOO_LARGE', {
    messageVi: `Nội dung yêu cầu vượt quá ${max} byte. Hãy chia nhỏ yêu cầu.`,
    messageEn: `The request body exceeds ${max} bytes. Split the request.`,
  });

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});
const json = (body: unknown): Answer => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body ?? null), headers: NO_HEADERS });
const BEARER = /^Bearer\s+(\S+)$/i;
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const BLANK = /^\s*$/;

/**
 * Creates the HTTP API (a Hono app) over an inspection service: every command of the command
 * table at `POST /v1/commands/<name>` and every query at `POST /v1/queries/<name>`, the body
 * validated by the command's own zod schema; `GET /v1/openapi.json` (OpenAPI 3.1, generated from
 * the schemas); `GET /v1/documents/{kind}/{id}` as JSON, PDF or DOCX by `Accept`. The actor comes
 * from a verified JWT only; every write needs an `Idempotency-Key`; errors are RFC 9457 problems.
 * Serve it with {@link listen} or any Hono adapter.
 *
 * @example
 * ```ts
 * const app = createInspectionServer({
 *   service,
 *   jwt: { jwksUrl: 'https://sso.hatinh.gov.vn/jwks.json', issuer: 'https://sso.hatinh.gov.vn', audience: 'pccovid-inspect' },
 *   renderers: [createPdfRenderer(), createDocxRenderer()],
 * });
 * const { url } = await listen(app, { port: 8080 });
 * ```
 */
export function createInspectionServer(options: InspectionServerOptions): Hono {
  const { service } = options;
  if ((options.jwt === undefined) === (options.verifyToken === undefined)) {
    throw new TypeError('createInspectionServer: give exactly one of `jwt` and `verifyToken` / cho đúng một trong `jwt` và `verifyToken`');
  }
  const verifyToken = options.verifyToken ?? createJwtVerifier(options.jwt!);
  const resolveActor = options.resolveActor ?? resolveActorFromClaims;
  const renderers = options.renderers ?? [];
  const maxBody = options.limits?.maxBodyBytes ?? 1_048_576;
  const limiter = options.limits?.rateLimit === false ? null : new RateLimiter(options.limits?.rateLimit ?? {});
  const idempotency = options.idempotency ?? createMemoryIdempotencyStore();
  const methods = service as unknown as Methods;
  const tenantId = service.tenant.id;
  const endpoints = endpointsOf();
  /**
   * The default resolver reads nothing but the claims (and the fixed tenant), so its actor is
   * remembered per verified claims object: the verifier hands back the same object for the same
   * token while it holds it, so a token re-sent is neither resolved nor checked against
   * `ActorSchema` again. A host's own resolver may read more than the claims (a directory, the
   * time), and a host's own verifier may hand back objects it changes: with either, the actor is
   * resolved on every request.
   */
  const actorOfClaims = options.verifyToken === undefined && resolveActor === resolveActorFromClaims ? new WeakMap<object, { actor: Actor; subject: string }>() : null;
  const mediaTypes = ['application/json', ...renderers.map((r) => r.mediaType)];
  const openapi = JSON.stringify(
    buildOpenApiDocument(endpoints, { title: options.info?.title ?? 'PC-Covid inspection API', version: options.info?.version ?? '1', documentMediaTypes: mediaTypes.slice(1) }),
  );

  /** The actor of a request, from its bearer token only; then the subject's rate limit. */
  const actorOf = async (claims: JWTPayload, action: string): Promise<{ actor: Actor; subject: string }> => {
    const known = actorOfClaims?.get(claims);
    if (known) return known;
    const resolved = await resolveActor(claims, { tenantId, action });
    const parsed = ActorSchema.safeParse(resolved);
    if (!parsed.success) throw new ForbiddenError({ role: 'unknown', action, reasonVi: 'mã truy cập không mang vai trò hợp lệ', reasonEn: 'the token carries no valid role' });
    // Frozen: one actor object may serve many requests at once.
    const found = { actor: Object.freeze(parsed.data), subject: `${tenantId}:${typeof claims.sub === 'string' ? claims.sub : parsed.data.id}` };
    actorOfClaims?.set(claims, found);
    return found;
  };
  const authenticate = async (c: Context, action: string): Promise<{ actor: Actor; subject: string }> => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match) throw unauthenticated({ vi: 'thiếu mã truy cập', en: 'no bearer token' });
    const found = await actorOf(await verifyToken(match[1]!), action);
    if (limiter) {
      const wait = limiter.take(found.subject);
      if (wait > 0) {
        throw new HttpProblem('RATE_LIMITED', {
          messageVi: `Quá nhiều yêu cầu; hãy thử lại sau ${wait} giây.`,
          messageEn: `Too many requests; retry after ${wait} s.`,
          headers: { 'retry-after': String(wait) },
        });
      }
    }
    return found;
  };

  /** The body as JSON (empty → `{}`), never naming the actor. */
  const readInput = (raw: string, contentType: string | undefined): unknown => {
    if (BLANK.test(raw)) return {};
    if (!JSON_MEDIA_TYPE.test(contentType ?? '')) {
      throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE', { messageVi: 'Nội dung phải là application/json.', messageEn: 'The body must be application/json.' });
    }
    let input: unknown;
    try {
      input = JSON.parse(raw);
    } catch (cause) {
      throw new ValidationError({ subject: 'request body', issues: [{ path: [], code: 'invalid_json', message: 'không phải JSON hợp lệ / not valid JSON' }], cause });
    }
    if (input !== null && typeof input === 'object' && !Array.isArray(input) && Object.hasOwn(input, 'actor')) {
      throw new ValidationError({
        subject: 'request body',
        issues: [
          { path: ['actor'], code: 'actor_in_body', message: 'người thực hiện lấy từ mã truy cập, không từ nội dung / the actor comes from the token, never from the body' },
        ],
      });
    }
    return input;
  };

  /**
   * The service call. The input is not checked here: the service checks it against the same
   * schema (`e.input`) under the same name before anything else, so a bad body is the same
   * `VALIDATION_FAILED` problem, and checking it twice only cost time.
   */
  const run = async (e: EndpointDefinition, actor: Actor, input: unknown): Promise<Answer> => json(await methods[e.method]!(actor, input));

  const app = new Hono();
  app.onError((err, c) => toResponse(problemAnswer(err, c.req.path)));
  app.notFound((c) =>
    toResponse(
      problemAnswer(
        new HttpProblem('ROUTE_NOT_FOUND', {
          messageVi: `Không có điểm cuối ${c.req.method} ${c.req.path}.`,
          messageEn: `No endpoint ${c.req.method} ${c.req.path}.`,
          hint: 'See /v1/openapi.json.',
        }),
        c.req.path,
      ),
    ),
  );
  if (options.cors) {
    const allowed = new Set(options.cors.origins);
    app.use(
      '/v1/*',
      cors({
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept'],
        exposeHeaders: ['Retry-After', 'Idempotent-Replayed', 'Content-Disposition'],
        maxAge: options.cors.maxAgeSeconds ?? 600,
      }),
    );
  }
  // A body with a Content-Length is checked on the header (Node's parser never reads past it), which
  // keeps @hono/node-server's fast body path; a chunked body is counted while it streams (hono's bodyLimit).
  // Each route wraps its handler in this check rather than a `/v1/*` middleware: a route with one
  // handler is dispatched by hono without its middleware chain.
  const streamedLimit = bodyLimit({ maxSize: maxBody, onError: (c) => toResponse(problemAnswer(tooLarge(maxBody), c.req.path)) });
  const streamed = async <C extends Context>(c: C, handler: (c: C) => Promise<Response>): Promise<Response> => {
    let res: Response | undefined;
    const refused = await streamedLimit(c, async () => {
      res = await handler(c);
    });
    return refused ?? res!;
  };
  const limited =
    <C extends Context>(handler: (c: C) => Promise<Response>) =>
    (c: C): Promise<Response> => {
      const length = c.req.header('content-length');
      if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
        if (Number(length) > maxBody) return Promise.resolve(toResponse(problemAnswer(tooLarge(maxBody), c.req.path)));
        return handler(c);
      }
      if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return handler(c);
      return streamed(c, handler);
    };

  app.get('/v1/openapi.json', () => new Response(openapi, { headers: { 'content-type': 'application/json' } }));

  for (const e of endpoints) {
    if (e.kind === 'query') {
      app.post(
        e.path,
        limited(async (c) => {
          const { actor } = await authenticate(c, e.name);
          const input = readInput(await c.req.text(), c.req.header('content-type'));
          return toResponse(await run(e, actor, input));
        }),
      );
      continue;
    }
    app.post(
      e.path,
      limited(async (c) => {
        const { actor, subject } = await authenticate(c, e.name);
        const key = c.req.header('idempotency-key');
        if (key === undefined || key.length === 0 || key.length > 255) {
          throw new HttpProblem('IDEMPOTENCY_KEY_REQUIRED', {
            messageVi: 'Mọi thao tác ghi cần tiêu đề Idempotency-Key (1–255 ký tự, ví dụ một UUID).',
            messageEn: 'Every write needs an Idempotency-Key header (1–255 characters, e.g. a UUID).',
            hint: 'Send the same key again to retry safely.',
          });
        }
        const raw = await c.req.text();
        const scoped = `${subject}\u0000${e.name}\u0000${key}`;
        const fingerprint = createHash('sha256').update(raw).digest('hex');
        const existing = await idempotency.claim(scoped, fingerprint);
        if (existing) {
          if (existing.fingerprint !== fingerprint) {
            throw new HttpProblem('IDEMPOTENCY_KEY_REUSED', {
              messageVi: 'Idempotency-Key này đã dùng cho một nội dung khác. Hãy dùng khóa mới cho thao tác mới.',
              messageEn: 'This Idempotency-Key was used with another body. Use a new key for a new write.',
            });
          }
          if (existing.answer === null) {
            throw new HttpProblem('IDEMPOTENCY_KEY_IN_FLIGHT', {
              messageVi: 'Yêu cầu đầu tiên với Idempotency-Key này đang chạy; hãy thử lại sau.',
              messageEn: 'The first request with this Idempotency-Key is still running; retry shortly.',
              headers: { 'retry-after': '1' },
            });
          }
          return toResponse(existing.answer, { 'idempotent-replayed': 'true' });
        }
        let answer: Answer;
        try {
          answer = await run(e, actor, readInput(raw, c.req.header('content-type')));
        } catch (err) {
          answer = problemAnswer(err, c.req.path);
        }
        if (answer.status >= 500) await idempotency.release(scoped);
        else await idempotency.complete(scoped, { status: answer.status, contentType: answer.contentType, body: answer.body });
        return toResponse(answer);
      }),
    );
  }

  app.get(
    '/v1/documents/:kind/:id',
    limited(async (c: Context<BlankEnv, '/v1/documents/:kind/:id'>) => {
      const { actor } = await authenticate(c, 'document.get');
      const kind = c.req.param('kind');
      const type = negotiate(c.req.header('accept'), mediaTypes);
      if (type === null) {
        throw new HttpProblem('NOT_ACCEPTABLE', {
          messageVi: `Không có định dạng phù hợp với Accept; có: ${mediaTypes.join(', ')}.`,
          messageEn: `No format matches Accept; available: ${mediaTypes.join(', ')}.`,
        });
      }
      const ref: Record<string, unknown> = { kind, [DOCUMENT_ID_FIELD[kind] ?? 'id']: c.req.param('id') };
      const index = c.req.query('index');
      if (index !== undefined) ref.index = /^\d+$/.test(index) ? Number(index) : index;
      const date = c.req.query('date');
      if (date !== undefined) ref.date = date;
      const doc = await methods.getDocument!(actor, ref);
      const vary = { vary: 'Accept' };
      if (type === 'application/json') return toResponse(json(doc), vary);
      const renderer = renderers.find((r) => r.mediaType === type)!;
      const rendered = await renderer.render(doc as Parameters<DocumentRenderer['render']>[0]);
      const file = `${kind}-${c.req.param('id')}.${rendered.fileExtension}`.replace(/[^\w.-]/g, '_');
      return new Response(rendered.bytes as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': rendered.mediaType, 'content-disposition': `attachment; filename="${file}"`, ...vary },
      });
    }),
  );

  return app;
}
