import type { IndexValue } from '@pccovid-inspect/core';

/**
 * @internal How an index value is bound in SQL: booleans as 0/1 (their rank keeps them apart
 * from numbers), null as 0 (only ever compared within rank 0, where every value is 0).
 */
export function toSqlValue(value: IndexValue): number | string {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
