import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { CHECKLIST_ANSWER_LABELS, VERDICT_LABELS, type ChecklistAnswer } from '@pccovid-inspect/core';
import { exportRowsCsv, exportRowsXlsx, type ExportColumn } from '@pccovid-inspect/import';
import { checkInterrupted, type CommandEnv } from '../cli.js';
import { UsageError } from '../cli-errors.js';
import { ProgressBar } from '../progress.js';
import { withSession } from './session.js';
import { visibleVisitsWithTypes, type TypedVisit } from './visit-table.js';

/** One finding: an answered checklist item of one visit. */
interface FindingRow {
  visit: TypedVisit;
  districtName: string;
  itemId: string;
  itemLabel: string;
  answer: ChecklistAnswer | null;
  note: string | null;
}

/** One line of the statistics: a district × target type. */
interface StatisticsRow {
  districtCode: string;
  districtName: string;
  targetType: string;
  visits: number;
  inspected: number;
  compliant: number;
  nonCompliant: number;
  cancelled: number;
}

const verdictLabel = (v: string | null): string => (v === null ? '' : ((VERDICT_LABELS as Record<string, { vi: string } | undefined>)[v]?.vi ?? v));

const FINDING_COLUMNS: readonly ExportColumn<FindingRow>[] = [
  { header: 'Mã cuộc kiểm tra', value: (r) => r.visit.id },
  { header: 'Ngày kiểm tra', value: (r) => r.visit.scheduledOn },
  { header: 'Mã huyện', value: (r) => r.visit.districtCode },
  { header: 'Huyện', value: (r) => r.districtName },
  { header: 'Mã đơn vị', value: (r) => r.visit.targetId },
  { header: 'Tên đơn vị', value: (r) => r.visit.targetName },
  { header: 'Loại hình', value: (r) => r.visit.targetType },
  { header: 'Trạng thái', value: (r) => r.visit.state },
  { header: 'Kết luận', value: (r) => verdictLabel(r.visit.verdict) },
  { header: 'Nội dung', value: (r) => r.itemId },
  { header: 'Tên nội dung', value: (r) => r.itemLabel },
  { header: 'Kết quả', value: (r) => (r.answer === null ? '' : CHECKLIST_ANSWER_LABELS[r.answer].vi) },
  { header: 'Ghi chú', value: (r) => r.note },
];

const STATISTICS_COLUMNS: readonly ExportColumn<StatisticsRow>[] = [
  { header: 'Mã huyện', value: (r) => r.districtCode },
  { header: 'Huyện', value: (r) => r.districtName },
  { header: 'Loại hình', value: (r) => r.targetType },
  { header: 'Số cuộc kiểm tra', value: (r) => r.visits },
  { header: 'Đã kiểm tra', value: (r) => r.inspected },
  { header: 'Đạt', value: (r) => r.compliant },
  { header: 'Chưa đạt', value: (r) => r.nonCompliant },
  { header: 'Đã hủy', value: (r) => r.cancelled },
];

/** @internal Options of `export`. */
export interface ExportOptions {
  out: string;
  format?: string;
}

/**
 * @internal `export findings|statistics --out file.csv|xlsx`: the findings (one row per answered
 * item of every started visit, from `visitPacket.export`) or the statistics (visits per district ×
 * target type, with verdicts) through `@pccovid-inspect/import`'s exporters, which neutralise
 * cells that start with = + - @.
 */
export async function exportCommand(env: CommandEnv, kind: string, opts: ExportOptions): Promise<void> {
  if (kind !== 'findings' && kind !== 'statistics') {
    throw new UsageError(`không biết loại xuất "${kind}"`, `unknown export kind "${kind}"`, 'pccovid-inspect export findings|statistics --out file.csv|file.xlsx');
  }
  const file = resolve(opts.out);
  const format = opts.format ?? extname(file).slice(1).toLowerCase();
  if (format !== 'csv' && format !== 'xlsx')
    throw new UsageError('--format là csv hoặc xlsx (hoặc đuôi tệp --out)', '--format is csv or xlsx (or the --out extension)', '--out ket-qua.xlsx');
  await withSession(env, async (session) => {
    const { service, actor, workspace } = session;
    const visits = await visibleVisitsWithTypes(session);
    const districts = new Map(workspace.province.adminUnits.map((u) => [u.code, u.name]));
    mkdirSync(dirname(file), { recursive: true });
    // Written beside, then renamed: a failed or interrupted export leaves no half file (nor replaces an earlier one).
    const part = `${file}.part`;
    let rows: number;
    try {
      if (kind === 'statistics') {
        const table = new Map<string, StatisticsRow>();
        for (const v of visits) {
          const key = `${v.districtCode}|${v.targetType}`;
          const row = table.get(key) ?? {
            districtCode: v.districtCode,
            districtName: districts.get(v.districtCode) ?? '',
            targetType: v.targetType,
            visits: 0,
            inspected: 0,
            compliant: 0,
            nonCompliant: 0,
            cancelled: 0,
          };
          row.visits += 1;
          if (v.state === 'reviewed' || v.state === 'closed') row.inspected += 1;
          if (v.state === 'cancelled') row.cancelled += 1;
          if (v.verdict === 'compliant') row.compliant += 1;
          if (v.verdict === 'non_compliant') row.nonCompliant += 1;
          table.set(key, row);
        }
        const sorted = [...table.values()].sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.targetType.localeCompare(b.targetType));
        rows = format === 'csv' ? await exportRowsCsv(part, STATISTICS_COLUMNS, sorted) : await exportRowsXlsx(part, STATISTICS_COLUMNS, sorted, { sheetName: 'Thống kê' });
      } else {
        const started = visits.filter((v) => v.startedAt !== null);
        const bar = new ProgressBar(env.io, !env.global.json, 'kết quả / findings');
        // A generator: one visit's packet is read at a time, while the file is written.
        async function* findings(): AsyncGenerator<FindingRow> {
          for (const [i, visit] of started.entries()) {
            checkInterrupted(env.signal);
            const packet = await service.exportVisitPacket(actor, { visitId: visit.id });
            const districtName = districts.get(visit.districtCode) ?? '';
            for (const section of packet.template.sections) {
              for (const item of section.items) {
                const a = packet.answers[item.id];
                if (a === undefined) continue;
                yield { visit, districtName, itemId: item.id, itemLabel: item.label.vi, answer: a.answer, note: a.note ?? null };
              }
            }
            bar.update((i + 1) / started.length, `${i + 1}/${started.length}`);
          }
        }
        try {
          rows = format === 'csv' ? await exportRowsCsv(part, FINDING_COLUMNS, findings()) : await exportRowsXlsx(part, FINDING_COLUMNS, findings(), { sheetName: 'Kết quả' });
        } finally {
          bar.done();
        }
      }
      renameSync(part, file);
    } catch (error) {
      rmSync(part, { force: true });
      throw error;
    }
    env.out.result({ kind, file, format, rows }, () => env.out.say(`Đã ghi ${rows} dòng vào ${file}`, `Wrote ${rows} rows to ${file}`));
  });
}
