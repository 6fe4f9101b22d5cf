import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyChecklistPlugins,
  createFixedClock,
  createInspectionService,
  createSequentialIds,
  evaluateChecklist,
  PC_COVID_CHECKLIST_V1,
  type Actor,
  type ChecklistItemResponse,
  type ChecklistResponse,
  type Target,
} from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
import { haTinh2021Seed, pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { createQrVerifyPlugin, registeredCodesOf, verifyQrPhoto, type QrPhotoVerification } from '../src/index.js';
import { qrModules, readableParams, renderPhoto, seededRandom, unreadableParams } from './support/photos.js';

const MARKET_ID = 'tg-cho-ht';
const MARKET_CODE = 'https://qr.pccovid.gov.vn/HT-436-000123';
const DAY = '2021-12-07';
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`).toISOString();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The market, with its registered location code on its gate point. */
function market(): Target {
  const target = haTinh2021Seed().targets.find((t) => t.id === MARKET_ID)!;
  return {
    ...target,
    qrPoints: [
      {
        id: 'qr-cho-ht-1',
        targetId: MARKET_ID,
        label: 'Cổng chính',
        source: 'pc_covid',
        posted: true,
        visible: true,
        sizeCm: 20,
        registeredOn: '2021-11-20',
        registeredCode: MARKET_CODE,
      },
    ],
  };
}

/** Photos taken at the market, verified when received, kept by SHA-256. */
const photos: Record<'match' | 'legacy' | 'otherTarget' | 'unreadable', { sha256: string; verification: QrPhotoVerification }> = {} as never;
const verifications = new Map<string, QrPhotoVerification>();

beforeAll(async () => {
  const random = seededRandom(7);
  const payloads = { match: MARKET_CODE, legacy: 'https://qr.tokhaiyte.vn/HT-436-000123', otherTarget: 'https://qr.pccovid.gov.vn/HT-436-000999', unreadable: MARKET_CODE };
  const registeredCodes = registeredCodesOf(market());
  for (const [name, payload] of Object.entries(payloads) as [keyof typeof photos, string][]) {
    const code = await qrModules(payload);
    const params = name === 'unreadable' ? unreadableParams(random, code.width, 'blank') : { ...readableParams(random, code.width), noise: 4, angle: 12 };
    const bytes = renderPhoto(name === 'unreadable' ? null : code, params, random);
    const verification = verifyQrPhoto(bytes, { registeredCodes });
    photos[name] = { sha256: sha256(bytes), verification };
    verifications.set(sha256(bytes), verification);
  }
}, 120_000);

const plugin = () => createQrVerifyPlugin({ verifications });

function b2(answer: 'met' | 'not_met', kinds: (keyof typeof photos)[], note?: string): ChecklistItemResponse {
  return {
    answer,
    ...(note === undefined ? {} : { note }),
    fields: answer === 'met' ? { postedSizeCm: 20, legacyCodePosted: false } : { legacyCodePosted: true },
    evidence: kinds.map((k, i) => ({
      kind: 'photo',
      id: `ev-b2-${i + 1}`,
      uri: `evidence/cho-ht-b2-${k}.jpg`,
      sha256: photos[k].sha256,
      caption: 'Mã QR niêm yết tại cổng chợ',
      takenAt: at(DAY, '09:10'),
    })),
  };
}

describe('createQrVerifyPlugin (offline evaluation)', () => {
  it('the photos were verified as expected', () => {
    expect(photos.match.verification.status).toBe('match');
    expect(photos.legacy.verification).toMatchObject({ status: 'legacy', legacySystem: 'tokhaiyte' });
    expect(photos.otherTarget.verification.status).toBe('other-target');
    expect(photos.unreadable.verification.status).toBe('unreadable');
  });

  it('derives pc-covid-ii1@1+qr-verify@1 with the rule on b2; the base is untouched', () => {
    const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [plugin()]);
    expect(template.version).toBe('1+qr-verify@1');
    const b2Item = template.sections.flatMap((s) => s.items).find((i) => i.id === 'b2')!;
    expect(b2Item.rules.at(-1)).toMatchObject({ kind: 'custom', type: 'qr-verify:matchedPhoto', when: 'met' });
    expect(PC_COVID_CHECKLIST_V1.version).toBe('1');
  });

  it('b2 met: a matching photo passes (with an unreadable wide shot beside it); legacy, other target, unknown or unhashed photos do not', () => {
    const qrVerify = plugin();
    const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [qrVerify]);
    const evaluate = (answer: ChecklistItemResponse) => {
      const response: ChecklistResponse = {
        templateId: template.id,
        templateVersion: template.version,
        targetId: MARKET_ID,
        visitId: 'v-1',
        answers: { ...pcCovidAnswers('compliant', DAY), b2: answer },
      };
      return evaluateChecklist(template, response, { plugins: [qrVerify] }).items.find((i) => i.itemId === 'b2')!;
    };
    expect(evaluate(b2('met', ['match']))).toMatchObject({ verdict: 'met', violations: [] });
    expect(evaluate(b2('met', ['unreadable', 'match']))).toMatchObject({ verdict: 'met', violations: [] });
    expect(evaluate(b2('met', ['legacy']))).toMatchObject({
      verdict: 'invalid',
      violations: expect.arrayContaining([
        expect.objectContaining({ rule: 'qr-verify:postedCodeMatches', path: ['answers', 'b2', 'evidence', 0], messageVi: photos.legacy.verification.reasonVi }),
        expect.objectContaining({ rule: 'qr-verify:matchedPhoto', path: ['answers', 'b2', 'evidence'] }),
      ]) as unknown,
    });
    expect(evaluate(b2('met', ['match', 'otherTarget'])).violations.map((v) => v.rule)).toEqual(['qr-verify:postedCodeMatches']);
    expect(evaluate(b2('met', ['unreadable'])).violations.map((v) => v.rule)).toEqual(['qr-verify:matchedPhoto']);
    const unhashed = b2('met', ['match']);
    const { sha256: _dropped, ...photo } = unhashed.evidence[0] as Extract<ChecklistItemResponse['evidence'][number], { kind: 'photo' }>;
    expect(evaluate({ ...unhashed, evidence: [photo] }).violations.map((v) => v.messageEn)).toContain(
      'The photo has no SHA-256 digest, so its QR verification cannot be looked up.',
    );
    const unknown = b2('met', ['match']);
    (unknown.evidence[0] as { sha256: string }).sha256 = 'f'.repeat(64);
    expect(evaluate(unknown).violations.map((v) => v.rule)).toEqual(['qr-verify:postedCodeMatches', 'qr-verify:matchedPhoto']);
    // Chưa đạt with the photo of the legacy code as its evidence: nothing to refuse.
    expect(evaluate(b2('not_met', ['legacy'], 'Chỉ niêm yết mã QR tokhaiyte cũ tại cổng chợ.'))).toMatchObject({ verdict: 'not_met', violations: [] });
  });

  it('refuses verifications without get (CONFIGURATION_INVALID); none at all reads only stored verifications', () => {
    expect(() => createQrVerifyPlugin({ verifications: 42 } as never)).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }) as Error);
    expect(createQrVerifyPlugin().id).toBe('qr-verify');
  });
});

describe('through the service (memory storage)', () => {
  const director: Actor = { role: 'director', id: 'p-dau-tung-lam' };
  const lead: Actor = { role: 'inspectorateLead', id: 'p-lead' };
  const secretary: Actor = { role: 'secretary', id: 'p-secretary' };

  /** A campaign pinned to the derived template, one visit to the market, answers recorded with b2 as given. */
  async function recordAtMarket(b2Answer: ChecklistItemResponse) {
    const qrVerify = plugin();
    const seed = haTinh2021Seed();
    const clock = createFixedClock(at('2021-11-26', '08:00'));
    const service = createInspectionService({
      storage: createMemoryStorage(),
      tenant: seed.tenant,
      adminUnits: HA_TINH_2021_DISTRICTS,
      clock,
      ids: createSequentialIds(),
      plugins: [qrVerify],
    });
    const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [qrVerify]);
    expect(service.templates.map((t) => `${t.id}@${t.version}`)).toEqual(['pc-covid-ii1@1', 'pc-covid-ii1@1+qr-verify@1']);
    const campaign = { ...seed.campaign, checklist: { templateId: template.id, version: template.version } };
    const campaignId = campaign.id;
    await service.registerDirectory(director, { organizations: seed.bodies, people: seed.people });
    await service.createCampaign(director, { campaign });
    await service.issuePlan(director, { campaignId, issuedOn: '2021-11-26' });
    await service.requestNominations(lead, { campaignId, sentOn: '2021-11-26' });
    clock.set(at('2021-11-27', '09:00'));
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
    await service.registerTarget(lead, { target: market() });
    await service.scheduleVisit(lead, { visitId: 'visit-cho-ht', campaignId, targetId: MARKET_ID, scheduledOn: DAY, memberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'] });
    await service.fixSchedule(lead, { campaignId });
    clock.set(at(DAY, '08:00'));
    await service.startVisit(lead, { visitId: 'visit-cho-ht' });
    return service.recordAnswers(secretary, { visitId: 'visit-cho-ht', answers: { ...pcCovidAnswers('compliant', DAY), b2: b2Answer }, complete: true });
  }

  it('records b2 met with the matching photo: the market is compliant', async () => {
    await expect(recordAtMarket(b2('met', ['match']))).resolves.toMatchObject({ verdict: 'compliant' });
  }, 60_000);

  it('refuses b2 met with a photo of the legacy code (VALIDATION_FAILED, the photo named)', async () => {
    await expect(recordAtMarket(b2('met', ['legacy']))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: expect.arrayContaining([expect.objectContaining({ code: 'qr-verify:postedCodeMatches', path: ['answers', 'b2', 'evidence', 0] })]) as unknown,
    });
  }, 60_000);

  it('refuses b2 met with another unit’s code; records b2 not met with the legacy photo as non-compliant', async () => {
    await expect(recordAtMarket(b2('met', ['otherTarget']))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(recordAtMarket(b2('not_met', ['legacy'], 'Chỉ niêm yết mã QR tokhaiyte cũ tại cổng chợ.'))).resolves.toMatchObject({ verdict: 'non_compliant' });
  }, 120_000);
});
