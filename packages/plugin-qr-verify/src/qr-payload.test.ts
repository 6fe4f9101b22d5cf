import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError } from '@pccovid-inspect/core';
import { classifyQrPayload, registeredCodesOf, verifyQrPayload, verifyQrPhoto } from './index.js';

describe('classifyQrPayload', () => {
  it('reads the location code of a PC-Covid URL (path or code/id parameter)', () => {
    expect(classifyQrPayload('https://qr.pccovid.gov.vn/HT-436-000123')).toEqual({ kind: 'pc-covid', locationCode: 'HT-436-000123' });
    expect(classifyQrPayload(' http://pccovid.gov.vn/dia-diem/HT-436-000123/ ')).toEqual({ kind: 'pc-covid', locationCode: 'HT-436-000123' });
    expect(classifyQrPayload('https://qr.pccovid.gov.vn/checkin?code=HT436X')).toEqual({ kind: 'pc-covid', locationCode: 'HT436X' });
  });

  it('is not fooled by look-alike hosts', () => {
    for (const payload of [
      'https://qr.pccovid.gov.vn.example.com/HT-436-000123',
      'https://evilpccovid.gov.vn/HT-436-000123',
      'https://qr.pccovid.gov.vn@example.com/HT-436-000123',
      'https://qr.pccovid.gov.vn:443@example.com/HT-436-000123',
      'HT-436-000123',
    ]) {
      expect(classifyQrPayload(payload)).toEqual({ kind: 'other' });
    }
  });

  it('flags the legacy systems by host, subdomains included, and by pattern', () => {
    expect(classifyQrPayload('https://qr.tokhaiyte.vn/x')).toEqual({ kind: 'legacy', system: 'tokhaiyte' });
    expect(classifyQrPayload('https://kbyt.khambenh.gov.vn/#/qr/1')).toEqual({ kind: 'legacy', system: 'kbyt' });
    expect(classifyQrPayload('https://www.bluezone.gov.vn/')).toEqual({ kind: 'legacy', system: 'bluezone' });
    expect(classifyQrPayload('NCOVI|HT|123')).toEqual({ kind: 'legacy', system: 'ncovi' });
    expect(classifyQrPayload('https://zalo.me/s/abc')).toEqual({ kind: 'legacy', system: 'zalo' });
    expect(classifyQrPayload('https://notbluezone.gov.vn/')).toEqual({ kind: 'other' });
  });

  it('takes a province’s own patterns and legacy list; refuses a pattern without a code group', () => {
    const options = { pcCovidPatterns: [/^PCC:(?<code>\d{6})$/], legacySystems: [{ system: 'hue-s', hosts: ['hues.vn'] }] };
    expect(classifyQrPayload('PCC:000123', options)).toEqual({ kind: 'pc-covid', locationCode: '000123' });
    expect(classifyQrPayload('https://app.hues.vn/qr', options)).toEqual({ kind: 'legacy', system: 'hue-s' });
    expect(classifyQrPayload('https://qr.tokhaiyte.vn/x', options)).toEqual({ kind: 'other' });
    expect(() => classifyQrPayload('x', { pcCovidPatterns: [/^PCC:\d+$/] })).toThrow(ConfigurationError);
    expect(() => classifyQrPayload('x', { legacySystems: [{ system: 'empty' }] })).toThrow(/CONFIGURATION|Cấu hình không hợp lệ/);
  });
});

describe('verifyQrPayload', () => {
  it('matches exactly: the full text, or the code inside a registered URL; never a prefix or another case', () => {
    const url = 'https://qr.pccovid.gov.vn/HT-436-000123';
    expect(verifyQrPayload(url, { registeredCodes: ['HT-436-000123'] }).status).toBe('match');
    expect(verifyQrPayload(url, { registeredCodes: [url] }).status).toBe('match');
    expect(verifyQrPayload(url, { registeredCodes: ['https://pccovid.gov.vn/x/HT-436-000123'] }).status).toBe('match');
    expect(verifyQrPayload('PCC-RAW-1', { registeredCodes: ['PCC-RAW-1'] }).status).toBe('match');
    for (const other of ['HT-436-00012', 'HT-436-0001234', 'ht-436-000123', ' ', 'HT-436-000123 x']) {
      expect(verifyQrPayload(url, { registeredCodes: [other] }).status).toBe('other-target');
    }
    expect(verifyQrPayload(url, { registeredCodes: [] })).toMatchObject({ status: 'other-target', reasonEn: expect.stringContaining('no registered code') as string });
  });

  it('names the other target when its codes are given; legacy wins even when registered by mistake', () => {
    const v = verifyQrPayload('https://qr.pccovid.gov.vn/HT-440-000007', {
      registeredCodes: ['HT-436-000123'],
      otherTargets: [{ targetId: 'tg-d', registeredCodes: ['HT-440-000007'] }],
    });
    expect(v).toMatchObject({ status: 'other-target', otherTargetId: 'tg-d', locationCode: 'HT-440-000007' });
    expect(v.reasonVi).toContain('đơn vị khác (tg-d)');
    expect(verifyQrPayload('https://qr.tokhaiyte.vn/HT', { registeredCodes: ['https://qr.tokhaiyte.vn/HT'] }).status).toBe('legacy');
    expect(verifyQrPayload('hello', { registeredCodes: ['HT-436-000123'] }).status).toBe('not-pc-covid');
  });

  it('refuses bad input with ValidationError (VALIDATION_FAILED)', () => {
    expect(() => verifyQrPayload('x', { registeredCodes: 'HT-1' as unknown as string[] })).toThrow(ValidationError);
    expect(() => verifyQrPhoto('not bytes' as unknown as Uint8Array, { registeredCodes: [] })).toThrow(ValidationError);
    try {
      verifyQrPhoto(new Uint8Array(0), { registeredCodes: [1 as unknown as string] });
    } catch (error) {
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: ['registeredCodes'] }] });
    }
  });
});

describe('registeredCodesOf', () => {
  it('reads the registeredCode of the PC-Covid points', () => {
    const point = { targetId: 'tg-a', label: 'Cổng', posted: true, visible: true, sizeCm: 20, registeredOn: '2021-11-20' };
    const target = {
      qrPoints: [
        { ...point, id: 'qr-1', source: 'pc_covid', registeredCode: ' HT-436-000123 ' },
        { ...point, id: 'qr-2', source: 'pc_covid' },
        { ...point, id: 'qr-3', source: 'bluezone', registeredCode: 'https://bluezone.gov.vn/x' },
        { ...point, id: 'qr-4', source: 'pc_covid', registeredCode: 'HT-436-000123' },
      ],
    } as unknown as Parameters<typeof registeredCodesOf>[0];
    expect(registeredCodesOf(target)).toEqual(['HT-436-000123']);
    expect(registeredCodesOf(target, { pcCovidOnly: false })).toEqual(['HT-436-000123', 'https://bluezone.gov.vn/x']);
  });
});
