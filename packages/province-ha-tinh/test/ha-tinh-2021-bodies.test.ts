import { describe, expect, it } from 'vitest';
import { OrganizationSchema, validate } from '@pccovid-inspect/core/schemas';
import { searchKey } from '@pccovid-inspect/core/text';
import { HA_TINH_2021_BODIES, HA_TINH_2021_BODY_IDS, HA_TINH_2021_DISTRICTS, HA_TINH_TENANT } from '@pccovid-inspect/province-ha-tinh';

describe('Hà Tĩnh bodies of the 2021 plan', () => {
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

  it('cannot be modified by a caller', () => {
    expect(Object.isFrozen(HA_TINH_2021_BODIES)).toBe(true);
    for (const b of HA_TINH_2021_BODIES) expect(Object.isFrozen(b), b.id).toBe(true);
    expect(Object.isFrozen(HA_TINH_2021_BODY_IDS)).toBe(true);
  });
});
