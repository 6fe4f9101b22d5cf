import { ImportError } from '@pccovid-inspect/core';

/** A bad row: where it is, what is wrong and how to fix it, Vietnamese first. */
export interface RowIssue {
  /** Line (CSV) or sheet row (XLSX) of the record, 1-based; the header is line 1 of a plain file. */
  line: number;
  /** Header text of the column at fault, when one is. */
  column?: string;
  problemVi: string;
  problemEn: string;
  /** How to fix it: Vietnamese / English. */
  hint: string;
}

/**
 * The `ImportError` (`IMPORT_FAILED`) of core for a row issue: `row` is the line, `column` the
 * header text, and `hint` says how to fix it.
 *
 * @example
 * ```ts
 * throw rowIssueError('targets.csv', { line: 12, column: 'Mã huyện', problemVi: 'mã huyện không có', problemEn: 'unknown district', hint: 'Dùng mã GSO / Use the GSO code' });
 * ```
 */
export function rowIssueError(source: string, issue: RowIssue): ImportError {
  return new ImportError({
    source,
    row: issue.line,
    ...(issue.column === undefined ? {} : { column: issue.column }),
    problemVi: issue.problemVi,
    problemEn: issue.problemEn,
    hint: issue.hint,
    cause: issue,
  });
}
