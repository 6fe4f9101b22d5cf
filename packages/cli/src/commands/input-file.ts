import type { Clock } from '@pccovid-inspect/core';
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ValidationError } from '@pccovid-inspect/core';
import { LineCounter, parseDocument } from 'yaml';
import { UsageError } from '../cli-errors.js';

/**
 * @internal Reads a JSON or YAML input file (JSON is read as YAML 1.2, so both give a line on a
 * syntax error). The shape is checked by the service's own schema when the command runs.
 *
 * @throws UsageError when the file does not exist; ValidationError (`VALIDATION_FAILED`) naming the
 * line when it is not valid JSON/YAML.
 */
export function readInputFile(file: string, option: string): unknown {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`không có tệp ${path} (${option})`, `no file ${path} (${option})`, `${option} <file.json|file.yaml>`);
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    const source = basename(path);
    throw new ValidationError({
      subject: `input file ${source}`,
      issues: [{ path: [], code: 'input_file', message: `${source}:${pos.line}:${pos.col} (dòng / line ${pos.line}): ${error.message.split('\n')[0] ?? error.code}` }],
      hint: `Sửa ${source} tại dòng ${pos.line}. / Fix ${source} at line ${pos.line}.`,
    });
  }
  return doc.toJS() as unknown;
}

/** @internal True for a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @internal Today's date in Việt Nam (UTC+7, no daylight saving) as YYYY-MM-DD, by the command's
 * clock (`--clock` moves it): the default of a date option. 06:00 in Hà Tĩnh is still the day before in UTC.
 */
export function today(clock: Clock): string {
  return new Date(clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
