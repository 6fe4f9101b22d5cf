/**
 * The main job: the Hà Tĩnh December 2021 PC-Covid / QR-code inspection at the province's real
 * scale, run through the `pccovid-inspect` command line on the embedded SQLite default: ~2,000
 * synthetic units with the portal's November figures, a risk-based sample of 60, the December
 * schedule, the visits, the report, notices and follow-up, every document as PDF and DOCX, and an
 * index (`out/index.html`, `out/index.md`) linking them.
 *
 *   pnpm run main-job                 # from the repository root
 *   pnpm run main-job -- --fresh      # throw away ./pccovid-inspect.db and ./out and run again
 *   pnpm run main-job -- --seed-round # the seed's own eight visits, the service called directly
 *
 *   pnpm run main-job -- --postgres postgres://user@127.0.0.1:5432/pccovid   # PostgreSQL instead
 *
 * Options: --db <file> (default ./pccovid-inspect.db; with --seed-round ./pccovid-inspect-seed.db),
 * --postgres <url> (or PCCI_POSTGRES_URL: a PostgreSQL database instead of the SQLite file),
 * --out <dir> (default ./out; with --seed-round ./out-seed), --fresh, --threads <n> (document
 * rendering; default every core), --seed-round.
 * A second run on the same database does not repeat the round: it reports the campaign that is
 * already there (and writes its documents again). Use --fresh to start over (SQLite; with
 * PostgreSQL, point --postgres at an empty database).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { createPostgresStorage } from '@pccovid-inspect/storage-postgres';
import { ConfigurationError, createInspectionService, InspectError } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { ACTORS, runRound } from './round.js';
import { writeDocuments } from './write-documents.js';
import { runScaleJob } from './scale/scale-job.js';

async function main(): Promise<void> {
  // `pnpm run main-job -- --fresh` forwards a literal "--"; drop it before parsing.
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      postgres: { type: 'string', default: process.env.PCCI_POSTGRES_URL },
      out: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'seed-round': { type: 'boolean', default: false },
      threads: { type: 'string' },
    },
  });
  // The two rounds are the same campaign: each has its own default database and output folder.
  if (values['seed-round']) await runSeedRoundJob({ ...values, db: values.db ?? './pccovid-inspect-seed.db', out: values.out ?? './out-seed' });
  else await runScaleJob({ ...values, db: values.db ?? './pccovid-inspect.db', out: values.out ?? './out', threads: values.threads });
}

/** The eight-visit round of the seed (`--seed-round`): the service called directly, as a province's own code would. */
async function runSeedRoundJob(values: { db: string; postgres?: string | undefined; out: string; fresh: boolean }): Promise<void> {
  const outDir = resolve(values.out);
  let dbFile: string;
  let storage;
  if (values.postgres) {
    if (values.fresh) {
      throw new ConfigurationError({
        problemVi: '--fresh chỉ xoá tệp SQLite; với PostgreSQL hãy trỏ --postgres tới một cơ sở dữ liệu trống',
        problemEn: '--fresh empties the SQLite file only; for PostgreSQL, point --postgres at an empty database',
      });
    }
    const url = new URL(values.postgres);
    dbFile = `PostgreSQL ${url.host}${url.pathname}`; // never the password
    storage = await createPostgresStorage({ connectionString: values.postgres });
  } else {
    dbFile = resolve(values.db);
    if (values.fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
    storage = createSqliteStorage({ filename: dbFile });
  }
  try {
    const seed = haTinh2021Seed();
    const existing = await storage.get('campaigns', seed.tenant.id, seed.campaign.id);
    let campaignId = seed.campaign.id;
    let service;
    let messages: string[] | null = null;
    if (existing) {
      console.log(
        `Cơ sở dữ liệu ${dbFile} đã có đợt kiểm tra này — báo cáo lại, không chạy lại. / The database already holds this campaign — reporting it, not re-running (use --fresh to start over).`,
      );
      service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS });
    } else {
      console.log(`Chạy đợt kiểm tra trên ${dbFile} / Running the round on ${dbFile}`);
      let n = 0;
      const round = await runRound(storage, (vi, en, result) => console.log(`${String(++n).padStart(2)}. ${vi} / ${en} → ${result}`));
      service = round.service;
      campaignId = round.campaignId;
      messages = round.messages;
    }
    const overview = await service.getCampaignOverview(ACTORS.viewer, { campaignId });
    console.log(`\nTổng quan / Overview: ${overview.title}`);
    console.log(`  trạng thái / state: ${overview.state}; kế hoạch / plan: ${overview.planNumberSymbol}; báo cáo / report: ${overview.reportNumberSymbol}`);
    console.log(`  đề cử / nominations: ${overview.nominations.total} (${overview.nominations.late} trễ hạn / late)`);
    console.log(`  lượt kiểm tra / visits: ${JSON.stringify(overview.visits.byState)}; theo huyện / by district: ${JSON.stringify(overview.visits.byDistrict)}`);
    console.log(`  khắc phục / remediation: ${JSON.stringify(overview.remediation.byState)}`);
    const audit = await service.verifyAudit(ACTORS.director);
    console.log(`  nhật ký kiểm toán / audit chain: ${audit.ok ? 'toàn vẹn / intact' : 'BỊ SỬA / ALTERED'} (${audit.count} sự kiện / events)`);
    if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
    const files = await writeDocuments(service, campaignId, outDir);
    if (messages !== null) {
      writeFileSync(join(outDir, 'messages.txt'), `${messages.join('\n')}\n`);
      console.log(`Thông báo gửi bằng văn bản: ${join(outDir, 'messages.txt')} / Messages sent as official documents: ${join(outDir, 'messages.txt')}`);
    }
    console.log(`\nĐã ghi ${files.length} tệp văn bản vào ${outDir} / Wrote ${files.length} document files to ${outDir}`);
  } finally {
    await storage.dispose();
  }
}

main().catch((error: unknown) => {
  if (InspectError.isInstance(error)) console.error(`[${error.code}] ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
});
