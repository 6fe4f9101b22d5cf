import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AuditEventSchema,
  CampaignSchema,
  DocumentNumberSchema,
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
  validate,
} from '@pccovid-inspect/core/schemas';
import type { Minutes } from '@pccovid-inspect/core';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';
import { issuePaths, mapStrings, seedWorld } from './seed-world.js';

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
    const m: Minutes = {
      ...w.minutes,
      signatures: { unitRepresentative: null, teamLead: { signedAt: '2021-12-07T03:00:00.000Z' } },
      refusal: { reason: 'Đại diện đơn vị từ chối ký', recordedAt: '2021-12-07T03:05:00.000Z' },
    };
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
