import { describe, expect, it } from 'vitest';
import { resolveActor, type RoleGrant } from '@pccovid-inspect/core';

const grants: RoleGrant[] = [
  { personId: 'p-lead', role: 'inspectorateLead' },
  { personId: 'p-health', role: 'teamMember' },
  { personId: 'p-health', role: 'healthRepresentative' },
  { personId: 'p-vhtt-436', role: 'districtRepresentative', districtCode: '436' },
  { personId: 'rep-cho', role: 'targetRepresentative', targetId: 'tg-cho-ht' },
  { personId: 'p-broken', role: 'districtRepresentative' },
];
const resolve =
  (personId: string, role?: RoleGrant['role'], tenantId = '42') =>
  () =>
    resolveActor({ personId, tenantId }, { tenantId: '42', grants, role });

describe('resolveActor: a verified identity to an actor, from the province grants', () => {
  it('gives the granted role, with its district or unit', () => {
    expect(resolve('p-lead')()).toEqual({ role: 'inspectorateLead', id: 'p-lead' });
    expect(resolve('p-vhtt-436')()).toEqual({ role: 'districtRepresentative', id: 'p-vhtt-436', districtCode: '436' });
    expect(resolve('rep-cho')()).toEqual({ role: 'targetRepresentative', id: 'rep-cho', targetId: 'tg-cho-ht' });
    expect(resolve('p-health', 'teamMember')()).toEqual({ role: 'teamMember', id: 'p-health' });
  });

  it('refuses another province, an ungranted person or role, and an ambiguous choice with FORBIDDEN', () => {
    expect(resolve('p-lead', undefined, '40')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(resolve('p-stranger')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(resolve('p-lead', 'director')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(resolve('p-health')).toThrow(/several roles/);
  });

  it('refuses a grant that lacks its district (VALIDATION_FAILED on the grant) and a malformed identity', () => {
    expect(resolve('p-broken')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', subject: 'RoleGrant' }));
    expect(() => resolveActor(null as never, { tenantId: '42', grants })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
