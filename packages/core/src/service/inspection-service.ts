import type { z } from 'zod';
import type { ChecklistTemplate } from '../entities/checklist-template.js';
import type { Tenant } from '../entities/tenant.js';
import type { ActorSchema } from '../policy/roles.js';
import type { CommandName, CommandOf, CommandOutput } from './command-table.js';
import type { DocumentedCommandMethods } from './inspection-service-methods.js';

/** The actor a caller passes: a role, a pseudonymous id, and the scope of scoped roles. */
export type ActorInput = z.input<typeof ActorSchema>;

/** A method's input argument: optional when every field of the input is optional. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends T` is the test for "every field of T is optional"
type InputArgs<N extends CommandName> = {} extends z.input<CommandOf<N>['input']> ? [input?: z.input<CommandOf<N>['input']>] : [input: z.input<CommandOf<N>['input']>];

/** One method per entry of the command table, named by its rule (`visit.start` → `startVisit`). */
export type CommandMethods = {
  readonly [N in CommandName as CommandOf<N>['method']]: (actor: ActorInput, ...input: InputArgs<N>) => Promise<CommandOutput<N>>;
};

/**
 * The inspection service: one method per command and query of the command table
 * ({@link COMMANDS}), each `(actor, input) => Promise<result>` with the input typed by its
 * schema (`z.input`) and strict at run time (an unknown key is `VALIDATION_FAILED`).
 *
 * Every command: validate → authorise → load → pure transition → ONE storage transaction (the
 * aggregate at its expected version, its lifecycle snapshot, a hash-chained audit event, outbox
 * messages) → the new state. Queries validate and authorise the same way, then filter by scope
 * and the embargo. See the commands guide (`docs/guides/commands.md`) for every method.
 *
 * @example
 * ```ts
 * const service: InspectionService = createInspectionService({ storage, tenant });
 * const { state } = await service.startVisit({ role: 'inspectorateLead', id: 'p-lead' }, { visitId: 'visit-03' });
 * ```
 */
export interface InspectionService extends DocumentedCommandMethods, CommandMethods {
  /** The province the service works for. */
  readonly tenant: Tenant;
  /** The checklist templates campaigns may pin: each base template and, with plugins, its derived version. */
  readonly templates: readonly ChecklistTemplate[];
}
