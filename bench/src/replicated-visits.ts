/**
 * Untimed setup shared by the statistics and visit-page benches: a campaign run through the
 * service at small scale — 8 visits left in 6 different states (planned … reviewed) — then those 8
 * stored visit records (data, indexes JSON and index rows, exactly as the adapter wrote them)
 * replicated into N visits with new ids and districts cycling over Hà Tĩnh's 13, written straight
 * into the adapter's tables in one transaction. The service reads them as valid records (every
 * one is parsed by its schema).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { TeamMember } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { at, campaignAskingNominations, director, lead } from './seed-campaign.js';

const secretary = { role: 'secretary', id: 'p-secretary' } as const;
const DISTRICTS = HA_TINH_2021_DISTRICTS.map((d) => d.code);
const TEAM: TeamMember[] = [
  { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
  { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
];
/** How far each template visit goes (index = seed target). */
const DEPTH = [0, 0, 1, 2, 3, 4, 5, 5] as const;

/** Template visit ids: no id is a prefix of another, so replacing them in the JSON text is exact. */
const templateId = (k: number) => `tplvisit${k}x`;

/** Writes a SQLite file holding one campaign with `size` visits; returns the file and the campaign id. */
export async function prepareReplicatedVisits(size: number, dir: string): Promise<{ file: string; campaignId: string }> {
  const file = join(dir, 'statistics.db');
  const { storage, seed, clock, service, campaignId } = await campaignAskingNominations(file);
  await service.recordNomination(lead, { campaignId, organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27', districtCode: null });
  await service.formTeam(director, { campaignId, name: 'Tổ Kiểm tra PC-Covid', members: TEAM, decidedOn: '2021-11-30' });
  for (const target of seed.targets) await service.registerTarget(lead, { target });
  for (const [k, t] of seed.targets.entries()) {
    await service.scheduleVisit(lead, {
      visitId: templateId(k),
      campaignId,
      targetId: t.id,
      scheduledOn: '2021-12-07',
      memberIds: ['p-lead', 'p-secretary', ...(t.type === 'hospital' ? ['p-health'] : [])],
    });
  }
  await service.fixSchedule(lead, { campaignId });
  clock.set(at('2021-12-07', '12:00'));
  for (const [k, t] of seed.targets.entries()) {
    const visitId = templateId(k);
    const depth = DEPTH[k]!;
    if (depth >= 1) await service.startVisit(lead, { visitId, at: at('2021-12-07', '08:00') });
    if (depth >= 2) await service.recordAnswers(secretary, { visitId, answers: pcCovidAnswers(k % 2 ? 'compliant' : 'zeroScans', '2021-12-07'), complete: true });
    if (depth >= 3) {
      await service.draftMinutes(secretary, {
        visitId,
        endedAt: at('2021-12-07', '10:00'),
        place: t.name,
        representatives: [{ fullName: 'Nguyễn Văn An', position: 'Thủ trưởng đơn vị' }],
        assessment: 'Đơn vị đã triển khai các nội dung theo Văn bản số 7641/UBND-VX1.',
      });
    }
    if (depth >= 4) await service.signMinutes(lead, { visitId, signedAt: at('2021-12-07', '10:05') });
    if (depth >= 5) await service.reviewVisit(director, { visitId });
  }
  await storage.dispose();

  // Replicate the stored template visits into `size` visits, straight into the adapter's tables.
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON'); // deleting the template visits also deletes their index rows
  const rows = db.prepare("SELECT id, data, indexes, updated_at FROM records WHERE tenant_id = '42' AND collection = 'visits' ORDER BY id").all() as {
    id: string;
    data: string;
    indexes: string;
    updated_at: string;
  }[];
  const indexRows = db.prepare("SELECT field, rank, value FROM record_indexes WHERE tenant_id = '42' AND collection = 'visits' AND id = ?");
  const templates = rows.map((r) => ({ ...r, version: 1, indexRows: indexRows.all(r.id) as { field: string; rank: number; value: string | number }[] }));
  const district = (text: string, from: string, to: string) => text.replaceAll(`"districtCode":"${from}"`, `"districtCode":"${to}"`);
  const insertRecord = db.prepare("INSERT INTO records (tenant_id, collection, id, version, data, indexes, updated_at) VALUES ('42', 'visits', ?, ?, ?, ?, ?)");
  const insertIndex = db.prepare("INSERT INTO record_indexes (tenant_id, collection, id, field, rank, value) VALUES ('42', 'visits', ?, ?, ?, ?)");
  const versions = db.prepare("SELECT version FROM records WHERE tenant_id = '42' AND collection = 'visits' AND id = ?").pluck();
  for (const t of templates) t.version = versions.get(t.id) as number;
  db.transaction(() => {
    db.prepare("DELETE FROM records WHERE tenant_id = '42' AND collection = 'visits'").run();
    for (let i = 0; i < size; i++) {
      const t = templates[i % templates.length]!;
      const id = `visit-${String(i).padStart(7, '0')}`;
      const from = (JSON.parse(t.indexes) as { districtCode: string }).districtCode;
      const to = DISTRICTS[(i * 7) % DISTRICTS.length]!;
      insertRecord.run(id, t.version, district(t.data.replaceAll(t.id, id), from, to), district(t.indexes.replaceAll(t.id, id), from, to), t.updated_at);
      for (const ix of t.indexRows) insertIndex.run(id, ix.field, ix.rank, ix.field === 'districtCode' ? to : ix.value);
    }
  })();
  db.close();
  return { file, campaignId };
}
