import { describe, expect, it } from 'vitest';
import {
  applyChecklistPlugins,
  createInspectionService,
  defineChecklistPlugin,
  evaluateChecklist,
  PC_COVID_CHECKLIST_V1,
  type Campaign,
  type ChecklistItemResponse,
  type ChecklistPlugin,
  type ChecklistResponse,
  type ChecklistVerifierOutcome,
  type InspectionService,
  type PhotoEvidence,
} from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { A, createHarness, snapshotStorage } from './harness.js';

/**
 * A checklist evidence verifier's `record` is stored on the photo it checked, in the same audited
 * commit as the answer; a `verification` sent in with the answers is never trusted; the stored
 * one comes back to the verifier on later evaluations (after a restart too).
 */

const BY = 'photo-check:digestKnown';
const MATCH = 'a'.repeat(64);
const LEGACY = 'b'.repeat(64);
const UNKNOWN = 'c'.repeat(64);
type Found = { status: string; reasonVi: string; reasonEn: string };
const FOUND: Record<string, Found> = {
  [MATCH]: { status: 'match', reasonVi: 'Đúng mã đã đăng ký.', reasonEn: 'The registered code.' },
  [LEGACY]: { status: 'legacy', reasonVi: 'Mã QR cũ (Bluezone).', reasonEn: 'A legacy QR code (Bluezone).' },
};

/** A plugin whose verifier (on b2 met: the photo must match) knows the photos received by this process (`known`), or reads what was stored before. */
function photoCheck(known: ReadonlyMap<string, Found>): ChecklistPlugin {
  return defineChecklistPlugin({
    id: 'photo-check',
    version: '1',
    evidenceVerifiers: [
      {
        name: 'digestKnown',
        evidenceKind: 'photo',
        itemIds: ['b2'],
        verify: (evidence, { answer }): ChecklistVerifierOutcome => {
          if (evidence.kind !== 'photo') return { ok: true };
          const fresh = evidence.sha256 === undefined ? undefined : known.get(evidence.sha256);
          const stored = evidence.verification?.by === BY ? evidence.verification : undefined;
          const found = fresh ?? stored;
          if (found === undefined) return { ok: false, messageVi: 'Ảnh chưa được kiểm tra.', messageEn: 'The photo was not checked.' };
          const record = { status: found.status, reasonVi: found.reasonVi, reasonEn: found.reasonEn };
          return found.status === 'match' || answer !== 'met' ? { ok: true, record } : { ok: false, messageVi: found.reasonVi, messageEn: found.reasonEn, record };
        },
      },
    ],
  });
}

const photo = (sha256: string, verification?: unknown): PhotoEvidence =>
  ({
    kind: 'photo',
    id: 'ev-b2-1',
    uri: 'evidence/b2.jpg',
    sha256,
    caption: 'Mã QR niêm yết tại cổng chợ',
    takenAt: '2021-12-07T02:10:00.000Z',
    ...(verification === undefined ? {} : { verification }),
  }) as PhotoEvidence;
const b2 = (evidence: PhotoEvidence): ChecklistItemResponse => ({ answer: 'met', fields: { postedSizeCm: 20, legacyCodePosted: false }, evidence: [evidence] });
const forged = { by: BY, status: 'match', reasonVi: 'Giả.', reasonEn: 'Forged.', verifiedAt: '2021-12-01T00:00:00.000Z' };

/** The market visit of a campaign pinned to `1+photo-check@1`, started; a service with the plugin knowing `known`. */
async function startedMarket(known: ReadonlyMap<string, Found>) {
  const h = createHarness();
  await h.steps.created();
  const plugin = photoCheck(known);
  const service = createInspectionService({ storage: h.storage, tenant: h.seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock: h.clock, plugins: [plugin] });
  const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [plugin]);
  const campaign: Campaign = { ...h.seed.campaign, id: 'campaign-photo', checklist: { templateId: template.id, version: template.version } };
  const campaignId = campaign.id;
  await service.createCampaign(A.director, { campaign });
  await service.issuePlan(A.director, { campaignId, issuedOn: '2021-11-26' });
  await service.requestNominations(A.lead, { campaignId, sentOn: '2021-11-26' });
  await service.recordNomination(A.lead, { campaignId, organizationId: 'org-vhtt-436', personId: 'p-vhtt-436', receivedOn: '2021-11-27', districtCode: '436' });
  await service.formTeam(A.director, {
    campaignId,
    name: 'Tổ Kiểm tra',
    members: h.team.filter((m) => m.personId === 'p-lead' || m.personId === 'p-secretary' || m.personId === 'p-vhtt-436'),
    decidedOn: '2021-11-30',
  });
  await service.registerTarget(A.lead, { target: { ...h.seed.targets.find((t) => t.id === 'tg-cho-ht')!, id: 'tg-photo-cho', campaignId } });
  await service.scheduleVisit(A.lead, {
    visitId: 'vp-market',
    campaignId,
    targetId: 'tg-photo-cho',
    scheduledOn: '2021-12-07',
    memberIds: ['p-lead', 'p-secretary', 'p-vhtt-436'],
  });
  await service.fixSchedule(A.lead, { campaignId });
  h.clock.set('2021-12-07T02:15:00.000Z');
  await service.startVisit(A.lead, { visitId: 'vp-market' });
  const restart = (again: ReadonlyMap<string, Found>): InspectionService =>
    createInspectionService({ storage: h.storage, tenant: h.seed.tenant, adminUnits: HA_TINH_2021_DISTRICTS, clock: h.clock, plugins: [photoCheck(again)] });
  const storedB2 = async () => (await h.storage.get<{ response: ChecklistResponse }>('visits', h.seed.tenant.id, 'vp-market'))?.data.response.answers.b2?.evidence[0];
  return { h, service, template, plugin, restart, storedB2 };
}

describe('evidence verifier records stored on the photo', () => {
  it('stamps the verifier’s record on the photo in the audited commit; an unchanged result keeps its instant after a restart', async () => {
    const { h, service, restart, storedB2 } = await startedMarket(new Map(Object.entries(FOUND)));
    await service.recordAnswers(A.secretary, { visitId: 'vp-market', answers: { ...pcCovidAnswers('compliant', '2021-12-07'), b2: b2(photo(MATCH)) } });
    const verification = { by: BY, status: 'match', reasonVi: 'Đúng mã đã đăng ký.', reasonEn: 'The registered code.', verifiedAt: '2021-12-07T02:15:00.000Z' };
    expect(await storedB2()).toEqual({ ...photo(MATCH), verification });
    expect((await service.verifyAudit(A.director)).ok).toBe(true);

    // Restarted: the process knows no photo; the stored verification is read back from the evidence.
    h.clock.set('2021-12-07T03:00:00.000Z');
    const later = restart(new Map());
    // Another item only: b2 is evaluated again from storage and keeps its record.
    await later.recordAnswers(A.secretary, { visitId: 'vp-market', answers: { b3: { answer: 'met', fields: { guideAssigned: true }, evidence: [] } } });
    // The same photo sent again, as read back (with its verification) or without: still accepted, same record and instant.
    await later.recordAnswers(A.secretary, { visitId: 'vp-market', answers: { b2: b2(photo(MATCH, verification)) } });
    expect(await storedB2()).toEqual({ ...photo(MATCH), verification });
    await expect(later.recordAnswers(A.secretary, { visitId: 'vp-market', answers: { b2: b2(photo(MATCH)) }, complete: true })).resolves.toMatchObject({
      verdict: 'compliant',
    });
    expect(await storedB2()).toEqual({ ...photo(MATCH), verification });
    expect((await later.verifyAudit(A.director)).ok).toBe(true);
  }, 60_000);

  it('never trusts a verification sent with the answers: dropped, the verifier decides, nothing written when refused', async () => {
    const { h, service, storedB2 } = await startedMarket(new Map(Object.entries(FOUND)));
    // An unknown photo claiming a match: the claim is dropped, the verifier refuses it; state unchanged.
    const before = await snapshotStorage(h.storage);
    await expect(service.recordAnswers(A.secretary, { visitId: 'vp-market', answers: { b2: b2(photo(UNKNOWN, forged)) } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [expect.objectContaining({ code: BY, path: ['answers', 'b2', 'evidence', 0] })],
    });
    // A legacy photo claiming a match: refused with the verifier's own reason.
    await expect(service.recordAnswers(A.secretary, { visitId: 'vp-market', answers: { b2: b2(photo(LEGACY, forged)) } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [expect.objectContaining({ code: BY, message: 'A legacy QR code (Bluezone).' })],
    });
    expect(await snapshotStorage(h.storage)).toBe(before);
    // A matching photo with a forged verification: stored with the verifier's record, not the one sent.
    await service.recordAnswers(A.secretary, { visitId: 'vp-market', answers: { b2: b2(photo(MATCH, { ...forged, status: 'other', reasonVi: 'Sai.' })) } });
    expect(await storedB2()).toMatchObject({
      verification: { by: BY, status: 'match', reasonVi: 'Đúng mã đã đăng ký.', verifiedAt: '2021-12-07T02:15:00.000Z' },
    });
    // A not-met answer with the legacy photo is recorded, with what the verifier found kept on the photo.
    await service.recordAnswers(A.secretary, {
      visitId: 'vp-market',
      answers: { b2: { answer: 'not_met', note: 'Chỉ có mã Bluezone cũ.', fields: { legacyCodePosted: true }, evidence: [photo(LEGACY, forged)] } },
    });
    expect(await storedB2()).toMatchObject({ sha256: LEGACY, verification: { by: BY, status: 'legacy', reasonEn: 'A legacy QR code (Bluezone).' } });
  }, 60_000);

  it('a verifier record must be valid and on a photo (CONFIGURATION_INVALID otherwise)', () => {
    const bad = (record: unknown, kind: 'photo' | 'count' = 'photo') =>
      defineChecklistPlugin({
        id: 'bad-record',
        version: '1',
        evidenceVerifiers: [{ name: 'broken', evidenceKind: kind, verify: () => ({ ok: true, record }) as ChecklistVerifierOutcome }],
      });
    const evaluate = (plugin: ChecklistPlugin, evidence: ChecklistItemResponse['evidence']) => {
      const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [plugin]);
      const response: ChecklistResponse = {
        templateId: template.id,
        templateVersion: template.version,
        targetId: 'tg-1',
        visitId: 'v-1',
        answers: { b2: { answer: 'met', fields: { postedSizeCm: 20, legacyCodePosted: false }, evidence } },
      };
      return () => evaluateChecklist(template, response, { plugins: [plugin] });
    };
    const configuration = expect.objectContaining({ code: 'CONFIGURATION_INVALID' }) as Error;
    expect(evaluate(bad({ status: 'Match!', reasonVi: 'x', reasonEn: 'x' }), [photo(MATCH)])).toThrow(configuration);
    expect(evaluate(bad({ status: 'match', reasonVi: 'x', reasonEn: 'x', payload: 'p'.repeat(5000) }), [photo(MATCH)])).toThrow(configuration);
    expect(evaluate(bad({ status: 'match', reasonVi: 'x', reasonEn: 'x' }, 'count'), [{ kind: 'count', id: 'ev-n', what: 'Lượt quét', value: 3 }])).toThrow(configuration);
    expect(evaluate(bad({ status: 'match', reasonVi: 'x', reasonEn: 'x' }), [photo(MATCH)])).not.toThrow();
  });
});
