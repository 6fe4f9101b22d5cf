import type { AdminUnit, Organization, Tenant } from '@pccovid-inspect/core';
import type { PlanDocumentInput } from '@pccovid-inspect/core/documents';
import { deepFreeze } from './internal/deep-freeze.js';
import { HA_TINH_TENANT } from './ha-tinh-tenant.js';
import { HA_TINH_2021_DISTRICTS } from './ha-tinh-2021-units.js';
import { HA_TINH_2021_BODIES } from './ha-tinh-2021-bodies.js';
import { HA_TINH_2021_PLAN_INPUT } from './ha-tinh-2021-plan.js';

/**
 * Everything the pack holds for Hà Tĩnh in 2021, in one object: see {@link HA_TINH_2021}.
 *
 * @example
 * ```ts
 * import { HA_TINH_2021, type HaTinh2021Pack } from '@pccovid-inspect/province-ha-tinh';
 * const pack: HaTinh2021Pack = HA_TINH_2021;
 * ```
 */
export interface HaTinh2021Pack {
  /** The province as a tenant ({@link HA_TINH_TENANT}). */
  readonly tenant: Tenant;
  /** Its 13 district-level units of 2021 ({@link HA_TINH_2021_DISTRICTS}). */
  readonly adminUnits: readonly AdminUnit[];
  /** The bodies of the 2021 plan ({@link HA_TINH_2021_BODIES}). */
  readonly bodies: readonly Organization[];
  /** The November 2021 inspection plan as builder input ({@link HA_TINH_2021_PLAN_INPUT}). */
  readonly planInput: PlanDocumentInput;
}

/**
 * Hà Tĩnh's reference data of 2021 in one frozen object — the same values as the named
 * exports — shaped for `createInspectionService` and `buildPlanDocument`.
 *
 * @example
 * ```ts
 * import { buildPlanDocument } from '@pccovid-inspect/core/documents';
 * import { createInspectionService } from '@pccovid-inspect/core';
 * import { HA_TINH_2021 } from '@pccovid-inspect/province-ha-tinh';
 * const service = createInspectionService({ storage, tenant: HA_TINH_2021.tenant, adminUnits: HA_TINH_2021.adminUnits });
 * const plan = buildPlanDocument(HA_TINH_2021.planInput);
 * ```
 */
export const HA_TINH_2021: HaTinh2021Pack = deepFreeze({
  tenant: HA_TINH_TENANT,
  adminUnits: HA_TINH_2021_DISTRICTS,
  bodies: HA_TINH_2021_BODIES,
  planInput: HA_TINH_2021_PLAN_INPUT,
});
