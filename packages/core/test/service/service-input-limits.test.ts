import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { INPUT_LIMITS } from '@pccovid-inspect/core/schemas';
import { A, createHarness, snapshotStorage } from './harness.js';

type Harness = ReturnType<typeof createHarness>;
type Failure = { code: string; subject: string; issues: { path: (string | number)[]; code: string; message: string }[]; messageVi: string };
/** The service as an untyped caller (JavaScript, JSON over HTTP) reaches it. */
const untyped = (h: Harness) => h.service as unknown as Record<string, (actor: unknown, input?: unknown) => Promise<unknown>>;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as Failure,
  );

/** Runs `call`, expects VALIDATION_FAILED with an issue at `path` whose message contains `says`, and storage unchanged. */
async function refused(h: Harness, call: () => Promise<unknown>, path: (string | number)[], says: string | RegExp): Promise<Failure> {
  const before = await snapshotStorage(h.storage);
  const error = await failure(call());
  expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
  expect(error!.issues).toEqual(
    expect.arrayContaining([expect.objectContaining({ path, message: (typeof says === 'string' ? expect.stringContaining(says) : expect.stringMatching(says)) as unknown })]),
  );
  expect(await snapshotStorage(h.storage)).toBe(before);
  return error!;
}

const drafted = (visitId: string, more: Record<string, unknown> = {}) => ({
  visitId,
  endedAt: '2021-12-07T03:00:00.000Z',
  place: 'Chợ',
  representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Trưởng ban' }],
  assessment: 'Chưa đạt',
  ...more,
});

describe('limits on input, through the service', () => {
  it('refuses a 10,000-character target name without spaces (the PDF took 56 s), Vietnamese first, and changes nothing', async () => {
    const h = createHarness();
    await h.steps.teamFormed();
    const target = { ...h.seed.targets[0]!, name: 'A'.repeat(10_000) };
    const error = await refused(h, () => h.service.registerTarget(A.lead, { target }), ['target', 'name'], /^quá dài: 10\.000 ký tự, tối đa 300 \/ too long/);
    expect(error.messageVi).toContain('(target.name)');
    expect(error.messageVi).toContain('quá dài');
    // At the limit it is accepted.
    await h.service.registerTarget(A.lead, { target: { ...target, name: 'A'.repeat(INPUT_LIMITS.text.short) } });
  });

  it('refuses lists over their maximum at the list: team members, minutes requests, evidence, directory', async () => {
    const h = createHarness();
    await h.steps.nominating();
    const members = Array.from({ length: INPUT_LIMITS.lists.teamMembers + 1 }, (_, i) => ({
      personId: `p-extra-${i}`,
      role: i === 0 ? 'lead' : 'member',
      organizationId: 'org-stttt',
      source: 'other',
      districtCode: null,
    }));
    await refused(h, () => untyped(h).formTeam!(A.director, { campaignId: h.campaignId, name: 'Tổ kiểm tra', members, decidedOn: '2021-12-01' }), ['members'], 'tối đa 100');
    const people = Array.from({ length: INPUT_LIMITS.lists.directory + 1 }, (_, i) => ({ ...h.seed.people[0]!, id: `p-many-${i}` }));
    await refused(h, () => h.service.registerDirectory(A.director, { people }), ['people'], 'tối đa 5.000');

    const s = createHarness();
    await s.steps.scheduled();
    s.clock.set('2021-12-07T01:30:00.000Z');
    await s.service.startVisit(A.lead, { visitId: 'v-market' });
    const answers = pcCovidAnswers('legacyQrPosted', '2021-12-07');
    const [itemId, answer] = Object.entries(answers)[0]!;
    const evidence = Array.from({ length: INPUT_LIMITS.lists.evidence + 1 }, (_, i) => ({ kind: 'count', id: `e-${i}`, what: 'Lượt quét mã', value: i }));
    await refused(
      s,
      () => untyped(s).recordAnswers!(A.lead, { visitId: 'v-market', answers: { [itemId]: { ...answer, evidence } } }),
      ['answers', itemId, 'evidence'],
      'tối đa 50',
    );
    await s.service.recordAnswers(A.lead, { visitId: 'v-market', answers, complete: true });
    const requests = Array.from({ length: INPUT_LIMITS.lists.requests + 1 }, () => ({ text: 'Niêm yết mã QR PC-Covid', dueOn: '2021-12-20' }));
    await refused(s, () => s.service.draftMinutes(A.lead, drafted('v-market', { requests })), ['requests'], 'tối đa 100');
  });
});

describe('characters text may not hold, through the service', () => {
  it('refuses NUL, an unpaired surrogate, U+FFFE and a line break in a name, each named as U+XXXX at its path', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    await refused(h, () => h.service.cancelVisit(A.lead, { visitId: 'v-school', reason: 'Hoãn\u0000' }), ['reason'], 'U+0000');
    await refused(h, () => h.service.registerDirectory(A.director, { people: [{ ...h.seed.people[0]!, fullName: 'Nguyễn\nVăn A' }] }), ['people', 0, 'fullName'], 'U+000A');
    h.clock.set('2021-12-07T01:30:00.000Z');
    await h.service.startVisit(A.lead, { visitId: 'v-market' });
    await h.service.recordAnswers(A.lead, { visitId: 'v-market', answers: pcCovidAnswers('compliant'), complete: true });
    await refused(h, () => h.service.draftMinutes(A.lead, drafted('v-market', { assessment: 'Đạt \uD83D' })), ['assessment'], 'U+D83D');
    await refused(h, () => h.service.draftMinutes(A.lead, drafted('v-market', { place: 'Chợ\uFFFE' })), ['place'], 'U+FFFE');
    // Multi-line free text keeps its line breaks.
    await h.service.draftMinutes(A.lead, drafted('v-market', { assessment: 'Đạt.\nĐơn vị đã niêm yết mã QR.' }));
  });

  it('refuses any reason holding a control character or a lone surrogate, and never changes storage', async () => {
    const h = createHarness();
    await h.steps.scheduled();
    const before = await snapshotStorage(h.storage);
    const bad = fc.oneof(
      fc.integer({ min: 0x00, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
      fc.integer({ min: 0x7f, max: 0x9f }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.constantFrom(0xfffe, 0xffff),
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 10 }), bad, async (text, code) => {
        const error = await failure(h.service.cancelVisit(A.lead, { visitId: 'v-school', reason: `Hoãn ${text.replace(/[^\p{L} ]/gu, '')}${String.fromCharCode(code)}.` }));
        expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
        expect(error!.issues[0]).toMatchObject({ path: ['reason'], message: expect.stringContaining(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`) as unknown });
      }),
      { numRuns: 60 },
    );
    expect(await snapshotStorage(h.storage)).toBe(before);
  });
});
