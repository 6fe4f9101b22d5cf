import type { PortalStatisticsSummary } from '../contracts/storage-adapter.js';
import type { Target } from '../entities/target.js';

/** @internal A target for planning tests (no QR points unless given). */
export function makeTarget(id: string, overrides: Partial<Target> = {}): Target {
  return {
    tenantId: '42',
    id,
    campaignId: 'c-2021-12',
    name: `Đơn vị ${id}`,
    type: 'market',
    districtCode: '436',
    address: 'Phường Nam Hà, TP Hà Tĩnh',
    organizationId: null,
    representativePersonId: null,
    qrPoints: [],
    ...overrides,
  };
}

/** @internal A PC-Covid location code registered for `targetId`. */
export function pcCovidPoint(targetId: string): Target['qrPoints'][number] {
  return { id: `qr-${targetId}`, targetId, label: 'Cổng chính', source: 'pc_covid', posted: true, visible: true, sizeCm: 20, registeredOn: '2021-11-20' };
}

/** @internal Portal totals for `target`. */
export function statisticsOf(target: Target, figures: Pick<PortalStatisticsSummary, 'days' | 'zeroScanDays' | 'totalScans' | 'maxRegisteredPoints'>): PortalStatisticsSummary {
  return { targetId: target.id, districtCode: target.districtCode, ...figures };
}
