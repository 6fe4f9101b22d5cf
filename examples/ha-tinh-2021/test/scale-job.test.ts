/**
 * The main job as a newcomer runs it: the real script (`src/main.ts`) in its own process, the round
 * at the province's scale through the command line on a temporary SQLite file, then its output
 * checked — every document of the campaign written as PDF and DOCX and linked from the index, the
 * extracted text holding the unit names, verdicts and the portal's figures — and a second run that
 * reports the stored campaign instead of repeating it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { extractDocxText, extractPdfText } from '@pccovid-inspect/testkit/renderer';
import type { ScaleRoundResult } from '../src/scale/cli-round.js';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(exampleDir, '..', '..');

/** Runs `src/main.ts <args>` with tsx and the root tsconfig's paths (the workspace's sources, no build needed). */
function mainJob(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const loader = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(exampleDir, 'src', 'main.ts'), ...args], {
    cwd: exampleDir,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json'), PCCI_POSTGRES_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the main job at the province’s scale (the real script, a temporary SQLite file)', () => {
  let dir: string;
  let db: string;
  let out: string;
  let first: { code: number | null; stdout: string; stderr: string };
  let round: ScaleRoundResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pcci-main-job-'));
    db = join(dir, 'round.db');
    out = join(dir, 'out');
    first = await mainJob(['--fresh', '--db', db, '--out', out, '--threads', '2']);
    if (first.code === 0) round = JSON.parse(readFileSync(join(out, 'round.json'), 'utf8')) as ScaleRoundResult;
  }, 600_000); // ~2,000 units, ~60 visits and ~280 document files on a loaded 2-core machine

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the whole round to a closed campaign with an intact audit chain, printing its progress', () => {
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('Nhập danh sách đơn vị / Targets imported → 2000');
    expect(first.stdout).toMatch(/Chọn mẫu theo rủi ro \/ Risk-based sample drawn → 60/);
    expect(first.stdout).toContain('Kết thúc đợt kiểm tra / Campaign closed → closed');
    expect(first.stdout).toContain('toàn vẹn / intact');
    expect(first.stdout).toContain('1 trễ hạn / late');
    expect(round.units).toBe(2000);
    expect(round.visits.length).toBeGreaterThanOrEqual(50);
    // Varied defects: more than one kind found, compliant units among them, a sanction proposed.
    const kinds = new Set(round.visits.flatMap((v) => v.defects.map((d) => d.replace(/^\d+ /, ''))));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    expect(round.visits.some((v) => v.verdict === 'compliant')).toBe(true);
    expect(round.remediations.filter((r) => r.outcome === 'sanction_proposed')).toHaveLength(1);
  });

  it('writes every document of the campaign as PDF and DOCX, each linked from the index', async () => {
    const storage = createSqliteStorage({ filename: db });
    try {
      const visits = await storage.query({ collection: 'visits', tenantId: '42', limit: 1000 });
      expect(visits.items.length).toBe(round.visits.length);
    } finally {
      await storage.dispose();
    }
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    const links = [...index.matchAll(/\]\(([^)]+)\)/g)].map((m) => decodeURI(m[1]!));
    expect(links.length).toBeGreaterThan(200);
    for (const link of links) expect(existsSync(join(out, link)), link).toBe(true);
    for (const stem of ['KH-ke-hoach', 'QD-thanh-lap-to-kiem-tra', 'BC-bao-cao-ket-qua', ...round.visits.map((v) => `BB-${v.visitId}`)]) {
      expect(links).toContain(`${stem}.pdf`);
      expect(links).toContain(`${stem}.docx`);
    }
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<a href="BC-bao-cao-ket-qua.pdf">PDF</a>');
  });

  it('has each unit’s name, verdict and figures in its minutes, and every district in the report (PDF and DOCX)', async () => {
    for (const v of round.visits.slice(0, 12)) {
      const pdf = (await extractPdfText(readFileSync(join(out, `BB-${v.visitId}.pdf`)))).text.replace(/\s+/g, ' ');
      const docx = (await extractDocxText(readFileSync(join(out, `BB-${v.visitId}.docx`)))).replace(/\s+/g, ' ');
      for (const text of [pdf, docx]) {
        expect(text).toContain(v.name);
        expect(text).toContain(v.verdict === 'compliant' ? ': Đạt' : 'Chưa đạt');
        expect(text).toMatch(/Số lượt quét trung bình mỗi ngày: \d+ lượt\/ngày/);
      }
    }
    const report = (await extractPdfText(readFileSync(join(out, 'BC-bao-cao-ket-qua.pdf')))).text.replace(/\s+/g, ' ');
    const reportDocx = (await extractDocxText(readFileSync(join(out, 'BC-bao-cao-ket-qua.docx')))).replace(/\s+/g, ' ');
    for (const text of [report, reportDocx]) {
      expect(text).toContain(`kiểm tra đột xuất ${round.visits.length} đơn vị`);
      for (const d of HA_TINH_2021_DISTRICTS) expect(text).toContain(d.name);
      expect(text).toMatch(/Lượt quét\/ ?ngày/);
    }
  }, 120_000);

  it('reports the stored campaign on a second run instead of repeating the round', async () => {
    const second = await mainJob(['--db', db, '--out', out, '--threads', '1']);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain('đã có đợt kiểm tra này');
    expect(second.stdout).not.toContain('Nhập danh sách đơn vị');
    expect(second.stdout).toContain('toàn vẹn / intact');
  }, 600_000);
});
