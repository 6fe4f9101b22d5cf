import { describe, expect, it } from 'vitest';
import { AdminUnitSchema, TenantSchema, validate } from '@pccovid-inspect/core/schemas';
import { HA_TINH_2021_DISTRICTS, HA_TINH_TENANT, findHaTinh2021District } from '@pccovid-inspect/province-ha-tinh';

describe('Hà Tĩnh tenant', () => {
  it('is province 42 and passes TenantSchema', () => {
    expect(validate(TenantSchema, HA_TINH_TENANT, 'Tenant')).toEqual({ id: '42', provinceCode: '42', name: 'Hà Tĩnh', placeName: 'Hà Tĩnh' });
  });

  it('cannot be modified by a caller', () => {
    expect(Object.isFrozen(HA_TINH_TENANT)).toBe(true);
  });
});

describe('Hà Tĩnh district-level units of 2021', () => {
  it('has 13 units: 1 provincial city, 2 towns, 10 rural districts', () => {
    expect(HA_TINH_2021_DISTRICTS).toHaveLength(13);
    const byKind = (k: string) => HA_TINH_2021_DISTRICTS.filter((d) => d.kind === k).length;
    expect(byKind('provincial_city')).toBe(1);
    expect(byKind('town')).toBe(2);
    expect(byKind('rural_district')).toBe(10);
  });

  it('uses the GSO codes 436–449 without 438, each once', () => {
    const codes = HA_TINH_2021_DISTRICTS.map((d) => d.code);
    expect(codes).toEqual(['436', '437', '439', '440', '441', '442', '443', '444', '445', '446', '447', '448', '449']);
    expect(new Set(codes).size).toBe(13);
    expect(codes).not.toContain('438');
    expect(findHaTinh2021District('438')).toBeUndefined();
  });

  it.each([
    ['436', 'Thành phố Hà Tĩnh', 'provincial_city'],
    ['437', 'Thị xã Hồng Lĩnh', 'town'],
    ['439', 'Huyện Hương Sơn', 'rural_district'],
    ['440', 'Huyện Đức Thọ', 'rural_district'],
    ['441', 'Huyện Vũ Quang', 'rural_district'],
    ['442', 'Huyện Nghi Xuân', 'rural_district'],
    ['443', 'Huyện Can Lộc', 'rural_district'],
    ['444', 'Huyện Hương Khê', 'rural_district'],
    ['445', 'Huyện Thạch Hà', 'rural_district'],
    ['446', 'Huyện Cẩm Xuyên', 'rural_district'],
    ['447', 'Huyện Kỳ Anh', 'rural_district'],
    ['448', 'Huyện Lộc Hà', 'rural_district'],
    ['449', 'Thị xã Kỳ Anh', 'town'],
  ])('%s is %s (%s)', (code, name, kind) => {
    expect(findHaTinh2021District(code)).toMatchObject({ code, name, kind, provinceCode: '42' });
  });

  it('has "Kỳ Anh" twice, as two units with different codes and kinds', () => {
    const kyAnh = HA_TINH_2021_DISTRICTS.filter((d) => d.shortName === 'Kỳ Anh');
    expect(kyAnh).toHaveLength(2);
    expect(kyAnh.map((d) => d.code).sort()).toEqual(['447', '449']);
    expect(new Set(kyAnh.map((d) => d.kind))).toEqual(new Set(['rural_district', 'town']));
    expect(kyAnh[0]?.name).not.toBe(kyAnh[1]?.name);
  });

  it('names are otherwise unique and NFC; shortName is the name without its kind', () => {
    expect(new Set(HA_TINH_2021_DISTRICTS.map((d) => d.name)).size).toBe(13);
    for (const d of HA_TINH_2021_DISTRICTS) {
      expect(d.name).toBe(d.name.normalize('NFC'));
      expect(d.name.endsWith(` ${d.shortName}`)).toBe(true);
      expect(d.name.replace(` ${d.shortName}`, '')).toMatch(/^(Thành phố|Thị xã|Huyện)$/);
    }
  });

  it('is pre-2025 reference data that ends with the 2025 reform', () => {
    for (const d of HA_TINH_2021_DISTRICTS) {
      expect(d.era).toBe('pre2025');
      expect(d.validTo).toBe('2025-06-30');
    }
  });

  it.each(HA_TINH_2021_DISTRICTS.map((d) => [d.code, d] as const))('unit %s passes AdminUnitSchema unchanged', (_code, d) => {
    expect(validate(AdminUnitSchema, d, 'AdminUnit')).toEqual(d);
  });

  it('cannot be modified by a caller', () => {
    expect(Object.isFrozen(HA_TINH_2021_DISTRICTS)).toBe(true);
    expect(() => (HA_TINH_2021_DISTRICTS as unknown as unknown[]).push({})).toThrow(TypeError);
    for (const d of HA_TINH_2021_DISTRICTS) expect(Object.isFrozen(d), d.code).toBe(true);
  });

  it('finds a unit by code, never by name', () => {
    expect(findHaTinh2021District('447')?.name).toBe('Huyện Kỳ Anh');
    expect(findHaTinh2021District('449')?.name).toBe('Thị xã Kỳ Anh');
    expect(findHaTinh2021District('Kỳ Anh')).toBeUndefined();
    expect(findHaTinh2021District('')).toBeUndefined();
  });
});
