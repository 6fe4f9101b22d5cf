import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256Hex, sha256HexSync } from '../src/internal/sha256.js';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256HexSync', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256HexSync('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexSync('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('matches node:crypto at every padding boundary (0…200 bytes) and for Vietnamese text', () => {
    for (let n = 0; n <= 200; n++) expect(sha256HexSync('a'.repeat(n)), `length ${n}`).toBe(reference('a'.repeat(n)));
    for (const text of ['Sở Thông tin và Truyền thông tỉnh Hà Tĩnh', 'Chợ Hà Tĩnh — “mã QR điểm kiểm dịch”', 'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', '😷 PC-Covid']) {
      expect(sha256HexSync(text)).toBe(reference(text));
    }
  });

  it('matches node:crypto for any text, including lone surrogates, and for texts larger than the kept buffer', async () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => sha256HexSync(text) === reference(text)));
    const large = 'Nhật ký kiểm tra PC-Covid. '.repeat(60_000); // ≈ 1.9 MB of UTF-8
    expect(sha256HexSync(large)).toBe(reference(large));
    expect(sha256HexSync('abc')).toBe(reference('abc')); // the kept buffer still works after a large one
    expect(await sha256Hex('abc')).toBe(reference('abc'));
  });
});
