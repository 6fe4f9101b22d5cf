import { describe, expect, it } from 'vitest';
import { inspectMemoryStorage } from '@pccovid-inspect/storage-memory';
import type { Target } from '@pccovid-inspect/core';
import { A, createHarness, snapshotStorage, writeDirect } from './harness.js';

type Harness = ReturnType<typeof createHarness>;

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as { code: string; issues?: { path: (string | number)[] }[]; id?: string; collection?: string },
  );

/** A target of the seed campaign in district 447 (Huyện Kỳ Anh), which the seed has none of. */
const kyAnhDistrictTarget = (h: Harness, id = 'tg-ubnd-kyanh-huyen'): Target => ({
  ...h.seed.targets[0]!,
  id,
  name: 'UBND huyện Kỳ Anh',
  type: 'district_peoples_committee',
  districtCode: '447',
  address: 'Thị trấn Kỳ Đồng, huyện Kỳ Anh',
  qrPoints: [
    { id: `qr-${id}`, targetId: id, label: 'Cổng chính', source: 'pc_covid', posted: null, visible: null, sizeCm: null, registeredOn: null, registeredCode: 'HT-447-000042' },
  ],
});

describe('targets.register (registerTargets): many units in one commit', () => {
  it('registers a batch with one audit event, then a rerun reports every target as existing and writes nothing', async () => {
    const h = createHarness();
    await h.steps.teamFormed();
    const targets = [...h.seed.targets, kyAnhDistrictTarget(h)];
    const audits = inspectMemoryStorage(h.storage).audit('42').length;
    await expect(h.service.registerTargets(A.secretary, { campaignId: h.campaignId, targets })).resolves.toEqual({ registered: targets.length, existing: [] });
    expect(inspectMemoryStorage(h.storage).audit('42').length).toBe(audits + 1);
    const stored = await h.storage.get<Target>('targets', '42', 'tg-ubnd-kyanh-huyen');
    expect(stored?.data.qrPoints[0]?.registeredCode).toBe('HT-447-000042');
    expect(stored?.indexes).toMatchObject({ campaignId: h.campaignId, districtCode: '447', nameFolded: 'ubnd huyen ky anh' });

    const before = await snapshotStorage(h.storage);
    await expect(h.service.registerTargets(A.secretary, { campaignId: h.campaignId, targets })).resolves.toEqual({
      registered: 0,
      existing: targets.map((t) => t.id),
    });
    expect(await snapshotStorage(h.storage)).toBe(before);
  });

  it('a batch mixing new and identical targets registers only the new ones (a resumed import)', async () => {
    const h = createHarness();
    await h.steps.teamFormed();
    await h.service.registerTarget(A.lead, { target: h.seed.targets[0]! });
    const res = await h.service.registerTargets(A.lead, { campaignId: h.campaignId, targets: h.seed.targets.slice(0, 3) });
    expect(res).toEqual({ registered: 2, existing: [h.seed.targets[0]!.id] });
  });

  it('the same id with different content is CONFLICT naming it, and nothing of the batch is written', async () => {
    const h = createHarness();
    await h.steps.teamFormed();
    await h.service.registerTargets(A.lead, { campaignId: h.campaignId, targets: h.seed.targets.slice(0, 2) });
    const before = await snapshotStorage(h.storage);
    const changed = { ...h.seed.targets[1]!, name: 'Kho bạc Nhà nước tỉnh (đổi tên)' };
    const error = await errorOf(h.service.registerTargets(A.lead, { campaignId: h.campaignId, targets: [kyAnhDistrictTarget(h), changed, h.seed.targets[2]!] }));
    expect(error).toMatchObject({ code: 'CONFLICT', collection: 'targets', id: changed.id });
    expect(await snapshotStorage(h.storage)).toBe(before);
  });

  it('refuses invalid targets with VALIDATION_FAILED at targets.<i>.<field> — every one, not just the first — and changes nothing', async () => {
    const h = createHarness();
    await h.steps.teamFormed();
    const before = await snapshotStorage(h.storage);
    const [a, b, c] = h.seed.targets;
    const error = await errorOf(
      h.service.registerTargets(A.lead, {
        campaignId: h.campaignId,
        targets: [a!, { ...b!, type: 'karaoke' }, { ...c!, campaignId: 'campaign-khac' }, { ...a! }],
      }),
    );
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.issues?.map((i) => i.path)).toEqual([
      ['targets', 1, 'type'],
      ['targets', 2, 'campaignId'],
      ['targets', 3, 'id'],
    ]);
    // A schema error (a district code of two digits) is at its path too.
    const schemaError = await errorOf(h.service.registerTargets(A.lead, { campaignId: h.campaignId, targets: [a!, { ...b!, districtCode: '43' }] }));
    expect(schemaError).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: ['targets', 1, 'districtCode'] })] });
    await expect(h.service.registerTargets(A.lead, { campaignId: h.campaignId, targets: [] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await snapshotStorage(h.storage)).toBe(before);
  });

  it('more than 1000 targets, a wrong role, an unknown campaign are refused', async () => {
    const h = createHarness();
    await h.steps.teamFormed();
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...h.seed.targets[0]!, id: `tg-${i}` }));
    await expect(h.service.registerTargets(A.lead, { campaignId: h.campaignId, targets: many })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(h.service.registerTargets(A.member, { campaignId: h.campaignId, targets: h.seed.targets })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.service.registerTargets(A.lead, { campaignId: 'khong-co', targets: h.seed.targets })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const unknownKey = { campaignId: h.campaignId, targets: h.seed.targets, archiveCod: 'VT' } as unknown as Parameters<typeof h.service.registerTargets>[1];
    await expect(h.service.registerTargets(A.lead, unknownKey)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: ['archiveCod'] })] });
  });
});

describe('targets.search (searchTargets): accent-insensitive', () => {
  async function registered(): Promise<Harness> {
    const h = createHarness();
    await h.steps.teamFormed();
    await h.service.registerTargets(A.lead, {
      campaignId: h.campaignId,
      targets: [...h.seed.targets, kyAnhDistrictTarget(h), { ...h.seed.targets[0]!, id: 'tg-cua-hang-ky-anh', name: 'Cửa hàng Kỳ Anh', districtCode: '436' }],
    });
    return h;
  }

  it('"ky anh" finds the units of both Kỳ Anh (447 and 449) by district, and one named Kỳ Anh elsewhere by name', async () => {
    const h = await registered();
    const res = await h.service.searchTargets(A.lead, { campaignId: h.campaignId, text: 'ky anh' });
    expect(res.total).toBe(4);
    expect(res.items.map((t) => [t.id, t.districtCode, t.matchedOn])).toEqual([
      ['tg-cua-hang-ky-anh', '436', 'name'],
      ['tg-ubnd-kyanh-tx', '449', 'both'],
      ['tg-ubnd-kyanh-huyen', '447', 'both'],
      ['tg-formosa-dv', '449', 'district'],
    ]);
    expect(res.items.find((t) => t.districtCode === '447')?.districtName).toBe('Huyện Kỳ Anh');
    expect(res.items.find((t) => t.districtCode === '449')?.districtName).toBe('Thị xã Kỳ Anh');
  });

  it('ignores accents, case, đ and extra spaces in the text; a limit cuts the list, not the total', async () => {
    const h = await registered();
    const a = await h.service.searchTargets(A.viewer, { campaignId: h.campaignId, text: '  BỆNH   vien da KHOA ' });
    expect(a.items.map((t) => t.id)).toEqual(['tg-bv-tinh']);
    const b = await h.service.searchTargets(A.lead, { campaignId: h.campaignId, text: 'Dịch vụ' });
    expect(b.items.map((t) => t.id)).toEqual(['tg-formosa-dv']);
    const c = await h.service.searchTargets(A.lead, { campaignId: h.campaignId, text: 'kỳ anh', limit: 2 });
    expect(c).toMatchObject({ total: 4, items: [{ id: 'tg-cua-hang-ky-anh' }, { id: 'tg-ubnd-kyanh-tx' }] });
    expect((await h.service.searchTargets(A.lead, { campaignId: h.campaignId, text: 'karaoke' })).items).toEqual([]);
  });

  it("a district's representative finds only their district's units; a target's representative may not search", async () => {
    const h = await registered();
    const rep = await h.service.searchTargets(A.rep436, { campaignId: h.campaignId, text: 'ky anh' });
    expect(rep.items.map((t) => t.id)).toEqual(['tg-cua-hang-ky-anh']);
    await expect(h.service.searchTargets(A.market, { campaignId: h.campaignId, text: 'cho' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.service.searchTargets(A.lead, { campaignId: h.campaignId, text: ' \u0301 ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(h.service.searchTargets(A.lead, { campaignId: 'khong-co', text: 'cho' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('finds a target stored before the nameFolded index existed (no reindex needed)', async () => {
    const h = createHarness();
    await h.steps.teamFormed();
    const old = { ...h.seed.targets[0]!, id: 'tg-cu', name: 'Chợ Kỳ Anh cũ' };
    await writeDirect(h.storage, [
      {
        collection: 'targets',
        tenantId: '42',
        id: old.id,
        data: old,
        indexes: { campaignId: old.campaignId, districtCode: old.districtCode, type: old.type },
        updatedAt: '2021-11-26T02:00:00.000Z',
        expectedVersion: 0,
      },
    ]);
    const res = await h.service.searchTargets(A.lead, { campaignId: h.campaignId, text: 'cho ky anh cu' });
    expect(res.items.map((t) => [t.id, t.matchedOn])).toEqual([['tg-cu', 'name']]);
  });
});

describe('LocationQrPoint: registeredCode and unknown posted/visible', () => {
  it('target.register keeps a registered code and null posted/visible, and a point without them (stored before) stays valid', async () => {
    const h = createHarness();
    await h.steps.teamFormed();
    const t = kyAnhDistrictTarget(h);
    await h.service.registerTarget(A.lead, { target: t });
    const { registeredCode: _dropped, ...legacyPoint } = t.qrPoints[0]!;
    await h.service.registerTarget(A.lead, { target: { ...t, id: 'tg-legacy', qrPoints: [{ ...legacyPoint, targetId: 'tg-legacy', posted: true, visible: false }] } });
    const found = await h.service.searchTargets(A.lead, { campaignId: h.campaignId, text: 'huyen ky anh' });
    expect(found.items.map((x) => x.id).sort()).toEqual(['tg-legacy', 'tg-ubnd-kyanh-huyen']);
  });
});
