import { describe, expect, it } from 'vitest';
import { DIRECTIVE, PORTAL_SCREENSHOT, QR_PHOTO, SCAN_COUNT } from '../checklist/test-support.js';
import { EvidenceKindSchema, EvidenceSchema } from './evidence.js';

describe('EvidenceSchema', () => {
  it('parses each kind, discriminated on `kind`', () => {
    for (const evidence of [DIRECTIVE, QR_PHOTO, PORTAL_SCREENSHOT, SCAN_COUNT]) {
      expect(EvidenceSchema.parse(evidence)).toEqual(evidence);
    }
    expect(EvidenceKindSchema.options).toEqual(['document', 'photo', 'screenshot', 'count']);
  });

  it('checks a document number and symbol and a real civil issue date', () => {
    expect(EvidenceSchema.safeParse({ ...DIRECTIVE, numberSymbol: 'Công văn 125' }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ ...DIRECTIVE, issuedOn: '2021-02-30' }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ ...DIRECTIVE, issuedOn: '15/11/2021' }).success).toBe(false);
  });

  it('NFC-normalises text such as a summary or caption', () => {
    const nfd = { ...DIRECTIVE, summary: 'Về việc tạo mã QR địa điểm'.normalize('NFD') };
    expect(EvidenceSchema.parse(nfd)).toMatchObject({ summary: 'Về việc tạo mã QR địa điểm'.normalize('NFC') });
  });

  it('keeps only references to files: an optional lower-case SHA-256 and a UTC instant', () => {
    const { sha256: _sha, ...withoutHash } = QR_PHOTO;
    expect(EvidenceSchema.safeParse(withoutHash).success).toBe(true);
    expect(EvidenceSchema.safeParse({ ...QR_PHOTO, sha256: 'A'.repeat(64) }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ ...QR_PHOTO, takenAt: '2021-12-14 09:30' }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ ...QR_PHOTO, uri: '   ' }).success).toBe(false);
  });

  it('accepts only http(s) screenshot sources and non-negative whole counts', () => {
    expect(EvidenceSchema.safeParse({ ...PORTAL_SCREENSHOT, sourceUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ ...SCAN_COUNT, value: -1 }).success).toBe(false);
    expect(EvidenceSchema.safeParse({ ...SCAN_COUNT, value: 1.5 }).success).toBe(false);
  });

  it('rejects an unknown kind with the path of the discriminator', () => {
    const result = EvidenceSchema.safeParse({ ...QR_PHOTO, kind: 'video' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['kind']);
  });
});
