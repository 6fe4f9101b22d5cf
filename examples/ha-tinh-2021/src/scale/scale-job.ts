/**
 * The main job at the province's scale: the round through the command line (see `cli-round.ts`),
 * then the campaign's status table, every document rendered on every core, the audit chain
 * verified, and the index written. A second run on the same database reports the stored campaign.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from '@pccovid-inspect/cli';
import { ConfigurationError } from '@pccovid-inspect/core';
import { runScaleRound, type ScaleRoundResult } from './cli-round.js';
import { runCliJson } from './cli-json.js';
import { writeIndex } from './write-index.js';

/** Options of {@link runScaleJob} (the main job's command line). */
export interface ScaleJobOptions {
  db: string;
  postgres?: string | undefined;
  out: string;
  fresh: boolean;
  threads?: string | undefined;
  /** Where progress goes (default: the console). */
  print?: (line: string) => void;
}

/** What the job wrote. */
export interface ScaleJobResult {
  /** True when the round ran now; false when the database already held it. */
  ran: boolean;
  files: string[];
  index: string[];
  round: ScaleRoundResult | null;
}

/** Runs the main job; returns what it wrote. */
export async function runScaleJob(options: ScaleJobOptions): Promise<ScaleJobResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const outDir = resolve(options.out);
  let db: string;
  if (options.postgres) {
    if (options.fresh) {
      throw new ConfigurationError({
        problemVi: '--fresh chỉ xoá tệp SQLite; với PostgreSQL hãy trỏ --postgres tới một cơ sở dữ liệu trống',
        problemEn: '--fresh empties the SQLite file only; for PostgreSQL, point --postgres at an empty database',
      });
    }
    db = options.postgres;
  } else {
    db = resolve(options.db);
    if (options.fresh) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  mkdirSync(outDir, { recursive: true });
  const url = options.postgres ? new URL(options.postgres) : null;
  const label = url ? `PostgreSQL ${url.host}${url.pathname}` : db; // never the password
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s`;

  const existing = options.postgres || existsSync(db) ? await runCliJson<{ state: string }>(['--db', db, 'status']) : null;
  const roundFile = join(outDir, 'round.json');
  let round: ScaleRoundResult | null = null;
  if (existing?.result) {
    print(
      `Cơ sở dữ liệu ${label} đã có đợt kiểm tra này — báo cáo lại, không chạy lại. / The database already holds this campaign — reporting it, not re-running (use --fresh to start over).`,
    );
    if (existsSync(roundFile)) round = JSON.parse(readFileSync(roundFile, 'utf8')) as ScaleRoundResult;
  } else {
    print(`Chạy đợt kiểm tra qua dòng lệnh pccovid-inspect trên ${label} / Running the round through the pccovid-inspect command line on ${label}`);
    let n = 0;
    round = await runScaleRound({
      db,
      outDir,
      log: (vi, en, result) => print(`${elapsed()}  ${String(++n).padStart(2)}. ${vi} / ${en}${result === undefined ? '' : ` → ${result}`}`),
    });
    writeFileSync(roundFile, `${JSON.stringify(round, null, 2)}\n`);
    writeFileSync(join(outDir, 'messages.txt'), `${round.messages.join('\n')}\n`);
    print(`Thông báo đã gửi: ${join(outDir, 'messages.txt')} / Messages sent: ${join(outDir, 'messages.txt')}`);
  }

  // The status table, as a clerk sees it in the terminal.
  await runCli(['--db', db, 'status'], { signal: new AbortController().signal });
  await runCli(['--db', db, 'status', '--by', 'type'], { signal: new AbortController().signal });

  print(`${elapsed()}  Xuất văn bản (PDF, DOCX) / Rendering the documents (PDF, DOCX)`);
  const docs = await runCliJson<{ files: string[] }>(['--db', db, 'documents', '--out', outDir, '--format', 'both', ...(options.threads ? ['--threads', options.threads] : [])]);
  if (docs.result === null) throw new Error(`pccovid-inspect documents failed:\n${docs.text}`);
  const audit = await runCliJson<{ ok: boolean; count: number }>(['--db', db, 'audit', 'verify']);
  print(`${elapsed()}  Nhật ký kiểm toán / audit chain: ${audit.result?.ok ? 'toàn vẹn / intact' : 'BỊ SỬA / ALTERED'} (${audit.result?.count ?? '?'} sự kiện / events)`);
  const index = writeIndex(outDir, docs.result.files, round, 'Kiểm tra việc triển khai PC-Covid và quét mã QR — Hà Tĩnh, tháng 12/2021');
  print(`${elapsed()}  Đã ghi ${docs.result.files.length} tệp văn bản và mục lục ${index[1]} / Wrote ${docs.result.files.length} document files and the index ${index[1]}`);
  if (audit.result?.ok !== true) process.exitCode = 1;
  return { ran: existing?.result == null, files: docs.result.files, index, round };
}
