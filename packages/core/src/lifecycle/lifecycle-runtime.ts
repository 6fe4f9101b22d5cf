import { createActor, getNextTransitions, type AnyMachineSnapshot, type AnyStateMachine, type AnyTransitionDefinition, type EventObject, type InspectionEvent } from 'xstate';
import type { z } from 'zod';
import { InvalidTransitionError } from '../errors/invalid-transition-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { parseOrThrow } from '../internal/parse.js';
import type { GuardReason } from './guard-reason.js';
import { LIFECYCLE_KINDS, LifecycleKindSchema, type LifecycleKind } from './lifecycle-kind.js';
import { LIFECYCLE_MACHINES } from './lifecycle-machines.js';
import type { PersistedLifecycle } from './persisted-lifecycle.js';

/**
 * @internal A lifecycle descriptor seen without its per-kind types, for the generic functions
 * of `lifecycle-api.ts`. Not exported from the package.
 *
 * @example
 * ```ts
 * const desc: RuntimeDescriptor = runtimeDescriptor('visit');
 * ```
 */
export interface RuntimeDescriptor {
  readonly machineId: LifecycleKind;
  readonly machineVersion: number;
  readonly machine: AnyStateMachine;
  readonly states: readonly string[];
  readonly inputSchema: z.ZodType;
  readonly contextSchema: z.ZodType<Record<string, unknown>>;
  readonly eventSchema: z.ZodType<EventObject>;
  readonly guardReasons: Readonly<Record<string, (context: unknown, event: unknown) => GuardReason>>;
}

/**
 * @internal The descriptor of `kind` (validated: a JavaScript caller may pass anything).
 *
 * @example
 * ```ts
 * runtimeDescriptor('visit').machineVersion; // 2
 * ```
 */
export function runtimeDescriptor(kind: unknown): RuntimeDescriptor {
  const valid = parseOrThrow(LifecycleKindSchema, kind, 'lifecycle kind');
  return LIFECYCLE_MACHINES[valid] as unknown as RuntimeDescriptor;
}

function invalid(subject: string, path: (string | number)[], message: string, hint?: string): ValidationError {
  return new ValidationError({ subject, issues: [{ path, code: 'custom', message }], hint });
}

/**
 * @internal Turns a current-version persisted lifecycle into a machine snapshot: checks the
 * machine id, the state name, the status, and the context against the machine's schema.
 *
 * @example
 * ```ts
 * const snapshot = restoreSnapshot(runtimeDescriptor('visit'), migratePersisted(stored));
 * ```
 */
export function restoreSnapshot(desc: RuntimeDescriptor, persisted: PersistedLifecycle): AnyMachineSnapshot {
  const subject = `${desc.machineId} lifecycle`;
  if (persisted.machineId !== desc.machineId) {
    throw invalid(subject, ['machineId'], `expected a ${desc.machineId} lifecycle, got ${persisted.machineId}`);
  }
  const { value, status } = persisted.snapshot;
  if (!desc.states.includes(value)) {
    throw invalid(subject, ['snapshot', 'value'], `"${value}" is not a state of ${desc.machineId} v${desc.machineVersion}`);
  }
  const parsed = desc.contextSchema.safeParse(persisted.snapshot.context);
  if (!parsed.success) {
    throw new ValidationError({
      subject,
      issues: parsed.error.issues.map((i) => ({
        path: ['snapshot', 'context', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        code: i.code,
        message: i.message,
      })),
      cause: parsed.error,
    });
  }
  const snapshot = desc.machine.resolveState({ value, context: parsed.data });
  if (snapshot.status !== status) {
    throw invalid(subject, ['snapshot', 'status'], `state "${value}" has status ${snapshot.status}, the snapshot says ${status}`);
  }
  return snapshot;
}

/**
 * @internal The persisted form of a machine snapshot: plain JSON, sharing nothing with it.
 *
 * @example
 * ```ts
 * const persisted = persistSnapshot(desc, nextSnapshot);
 * ```
 */
export function persistSnapshot(desc: RuntimeDescriptor, snapshot: AnyMachineSnapshot): PersistedLifecycle {
  const json = JSON.parse(JSON.stringify(desc.machine.getPersistedSnapshot(snapshot))) as PersistedLifecycle['snapshot'];
  return { machineId: desc.machineId, machineVersion: desc.machineVersion, snapshot: json };
}

/**
 * What the runtime keeps per machine, built once: an inert actor scope to compute transitions with
 * (what xstate's `transition()` builds on every call — an actor and its system), an inspector on
 * that scope's system that reports the transitions enabled by an event (so guards run once per
 * step), and the transitions of each state by name.
 */
/** The actor scope a machine's `transition` and `getInitialSnapshot` take. */
type MachineScope = Parameters<AnyStateMachine['transition']>[2];

interface MachineRuntime {
  readonly scope: MachineScope;
  /** The transitions the event of the step in progress enabled (set by the inspector). */
  enabled: AnyTransitionDefinition[] | undefined;
  readonly states: Map<string, StateTransitions>;
}

interface StateTransitions {
  /** Event types with a transition, in xstate's order (guards not evaluated). */
  readonly accepted: readonly string[];
  /** The transitions of each event type. */
  readonly byType: ReadonlyMap<string, readonly AnyTransitionDefinition[]>;
}

const runtimes = new WeakMap<AnyStateMachine, MachineRuntime>();

function noop(): void {}

function runtimeOf(machine: AnyStateMachine): MachineRuntime {
  let runtime = runtimes.get(machine);
  if (runtime !== undefined) return runtime;
  // Like xstate's createInertActorScope: an actor that is never started, whose actions are not executed.
  const self = createActor(machine);
  const created: MachineRuntime = {
    scope: {
      self,
      defer: noop,
      id: '',
      logger: noop,
      sessionId: '',
      stopChild: noop,
      system: self.system,
      emit: noop,
      actionExecutor: noop,
    },
    enabled: undefined,
    states: new Map(),
  };
  self.system.inspect((event: InspectionEvent) => {
    // The first microstep of a step is the event's own: its transitions are the enabled ones.
    if (event.type === '@xstate.microstep' && created.enabled === undefined) created.enabled = event._transitions;
  });
  runtimes.set(machine, created);
  runtime = created;
  return runtime;
}

function transitionsOf(runtime: MachineRuntime, snapshot: AnyMachineSnapshot): StateTransitions {
  const key = typeof snapshot.value === 'string' ? snapshot.value : undefined;
  const cached = key === undefined ? undefined : runtime.states.get(key);
  if (cached !== undefined) return cached;
  const all = getNextTransitions(snapshot);
  const byType = new Map<string, AnyTransitionDefinition[]>();
  for (const t of all) {
    const type = String(t.eventType);
    const list = byType.get(type);
    if (list === undefined) byType.set(type, [t]);
    else list.push(t);
  }
  const computed: StateTransitions = { accepted: [...byType.keys()], byType };
  if (key !== undefined) runtime.states.set(key, computed);
  return computed;
}

/**
 * @internal The event types the snapshot's state has transitions for (guards not evaluated).
 *
 * @example
 * ```ts
 * acceptedEventTypes(snapshot); // ['visit.review'] in minutesSigned
 * ```
 */
export function acceptedEventTypes(snapshot: AnyMachineSnapshot): string[] {
  if (snapshot.status !== 'active') return [];
  return [...transitionsOf(runtimeOf(snapshot.machine as AnyStateMachine), snapshot).accepted];
}

/**
 * @internal The initial snapshot of a machine for `input` (xstate's `initialTransition`, on the
 * machine's cached inert scope).
 *
 * @example
 * ```ts
 * const initial = initialSnapshot(desc, validInput);
 * ```
 */
export function initialSnapshot(desc: RuntimeDescriptor, input: unknown): AnyMachineSnapshot {
  const runtime = runtimeOf(desc.machine);
  const outer = runtime.enabled;
  try {
    return desc.machine.getInitialSnapshot(runtime.scope, input) as AnyMachineSnapshot;
  } finally {
    runtime.enabled = outer;
  }
}

function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && typeof (guard as { type?: unknown }).type === 'string') {
    return (guard as { type: string }).type;
  }
  return undefined;
}

/**
 * @internal Applies `event` to `snapshot`: the next snapshot, or why it cannot be applied — the
 * state does not accept its type, or no candidate transition is enabled (every guard refused;
 * the error names those guards and gives the first one's bilingual reason). Guards run once: the
 * transitions the event enabled are read from the step itself, and the step counts as accepted
 * exactly when `snapshot.can(event)` would say so (an enabled transition with a target or actions).
 *
 * @example
 * ```ts
 * const step = stepSnapshot(desc, snapshot, event); if (!step.ok) throw step.refusal;
 * ```
 */
export function stepSnapshot(
  desc: RuntimeDescriptor,
  snapshot: AnyMachineSnapshot,
  event: EventObject,
): { ok: true; next: AnyMachineSnapshot } | { ok: false; refusal: InvalidTransitionError } {
  const state = String(snapshot.value);
  const base = { machineId: desc.machineId, state, event: event.type };
  const runtime = runtimeOf(desc.machine);
  const transitions = snapshot.status === 'active' ? transitionsOf(runtime, snapshot) : undefined;
  const candidates = transitions?.byType.get(event.type) ?? [];
  if (candidates.length === 0) {
    const accepted = transitions?.accepted ?? [];
    return {
      ok: false,
      refusal: new InvalidTransitionError({
        ...base,
        reasonVi: accepted.length ? `trạng thái này chỉ nhận: ${accepted.join(', ')}` : 'trạng thái cuối, không nhận sự kiện nào',
        reasonEn: accepted.length ? `this state accepts only: ${accepted.join(', ')}` : 'a final state accepts no events',
      }),
    };
  }

  const outer = runtime.enabled;
  runtime.enabled = undefined;
  let next: AnyMachineSnapshot;
  let enabled: AnyTransitionDefinition[];
  try {
    next = desc.machine.transition(snapshot, event, runtime.scope) as AnyMachineSnapshot;
    enabled = runtime.enabled ?? [];
  } finally {
    runtime.enabled = outer;
  }
  // `snapshot.can(event)`, from the same guard evaluation.
  if (enabled.some((t) => t.target !== undefined || t.actions.length > 0)) return { ok: true, next };

  const guards = candidates.map((t) => guardName(t.guard)).filter((g): g is string => g !== undefined);
  const first = guards[0];
  const reason = first === undefined ? undefined : desc.guardReasons[first]?.(snapshot.context, event);
  return {
    ok: false,
    refusal: new InvalidTransitionError({
      ...base,
      ...(guards.length ? { guard: guards.join(' | ') } : {}),
      ...(reason ? { reasonVi: reason.vi, reasonEn: reason.en } : {}),
    }),
  };
}

/**
 * @internal True when two values have the same JSON, ignoring key order and `undefined` members
 * (what comparing their key-sorted JSON would say, without building strings).
 *
 * @example
 * ```ts
 * sameJson({ a: 1, b: [2] }, { b: [2], a: 1 }); // true
 * ```
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const aObject = typeof a === 'object' && a !== null;
  const bObject = typeof b === 'object' && b !== null;
  if (aObject || bObject) {
    if (!aObject || !bObject) return false;
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    let defined = 0;
    for (const key of Object.keys(left)) {
      const value = left[key];
      if (value === undefined) continue;
      defined++;
      if (!Object.prototype.propertyIsEnumerable.call(right, key) || !sameJson(value, right[key])) return false;
    }
    for (const key of Object.keys(right)) if (right[key] !== undefined) defined--;
    return defined === 0;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * @internal True when two snapshots have the same status, state and context (key order ignored).
 *
 * @example
 * ```ts
 * const changed = !sameSnapshot(before, after);
 * ```
 */
export function sameSnapshot(a: AnyMachineSnapshot, b: AnyMachineSnapshot): boolean {
  return a === b || (a.status === b.status && sameJson(a.value, b.value) && sameJson(a.context, b.context));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(value).length === 0;
}

/**
 * @internal `persisted` itself when it is plainly a well-formed lifecycle of `desc`'s machine at
 * its current version — what `PersistedLifecycleSchema` accepts, checked without copying (plain
 * objects only) — so the built-in migration registry would return it unchanged; otherwise
 * `undefined`, and the caller takes the full path (parse, migrate, report).
 *
 * @example
 * ```ts
 * const current = currentAsIs(desc, stored) ?? migratePersisted(stored, registry);
 * ```
 */
export function currentAsIs(desc: RuntimeDescriptor, persisted: unknown): PersistedLifecycle | undefined {
  try {
    if (!isPlainObject(persisted)) return undefined;
    const { machineId, machineVersion, snapshot } = persisted;
    if (machineId !== desc.machineId || !(LIFECYCLE_KINDS as readonly unknown[]).includes(machineId)) return undefined;
    if (typeof machineVersion !== 'number' || !Number.isSafeInteger(machineVersion) || machineVersion !== desc.machineVersion || machineVersion < 1) {
      return undefined;
    }
    if (!isPlainObject(snapshot)) return undefined;
    const { status, value, context, historyValue, children } = snapshot;
    if ((status !== 'active' && status !== 'done') || typeof value !== 'string' || value.length === 0 || !isPlainObject(context)) return undefined;
    if (historyValue !== undefined && !isPlainObject(historyValue)) return undefined;
    if (children !== undefined && !(isPlainObject(children) && Object.keys(children).length === 0)) return undefined;
    return persisted as PersistedLifecycle;
  } catch {
    return undefined; // a hostile getter: let the schema report it
  }
}
