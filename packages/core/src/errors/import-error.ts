import { InspectError, hasMarker, markerFor } from './inspect-error.js';

const MARKER = markerFor('IMPORT_FAILED');

/**
 * Thrown when an imported file has a bad row (`IMPORT_FAILED`), naming the row and column.
 * Nothing of the import is committed.
 *
 * @example
 * ```ts
 * new ImportError({ source: 'targets.csv', row: 12, column: 'district', problemEn: 'unknown district code', hint: 'use a GSO district code of the province, e.g. 436' })
 * ```
 */
export class ImportError extends InspectError {
  readonly source: string;
  readonly row: number;
  readonly column: string | undefined;
  private readonly [MARKER] = true;

  constructor(options: { source: string; row: number; column?: string; problemVi?: string; problemEn: string; hint?: string; cause?: unknown }) {
    const col = options.column ? `, cột "${options.column}"` : '';
    const colEn = options.column ? `, column "${options.column}"` : '';
    super('IMPORT_FAILED', {
      messageVi: `Lỗi nhập dữ liệu ${options.source}, dòng ${options.row}${col}: ${options.problemVi ?? options.problemEn}. Không có dòng nào được ghi.`,
      messageEn: `Import of ${options.source} failed at row ${options.row}${colEn}: ${options.problemEn}. No row was written.`,
      hint: options.hint,
      cause: options.cause,
    });
    this.name = 'ImportError';
    this.source = options.source;
    this.row = options.row;
    this.column = options.column;
  }

  static override isInstance(error: unknown): error is ImportError {
    return hasMarker(error, MARKER);
  }
}
