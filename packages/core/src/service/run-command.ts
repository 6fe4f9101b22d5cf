import type { z } from 'zod';
import { parseOrThrow } from '../internal/parse.js';
import { authorize, type Action } from '../policy/permissions.js';
import { ActorSchema, type Actor } from '../policy/roles.js';
import type { ServiceContext } from './service-context.js';

/**
 * The first steps every command takes, in order: validate the actor and the input (zod →
 * `ValidationError`), then authorise the role (`ForbiddenError`). Nothing is read or written
 * before both pass. The body then loads, transitions purely and commits once.
 */
export async function runCommand<S extends z.ZodType, R>(
  ctx: ServiceContext,
  action: Action,
  schema: S,
  actorInput: unknown,
  input: unknown,
  body: (actor: Actor, cmd: z.output<S>) => Promise<R>,
): Promise<R> {
  const actor = parseOrThrow(ActorSchema, actorInput, 'Actor');
  const cmd = parseOrThrow(schema, input, action);
  authorize(actor.role, action);
  return body(actor, cmd);
}

/** A command result: the new lifecycle state and the stored version of the main record. */
export interface CommandResult {
  id: string;
  state: string;
  version: number;
}
