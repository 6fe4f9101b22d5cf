import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SummaryRow } from './summary.js';

/**
 * Draws the run's seed (unless `PCCI_FC_SEED` is set) and a file for the summary rows before the
 * workers start (they inherit the environment); prints the summary table when the project ends.
 */
export default function setup(): () => void {
  if (!process.env.PCCI_FC_SEED) process.env.PCCI_FC_SEED = String(Math.floor(Math.random() * 2 ** 31));
  const dir = mkdtempSync(join(tmpdir(), 'pcci-reliability-'));
  const file = join(dir, 'summary.jsonl');
  process.env.PCCI_RELIABILITY_SUMMARY = file;
  const started = Date.now();
  return () => {
    const rows: SummaryRow[] = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as SummaryRow)
      : [];
    rmSync(dir, { recursive: true, force: true });
    console.log(formatSummary(rows, Number(process.env.PCCI_FC_SEED), Date.now() - started));
  };
}

/** The table: one row per attack family, and a total. */
export function formatSummary(rows: SummaryRow[], seed: number, ms: number): string {
  const head = ['attack family / họ tấn công', 'runs', 'faults', 'rows checked', 'violations', 'note'];
  const total = rows.reduce(
    (t, r) => ({ runs: t.runs + r.runs, faults: t.faults + r.faults, rowsChecked: t.rowsChecked + r.rowsChecked, violations: t.violations + r.violations }),
    {
      runs: 0,
      faults: 0,
      rowsChecked: 0,
      violations: 0,
    },
  );
  const body = [...rows]
    .sort((a, b) => a.family.localeCompare(b.family))
    .map((r) => [r.family, String(r.runs), String(r.faults), String(r.rowsChecked), String(r.violations), r.note ?? '']);
  body.push(['TOTAL / TỔNG', String(total.runs), String(total.faults), String(total.rowsChecked), String(total.violations), '']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  return [
    '',
    `Tóm tắt độ tin cậy / Reliability summary — seed PCCI_FC_SEED=${seed}, ${(ms / 1000).toFixed(1)} s`,
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
    '',
  ].join('\n');
}
