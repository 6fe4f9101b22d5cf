import { describe, expect, it } from 'vitest';
import {
  AuditEventSchema,
  CampaignSchema,
  MinutesSchema,
  NominationRequestSchema,
  NotificationSchema,
  PersonSchema,
  TargetSchema,
  TeamSchema,
  VisitSchema,
  validate,
} from '@pccovid-inspect/core/schemas';
import { ValidationError } from '@pccovid-inspect/core';
import { issuePaths, seedWorld } from './seed-world.js';

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
