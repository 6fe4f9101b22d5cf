import type { Tenant } from '@pccovid-inspect/core';
import { deepFreeze } from './internal/deep-freeze.js';

/**
 * Hà Tĩnh as a tenant: GSO province code 42. Frozen.
 *
 * @example
 * ```ts
 * import { HA_TINH_TENANT } from '@pccovid-inspect/province-ha-tinh';
 * const service = createInspectionService({ storage, tenant: HA_TINH_TENANT });
 * ```
 */
export const HA_TINH_TENANT: Tenant = deepFreeze({ id: '42', provinceCode: '42', name: 'Hà Tĩnh', placeName: 'Hà Tĩnh' });
