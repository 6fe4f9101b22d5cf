import { COMMANDS } from '@pccovid-inspect/core';
import type { z } from 'zod';

/** One endpoint of the server, derived from one entry of the command table. */
export interface EndpointDefinition {
  kind: 'command' | 'query';
  /** `noun.verb`. */
  name: string;
  /** The service method (`verbNoun`). */
  method: string;
  /** `/v1/commands/<name>` or `/v1/queries/<name>`. */
  path: string;
  summary: { vi: string; en: string };
  input: z.ZodType;
  roles: readonly string[];
  errors: readonly string[];
}

/**
 * Every endpoint, in the order of the command table: commands at `POST /v1/commands/<name>`,
 * queries at `POST /v1/queries/<name>`.
 *
 * @example
 * ```ts
 * endpointsOf().find((e) => e.name === 'visit.start')?.path // '/v1/commands/visit.start'
 * ```
 */
export function endpointsOf(): EndpointDefinition[] {
  return Object.values(COMMANDS).map((c) => ({
    kind: c.kind,
    name: c.name,
    method: c.method,
    path: `/v1/${c.kind === 'command' ? 'commands' : 'queries'}/${c.name}`,
    summary: c.summary,
    input: c.input as z.ZodType,
    roles: c.roles,
    errors: c.errors,
  }));
}
