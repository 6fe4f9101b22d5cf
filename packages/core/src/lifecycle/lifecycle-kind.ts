import { z } from 'zod';

/**
 * The lifecycles of the library — each is also the `machineId` of its machine and of every
 * persisted snapshot it writes.
 *
 * @example
 * ```ts
 * LIFECYCLE_KINDS; // ['campaign', 'visit', 'remediation']
 * ```
 */
export const LIFECYCLE_KINDS = ['campaign', 'visit', 'remediation'] as const;

/**
 * One lifecycle kind: `'campaign' | 'visit' | 'remediation'`.
 *
 * @example
 * ```ts
 * const kind: LifecycleKind = 'visit';
 * ```
 */
export type LifecycleKind = (typeof LIFECYCLE_KINDS)[number];

/**
 * Schema of a {@link LifecycleKind}.
 *
 * @example
 * ```ts
 * LifecycleKindSchema.parse('remediation');
 * ```
 */
export const LifecycleKindSchema = z.enum(LIFECYCLE_KINDS);
