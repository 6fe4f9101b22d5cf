import { z } from 'zod';
import type { ProblemCode } from './problem-details.js';
import { PROBLEM_STATUS } from './problem-details.js';
import type { EndpointDefinition } from './endpoints.js';

/** An OpenAPI 3.1 document (plain JSON). */
export type OpenApiDocument = Record<string, unknown>;

/** What {@link buildOpenApiDocument} needs besides the endpoints. */
export interface OpenApiInfo {
  title: string;
  version: string;
  /** Media types `GET /v1/documents/{kind}/{id}` can produce besides JSON. */
  documentMediaTypes: readonly string[];
}

type Json = Record<string, unknown>;

/**
 * A JSON Schema 2020-12 (the dialect of OpenAPI 3.1) of a zod schema's input, with `$defs` moved
 * to `components.schemas` (prefixed) and their `$ref`s rewritten, so the document stays valid.
 */
function inputSchema(schema: z.ZodType, prefix: string, components: Json): Json {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
  delete out.$schema;
  const defs = out.$defs as Json | undefined;
  delete out.$defs;
  let text = JSON.stringify(out);
  if (defs) {
    for (const [name, def] of Object.entries(defs)) components[`${prefix}_${name}`] = def;
    text = text.replace(/"#\/\$defs\/([^"]+)"/g, (_, name: string) => JSON.stringify(`#/components/schemas/${prefix}_${name}`));
    for (const name of Object.keys(defs)) {
      const key = `${prefix}_${name}`;
      components[key] = JSON.parse(
        JSON.stringify(components[key]).replace(/"#\/\$defs\/([^"]+)"/g, (_, n: string) => JSON.stringify(`#/components/schemas/${prefix}_${n}`)),
      ) as Json;
    }
  }
  return JSON.parse(text) as Json;
}

const problemRef = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

function errorResponses(codes: readonly ProblemCode[]): Json {
  const byStatus = new Map<number, Set<string>>();
  for (const c of codes) byStatus.set(PROBLEM_STATUS[c], (byStatus.get(PROBLEM_STATUS[c]) ?? new Set()).add(c));
  const out: Json = {};
  for (const [status, set] of [...byStatus].sort(([a], [b]) => a - b)) out[String(status)] = problemRef([...set].join(', '));
  return out;
}

const COMMON: readonly ProblemCode[] = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'STORAGE_FAILED',
  'INTERNAL',
];
const WRITE: readonly ProblemCode[] = ['IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_IN_FLIGHT'];

/**
 * The OpenAPI 3.1 document of the server: one operation per command (`POST /v1/commands/<name>`,
 * with the `Idempotency-Key` header) and per query (`POST /v1/queries/<name>`), each request body
 * the JSON Schema of the command's zod input schema (`z.toJSONSchema`, input side); errors as
 * RFC 9457 problems; `GET /v1/documents/{kind}/{id}`; bearer JWT security.
 *
 * @example
 * ```ts
 * const doc = buildOpenApiDocument(endpointsOf(), { title: 'PC-Covid inspection API', version: '1', documentMediaTypes: ['application/pdf'] });
 * ```
 */
export function buildOpenApiDocument(endpoints: readonly EndpointDefinition[], info: OpenApiInfo): OpenApiDocument {
  const schemas: Json = {
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status', 'detail', 'instance', 'code', 'messageVi', 'messageEn'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        instance: { type: 'string' },
        code: { type: 'string', enum: Object.keys(PROBLEM_STATUS) },
        messageVi: { type: 'string' },
        messageEn: { type: 'string' },
        hint: { type: 'string' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'code', 'message'],
            properties: { path: { type: 'array', items: { type: ['string', 'integer'] } }, code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  };
  const paths: Json = {};
  for (const e of endpoints) {
    const prefix = e.name.replace('.', '_');
    const write = e.kind === 'command';
    const codes = [...COMMON, ...(write ? WRITE : []), ...(e.errors as ProblemCode[]).filter((c) => c in PROBLEM_STATUS)];
    paths[e.path] = {
      post: {
        operationId: e.method,
        summary: e.summary.en,
        description: `${e.summary.vi}\n\n${e.summary.en}\n\nRoles: ${e.roles.join(', ')}.`,
        tags: [write ? 'commands' : 'queries'],
        ...(write ? { parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }] } : {}),
        requestBody: { required: false, content: { 'application/json': { schema: inputSchema(e.input, prefix, schemas) } } },
        responses: {
          '200': { description: 'The result (the service method’s return value, as JSON).', content: { 'application/json': { schema: {} } } },
          ...errorResponses(codes),
        },
      },
    };
  }
  paths['/v1/documents/{kind}/{id}'] = {
    get: {
      operationId: 'downloadDocument',
      summary: 'One official document (Decree 30/2020), as JSON or rendered, by content negotiation',
      tags: ['documents'],
      parameters: [
        {
          name: 'kind',
          in: 'path',
          required: true,
          schema: { type: 'string', enum: ['plan', 'teamDecision', 'report', 'callSheet', 'minutes', 'notice', 'reminder', 'sanctionProposal'] },
        },
        {
          name: 'id',
          in: 'path',
          required: true,
          description: 'campaign id (plan, teamDecision, report, callSheet), visit id (minutes, notice) or remediation id (reminder, sanctionProposal)',
          schema: { type: 'string' },
        },
        { name: 'index', in: 'query', required: false, description: 'reminder: which reminder (0-based)', schema: { type: 'integer', minimum: 0 } },
        { name: 'date', in: 'query', required: false, description: 'callSheet: as of this civil date', schema: { type: 'string' } },
      ],
      responses: {
        '200': {
          description: 'The document',
          content: Object.fromEntries<Json>([
            ['application/json', { schema: {} }],
            ...info.documentMediaTypes.map((m): [string, Json] => [m, { schema: { type: 'string', contentMediaType: m } }]),
          ]),
        },
        ...errorResponses(['VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'NOT_ACCEPTABLE', 'INVALID_TRANSITION', 'RATE_LIMITED', 'RENDER_FAILED']),
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      description: 'HTTP API over the @pccovid-inspect command table. Errors are RFC 9457 problem documents with a stable `code`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: [
      { name: 'commands', description: 'Writes: one transaction each; `Idempotency-Key` required' },
      { name: 'queries', description: 'Reads' },
      { name: 'documents', description: 'Official documents' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'A unique key per intended write (e.g. a UUID). A replay with the same key and body returns the first answer and changes nothing.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
    },
  };
}
