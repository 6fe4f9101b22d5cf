import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AuditEventSchema,
  BUILT_IN_TARGET_TYPES,
  CampaignSchema,
  DocumentNumberSchema,
  HA_TINH_2021_BODY_IDS as B,
  MinutesSchema,
  NominationRequestSchema,
  NominationSchema,
  NotificationSchema,
  OrganizationSchema,
  PersonSchema,
  PortalStatisticsSchema,
  RemediationActionSchema,
  TargetSchema,
  TeamSchema,
  TenantSchema,
  ValidationError,
  VisitSchema,
  formatNumberSymbol,
  formatPlaceDateLine,
  formatShortDate,
  signerTitleLines,
  validate,
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
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';

/** Validates, expecting a `ValidationError`, and returns the paths of its issues. */
function issuePaths(schema: z.ZodType, input: unknown): (string | number)[][] {
  try {
    validate(schema, input, 'test');
  } catch (e) {
    expect(ValidationError.isInstance(e)).toBe(true);
    return (e as ValidationError).issues.map((i) => i.path);
  }
  throw new Error('expected a ValidationError, but the input was accepted');
}

/** Every string in a JSON-like value, rewritten by `f`. */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  return value;
}

/** Entities built from the seed, one of each kind the plan implies. */
function seedWorld() {
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
    status: 'pending',
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

describe('the seed campaign (Kế hoạch of the Hà Tĩnh Department of Information and Communications, Nov 2021)', () => {
  const { campaign, bodies, nominationRequest, people, targets, tenant } = haTinh2021Seed();
  const bodyName = (id: string) => bodies.find((b) => b.id === id)?.name;

  it('is issued by the Department under the Provincial People’s Committee of Hà Tĩnh (tenant 42)', () => {
    expect(tenant).toMatchObject({ id: '42', provinceCode: '42', name: 'Hà Tĩnh' });
    expect(campaign.tenantId).toBe('42');
    expect(campaign.symbol).toBe('KH-STTTT');
    expect(bodyName(campaign.issuingBodyId)).toBe('Sở Thông tin và Truyền thông');
    expect(campaign.parentBodyId).toBe(B.provincialCommittee);
    expect(campaign.title).toContain('PC-Covid và quét mã QR');
  });

  it('cites Văn bản 7641/UBND-VX1 of the Provincial People’s Committee of 12/11/2021 as its legal basis', () => {
    expect(campaign.legalBasis).toHaveLength(1);
    expect(campaign.legalBasis[0]).toMatchObject({ numberSymbol: '7641/UBND-VX1', issuedOn: '2021-11-12', issuer: 'UBND tỉnh', kindVi: 'Văn bản' });
    expect(formatShortDate(campaign.legalBasis[0]?.issuedOn ?? '')).toBe('12/11/2021');
    expect(campaign.purposes).toHaveLength(2);
    expect(campaign.purposes[0]).toContain('Văn bản số 7641/UBND-VX1 ngày 12/11/2021');
  });

  it('runs during December 2021, unannounced', () => {
    expect(campaign.period).toEqual({ from: '2021-12-01', to: '2021-12-31' });
    expect(campaign.form).toBe('unannounced');
    expect(campaign.issuedOn < campaign.period.from).toBe(true);
  });

  it('is led by the Department’s Inspectorate and IT Division', () => {
    expect(campaign.leadBodyIds).toEqual([B.inspectorate, B.itDivision]);
    expect(campaign.leadBodyIds.map(bodyName)).toEqual(['Thanh tra Sở', 'Phòng Công nghệ thông tin']);
  });

  it('asks the Department of Health and the 13 district VHTT offices to nominate members by 28/11/2021', () => {
    const { bodyIds, deadline } = campaign.nomination;
    expect(deadline).toBe('2021-11-28');
    expect(bodyIds).toHaveLength(14);
    expect(bodyIds[0]).toBe(B.health);
    const offices = bodyIds.slice(1).map((id) => bodies.find((b) => b.id === id));
    expect(offices.every((o) => o?.kind === 'district_office' && o.abbreviation === 'VHTT')).toBe(true);
    expect(new Set(offices.map((o) => o?.districtCode)).size).toBe(13);
    expect(nominationRequest).toMatchObject({ campaignId: campaign.id, deadline: '2021-11-28', bodyIds });
    expect(nominationRequest.sentOn <= nominationRequest.deadline).toBe(true);
  });

  it('covers the eight target types of the plan, with one target of each', () => {
    expect(campaign.targetTypes).toEqual([...BUILT_IN_TARGET_TYPES]);
    expect(campaign.targetTypes).toEqual(['provincial_department', 'central_agency', 'district_peoples_committee', 'business', 'hospital', 'market', 'office', 'school']);
    expect(targets.map((t) => t.type).sort()).toEqual([...BUILT_IN_TARGET_TYPES].sort());
    for (const t of targets) {
      expect(t.campaignId).toBe(campaign.id);
      expect(bodies.some((b) => b.districtCode === t.districtCode)).toBe(true);
    }
    expect(new Set(targets.map((t) => t.districtCode)).size).toBeGreaterThan(1);
  });

  it('is signed KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Đậu Tùng Lâm', () => {
    expect(campaign.signer).toEqual({ authority: 'KT', headTitle: 'GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', fullName: 'Đậu Tùng Lâm', personId: 'p-dau-tung-lam' });
    expect(signerTitleLines(campaign.signer)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(people.find((p) => p.id === campaign.signer.personId)).toMatchObject({ fullName: 'Đậu Tùng Lâm', organizationId: B.department });
  });

  it('lists the recipients (“Nơi nhận”) ending with Lãnh đạo Sở, and the archive code CNTT4', () => {
    expect(campaign.recipients[0]).toEqual({ name: 'UBND tỉnh', note: 'b/c' });
    expect(campaign.recipients.map((r) => r.name)).toEqual([
      'UBND tỉnh',
      'Các Sở, Ban, Ngành cấp tỉnh',
      'Các cơ quan TW trên địa bàn',
      'UBND các huyện, tp, thị xã',
      'Lãnh đạo Sở',
    ]);
    expect(campaign.recipients.at(-1)).toEqual({ name: 'Lãnh đạo Sở', note: null });
    expect(campaign.archiveCode).toBe('CNTT4');
  });

  it('is dated after its legal basis and before the nomination deadline, with a Decree 30 date line', () => {
    // The seed text carries no issue date; the plan must precede the 28/11/2021 nomination deadline.
    expect(campaign.issuedOn > '2021-11-12' && campaign.issuedOn <= '2021-11-28').toBe(true);
    expect(formatPlaceDateLine(tenant.placeName, campaign.issuedOn)).toMatch(/^Hà Tĩnh, ngày (1[3-9]|2[0-8]) tháng 11 năm 2021$/);
  });

  it('every person belongs to a body of the seed', () => {
    for (const p of people) expect(bodies.some((b) => b.id === p.organizationId), p.id).toBe(true);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
  });

  it('is a fresh deep copy on every call', () => {
    const a = haTinh2021Seed();
    a.campaign.recipients.push({ name: 'X', note: null });
    a.bodies[0]!.name = 'changed';
    const b = haTinh2021Seed();
    expect(b.campaign.recipients).toHaveLength(5);
    expect(b.bodies[0]?.name).toBe('Ủy ban nhân dân tỉnh Hà Tĩnh');
    expect(b).toEqual(haTinh2021Seed());
  });
});

describe('every schema accepts its part of the seed, unchanged', () => {
  const seed = haTinh2021Seed();

  it('tenant', () => expect(validate(TenantSchema, seed.tenant)).toEqual(seed.tenant));
  it.each(seed.bodies.map((b) => [b.id, b] as const))('body %s', (_id, b) => expect(validate(OrganizationSchema, b)).toEqual(b));
  it.each(seed.people.map((p) => [p.id, p] as const))('person %s', (_id, p) => expect(validate(PersonSchema, p)).toEqual(p));
  it('campaign', () => expect(validate(CampaignSchema, seed.campaign)).toEqual(seed.campaign));
  it('nominationRequest', () => expect(validate(NominationRequestSchema, seed.nominationRequest)).toEqual(seed.nominationRequest));
  it.each(seed.targets.map((t) => [t.id, t] as const))('target %s', (_id, t) => expect(validate(TargetSchema, t)).toEqual(t));
});

describe('entities built from the seed pass their schemas', () => {
  const w = seedWorld();
  const cases: [string, z.ZodType, unknown][] = [
    ['Team', TeamSchema, w.team],
    ['Visit', VisitSchema, w.visit],
    ['Minutes', MinutesSchema, w.minutes],
    ['Nomination', NominationSchema, w.nomination],
    ['RemediationAction', RemediationActionSchema, w.remediation],
    ['Notification', NotificationSchema, w.notification],
    ['AuditEvent', AuditEventSchema, w.audit],
    ['DocumentNumber', DocumentNumberSchema, w.documentNumber],
    ['PortalStatistics', PortalStatisticsSchema, w.statistics],
  ];
  it.each(cases)('%s', (subject, schema, value) => {
    expect(validate(schema, value, subject)).toEqual(value);
  });

  it('DocumentNumber writes the plan number as 05/KH-STTTT', () => {
    expect(w.documentNumber.numberSymbol).toBe('05/KH-STTTT');
  });

  it('accepts minutes whose start and end differ only in precision (regression: compared as strings)', () => {
    const m = { ...w.minutes, startedAt: '2021-12-07T01:30:00Z', endedAt: '2021-12-07T01:30:00.500Z' };
    expect(validate(MinutesSchema, m)).toEqual(m);
    expect(validate(MinutesSchema, { ...w.minutes, startedAt: '2021-12-07T01:30:00Z', endedAt: '2021-12-07T01:30:00.000Z' })).toBeDefined();
    expect(issuePaths(MinutesSchema, { ...w.minutes, startedAt: '2021-12-07T01:30:00.001Z', endedAt: '2021-12-07T01:30:00Z' })).toEqual([['endedAt']]);
  });

  it('accepts minutes with a recorded refusal and no unit signature', () => {
    const m: Minutes = { ...w.minutes, signatures: { unitRepresentative: null, teamLead: { signedAt: '2021-12-07T03:00:00.000Z' } }, refusal: { reason: 'Đại diện đơn vị từ chối ký', recordedAt: '2021-12-07T03:05:00.000Z' } };
    expect(validate(MinutesSchema, m)).toEqual(m);
  });
});

describe('bad input is rejected with a ValidationError naming the path', () => {
  const w = seedWorld();
  const { campaign } = w.seed;

  it('a campaign whose period starts after it ends → period.to', () => {
    expect(issuePaths(CampaignSchema, { ...campaign, period: { from: '2022-01-01', to: '2021-12-31' } })).toEqual([['period', 'to']]);
  });

  it('a bad number symbol in the first legal basis → legalBasis.0.numberSymbol', () => {
    const legalBasis = [{ ...campaign.legalBasis[0], numberSymbol: '7641 / ubnd-vx1' }];
    expect(issuePaths(CampaignSchema, { ...campaign, legalBasis })).toEqual([['legalBasis', 0, 'numberSymbol']]);
  });

  it('an impossible legal-basis date → legalBasis.0.issuedOn', () => {
    const legalBasis = [{ ...campaign.legalBasis[0], issuedOn: '2021-02-29' }];
    expect(issuePaths(CampaignSchema, { ...campaign, legalBasis })).toEqual([['legalBasis', 0, 'issuedOn']]);
  });

  it('a campaign without legal basis, of an unknown form, with no recipients', () => {
    const paths = issuePaths(CampaignSchema, { ...campaign, legalBasis: [], form: 'surprise', recipients: [] });
    expect(paths).toEqual(expect.arrayContaining([['legalBasis'], ['form'], ['recipients']]));
  });

  it('a signer without authority whose position differs from the head title → signer.authority', () => {
    expect(issuePaths(CampaignSchema, { ...campaign, signer: { ...campaign.signer, authority: null } })).toEqual([['signer', 'authority']]);
  });

  it('a team with two leads → members', () => {
    const members = w.team.members.map((m) => (m.personId === 'p-it' ? { ...m, role: 'lead' as const } : m));
    expect(issuePaths(TeamSchema, { ...w.team, members })).toEqual([['members']]);
  });

  it('a team without a lead → members', () => {
    const members = w.team.members.map((m) => (m.role === 'lead' ? { ...m, role: 'member' as const } : m));
    expect(issuePaths(TeamSchema, { ...w.team, members })).toEqual([['members']]);
  });

  it('a team listing a person twice, and a district representative without district → the member’s field', () => {
    const members = [...w.team.members, { ...w.team.members[1]!, role: 'member' as const }];
    members[4] = { ...members[4]!, districtCode: null };
    expect(issuePaths(TeamSchema, { ...w.team, members })).toEqual([
      ['members', 4, 'districtCode'],
      ['members', 5, 'personId'],
    ]);
  });

  it('a nomination request sent after its deadline → sentOn', () => {
    expect(issuePaths(NominationRequestSchema, { ...w.seed.nominationRequest, sentOn: '2021-11-29' })).toEqual([['sentOn']]);
  });

  it('minutes ending before they start → endedAt; a refusal beside a unit signature → refusal', () => {
    expect(issuePaths(MinutesSchema, { ...w.minutes, endedAt: '2021-12-07T01:00:00.000Z' })).toEqual([['endedAt']]);
    expect(issuePaths(MinutesSchema, { ...w.minutes, refusal: { reason: 'Từ chối ký', recordedAt: '2021-12-07T03:00:00.000Z' } })).toEqual([['refusal']]);
  });

  it('a visit at a local time instead of a UTC instant → startedAt', () => {
    expect(issuePaths(VisitSchema, { ...w.visit, startedAt: '2021-12-07T08:30:00+07:00' })).toEqual([['startedAt']]);
  });

  it('a target with a bad district code, and a QR point of an unknown system', () => {
    const target = w.seed.targets[0]!;
    const qr = { id: 'qr-1', targetId: target.id, label: 'Cổng chính', source: 'zalo-pay', posted: true, visible: true, sizeCm: 20, registeredOn: null };
    expect(issuePaths(TargetSchema, { ...target, districtCode: '43', qrPoints: [qr] })).toEqual([['districtCode'], ['qrPoints', 0, 'source']]);
  });

  it('an audit event with a short hash → hash', () => {
    expect(issuePaths(AuditEventSchema, { ...w.audit, hash: 'abc' })).toEqual([['hash']]);
  });

  it('a notification topic that is not noun.verb → topic', () => {
    expect(issuePaths(NotificationSchema, { ...w.notification, topic: 'Visit Scheduled' })).toEqual([['topic']]);
  });

  it('whitespace-only text → the field', () => {
    expect(issuePaths(PersonSchema, { ...w.seed.people[0], fullName: '   ' })).toEqual([['fullName']]);
  });

  it('not an object at all → the root', () => {
    expect(issuePaths(CampaignSchema, 'Kế hoạch')).toEqual([[]]);
    expect(issuePaths(CampaignSchema, null)).toEqual([[]]);
  });

  it('the error names the subject and the first path in both languages', () => {
    try {
      validate(CampaignSchema, { ...campaign, period: { from: '2022-01-01', to: '2021-12-31' } }, 'Campaign');
      expect.unreachable();
    } catch (e) {
      expect(ValidationError.isInstance(e)).toBe(true);
      const err = e as ValidationError;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.subject).toBe('Campaign');
      expect(err.messageVi).toContain('Dữ liệu Campaign không hợp lệ (period.to)');
      expect(err.messageEn).toContain('Invalid Campaign (period.to)');
    }
  });
});

describe('NFD input comes out NFC', () => {
  const w = seedWorld();
  const cases: [string, z.ZodType, unknown][] = [
    ['Tenant', TenantSchema, w.seed.tenant],
    ['Campaign', CampaignSchema, w.seed.campaign],
    ['Organization', OrganizationSchema, w.seed.bodies[1]],
    ['Person', PersonSchema, w.seed.people[0]],
    ['Target', TargetSchema, w.seed.targets[0]],
    ['Team (regression: its name was not normalised)', TeamSchema, w.team],
    ['Visit', VisitSchema, w.visit],
    ['Minutes', MinutesSchema, w.minutes],
    ['Nomination', NominationSchema, w.nomination],
    ['RemediationAction', RemediationActionSchema, w.remediation],
    ['Notification', NotificationSchema, w.notification],
  ];

  it.each(cases)('%s', (subject, schema, value) => {
    const nfd = mapStrings(value, (s) => s.normalize('NFD'));
    expect(nfd).not.toEqual(value);
    expect(validate(schema, nfd, subject)).toEqual(value);
  });

  it('and surrounding whitespace of text fields is trimmed', () => {
    const campaign = w.seed.campaign;
    const parsed = validate(CampaignSchema, { ...campaign, title: `  ${campaign.title.normalize('NFD')}\n`, signer: { ...campaign.signer, fullName: ' Đậu Tùng Lâm ' } });
    expect(parsed.title).toBe(campaign.title);
    expect(parsed.signer.fullName).toBe('Đậu Tùng Lâm');
  });
});
