/**
 * `@pccovid-inspect/server` — the HTTP API over the command table (Hono on Node): verified JWT
 * actors, OpenAPI 3.1, RFC 9457 problems, idempotent writes, documents by content negotiation.
 *
 * @packageDocumentation
 */
export { createInspectionServer } from './create-inspection-server.js';
export type { InspectionServerOptions, InspectionServerLimits, InspectionServerCors } from './create-inspection-server.js';
export { listen } from './listen.js';
export type { ListenOptions, ListeningServer } from './listen.js';
export { createJwtVerifier } from './jwt-verifier.js';
export type { JwtVerifierOptions, TokenVerifier } from './jwt-verifier.js';
export { resolveActorFromClaims } from './resolve-actor.js';
export type { ActorResolver, ActorResolverContext } from './resolve-actor.js';
export { createMemoryIdempotencyStore } from './idempotency-store.js';
export type { IdempotencyStore, IdempotencyEntry, StoredAnswer, MemoryIdempotencyStoreOptions } from './idempotency-store.js';
export type { RateLimitOptions } from './rate-limiter.js';
export { HttpProblem, PROBLEM_STATUS, PROBLEM_MEDIA_TYPE, toProblemDetails } from './problem-details.js';
export type { ProblemDetails, ProblemCode, ServerProblemCode } from './problem-details.js';
export { buildOpenApiDocument } from './openapi-document.js';
export type { OpenApiDocument, OpenApiInfo } from './openapi-document.js';
export { endpointsOf } from './endpoints.js';
export type { EndpointDefinition } from './endpoints.js';
