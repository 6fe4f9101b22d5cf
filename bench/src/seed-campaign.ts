/**
 * Untimed setup shared by the benches that drive the service: the seed campaign on a SQLite file,
 * from the directory to the nomination request, with a fixed clock and sequential ids.
 */
import { createFixedClock, createInspectionService, createSequentialIds } from '@pccovid-inspect/core';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';

export const director = { role: 'director', id: 'p-dau-tung-lam' } as const;
export const lead = { role: 'inspectorateLead', id: 'p-lead' } as const;

/** An instant from a civil day and a time in Asia/Ho_Chi_Minh. */
export const at = (day: string, hhmm: string): string => new Date(`${day}T${hhmm}:00+07:00`).toISOString();

/** The seed campaign on `filename`, issued and with nominations requested. */
export async function campaignAskingNominations(filename: string) {
  const storage = createSqliteStorage({ filename });
  const seed = haTinh2021Seed();
  const clock = createFixedClock(at('2021-11-26', '08:00'));
  const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock, ids: createSequentialIds() });
  const campaignId = seed.campaign.id;
  await service.registerDirectory(director, { organizations: seed.bodies, people: seed.people });
  await service.createCampaign(director, { campaign: seed.campaign });
  await service.issuePlan(director, { campaignId, issuedOn: '2021-11-26' });
  await service.requestNominations(lead, { campaignId, sentOn: '2021-11-26' });
  return { storage, seed, clock, service, campaignId };
}
