import { parseOrThrow } from '../internal/parse.js';
import { ForbiddenError } from '../errors/forbidden-error.js';
import { ActorSchema } from '../policy/roles.js';
import type { AnyCommandDefinition } from './define-command.js';
import type { ServiceContext } from './service-context.js';

/**
 * The first steps every command and query takes, in order: validate the actor and the input
 * (zod → `ValidationError`, an unknown key included), then authorise the role
 * (`ForbiddenError`). Nothing is read or written before all pass. The handler then loads,
 * transitions purely and commits once.
 */
export async function runCommand(ctx: ServiceContext, def: AnyCommandDefinition, actorInput: unknown, input: unknown): Promise<unknown> {
  const actor = parseOrThrow(ActorSchema, actorInput, 'Actor');
  const cmd = parseOrThrow(def.input, input === undefined ? {} : input, def.name);
  if (!def.roles.includes(actor.role)) throw new ForbiddenError({ role: actor.role, action: def.name });
  return def.run(ctx, actor, cmd);
}

/** A command result: the new lifecycle state and the stored version of the main record. */
export type CommandResult = {
  /** The id of the main record the command wrote. */
  id: string;
  /** Its lifecycle state after the command. */
  state: string;
  /** Its stored version after the command. */
  version: number;
};
