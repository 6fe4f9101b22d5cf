/**
 * Hà Tĩnh's checklist plugin at work: a short round on in-memory storage where the team finds
 * the market's QR code posted and scanned (every item of `pc-covid-ii1@1` Đạt) but nobody at the
 * entrance guiding visitors to scan — the plugin's item `d1`, Chưa đạt, with a photo. Prints the
 * verdict of every item in Vietnamese with English beside.
 *
 *   pnpm --filter @pccovid-inspect/example-checklist-plugin start
 */
import { InspectError } from '@pccovid-inspect/core';
import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
import { ACTORS, D1_ANSWERS, runMarketRound, verdictLines } from './round.js';

async function main(): Promise<void> {
  const storage = createMemoryStorage();
  try {
    const round = await runMarketRound(storage, D1_ANSWERS.notMet);
    console.log(`Mẫu / Template: ${round.template.id}@${round.template.version}`);
    console.log(`Các mẫu của dịch vụ / Service templates: ${round.service.templates.map((t) => `${t.id}@${t.version}`).join(', ')}`);
    console.log(`Lượt kiểm tra / Visit: ${round.visitId} — Chợ thành phố Hà Tĩnh\n`);
    for (const line of verdictLines(round.template, round.evaluation)) console.log(line);
    const visit = await round.service.getVisit(ACTORS.viewer, { visitId: round.visitId });
    console.log(`\nTrạng thái / State: ${visit.state}; kết luận đã ghi / recorded verdict: ${visit.verdict}`);
  } finally {
    await storage.dispose();
  }
}

main().catch((error: unknown) => {
  if (InspectError.isInstance(error)) console.error(`[${error.code}] ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
});
