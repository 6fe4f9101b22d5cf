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
  type PhotoEvidence,
  type Target,
} from '@pccovid-inspect/core';
import { verifyAuditChain } from '@pccovid-inspect/core/adapter-kit';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { haTinh2021Seed, pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQrVerifyPlugin, registeredCodesOf, verifyQrPhoto, type QrPhotoVerification, type QrVerificationLookup } from '../src/index.js';
import { qrModules, readableParams, renderPhoto, seededRandom } from './support/photos.js';

const MARKET_ID = 'tg-cho-ht';
const MARKET_CODE = 'https://qr.pccovid.gov.vn/HT-436-000123';
const LEGACY_CODE = 'https://qr.tokhaiyte.vn/HT-436-000123';
const DAY = '2021-12-07';
const VISIT = 'visit-cho-ht';
const BY = 'qr-verify:postedCodeMatches';
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`).toISOString();
const director: Actor = { role: 'director', id: 'p-dau-tung-lam' };
const lead: Actor = { role: 'inspectorateLead', id: 'p-lead' };
const secretary: Actor = { role: 'secretary', id: 'p-secretary' };
const seed = haTinh2021Seed();
const dir = mkdtempSync(join(tmpdir(), 'pcci-qr-evidence-'));
const dbFile = join(dir, 'inspect.db');

const market: Target = {
  ...seed.targets.find((t) => t.id === MARKET_ID)!,
  qrPoints: [
    { id: 'qr-cho-ht-1', targetId: MARKET_ID, label: 'Cổng chính', source: 'pc_covid', posted: null, visible: null, sizeCm: null, registeredOn: null, registeredCode: MARKET_CODE },
  ],
};

/** Generated photos (rotated, noisy) of the market's code and of a legacy code: SHA-256 and verification. */
const photos = {} as Record<'match' | 'legacy', { sha256: string; verification: QrPhotoVerification }>;

const evidence = (kind: keyof typeof photos, verification?: unknown): PhotoEvidence =>
  ({
    kind: 'photo',
    id: 'ev-b2-1',
    uri: `evidence/cho-ht-b2-${kind}.jpg`,
    sha256: photos[kind].sha256,
    caption: 'Mã QR niêm yết tại cổng chợ',
    takenAt: at(DAY, '09:10'),
    ...(verification === undefined ? {} : { verification }),
  }) as PhotoEvidence;
const b2 = (photo: PhotoEvidence): ChecklistItemResponse => ({ answer: 'met', fields: { postedSizeCm: 20, legacyCodePosted: false }, evidence: [photo] });

/** A service with the plugin on the SQLite file; `verifications`: the photos this process received. */
function open(clockAt: string, verifications?: QrVerificationLookup) {
  const storage = createSqliteStorage({ filename: dbFile });
  const plugin = createQrVerifyPlugin(verifications === undefined ? {} : { verifications });
  const clock = createFixedClock(clockAt);
  const service = createInspectionService({ storage, tenant: seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock, plugins: [plugin] });
  const storedB2 = async () => (await storage.get<{ response: ChecklistResponse }>('visits', seed.tenant.id, VISIT))?.data.response.answers.b2;
  return { storage, service, clock, storedB2 };
}

describe('QR verifications stored on the photo evidence, in a SQLite file', () => {
  beforeAll(async () => {
    const random = seededRandom(11);
    const registeredCodes = registeredCodesOf(market);
    for (const [kind, payload] of [
      ['match', MARKET_CODE],
      ['legacy', LEGACY_CODE],
    ] as const) {
      const code = await qrModules(payload);
      const bytes = renderPhoto(code, { ...readableParams(random, code.width), noise: 4, angle: 9 }, random);
      photos[kind] = { sha256: createHash('sha256').update(bytes).digest('hex'), verification: verifyQrPhoto(bytes, { registeredCodes }) };
    }

    // The round up to the visit to the market, started.
    const { storage, service, clock } = open(at('2021-11-26', '08:00'));
    const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [createQrVerifyPlugin()]);
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

  it('the generated photos decode: the market’s code matches, the legacy one is flagged', () => {
    expect(photos.match.verification).toMatchObject({ status: 'match', payload: MARKET_CODE });
    expect(photos.legacy.verification).toMatchObject({ status: 'legacy', legacySystem: 'tokhaiyte' });
  });

  it('recordAnswers stores the verification on the photo; reopened, the file has it, b2 still passes, forged ones do not, the audit chain verifies', async () => {
    // The photo is received (verified in this process), then the answers carrying it are recorded.
    const first = open(at(DAY, '09:15'), new Map([[photos.match.sha256, photos.match.verification]]));
    await first.service.recordAnswers(secretary, { visitId: VISIT, answers: { ...pcCovidAnswers('compliant', DAY), b2: b2(evidence('match')) } });
    await first.storage.dispose();

    // Another process opens the file, knowing no photo: the verification is on the photo evidence.
    const second = open(at(DAY, '10:00'));
    const verification = {
      by: BY,
      status: 'match',
      payload: MARKET_CODE,
      locationCode: photos.match.verification.locationCode,
      reasonVi: photos.match.verification.reasonVi,
      reasonEn: photos.match.verification.reasonEn,
      verifiedAt: at(DAY, '09:15'),
    };
    expect(verification.locationCode).toBe('HT-436-000123');
    expect((await second.storedB2())?.evidence).toEqual([{ ...evidence('match'), verification }]);

    // A legacy photo sent with a forged "match" verification: dropped, the photo is unknown here → refused, nothing written.
    const seqBefore = (await second.storage.lastAudit(seed.tenant.id))?.seq;
    await expect(second.service.recordAnswers(secretary, { visitId: VISIT, answers: { b2: b2(evidence('legacy', verification)) } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: expect.arrayContaining([expect.objectContaining({ code: BY, path: ['answers', 'b2', 'evidence', 0] })]) as unknown,
    });
    expect((await second.storage.lastAudit(seed.tenant.id))?.seq).toBe(seqBefore);
    expect((await second.storedB2())?.evidence).toEqual([{ ...evidence('match'), verification }]);

    // The same photo sent again (as read back): accepted from the stored verification, which keeps its instant.
    await expect(second.service.recordAnswers(secretary, { visitId: VISIT, answers: { b2: b2(evidence('match', verification)) }, complete: true })).resolves.toMatchObject({
      verdict: 'compliant',
    });
    expect((await second.storedB2())?.evidence).toEqual([{ ...evidence('match'), verification }]);

    // The audit chain of the tenant verifies, read from the file and by the service.
    const events = await second.storage.readAudit(seed.tenant.id, { afterSeq: 0, limit: 1000 });
    expect(events.filter((e) => e.action === 'answers.record')).toHaveLength(2);
    expect(await verifyAuditChain(events)).toMatchObject({ ok: true });
    expect(await second.service.verifyAudit(director)).toMatchObject({ ok: true });
    await second.storage.dispose();
  }, 60_000);
});
