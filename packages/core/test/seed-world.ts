/** Shared by the seed-fixture tests: entities built from the seed, and validation helpers. */
import { expect } from 'vitest';
import type { z } from 'zod';
import {
  ValidationError,
  type AuditEvent,
  type DocumentNumber,
  type Minutes,
  type Nomination,
  type Notification,
  type PortalStatistics,
  type RemediationAction,
  type Team,
  type Visit,
} from '@pccovid-inspect/core';
import { formatNumberSymbol, validate } from '@pccovid-inspect/core/schemas';
import { HA_TINH_2021_BODY_IDS as B } from '@pccovid-inspect/province-ha-tinh';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';

/** Validates, expecting a `ValidationError`, and returns the paths of its issues. */
export function issuePaths(schema: z.ZodType, input: unknown): (string | number)[][] {
  try {
    validate(schema, input, 'test');
  } catch (e) {
    expect(ValidationError.isInstance(e)).toBe(true);
    return (e as ValidationError).issues.map((i) => i.path);
  }
  throw new Error('expected a ValidationError, but the input was accepted');
}

/** Every string in a JSON-like value, rewritten by `f`. */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  return value;
}

/** Entities built from the seed, one of each kind the plan implies. */
export function seedWorld() {
  const seed = haTinh2021Seed();
  const { campaign, targets } = seed;
  const market = targets.find((t) => t.type === 'market');
  if (!market) throw new Error('the seed has a market');
  const team: Team = {
    tenantId: '42',
    id: 'team-ht-2021',
    campaignId: campaign.id,
    name: 'Tổ Kiểm tra PC-Covid',
    members: [
      { personId: 'p-lead', role: 'lead', organizationId: B.inspectorate, source: 'inspectorate', districtCode: null },
      { personId: 'p-it', role: 'deputy', organizationId: B.itDivision, source: 'it_division', districtCode: null },
      { personId: 'p-secretary', role: 'secretary', organizationId: B.inspectorate, source: 'inspectorate', districtCode: null },
      { personId: 'p-health', role: 'member', organizationId: B.health, source: 'health', districtCode: null },
      { personId: 'p-vhtt-436', role: 'member', organizationId: B.districtCultureInfo('436'), source: 'district_culture_info', districtCode: '436' },
    ],
  };
  const visit: Visit = {
    tenantId: '42',
    id: 'v-cho-ht',
    campaignId: campaign.id,
    targetId: market.id,
    districtCode: market.districtCode,
    scheduledOn: '2021-12-07',
    memberIds: ['p-lead', 'p-it', 'p-health', 'p-vhtt-436'],
    vehicle: { description: 'Xe 7 chỗ của Văn phòng Sở', providedByOrganizationId: B.departmentOffice },
    checklist: { ...campaign.checklist },
    startedAt: '2021-12-07T01:30:00.000Z',
    endedAt: '2021-12-07T03:00:00.000Z',
    cancelledReason: null,
  };
  const minutes: Minutes = {
    tenantId: '42',
    id: 'bb-cho-ht',
    visitId: visit.id,
    numberSymbol: null,
    startedAt: '2021-12-07T01:30:00.000Z',
    endedAt: '2021-12-07T03:00:00.000Z',
    place: market.name,
    representatives: [{ fullName: 'Nguyễn Văn An', position: 'Trưởng Ban quản lý chợ' }],
    findings: [
      { itemId: 'a1', verdict: 'met', note: null, critical: false },
      { itemId: 'b2', verdict: 'not_met', note: 'Niêm yết mã QR của ứng dụng Bluezone cũ', critical: true },
    ],
    explanation: 'Ban quản lý chợ chưa cập nhật mã QR mới.',
    assessment: 'Đơn vị đã triển khai nhưng niêm yết sai mã QR địa điểm.',
    requests: [{ text: 'Niêm yết mã QR PC-Covid tại các cổng chợ', dueOn: '2021-12-15' }],
    signatures: { unitRepresentative: { signedAt: '2021-12-07T03:00:00.000Z' }, teamLead: { signedAt: '2021-12-07T03:00:00.000Z' } },
    refusal: null,
  };
  const nomination: Nomination = {
    tenantId: '42',
    id: 'n-vhtt-449',
    campaignId: campaign.id,
    organizationId: B.districtCultureInfo('449'),
    personId: 'p-vhtt-449',
    receivedOn: '2021-11-29',
    late: true,
    districtCode: '449',
    note: 'Gửi sau hạn 28/11/2021',
  };
  const remediation: RemediationAction = {
    tenantId: '42',
    id: 'rm-cho-ht',
    campaignId: campaign.id,
    visitId: visit.id,
    targetId: market.id,
    requests: minutes.requests,
    reminders: [{ sentOn: '2021-12-10', channel: 'phone', numberSymbol: null }],
    dueOn: '2021-12-15',
    recheck: { on: '2021-12-16', complied: true, note: null },
    sanctionProposal: null,
  };
  const notification: Notification = {
    tenantId: '42',
    id: 'msg-1',
    createdAt: '2021-12-06T01:00:00.000Z',
    channel: 'email',
    recipient: { role: 'healthRepresentative', id: 'p-health', organizationId: B.health },
    topic: 'visit.scheduled',
    subject: 'Lịch kiểm tra PC-Covid',
    body: 'Đề nghị đồng chí tham gia Tổ Kiểm tra PC-Covid.',
    refs: { visitId: visit.id, campaignId: campaign.id },
    deliverAfter: null,
    fallbackChannels: ['manual'],
    status: 'pending',
    version: 1,
    dueAt: '2021-12-06T01:00:00.000Z',
    leaseOwner: null,
    attempts: 0,
    providerMessageId: null,
    lastError: null,
  };
  const audit: AuditEvent = {
    tenantId: '42',
    seq: 1,
    id: 'ae-1',
    at: '2021-11-26T02:00:00.000Z',
    actor: { role: 'departmentOfficer', id: 'p-dau-tung-lam' },
    action: 'campaign.issue',
    subject: { collection: 'campaigns', id: campaign.id },
    details: { form: campaign.form, targetTypes: campaign.targetTypes.length },
    prevHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
  };
  const documentNumber: DocumentNumber = {
    tenantId: '42',
    issuingBodyId: B.department,
    typeCode: 'KH',
    year: 2021,
    number: 5,
    numberSymbol: formatNumberSymbol(5, 'KH', 'STTTT'),
    issuedOn: campaign.issuedOn,
    subjectId: campaign.id,
  };
  const statistics: PortalStatistics = {
    tenantId: '42',
    targetId: market.id,
    districtCode: market.districtCode,
    date: '2021-12-01',
    registeredPoints: 3,
    scans: 120,
    distinctVisitors: 95,
  };
  return { seed, team, visit, minutes, nomination, remediation, notification, audit, documentNumber, statistics };
}
