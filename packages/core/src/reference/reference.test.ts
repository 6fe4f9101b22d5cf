import { describe, expect, it } from 'vitest';
import {
  AdminUnitSchema,
  HA_TINH_2021_BODIES,
  HA_TINH_2021_BODY_IDS,
  HA_TINH_2021_DISTRICTS,
  HA_TINH_TENANT,
  OrganizationSchema,
  TenantSchema,
  findHaTinh2021District,
  searchKey,
  validate,
} from '@pccovid-inspect/core';

describe('Hà Tĩnh tenant', () => {
  it('is province 42 and passes TenantSchema', () => {
    expect(validate(TenantSchema, HA_TINH_TENANT, 'Tenant')).toEqual({ id: '42', provinceCode: '42', name: 'Hà Tĩnh', placeName: 'Hà Tĩnh' });
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
  });

  it('finds a unit by code, never by name', () => {
    expect(findHaTinh2021District('447')?.name).toBe('Huyện Kỳ Anh');
    expect(findHaTinh2021District('449')?.name).toBe('Thị xã Kỳ Anh');
    expect(findHaTinh2021District('Kỳ Anh')).toBeUndefined();
    expect(findHaTinh2021District('')).toBeUndefined();
  });
});

describe('Hà Tĩnh bodies of the seed plan', () => {
  const byId = (id: string) => HA_TINH_2021_BODIES.find((b) => b.id === id);

  it.each(HA_TINH_2021_BODIES.map((b) => [b.id, b] as const))('%s passes OrganizationSchema unchanged', (_id, b) => {
    expect(validate(OrganizationSchema, b, 'Organization')).toEqual(b);
  });

  it('have unique ids, all of tenant 42', () => {
    expect(new Set(HA_TINH_2021_BODIES.map((b) => b.id)).size).toBe(HA_TINH_2021_BODIES.length);
    for (const b of HA_TINH_2021_BODIES) expect(b.tenantId).toBe(HA_TINH_TENANT.id);
  });

  it('every fixed body id of HA_TINH_2021_BODY_IDS exists', () => {
    const { districtCultureInfo, ...fixed } = HA_TINH_2021_BODY_IDS;
    for (const id of Object.values(fixed)) expect(byId(id), id).toBeDefined();
    expect(districtCultureInfo('449')).toBe('org-vhtt-449');
  });

  it('the Department sits under the Provincial People’s Committee; its Inspectorate, IT Division and Office under it', () => {
    const ids = HA_TINH_2021_BODY_IDS;
    expect(byId(ids.department)).toMatchObject({ name: 'Sở Thông tin và Truyền thông', abbreviation: 'STTTT', parentId: ids.provincialCommittee, kind: 'department' });
    for (const unit of [ids.inspectorate, ids.itDivision, ids.departmentOffice]) expect(byId(unit)).toMatchObject({ parentId: ids.department, kind: 'department_unit' });
    expect(byId(ids.health)).toMatchObject({ kind: 'department', name: 'Sở Y tế Hà Tĩnh' });
    expect(byId(ids.provincialCommittee)).toMatchObject({ kind: 'provincial_peoples_committee', parentId: null });
  });

  it('every parentId points at a body of the list', () => {
    for (const b of HA_TINH_2021_BODIES) if (b.parentId !== null) expect(byId(b.parentId), b.id).toBeDefined();
  });

  it('has exactly one Culture and Information (VHTT) office per district', () => {
    const offices = HA_TINH_2021_BODIES.filter((b) => b.kind === 'district_office');
    expect(offices).toHaveLength(13);
    expect(offices.map((o) => o.districtCode).sort()).toEqual(HA_TINH_2021_DISTRICTS.map((d) => d.code).sort());
    for (const d of HA_TINH_2021_DISTRICTS) {
      const mine = offices.filter((o) => o.districtCode === d.code);
      expect(mine).toHaveLength(1);
      expect(mine[0]?.id).toBe(HA_TINH_2021_BODY_IDS.districtCultureInfo(d.code));
      expect(mine[0]?.abbreviation).toBe('VHTT');
      expect(searchKey(mine[0]?.name ?? '')).toBe(searchKey(`Phòng Văn hóa và Thông tin ${d.name}`));
      expect(mine[0]?.upperName).toBe(`PHÒNG VĂN HÓA VÀ THÔNG TIN ${d.name.toUpperCase()}`);
    }
  });

  it('the two Kỳ Anh offices are told apart by their names', () => {
    expect(byId('org-vhtt-447')?.name).toBe('Phòng Văn hóa và Thông tin huyện Kỳ Anh');
    expect(byId('org-vhtt-449')?.name).toBe('Phòng Văn hóa và Thông tin thị xã Kỳ Anh');
    expect(byId('org-vhtt-436')?.name).toBe('Phòng Văn hóa và Thông tin thành phố Hà Tĩnh');
  });

  it('only district offices carry a district code', () => {
    for (const b of HA_TINH_2021_BODIES) expect(b.districtCode !== null).toBe(b.kind === 'district_office');
  });
});
