import { COMMANDS } from '@pccovid-inspect/core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './server-harness.js';

describe('GET /v1/openapi.json', () => {
  let s: TestServer;
  let doc: Record<string, unknown>;
  beforeAll(async () => {
    s = await startServer();
    const res = await fetch(`${s.url}/v1/openapi.json`);
    expect(res.headers.get('content-type')).toContain('application/json');
    doc = (await res.json()) as Record<string, unknown>;
  }, 60_000);
  afterAll(() => s?.close());

  it('validates as OpenAPI 3.1', async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('has one operation per command and query, with the request body from its zod schema', () => {
    const paths = doc.paths as Record<
      string,
      { post?: { operationId: string; requestBody: { content: { 'application/json': { schema: Record<string, unknown> } } }; parameters?: unknown[] } }
    >;
    for (const c of Object.values(COMMANDS)) {
      const op = paths[`/v1/${c.kind === 'command' ? 'commands' : 'queries'}/${c.name}`]?.post;
      expect(op?.operationId).toBe(c.method);
      expect(op?.requestBody.content['application/json'].schema).toBeTypeOf('object');
      expect(Boolean(op?.parameters)).toBe(c.kind === 'command');
    }
    const start = paths['/v1/commands/visit.start']!.post!.requestBody.content['application/json'].schema;
    expect(start).toMatchObject({ type: 'object', required: ['visitId'], additionalProperties: false });
    expect(paths['/v1/documents/{kind}/{id}']).toBeDefined();
  });
});
