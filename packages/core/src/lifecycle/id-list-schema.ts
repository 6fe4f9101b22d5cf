import { z } from 'zod';
import { IdSchema } from '../entities/primitives.js';

/**
 * A list of identifiers with no repeats — how lifecycle contexts and events carry sets of ids
 * (visits, nominations, members, checklist items) so that they stay plain JSON.
 *
 * @example
 * ```ts
 * IdListSchema.parse(['visit-443-01', 'visit-443-02']); // ok
 * IdListSchema.safeParse(['visit-443-01', 'visit-443-01']).success; // false
 * ```
 */
export const IdListSchema = z.array(IdSchema).refine((ids) => new Set(ids).size === ids.length, { message: 'ids must not repeat' });

/**
 * Adds an id to a list unless it is already there; returns a new list (never mutates).
 *
 * @example
 * ```ts
 * withId(['a'], 'b'); // ['a', 'b']
 * withId(['a'], 'a'); // ['a']
 * ```
 */
export function withId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? [...ids] : [...ids, id];
}

/**
 * Removes an id from a list; returns a new list (never mutates).
 *
 * @example
 * ```ts
 * withoutId(['a', 'b'], 'a'); // ['b']
 * ```
 */
export function withoutId(ids: readonly string[], id: string): string[] {
  return ids.filter((x) => x !== id);
}
