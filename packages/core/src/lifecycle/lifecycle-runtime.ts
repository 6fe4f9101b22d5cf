import { getNextTransitions, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import type { z } from 'zod';
import { InvalidTransitionError } from '../errors/invalid-transition-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { parseOrThrow } from '../internal/parse.js';
import type { GuardReason } from './guard-reason.js';
import { LifecycleKindSchema, type LifecycleKind } from './lifecycle-kind.js';
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
 * @internal The event types the snapshot's state has transitions for (guards not evaluated).
 *
 * @example
 * ```ts
 * acceptedEventTypes(snapshot); // ['visit.review'] in minutesSigned
 * ```
 */
export function acceptedEventTypes(snapshot: AnyMachineSnapshot): string[] {
  if (snapshot.status !== 'active') return [];
  return [...new Set(getNextTransitions(snapshot).map((t) => String(t.eventType)))];
}

function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && typeof (guard as { type?: unknown }).type === 'string') {
    return (guard as { type: string }).type;
  }
  return undefined;
}

/**
 * @internal Why `event` cannot be applied to `snapshot` — the state does not accept its type,
 * or every candidate transition's guard refused (the error names those guards) — or
 * `undefined` when it can.
 *
 * @example
 * ```ts
 * const refusal = refusalOf(desc, snapshot, event); if (refusal) throw refusal;
 * ```
 */
export function refusalOf(desc: RuntimeDescriptor, snapshot: AnyMachineSnapshot, event: EventObject): InvalidTransitionError | undefined {
  const state = String(snapshot.value);
  const base = { machineId: desc.machineId, state, event: event.type };
  const candidates = snapshot.status === 'active' ? getNextTransitions(snapshot).filter((t) => t.eventType === event.type) : [];
  if (candidates.length === 0) {
    const accepted = acceptedEventTypes(snapshot);
    return new InvalidTransitionError({
      ...base,
      reasonVi: accepted.length ? `trạng thái này chỉ nhận: ${accepted.join(', ')}` : 'trạng thái cuối, không nhận sự kiện nào',
      reasonEn: accepted.length ? `this state accepts only: ${accepted.join(', ')}` : 'a final state accepts no events',
    });
  }
  if (snapshot.can(event)) return undefined;
  const guards = candidates.map((t) => guardName(t.guard)).filter((g): g is string => g !== undefined);
  const first = guards[0];
  const reason = first === undefined ? undefined : desc.guardReasons[first]?.(snapshot.context, event);
  return new InvalidTransitionError({
    ...base,
    ...(guards.length ? { guard: guards.join(' | ') } : {}),
    ...(reason ? { reasonVi: reason.vi, reasonEn: reason.en } : {}),
  });
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
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
  return a.status === b.status && stableJson(a.value) === stableJson(b.value) && stableJson(a.context) === stableJson(b.context);
}
