import type { ValidationIssue } from '../errors/validation-error.js';
import { isPlainObject, throwValidationIssue } from './validation-issue.js';

/**
 * Checks that `value` survives a JSON round trip unchanged: null, booleans, finite numbers,
 * strings, dense arrays and plain objects, without cycles. Object properties holding `undefined`
 * are allowed (JSON leaves them out, as deep equality does). Anything else — `NaN`, a `Date`, a
 * `Map`, a function, a bigint, a hole, a cycle — throws a `ValidationError` at its path.
 *
 * @param subject - What is being checked, e.g. `'PutRequest'`.
 * @param path - The path of `value` inside it; issue paths extend it.
 * @param value - The value to check.
 * @param ancestors - The objects being walked (for cycle detection); leave it out.
 *
 * @example
 * ```ts
 * checkJsonValue('PutRequest', ['data'], { when: new Date() });
 * // throws ValidationError: Invalid PutRequest (data.when): must be plain JSON; found a Date. …
 * ```
 */
export function checkJsonValue(subject: string, path: ValidationIssue['path'], value: unknown, ancestors: object[] = []): void {
  // One mutable path for the whole walk, copied only when an issue is thrown: this runs over every
  // record of every commit, so it allocates nothing per node.
  walk(subject, [...path], value, ancestors);
}

function walk(subject: string, path: (string | number)[], value: unknown, ancestors: object[]): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throwValidationIssue(subject, [...path], 'numbers must be finite (NaN and Infinity are not JSON)');
      return;
    case 'object': {
      if (value === null) return;
      if (ancestors.includes(value)) throwValidationIssue(subject, [...path], 'must not contain a cycle');
      ancestors.push(value);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          if (value[i] === undefined) throwValidationIssue(subject, [...path], 'arrays must not hold undefined or holes');
          walk(subject, path, value[i], ancestors);
          path.pop();
        }
      } else if (isPlainObject(value)) {
        for (const key in value) {
          if (!Object.hasOwn(value, key)) continue;
          const item = value[key];
          if (item === undefined) continue;
          path.push(key);
          walk(subject, path, item, ancestors);
          path.pop();
        }
      } else {
        throwValidationIssue(subject, [...path], `must be plain JSON; found a ${value.constructor?.name ?? 'non-plain object'}`);
      }
      ancestors.pop();
      return;
    }
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      throwValidationIssue(subject, [...path], `must be plain JSON; found a ${typeof value}`);
  }
}
