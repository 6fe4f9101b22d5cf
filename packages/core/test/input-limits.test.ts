import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@pccovid-inspect/core';
import {
  INPUT_LIMITS,
  ChecklistResponseSchema,
  IdSchema,
  MinutesSchema,
  OptionalTextSchema,
  PersonSchema,
  ShortTextSchema,
  TargetSchema,
  TeamSchema,
  TextSchema,
  forbiddenCharacterIn,
  validate,
} from '@pccovid-inspect/core/schemas';
import { haTinh2021Seed } from '@pccovid-inspect/testkit/fixtures';

/** The issues `validate` throws for `input`, or null when it passes. */
function issuesOf(schema: Parameters<typeof validate>[0], input: unknown): { path: (string | number)[]; message: string }[] | null {
  try {
    validate(schema, input, 'test');
    return null;
  } catch (e) {
    expect(ValidationError.isInstance(e)).toBe(true);
    expect((e as ValidationError).code).toBe('VALIDATION_FAILED');
    return (e as ValidationError).issues;
  }
}

const target = () => haTinh2021Seed().targets[0]!;

/** Characters no text may hold, and the U+XXXX the refusal names. */
const FORBIDDEN: [string, string][] = [
  ['\u0000', 'U+0000'],
  ['\u0007', 'U+0007'],
  ['\u001B', 'U+001B'],
  ['\u007F', 'U+007F'],
  ['\u0085', 'U+0085'],
  ['\uD800', 'U+D800'],
  ['\uDFFF', 'U+DFFF'],
  ['\uFFFE', 'U+FFFE'],
  ['\uFFFF', 'U+FFFF'],
];

describe('limits on input', () => {
  it('refuses a 10,000-character target name without spaces at its path, in Vietnamese first', () => {
    const issues = issuesOf(TargetSchema, { ...target(), name: 'A'.repeat(10_000) });
    expect(issues).toEqual([
      { path: ['name'], code: 'too_big', message: expect.stringMatching(/^quá dài: 10\.000 ký tự, tối đa 300 \/ too long: 10000 characters, at most 300$/) as unknown },
    ]);
  });

  it('accepts text at its maximum and refuses one character more, after NFC and trimming', () => {
    const short = INPUT_LIMITS.text.short;
    expect(ShortTextSchema.parse(`  ${'ệ'.repeat(short)}  `)).toHaveLength(short);
    // NFD "ệ" is three code units; NFC makes it one, and the limit counts the NFC form.
    expect(ShortTextSchema.parse('ệ'.normalize('NFD').repeat(short))).toBe('ệ'.repeat(short));
    expect(ShortTextSchema.safeParse('x'.repeat(short + 1)).success).toBe(false);
    expect(TextSchema.parse('đ'.repeat(INPUT_LIMITS.text.long))).toHaveLength(INPUT_LIMITS.text.long);
    expect(TextSchema.safeParse('đ'.repeat(INPUT_LIMITS.text.long + 1)).success).toBe(false);
    expect(OptionalTextSchema.parse('')).toBe('');
    expect(IdSchema.safeParse('a'.repeat(INPUT_LIMITS.text.id + 1)).success).toBe(false);
  });

  it('bounds lists: team members, QR points, minutes requests, evidence, answers', () => {
    const seed = haTinh2021Seed();
    const member = (i: number) => ({ personId: `p-${i}`, role: i === 0 ? 'lead' : 'member', organizationId: 'org', source: 'other', districtCode: null });
    const team = { tenantId: '42', id: 't', campaignId: 'c', name: 'Tổ kiểm tra', members: Array.from({ length: INPUT_LIMITS.lists.teamMembers + 1 }, (_, i) => member(i)) };
    expect(issuesOf(TeamSchema, team)).toEqual([expect.objectContaining({ path: ['members'], code: 'too_big', message: expect.stringContaining('tối đa 100') as unknown })]);
    expect(issuesOf(TeamSchema, { ...team, members: team.members.slice(0, INPUT_LIMITS.lists.teamMembers) })).toBeNull();

    const point = seed.targets.flatMap((t) => t.qrPoints)[0]!;
    const qrPoints = Array.from({ length: INPUT_LIMITS.lists.qrPoints + 1 }, (_, i) => ({ ...point, id: `qr-${i}` }));
    expect(issuesOf(TargetSchema, { ...target(), qrPoints })?.map((i) => i.path)).toEqual([['qrPoints']]);

    const minutes = {
      tenantId: '42',
      id: 'bb',
      visitId: 'v',
      numberSymbol: null,
      startedAt: '2021-12-07T01:30:00.000Z',
      endedAt: '2021-12-07T03:00:00.000Z',
      place: 'Chợ',
      representatives: [{ fullName: 'Nguyễn Thị Mai', position: 'Trưởng ban' }],
      findings: [],
      explanation: null,
      assessment: 'Đạt',
      requests: Array.from({ length: INPUT_LIMITS.lists.requests + 1 }, () => ({ text: 'Niêm yết mã QR', dueOn: '2021-12-20' })),
      signatures: { unitRepresentative: null, teamLead: null },
      refusal: null,
    };
    expect(issuesOf(MinutesSchema, minutes)?.map((i) => i.path)).toEqual([['requests']]);

    const evidence = Array.from({ length: INPUT_LIMITS.lists.evidence + 1 }, (_, i) => ({ kind: 'count', id: `e-${i}`, what: 'Lượt quét', value: 1 }));
    const response = { templateId: 'pc-covid', templateVersion: '1', targetId: 'tg', visitId: 'v', answers: { a: { answer: 'met', fields: {}, evidence } } };
    expect(issuesOf(ChecklistResponseSchema, response)?.map((i) => i.path)).toEqual([['answers', 'a', 'evidence']]);
    const answers = Object.fromEntries(Array.from({ length: INPUT_LIMITS.lists.answers + 1 }, (_, i) => [`i-${i}`, { answer: 'met', fields: {}, evidence: [] }]));
    expect(issuesOf(ChecklistResponseSchema, { ...response, answers })?.map((i) => i.path)).toEqual([['answers']]);
  });

  it('still accepts every seed fixture', () => {
    const seed = haTinh2021Seed();
    for (const t of seed.targets) expect(issuesOf(TargetSchema, t)).toBeNull();
    for (const p of seed.people) expect(issuesOf(PersonSchema, p)).toBeNull();
  });
});

describe('characters text may not hold', () => {
  it.each(FORBIDDEN)('refuses %j in a name, naming %s and the path', (ch, code) => {
    const issues = issuesOf(TargetSchema, { ...target(), name: `Chợ ${ch}Hà Tĩnh` });
    expect(issues).toHaveLength(1);
    expect(issues![0]!.path).toEqual(['name']);
    expect(issues![0]!.message).toContain(code);
    expect(issues![0]!.message).toMatch(/^(ký tự|nửa cặp)/);
  });

  it('allows tab, LF and CR in free text but not in one-line text', () => {
    expect(TextSchema.parse('Dòng 1\r\nDòng 2\tcột')).toBe('Dòng 1\r\nDòng 2\tcột');
    for (const [ch, code] of [
      ['\t', 'U+0009'],
      ['\n', 'U+000A'],
      ['\r', 'U+000D'],
    ] as const) {
      const issues = issuesOf(PersonSchema, { ...haTinh2021Seed().people[0]!, fullName: `Nguyễn${ch}Văn A` });
      expect(issues).toEqual([{ path: ['fullName'], code: 'custom', message: expect.stringContaining(`${code} không được phép trong văn bản một dòng`) as unknown }]);
    }
  });

  it('keeps a well-formed pair of surrogates (an emoji, a CJK extension character)', () => {
    expect(ShortTextSchema.parse('Chợ 😷 𠀀')).toBe('Chợ 😷 𠀀');
  });

  it('refuses any string holding a control character, an unpaired surrogate or U+FFFE/U+FFFF, whatever surrounds it', () => {
    const bad = fc.oneof(
      fc.integer({ min: 0x00, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
      fc.integer({ min: 0x7f, max: 0x9f }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.constantFrom(0xfffe, 0xffff),
    );
    // Surrounding text that is itself clean (so the refusal can only be for the one character) and
    // holds no surrogates (so a lone one cannot pair with it).
    const around = fc
      .string({ unit: 'grapheme', maxLength: 20 })
      .map((s) => s.replace(/[\uD800-\uDFFF]/g, ''))
      .filter((s) => forbiddenCharacterIn(s, { multiline: false }) === null);
    fc.assert(
      fc.property(around, bad, around, (before, code, after) => {
        const text = `x${before}${String.fromCharCode(code)}${after}x`;
        for (const schema of [ShortTextSchema, TextSchema, OptionalTextSchema]) {
          const result = schema.safeParse(text);
          if (result.success) return false;
          const hexCode = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
          // The first offending character is named; ours is the only one.
          if (!result.error.issues.some((i) => i.message.includes(hexCode))) return false;
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it('accepts any string within limits that holds no such character, NFC-normalised and trimmed', () => {
    const clean = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 200 })
      .filter((s) => forbiddenCharacterIn(s.normalize('NFC'), { multiline: true }) === null && s.normalize('NFC').trim().length > 0);
    fc.assert(
      fc.property(clean, (s) => {
        const parsed = TextSchema.parse(s);
        return parsed === s.normalize('NFC').trim() && parsed === parsed.normalize('NFC');
      }),
      { numRuns: 400 },
    );
    const oneLine = clean.filter((s) => forbiddenCharacterIn(s, { multiline: false }) === null && s.normalize('NFC').trim().length <= INPUT_LIMITS.text.short);
    fc.assert(fc.property(oneLine, (s) => ShortTextSchema.parse(s) === s.normalize('NFC').trim()));
  });
});
