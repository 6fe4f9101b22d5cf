import { describe, expect, it } from 'vitest';
import { A, createHarness, snapshotStorage } from './harness.js';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';

/**
 * Actors are bound to facts: a command on a visit is done by someone on that visit's team. Found
 * from outside: a stranger recorded answers, and a secretary not assigned to the visit started it.
 */
describe('a command on a visit needs the person on its team', () => {
  it('refuses an unassigned secretary starting a visit, and a member of another visit recording answers; nothing changes', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    // v-hospital's team: the lead, the Health nominee and the 436 partner — not the secretary, not the IT member.
    const before = await snapshotStorage(h.storage);
    await expect(h.service.startVisit(A.secretary, { visitId: 'v-hospital' })).rejects.toMatchObject({ code: 'FORBIDDEN', action: 'visit.start' });
    expect(await snapshotStorage(h.storage)).toBe(before);
    await h.service.startVisit(A.lead, { visitId: 'v-hospital' });
    const started = await snapshotStorage(h.storage);
    const stranger = { role: 'teamMember', id: 'p-it' } as const; // on v-school's team only
    await expect(h.service.recordAnswers(stranger, { visitId: 'v-hospital', answers: pcCovidAnswers('compliant', '2021-12-08') })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const nobody = { role: 'teamMember', id: 'p-khong-co' } as const; // a person of no team at all
    await expect(h.service.recordAnswers(nobody, { visitId: 'v-hospital', answers: pcCovidAnswers('compliant', '2021-12-08') })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const minutes = { visitId: 'v-hospital', place: 'Bệnh viện', representatives: [{ fullName: 'Trần Văn Bình', position: 'Phó Giám đốc' }], assessment: 'Đạt' };
    await expect(h.service.draftMinutes(A.secretary, minutes)).rejects.toMatchObject({ code: 'FORBIDDEN', action: 'minutes.draft' });
    expect(await snapshotStorage(h.storage)).toBe(started);
  });

  it('lets the visit team and the campaign leadership act', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const health = { role: 'teamMember', id: 'p-health' } as const;
    await expect(h.service.startVisit(health, { visitId: 'v-hospital' })).resolves.toMatchObject({ state: 'underway' });
    await expect(h.service.recordAnswers(health, { visitId: 'v-hospital', answers: pcCovidAnswers('compliant', '2021-12-08') })).resolves.toMatchObject({
      state: 'underway',
    });
    await expect(h.service.startVisit(A.secretary, { visitId: 'v-market' })).resolves.toMatchObject({ state: 'underway' });
    await expect(h.service.startVisit(A.lead, { visitId: 'v-school' })).resolves.toMatchObject({ state: 'underway' }); // the Chief Inspector covers every visit
  });
});
