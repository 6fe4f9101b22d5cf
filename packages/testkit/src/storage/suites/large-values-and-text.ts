import { describe, expect, it } from 'vitest';
import type { SuiteContext } from '../internal/suite-context.js';
import { TEST_TIMEOUT_MS } from '../internal/suite-context.js';
import { TENANT, commitPut, putRequest } from '../internal/fixtures.js';

const ONE_MB = 1_000_000;

/** Vietnamese place names and letters, each in NFC (composed) and NFD (decomposed) form. */
const SAMPLES = ['Thị xã Kỳ Anh', 'Ấp, ẩn, ở, ữ, ự, ỷ, ỹ, Ỵ, Đ, đ', 'Huyện Đức Thọ', 'Bệnh viện Đa khoa tỉnh Hà Tĩnh'];
const EMOJI = 'QR ✅ 📱 👩🏽‍⚕️ 🇻🇳';

/** UTF-8 byte length of the JSON text of `value`. */
function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** A checklist-like document of about `targetBytes` bytes of JSON. */
function documentOfSize(targetBytes: number): { findings: { item: string; note: string; scans: number[]; photo: string | null }[] } {
  const findings: { item: string; note: string; scans: number[]; photo: string | null }[] = [];
  const doc = { findings };
  const note = `Đơn vị chưa niêm yết mã QR tại cổng chính — ${'ghi chú '.repeat(8)}`;
  let bytes = jsonBytes(doc);
  for (let i = 0; ; i++) {
    const finding = { item: `II.1.b.${i}`, note, scans: [0, 12, 7, 31], photo: i % 3 === 0 ? `p-${i}.jpg` : null };
    const extra = jsonBytes(finding) + (i === 0 ? 0 : 1);
    if (bytes + extra > targetBytes) break;
    findings.push(finding);
    bytes += extra;
  }
  return doc;
}

/** @internal large documents and Vietnamese text stored byte-exactly. */
export function defineLargeValuesAndTextSuite(ctx: SuiteContext): void {
  const limit = ctx.capabilities.maxRecordBytes;
  const size = limit === null ? ONE_MB : Math.min(ONE_MB, Math.floor(limit * 0.9));
  const sizeLabel = size >= ONE_MB ? '~1 MB' : `~${Math.round(size / 1024)} KiB (90% of capabilities.maxRecordBytes)`;

  describe('large values and Vietnamese text', { timeout: TEST_TIMEOUT_MS }, () => {
    it(`stores and returns a ${sizeLabel} JSON document unchanged`, async () => {
      const data = documentOfSize(size);
      expect(jsonBytes(data)).toBeGreaterThan(size * 0.95);
      expect(jsonBytes(data)).toBeLessThanOrEqual(size);
      const adapter = ctx.adapter();
      await commitPut(adapter, putRequest({ id: 'large', data }));
      expect((await adapter.get('visits', TENANT, 'large'))?.data).toEqual(data);
      expect((await ctx.inspector().record('visits', TENANT, 'large'))?.data).toEqual(data);
      await commitPut(adapter, putRequest({ id: 'large', expectedVersion: 1, data: { ...data, revised: true } }));
      expect((await adapter.query({ collection: 'visits', tenantId: TENANT })).items[0]).toMatchObject({ version: 2, data: { revised: true } });
    });

    it('stores NFC and NFD Vietnamese strings and emoji byte-exactly in data and indexes', async () => {
      const adapter = ctx.adapter();
      const data = {
        nfc: SAMPLES.map((s) => s.normalize('NFC')),
        nfd: SAMPLES.map((s) => s.normalize('NFD')),
        emoji: EMOJI,
        [SAMPLES[0]!.normalize('NFD')]: 'key in NFD',
      };
      expect(data.nfc[0]).not.toBe(data.nfd[0]);
      await commitPut(adapter, putRequest({ id: 'text', data, indexes: { nfc: data.nfc[0]!, nfd: data.nfd[0]!, emoji: EMOJI } }));
      for (const stored of [await adapter.get('visits', TENANT, 'text'), await ctx.inspector().record('visits', TENANT, 'text')]) {
        const back = stored?.data as typeof data;
        expect(back.nfc, 'expected NFC (composed) strings stored unchanged').toEqual(data.nfc);
        expect(back.nfd, 'expected NFD (decomposed) strings stored unchanged, not normalised').toEqual(data.nfd);
        back.nfd.forEach((s, i) => expect(s === data.nfd[i] && s !== data.nfc[i], `expected NFD string ${i} to stay decomposed (the adapter normalised it to NFC)`).toBe(true));
        expect(back.emoji, 'expected emoji (with ZWJ sequences and flags) stored byte-exactly').toBe(EMOJI);
        expect(Object.keys(back), 'expected an NFD object key stored unchanged').toContain(SAMPLES[0]!.normalize('NFD'));
        expect(stored?.indexes, 'expected NFC, NFD and emoji index values stored unchanged').toEqual({ nfc: data.nfc[0], nfd: data.nfd[0], emoji: EMOJI });
      }
    });

    it('keeps NFC and NFD forms distinct when filtering on an index field', async () => {
      const adapter = ctx.adapter();
      const nfc = SAMPLES[0]!.normalize('NFC');
      const nfd = SAMPLES[0]!.normalize('NFD');
      await commitPut(adapter, putRequest({ id: 'composed', indexes: { district: nfc } }));
      await commitPut(adapter, putRequest({ id: 'decomposed', indexes: { district: nfd } }));
      const byNfc = await adapter.query({ collection: 'visits', tenantId: TENANT, where: { district: nfc } });
      const byNfd = await adapter.query({ collection: 'visits', tenantId: TENANT, where: { district: nfd } });
      expect(
        byNfc.items.map((i) => i.id),
        'expected a filter on the NFC form to match only the NFC record (the adapter compares normalised or by locale)',
      ).toEqual(['composed']);
      expect(
        byNfd.items.map((i) => i.id),
        'expected a filter on the NFD form to match only the NFD record',
      ).toEqual(['decomposed']);
    });

    it('accepts Vietnamese text and emoji in ids, tenant ids and collection names', async () => {
      const adapter = ctx.adapter();
      const id = 'Trường THPT Nguyễn Du 📚';
      await commitPut(adapter, putRequest({ collection: 'điểm-kiểm-tra', tenantId: 'Hà Tĩnh', id, data: { ok: true } }));
      expect(await adapter.get('điểm-kiểm-tra', 'Hà Tĩnh', id)).toMatchObject({ id, tenantId: 'Hà Tĩnh', collection: 'điểm-kiểm-tra', data: { ok: true } });
      expect(await ctx.inspector().record('điểm-kiểm-tra', 'Hà Tĩnh', id)).toMatchObject({ version: 1 });
      const page = await adapter.query({ collection: 'điểm-kiểm-tra', tenantId: 'Hà Tĩnh', limit: 1 });
      expect(
        page.items.map((i) => i.id),
        'expected a query of a Vietnamese collection and tenant to find the record',
      ).toEqual([id]);
    });
  });
}
