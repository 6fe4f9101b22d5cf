import type { z } from 'zod';
import type { Actor, Role } from '../policy/roles.js';
import type { ServiceContext } from './service-context.js';

/**
 * The service method of a command or query name: `noun.verb` → `verbNoun`.
 * `visit.start` → `startVisit`, `nominations.request` → `requestNominations`,
 * `remediationDeadline.set` → `setRemediationDeadline`.
 */
export type MethodName<N extends string> = string extends N ? string : N extends `${infer Noun}.${infer Verb}` ? `${Verb}${Capitalize<Noun>}` : never;

/** What a command definition says in words, for the API reference, the CLI and the HTTP API. */
export interface CommandSummary {
  /** Vietnamese first. */
  vi: string;
  en: string;
}

/**
 * One entry of the command table: everything the service, the permissions table, the generated
 * reference, the CLI and the HTTP API know about a command or a query.
 */
export interface CommandDefinition<N extends string = string, S extends z.ZodType = z.ZodType, R = unknown> {
  /** `command` writes (one transaction, one audit event); `query` only reads. */
  readonly kind: 'command' | 'query';
  /** The policy action, `noun.verb` (e.g. `visit.start`). */
  readonly name: N;
  /** The service method, derived from the name by one rule (`noun.verb` → `verbNoun`). */
  readonly method: MethodName<N>;
  /** One sentence, Vietnamese and English. */
  readonly summary: CommandSummary;
  /** The input schema: strict (an unknown key is `VALIDATION_FAILED`). */
  readonly input: S;
  /** The roles allowed to run it. Scope (district, own target, embargo) is checked on top. */
  readonly roles: readonly Role[];
  /** The errors it may throw besides `VALIDATION_FAILED` and `FORBIDDEN` (for the reference). */
  readonly errors: readonly string[];
  /** The handler: runs after the actor and input are validated and the role authorised. */
  run(ctx: ServiceContext, actor: Actor, input: z.output<S>): Promise<R>;
}

/** Any entry of the command table. */
export type AnyCommandDefinition = Omit<CommandDefinition<string, z.ZodType, unknown>, 'name' | 'method'> & { readonly name: string; readonly method: string };

/**
 * `noun.verb` → `verbNoun`: the one rule between action names and method names.
 *
 * @example
 * ```ts
 * methodNameOf('visit.start') // 'startVisit'
 * methodNameOf('remediationDeadline.set') // 'setRemediationDeadline'
 * ```
 */
export function methodNameOf<N extends string>(name: N): MethodName<N> {
  const dot = name.indexOf('.');
  const noun = name.slice(0, dot);
  const verb = name.slice(dot + 1);
  return `${verb}${noun.charAt(0).toUpperCase()}${noun.slice(1)}` as MethodName<N>;
}

type DefinitionInput<N extends string, S extends z.ZodType, R> = Omit<CommandDefinition<N, S, R>, 'kind' | 'method' | 'errors'> & {
  errors?: readonly string[];
};

const NAME = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;

function define<const N extends string, S extends z.ZodType, R>(kind: 'command' | 'query', def: DefinitionInput<N, S, R>): CommandDefinition<N, S, R> {
  if (!NAME.test(def.name)) throw new TypeError(`command name "${def.name}" must be noun.verb in camelCase`);
  return Object.freeze({ ...def, kind, method: methodNameOf(def.name), errors: Object.freeze([...(def.errors ?? [])]), roles: Object.freeze([...def.roles]) });
}

/**
 * Defines a command: a write that validates, authorises, loads, transitions purely and commits
 * once. The name is the policy action; the service method is derived from it.
 *
 * @example
 * ```ts
 * const closeVisit = defineCommand({
 *   name: 'visit.close',
 *   summary: { vi: 'Kết thúc cuộc kiểm tra', en: 'Closes a reviewed visit' },
 *   input: z.strictObject({ visitId: IdSchema }),
 *   roles: ['director', 'inspectorateLead'],
 *   run: async (ctx, actor, { visitId }) => closeIt(ctx, actor, visitId),
 * });
 * ```
 */
export function defineCommand<const N extends string, S extends z.ZodType, R>(def: DefinitionInput<N, S, R>): CommandDefinition<N, S, R> {
  return define('command', def);
}

/** Defines a query: reads only; the same validation and authorisation as a command. */
export function defineQuery<const N extends string, S extends z.ZodType, R>(def: DefinitionInput<N, S, R>): CommandDefinition<N, S, R> {
  return define('query', def);
}
