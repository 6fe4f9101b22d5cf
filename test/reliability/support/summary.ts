import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** One row of the summary table: what an attack family did. */
export interface SummaryRow {
  family: string;
  runs: number;
  faults: number;
  rowsChecked: number;
  violations: number;
  /** A measured figure worth showing (e.g. render time); never asserted. */
  note?: string;
}

/** Where the rows of this run go (set by the global setup; one JSON line per row). */
export function summaryFile(): string {
  const f = process.env.PCCI_RELIABILITY_SUMMARY;
  if (!f) throw new Error('PCCI_RELIABILITY_SUMMARY is not set: run through the reliability project (global setup)');
  return f;
}

/** Adds a row to the summary table printed at the end of the project. */
export function recordSummary(row: SummaryRow): void {
  const file = summaryFile();
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(row)}\n`);
}

/** A counter an attack family fills, then records. */
export class Tally {
  runs = 0;
  faults = 0;
  rowsChecked = 0;
  /** The first violations, word for word (at most 20; `violationCount` has them all). */
  violations: string[] = [];
  violationCount = 0;
  constructor(readonly family: string) {}
  violation(what: string): void {
    this.violationCount++;
    if (this.violations.length < 20) this.violations.push(what);
  }
  record(note?: string): void {
    recordSummary({ family: this.family, runs: this.runs, faults: this.faults, rowsChecked: this.rowsChecked, violations: this.violationCount, note });
  }
}
