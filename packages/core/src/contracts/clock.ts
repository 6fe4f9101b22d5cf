/**
 * The source of "now". Injected so tests, deadlines and documents are deterministic.
 *
 * @example
 * ```ts
 * const clock: Clock = { now: () => new Date('2021-12-07T01:30:00Z') };
 * ```
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that stays where you put it: for tests, examples and reproducible documents.
 *
 * @example
 * ```ts
 * const clock = createFixedClock('2021-12-07T01:30:00.000Z');
 * clock.advance(60 * 60_000); // one hour later
 * ```
 */
export function createFixedClock(start: string | Date): Clock & { set(instant: string | Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current.getTime()),
    set: (instant) => {
      current = new Date(instant);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
