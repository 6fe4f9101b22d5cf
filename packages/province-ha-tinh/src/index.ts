/**
 * `@pccovid-inspect/province-ha-tinh` — Hà Tĩnh's reference data of 2021 for
 * `@pccovid-inspect/core`: the tenant, the district-level units (pass them to
 * `createInspectionService` as `adminUnits`), the bodies, and the Department of Information and
 * Communications' PC-Covid inspection plan as `buildPlanDocument` input. Data only; every
 * value is frozen.
 *
 * @packageDocumentation
 */
export { HA_TINH_TENANT } from './ha-tinh-tenant.js';
export { HA_TINH_2021_DISTRICTS, findHaTinh2021District } from './ha-tinh-2021-units.js';
export { HA_TINH_2021_BODIES, HA_TINH_2021_BODY_IDS } from './ha-tinh-2021-bodies.js';
export { HA_TINH_2021_PLAN_INPUT } from './ha-tinh-2021-plan.js';
export { HA_TINH_2021 } from './ha-tinh-2021.js';
export type { HaTinh2021Pack } from './ha-tinh-2021.js';
