import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCivilDate } from '../text/civil-date.js';
import { isCivilDateFast } from './field-violations.js';

describe('isCivilDateFast', () => {
  it('agrees with isCivilDate on every kind of YYYY-MM-DD string', () => {
    const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
          fc.string({ maxLength: 12 }),
        ),
        (value) => {
          expect(isCivilDateFast(value)).toBe(isCivilDate(value));
        },
      ),
      { numRuns: 20000 },
    );
    for (const value of [
      '2000-02-29',
      '1900-02-29',
      '2024-02-29',
      '2021-02-29',
      '0000-02-29',
      '0100-02-29',
      '9999-12-31',
      '2021-04-31',
      '2021-13-01',
      '2021-00-10',
      '2021-01-00',
    ]) {
      expect(isCivilDateFast(value)).toBe(isCivilDate(value));
    }
  });
});
