import { COLLECTIONS, chainAuditRecord } from '@pccovid-inspect/core/adapter-kit';
import { COUNTERS_COLLECTION, DOCUMENT_NUMBERS_COLLECTION } from '../../src/service/document-numbering.js';
import {
  createFixedClock,
  createInspectionService,
  createSequentialIds,
  type Actor,
  type Notifier,
  type TeamMember,
  type StorageAdapter,
  type AuditKey,
  type DeliveryOptions,
  type PutRequest,
} from '@pccovid-inspect/core';
import { createMemoryStorage, inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';

/** The actors of the seed round (ids are the fixture's people). */
export const A = {
  director: { role: 'director', id: 'p-dau-tung-lam' },
  lead: { role: 'inspectorateLead', id: 'p-lead' },
  member: { role: 'teamMember', id: 'p-it' },
  secretary: { role: 'secretary', id: 'p-secretary' },
  health: { role: 'healthRepresentative', id: 'p-health' },
  rep436: { role: 'districtRepresentative', id: 'p-vhtt-436', districtCode: '436' },
  rep443: { role: 'districtRepresentative', id: 'p-vhtt-443', districtCode: '443' },
  viewer: { role: 'provincialViewer', id: 'p-ubnd-viewer' },
  market: { role: 'targetRepresentative', id: 'rep-tg-cho-ht', targetId: 'tg-cho-ht' },
  hospital: { role: 'targetRepresentative', id: 'rep-tg-bv-tinh', targetId: 'tg-bv-tinh' },
} satisfies Record<string, Actor>;

/** Everything written, read back through the adapter: to prove a rejected command changed nothing. */
export async function snapshotStorage(storage: StorageAdapter, tenantId = '42'): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const collection of [...Object.values(COLLECTIONS), COUNTERS_COLLECTION, DOCUMENT_NUMBERS_COLLECTION]) {
    const items = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<StorageAdapter['query']>> = await storage.query({ collection, tenantId, cursor, limit: 1000 });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    out[collection] = items;
  }
  const view = inspectMemoryStorage(storage);
  out.audit = view.audit(tenantId);
  out.outbox = view.outbox(tenantId);
  return JSON.stringify(out);
}

/**
 * Writes records straight through the adapter, as another program (or an older version of the
 * library) would: one batch with one audit event `test.direct-write`, no service in between.
 */
export async function writeDirect(storage: StorageAdapter, puts: PutRequest[], tenantId = '42'): Promise<void> {
  const audit = await chainAuditRecord(await storage.lastAudit(tenantId), {
    tenantId,
    id: `direct-${Date.now()}-${Math.random()}`,
    at: '2021-11-26T02:00:00.000Z',
    actor: { role: 'system', id: 'test' },
    action: 'test.direct-write',
    subject: { collection: puts[0]?.collection ?? 'none', id: puts[0]?.id ?? 'none' },
    details: {},
  });
  await storage.commit({ tenantId, puts, audit, outbox: [], outboxUpdates: [] });
}

/** A service on a fresh memory store with the seed, a fixed clock and sequential ids. */
export function createHarness(
  options: {
    notifier?: Notifier | Notifier[];
    storage?: StorageAdapter;
    auditKey?: AuditKey;
    delivery?: DeliveryOptions;
    /** Representative person of a target, by target id (default `rep-<target id>`). */
    representatives?: Record<string, string>;
  } = {},
) {
  const storage = options.storage ?? createMemoryStorage();
  const clock = createFixedClock('2021-11-26T02:00:00.000Z');
  const seed = haTinh2021Seed();
  for (const t of seed.targets) t.representativePersonId = options.representatives?.[t.id] ?? `rep-${t.id}`;
  const service = createInspectionService({
    storage,
    tenant: seed.tenant,
    adminUnits: HA_TINH_2021_DISTRICTS,
    clock,
    ids: createSequentialIds(),
    notifier: options.notifier,
    delivery: options.delivery,
    auditKey: options.auditKey,
  });
  const campaignId = seed.campaign.id;
  const team: TeamMember[] = [
    { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
    { personId: 'p-it', role: 'member', organizationId: 'org-stttt-cntt', source: 'it_division', districtCode: null },
    { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
    { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
    { personId: 'p-vhtt-436', role: 'member', organizationId: 'org-vhtt-436', source: 'district_culture_info', districtCode: '436' },
    { personId: 'p-vhtt-443', role: 'member', organizationId: 'org-vhtt-443', source: 'district_culture_info', districtCode: '443' },
  ];
  const steps = {
    async created() {
      await service.registerDirectory(A.director, { organizations: seed.bodies, people: seed.people });
      return service.createCampaign(A.director, { campaign: seed.campaign });
    },
    async issued() {
      await steps.created();
      return service.issuePlan(A.director, { campaignId, issuedOn: '2021-11-26' });
    },
    async nominating() {
      await steps.issued();
      return service.requestNominations(A.lead, { campaignId, sentOn: '2021-11-26' });
    },
    async teamFormed() {
      await steps.nominating();
      await service.recordNomination(A.lead, { campaignId, organizationId: 'org-syt', personId: 'p-health', receivedOn: '2021-11-27' });
      await service.recordNomination(A.lead, { campaignId, organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-28', districtCode: '436' });
      await service.recordNomination(A.lead, { campaignId, organizationId: 'org-vhtt-443', personId: 'p-vhtt-443', receivedOn: '2021-11-29', districtCode: '443' });
      return service.formTeam(A.director, { campaignId, name: 'Tổ Kiểm tra PC-Covid', members: team, decidedOn: '2021-11-30' });
    },
    /** Targets registered, three visits scheduled (market and hospital in 436, school in 443), schedule fixed. */
    async scheduled() {
      await steps.teamFormed();
      for (const target of seed.targets) await service.registerTarget(A.lead, { target });
      await service.scheduleVisit(A.lead, {
        visitId: 'v-market',
        campaignId,
        targetId: 'tg-cho-ht',
        scheduledOn: '2021-12-07',
        memberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'],
        vehicle: { description: 'Xe 7 chỗ của Văn phòng Sở', providedByOrganizationId: 'org-stttt-vp' },
      });
      await service.scheduleVisit(A.lead, {
        visitId: 'v-hospital',
        campaignId,
        targetId: 'tg-bv-tinh',
        scheduledOn: '2021-12-08',
        memberIds: ['p-lead', 'p-health', 'p-vhtt-436'],
      });
      await service.scheduleVisit(A.lead, { visitId: 'v-school', campaignId, targetId: 'tg-thpt-canloc', scheduledOn: '2021-12-09', memberIds: ['p-lead', 'p-it', 'p-vhtt-443'] });
      return service.fixSchedule(A.lead, { campaignId });
    },
  };
  return { storage, clock, seed, service, campaignId, team, steps };
}
