import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyChecklistPlugins,
  createFixedClock,
  createInspectionService,
  PC_COVID_CHECKLIST_V1,
  type Actor,
  type ChecklistItemResponse,
  type ChecklistResponse,
  type Target,
} from '@pccovid-inspect/core';
import { verifyAuditChain } from '@pccovid-inspect/core/adapter-kit';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed, pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQrVerificationStore, createQrVerifyPlugin, QR_VERIFICATIONS_COLLECTION, registeredCodesOf, verifyQrPhoto, type QrPhotoVerification } from '../src/index.js';
import { qrModules, readableParams, renderPhoto, seededRandom } from './support/photos.js';

const MARKET_ID = 'tg-cho-ht';
const MARKET_CODE = 'https://qr.pccovid.gov.vn/HT-436-000123';
const DAY = '2021-12-07';
const VISIT = 'visit-cho-ht';
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`).toISOString();
const director: Actor = { role: 'director', id: 'p-dau-tung-lam' };
const lead: Actor = { role: 'inspectorateLead', id: 'p-lead' };
const secretary: Actor = { role: 'secretary', id: 'p-secretary' };
const seed = haTinh2021Seed();
const dir = mkdtempSync(join(tmpdir(), 'pcci-qr-store-'));
const dbFile = join(dir, 'inspect.db');

const market: Target = {
  ...seed.targets.find((t) => t.id === MARKET_ID)!,
  qrPoints: [
    { id: 'qr-cho-ht-1', targetId: MARKET_ID, label: 'Cổng chính', source: 'pc_covid', posted: null, visible: null, sizeCm: null, registeredOn: null, registeredCode: MARKET_CODE },
  ],
};

/** The photo of the posted code: generated, rotated and noisy; its bytes' SHA-256 and verification. */
let photo: { sha256: string; verification: QrPhotoVerification };

const b2 = (): ChecklistItemResponse => ({
  answer: 'met',
  fields: { postedSizeCm: 20, legacyCodePosted: false },
  evidence: [{ kind: 'photo', id: 'ev-b2-1', uri: 'evidence/cho-ht-b2.jpg', sha256: photo.sha256, caption: 'Mã QR niêm yết tại cổng chợ', takenAt: at(DAY, '09:10') }],
});

/** A service with the plugin on the SQLite file, its verifications read from the same file. */
async function open(clockAt: string) {
  const storage = createSqliteStorage({ filename: dbFile });
  const store = createQrVerificationStore(storage, seed.tenant.id);
  const loaded = await store.load();
  const plugin = createQrVerifyPlugin({ verifications: store });
  const clock = createFixedClock(clockAt);
  const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock, plugins: [plugin] });
  return { storage, store, loaded, plugin, service, clock };
}

describe('recorded QR verifications on a SQLite file', () => {
  beforeAll(async () => {
    const random = seededRandom(11);
    const code = await qrModules(MARKET_CODE);
    const bytes = renderPhoto(code, { ...readableParams(random, code.width), noise: 4, angle: 9 }, random);
    photo = { sha256: createHash('sha256').update(bytes).digest('hex'), verification: verifyQrPhoto(bytes, { registeredCodes: registeredCodesOf(market) }) };

    // The round up to the visit to the market, started.
    const { storage, service, clock } = await open(at('2021-11-26', '08:00'));
    const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [createQrVerifyPlugin({ verifications: new Map() })]);
    const campaign = { ...seed.campaign, checklist: { templateId: template.id, version: template.version } };
    const campaignId = campaign.id;
    await service.registerDirectory(director, { organizations: seed.bodies, people: seed.people });
    await service.createCampaign(director, { campaign });
    await service.issuePlan(director, { campaignId, issuedOn: '2021-11-26' });
    await service.requestNominations(lead, { campaignId, sentOn: '2021-11-26' });
    await service.recordNomination(lead, { campaignId, organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-27', districtCode: '436' });
    clock.set(at('2021-11-30', '08:00'));
    await service.formTeam(director, {
      campaignId,
      name: 'Tổ Kiểm tra PC-Covid',
      decidedOn: '2021-11-30',
      members: [
        { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
        { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
        { personId: 'p-vhtt-436', role: 'member', organizationId: 'org-vhtt-436', source: 'district_culture_info', districtCode: '436' },
      ],
    });
    await service.registerTarget(lead, { target: market });
    await service.scheduleVisit(lead, { visitId: VISIT, campaignId, targetId: MARKET_ID, scheduledOn: DAY, memberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'] });
    await service.fixSchedule(lead, { campaignId });
    clock.set(at(DAY, '08:00'));
    await service.startVisit(lead, { visitId: VISIT });
    await storage.dispose();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the generated photo decodes and matches the market’s registered code', () => {
    expect(photo.verification).toMatchObject({ status: 'match', payload: MARKET_CODE });
  });

  it('verify → record → answers recorded; after reopening the file the verification is read back and b2 still evaluates as met', async () => {
    // The photo is received: verified, recorded beside the answer that carries it.
    const first = await open(at(DAY, '09:15'));
    expect(first.loaded).toBe(0);
    const stored = await first.store.record({
      sha256: photo.sha256,
      targetId: MARKET_ID,
      visitId: VISIT,
      evidenceId: 'ev-b2-1',
      verification: photo.verification,
      actor: secretary,
      at: at(DAY, '09:12'),
    });
    await expect(first.service.recordAnswers(secretary, { visitId: VISIT, answers: { ...pcCovidAnswers('compliant', DAY), b2: b2() } })).resolves.toBeDefined();
    // Recording the same verification again writes nothing (no second audit event).
    const seqBefore = (await first.storage.lastAudit(seed.tenant.id))?.seq;
    await first.store.record({
      sha256: photo.sha256,
      targetId: MARKET_ID,
      visitId: VISIT,
      evidenceId: 'ev-b2-1',
      verification: photo.verification,
      actor: secretary,
      at: at(DAY, '09:13'),
    });
    expect((await first.storage.lastAudit(seed.tenant.id))?.seq).toBe(seqBefore);
    await first.storage.dispose();

    // Another process opens the file: the verification is there, with the photo's evidence.
    const second = await open(at(DAY, '10:00'));
    expect(second.loaded).toBe(1);
    expect(await second.store.read(photo.sha256)).toEqual(stored);
    expect(stored).toEqual({
      sha256: photo.sha256,
      targetId: MARKET_ID,
      visitId: VISIT,
      evidenceId: 'ev-b2-1',
      verification: photo.verification,
      verifiedAt: at(DAY, '09:12'),
      verifiedBy: 'p-secretary',
    });
    const raw = await second.storage.get(QR_VERIFICATIONS_COLLECTION, seed.tenant.id, photo.sha256);
    expect(raw).toMatchObject({ version: 1, indexes: { targetId: MARKET_ID, visitId: VISIT, status: 'match' } });
    const visit = await second.storage.get<{ response: ChecklistResponse }>('visits', seed.tenant.id, VISIT);
    expect(visit?.data.response.answers.b2?.evidence[0]).toMatchObject({ kind: 'photo', id: 'ev-b2-1', sha256: photo.sha256 });
    // The record was audited in the tenant's chain, which still verifies.
    const events = await second.storage.readAudit(seed.tenant.id, { afterSeq: 0, limit: 1000 });
    expect(events.filter((e) => e.action === 'qr-verify.record').map((e) => e.details)).toEqual([
      { targetId: MARKET_ID, visitId: VISIT, evidenceId: 'ev-b2-1', status: 'match', version: 1 },
    ]);
    expect(await verifyAuditChain(events)).toMatchObject({ ok: true });
    // The answers are evaluated again in the new process: without the recorded verifications b2 met is refused…
    const forgetful = createInspectionService({
      storage: second.storage,
      tenant: seed.tenant,
      adminUnits: HA_TINH_2021_DISTRICTS,
      clock: second.clock,
      plugins: [createQrVerifyPlugin({ verifications: new Map() })],
    });
    await expect(forgetful.recordAnswers(secretary, { visitId: VISIT, answers: { b2: b2() }, complete: true })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    // …with them read back from the file it passes.
    await expect(second.service.recordAnswers(secretary, { visitId: VISIT, answers: { b2: b2() }, complete: true })).resolves.toMatchObject({ verdict: 'compliant' });
    await second.storage.dispose();
  }, 60_000);
});
