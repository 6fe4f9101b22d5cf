import { describe, expect, it } from 'vitest';
import { VisitPacketSchema, validateChecklistResponse, type ChecklistItemResponse } from '@pccovid-inspect/core';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { A, createHarness, snapshotStorage } from './harness.js';

const health = { role: 'teamMember', id: 'p-health' } as const; // on v-hospital's team

describe('offline visit packets', () => {
  it('exports what one visit needs — and nothing of other units, no contacts — to its team only', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const packet = VisitPacketSchema.parse(await h.service.exportVisitPacket(health, { visitId: 'v-hospital' }));
    expect(packet.visit).toMatchObject({ id: 'v-hospital', targetId: 'tg-bv-tinh', state: 'planned', startedAt: null });
    expect(packet.target.id).toBe('tg-bv-tinh');
    expect(JSON.stringify(packet)).not.toMatch(/representativePersonId|rep-tg|"contact"|"phone"|"email"/);
    expect(JSON.stringify(packet)).not.toContain('tg-cho-ht');
    expect(packet.template.sections.length).toBeGreaterThan(0);
    await expect(h.service.exportVisitPacket(A.secretary, { visitId: 'v-hospital' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.service.exportVisitPacket(A.hospital, { visitId: 'v-hospital' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('applies a visit started and answered offline, checked on the device by core with the packet template', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const packet = VisitPacketSchema.parse(await h.service.exportVisitPacket(health, { visitId: 'v-hospital' }));
    // On the device, offline: the same core checks the answers against the packet's template.
    const answers = pcCovidAnswers('compliant', '2021-12-08');
    const offline = validateChecklistResponse(
      packet.template,
      { templateId: packet.template.id, templateVersion: packet.template.version, targetId: packet.target.id, visitId: packet.visit.id, answers },
      { allowUnanswered: false },
    );
    expect(offline.evaluation.unit.verdict).toBe('compliant');
    const merged = await h.service.mergeVisitPacket(health, {
      visitId: 'v-hospital',
      baseVersion: packet.visit.version,
      base: {},
      answers,
      startedAt: '2021-12-08T01:30:00.000Z',
      complete: true,
    });
    expect(merged).toMatchObject({ state: 'answered', verdict: 'compliant', conflicts: [], completed: true });
    expect(await h.service.getVisit(A.lead, { visitId: 'v-hospital' })).toMatchObject({ startedAt: '2021-12-08T01:30:00.000Z', state: 'answered' });
    expect(await h.service.verifyAudit(A.director, {})).toMatchObject({ ok: true });
  });

  it('reports every item changed on the server meanwhile, applies the rest, and overwrites nothing', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    await h.service.startVisit(A.lead, { visitId: 'v-hospital' });
    const all = pcCovidAnswers('compliant', '2021-12-08');
    const [first, second, third] = Object.keys(all) as [string, string, string];
    await h.service.recordAnswers(A.lead, { visitId: 'v-hospital', answers: { [first]: all[first]!, [second]: all[second]! } });
    const packet = VisitPacketSchema.parse(await h.service.exportVisitPacket(health, { visitId: 'v-hospital' }));
    // Meanwhile on the server, the lead changes the first item.
    const serverChange: ChecklistItemResponse = { ...all[first]!, note: 'Sửa trên máy chủ / changed on the server' };
    await h.service.recordAnswers(A.lead, { visitId: 'v-hospital', answers: { [first]: serverChange } });
    const deviceFirst: ChecklistItemResponse = { ...all[first]!, note: 'Ghi trên thiết bị / recorded on the device' };
    const r = await h.service.mergeVisitPacket(health, {
      visitId: 'v-hospital',
      baseVersion: packet.visit.version,
      base: { [first]: packet.answers[first]!, [second]: packet.answers[second]!, [third]: null },
      answers: { [first]: deviceFirst, [second]: all[second]!, [third]: all[third]! },
      complete: true,
    });
    expect(r.conflicts).toEqual([{ itemId: first, base: packet.answers[first], server: serverChange, device: deviceFirst }]);
    expect(r.applied).toEqual([third]);
    expect(r.skipped).toEqual([second]);
    expect(r.completed).toBe(false);
    const now = await h.service.exportVisitPacket(A.lead, { visitId: 'v-hospital' });
    expect(now.answers[first]?.note).toBe(serverChange.note);
    expect(now.answers[third]).toEqual(all[third]);
  });

  it('refuses bad input and strangers, and changes nothing', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const before = await snapshotStorage(h.storage);
    await expect(h.service.mergeVisitPacket(health, { visitId: 'v-hospital', baseVersion: 0, base: {}, answers: {} })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(h.service.mergeVisitPacket(A.member, { visitId: 'v-hospital', baseVersion: 1, base: {}, answers: pcCovidAnswers('compliant') })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Answers to a visit never started, without a start time: the lifecycle refuses them.
    await expect(h.service.mergeVisitPacket(health, { visitId: 'v-hospital', baseVersion: 1, base: {}, answers: pcCovidAnswers('compliant') })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(await snapshotStorage(h.storage)).toBe(before);
  });
});
