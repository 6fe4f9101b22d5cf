import { describe, expect, it } from 'vitest';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { A, createHarness, snapshotStorage } from './harness.js';

type Harness = ReturnType<typeof createHarness>;
/** The service as an untyped caller (JavaScript, JSON over HTTP) reaches it. */
const untyped = (h: Harness) => h.service as unknown as Record<string, (actor: unknown, input?: unknown) => Promise<unknown>>;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as { code: string; issues: { path: (string | number)[]; code: string }[]; hint?: string; messageVi: string },
  );

describe('inputs: strict, named, with clock defaults', () => {
  it('refuses a misspelt key deep in an entity with VALIDATION_FAILED naming it, and changes nothing', async () => {
    const h = createHarness();
    await h.service.registerDirectory(A.director, { organizations: h.seed.bodies, people: h.seed.people });
    const before = await snapshotStorage(h.storage);
    const { archiveCode, ...rest } = h.seed.campaign;
    const error = await failure(untyped(h).createCampaign!(A.director, { campaign: { ...rest, archiveCod: archiveCode } }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(error!.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['campaign', 'archiveCod'], code: 'unrecognized_keys' })]));
    expect(error!.messageVi).toContain('archiveCod');
    expect(await snapshotStorage(h.storage)).toBe(before);
  });

  it('refuses a campaign naming bodies or people not in the directory, listing each, and changes nothing', async () => {
    const h = createHarness();
    await h.service.registerDirectory(A.director, { organizations: h.seed.bodies.filter((b) => b.id !== 'org-syt'), people: [] });
    const before = await snapshotStorage(h.storage);
    const campaign = { ...h.seed.campaign, issuingBodyId: 'org-khong-co', signer: { ...h.seed.campaign.signer, personId: 'p-khong-co' } };
    const error = await failure(h.service.createCampaign(A.director, { campaign }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', hint: expect.stringContaining('registerDirectory') as unknown });
    const paths = error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('campaign.issuingBodyId');
    expect(paths).toContain('campaign.signer.personId');
    expect(paths.some((p) => p.startsWith('campaign.nomination.bodyIds.'))).toBe(true);
    expect(await snapshotStorage(h.storage)).toBe(before);
  });

  it('defaults the instants of minutes, signatures and refusals from the service clock', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    h.clock.set('2021-12-07T01:30:00.000Z');
    await h.service.startVisit(A.lead, { visitId: 'v-market' });
    await h.service.recordAnswers(A.lead, { visitId: 'v-market', answers: pcCovidAnswers('compliant'), complete: true });
    h.clock.set('2021-12-07T03:00:00.000Z');
    await h.service.draftMinutes(A.lead, { visitId: 'v-market', place: 'Chợ', representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Trưởng ban' }], assessment: 'Đạt' });
    h.clock.set('2021-12-07T03:05:00.000Z');
    await h.service.signMinutes(A.lead, { visitId: 'v-market' });
    const minutes = await h.service.getDocument(A.lead, { kind: 'minutes', visitId: 'v-market' });
    expect(JSON.stringify(minutes)).toContain('10 giờ 00');
    const visit = await h.service.getVisit(A.lead, { visitId: 'v-market' });
    expect(visit).toMatchObject({ startedAt: '2021-12-07T01:30:00.000Z', minutesSigned: true });
  });

  it('takes no input for queries without fields, and still refuses an unknown key', async () => {
    const h = createHarness();
    await h.steps.created();
    await expect(h.service.listMessages(A.lead)).resolves.toEqual([]);
    await expect(h.service.verifyAudit(A.director)).resolves.toMatchObject({ ok: true });
    expect(await failure(untyped(h).verifyAudit!(A.director, { full: true }))).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: ['full'] })] });
  });
});

describe('service options', () => {
  it('refuses a bad tenant or bad adminUnits with CONFIGURATION_INVALID naming the option and path', async () => {
    const { createInspectionService } = await import('@pccovid-inspect/core');
    const { createMemoryStorage } = await import('@pccovid-inspect/storage-memory');
    const h = createHarness();
    const failure = (fn: () => unknown) => {
      try {
        fn();
        return null;
      } catch (e) {
        return e as { code: string; messageEn: string };
      }
    };
    const badTenant = failure(() => createInspectionService({ storage: createMemoryStorage(), tenant: { ...h.seed.tenant, provinceCode: 'HT' } }));
    expect(badTenant?.code).toBe('CONFIGURATION_INVALID');
    expect(badTenant?.messageEn).toContain('invalid tenant at provinceCode');
    const badUnits = failure(() => createInspectionService({ storage: createMemoryStorage(), tenant: h.seed.tenant, adminUnits: [{ ...h.seed.adminUnits[0]!, code: 'x' }] }));
    expect(badUnits?.code).toBe('CONFIGURATION_INVALID');
    expect(badUnits?.messageEn).toContain('invalid adminUnits at 0.code');
  });
});
