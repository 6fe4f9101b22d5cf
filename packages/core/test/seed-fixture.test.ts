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
  VisitSchema,
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
import { issuePaths, mapStrings, seedWorld } from './seed-world.js';

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
