import { describe, expect, it } from 'vitest';
import { buildPlanDocument } from '@pccovid-inspect/core/documents';
import { HA_TINH_2021, HA_TINH_2021_BODIES, HA_TINH_2021_DISTRICTS, HA_TINH_2021_PLAN_INPUT, HA_TINH_TENANT } from '@pccovid-inspect/province-ha-tinh';

describe('HA_TINH_2021', () => {
  it('holds the named exports themselves, not copies', () => {
    expect(Object.keys(HA_TINH_2021).sort()).toEqual(['adminUnits', 'bodies', 'planInput', 'tenant']);
    expect(HA_TINH_2021.tenant).toBe(HA_TINH_TENANT);
    expect(HA_TINH_2021.adminUnits).toBe(HA_TINH_2021_DISTRICTS);
    expect(HA_TINH_2021.bodies).toBe(HA_TINH_2021_BODIES);
    expect(HA_TINH_2021.planInput).toBe(HA_TINH_2021_PLAN_INPUT);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(HA_TINH_2021)).toBe(true);
    expect(() => {
      (HA_TINH_2021 as { tenant: unknown }).tenant = null;
    }).toThrow(TypeError);
  });

  it('plan input builds the plan', () => {
    expect(buildPlanDocument(HA_TINH_2021.planInput).header.issuingBody).toBe('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
  });
});
