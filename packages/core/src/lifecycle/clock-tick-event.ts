import { z } from 'zod';
import { CivilDateSchema } from '../entities/primitives.js';
import { compareCivilDates } from '../text/civil-date.js';

/**
 * The clock event of every lifecycle: the injected clock's civil date (`YYYY-MM-DD`,
 * Asia/Ho_Chi_Minh). Multi-day deadlines are data in context and are advanced by this event —
 * never by XState `after` timers, which are not restored from snapshots (xstate #5331). It never
 * changes the state value, only flags in context; which states accept it and what it flags is
 * documented on each machine (`tickLifecycle` sends it where it is accepted).
 *
 * @example
 * ```ts
 * const tick: ClockTickEvent = { type: 'clock.tick', today: '2021-12-20' };
 * ```
 */
export const ClockTickEventSchema = z.object({ type: z.literal('clock.tick'), today: CivilDateSchema });

/**
 * A `clock.tick` event (see {@link ClockTickEventSchema}).
 *
 * @example
 * ```ts
 * const tick: ClockTickEvent = { type: 'clock.tick', today: '2021-11-29' };
 * ```
 */
export type ClockTickEvent = z.infer<typeof ClockTickEventSchema>;

/**
 * True when `today` is strictly after the civil date `dueOn` — the due day itself is still on
 * time. A `null` due date is never past.
 *
 * @example
 * ```ts
 * isPastCivilDate('2021-11-28', '2021-11-28'); // false (due today)
 * isPastCivilDate('2021-11-29', '2021-11-28'); // true
 * ```
 */
export function isPastCivilDate(today: string, dueOn: string | null): boolean {
  return dueOn !== null && compareCivilDates(today, dueOn) > 0;
}
