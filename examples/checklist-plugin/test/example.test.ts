import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { evaluateChecklist, PC_COVID_CHECKLIST_V1, type ChecklistResponse } from '@pccovid-inspect/core';
import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
import { pcCovidAnswers } from '@pccovid-inspect/testkit/fixtures';
import { haTinhMarketsPlugin, MARKETS_TEMPLATE, MARKET_GUIDE_ITEM } from '../src/market-guide-plugin.js';
import { ACTORS, D1_ANSWERS, runMarketRound, verdictLines } from '../src/round.js';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('the ha-tinh-markets plugin', () => {
  it('derives pc-covid-ii1@1+ha-tinh-markets@1 with section d and item d1, leaving v1 as it was', () => {
    expect(MARKETS_TEMPLATE.version).toBe('1+ha-tinh-markets@1');
    expect(MARKETS_TEMPLATE.plugins).toEqual([{ id: 'ha-tinh-markets', version: '1' }]);
    expect(MARKETS_TEMPLATE.sections.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(MARKETS_TEMPLATE.sections[3]!.items.map((i) => i.id)).toEqual([MARKET_GUIDE_ITEM]);
    expect(PC_COVID_CHECKLIST_V1.sections.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('the custom rule: not met needs a photo or a note; met needs nothing', () => {
    const response = (d1: ChecklistResponse['answers'][string]): ChecklistResponse => ({
      templateId: MARKETS_TEMPLATE.id,
      templateVersion: MARKETS_TEMPLATE.version,
      targetId: 'tg-cho-ht',
      visitId: 'v-1',
      answers: { ...pcCovidAnswers('compliant'), d1 },
    });
    const d1Of = (d1: ChecklistResponse['answers'][string]) =>
      evaluateChecklist(MARKETS_TEMPLATE, response(d1), { plugins: [haTinhMarketsPlugin] }).items.find((i) => i.itemId === 'd1')!;
    expect(d1Of(D1_ANSWERS.met)).toMatchObject({ verdict: 'met', violations: [] });
    expect(d1Of(D1_ANSWERS.notMet)).toMatchObject({ verdict: 'not_met', violations: [] });
    expect(d1Of({ ...D1_ANSWERS.notMetBare, evidence: D1_ANSWERS.notMet.evidence })).toMatchObject({ verdict: 'not_met', violations: [] }); // a photo alone
    expect(d1Of({ ...D1_ANSWERS.notMetBare, note: 'Không có người hướng dẫn' })).toMatchObject({ verdict: 'not_met', violations: [] });
    expect(d1Of({ ...D1_ANSWERS.notMetBare, note: '   ' }).verdict).toBe('invalid');
    expect(d1Of(D1_ANSWERS.notMetBare)).toMatchObject({
      verdict: 'invalid',
      violations: [
        {
          rule: 'ha-tinh-markets:photoOrNote',
          messageVi: 'Chưa đạt phải kèm ảnh chụp hoặc ghi chú.',
          messageEn: 'A not-met answer needs a photo or a note.',
          path: ['answers', 'd1', 'note'],
        },
      ],
    });
  });
});

describe('a round with the plugin (service, memory storage)', () => {
  it('shows d1 in the evaluation; met, the market is compliant', async () => {
    const round = await runMarketRound(createMemoryStorage(), D1_ANSWERS.met);
    expect(round.service.templates.map((t) => `${t.id}@${t.version}`)).toEqual(['pc-covid-ii1@1', 'pc-covid-ii1@1+ha-tinh-markets@1']);
    expect(round.template).toEqual(MARKETS_TEMPLATE);
    expect(round.evaluation.items.find((i) => i.itemId === 'd1')).toMatchObject({ sectionId: 'd', answer: 'met', verdict: 'met' });
    expect(round.verdict).toBe('compliant');
    expect(round.evaluation.unit.verdict).toBe('compliant');
    expect(await round.service.getVisit(ACTORS.viewer, { visitId: round.visitId })).toMatchObject({ state: 'minutesSigned', verdict: 'compliant' });
  }, 60_000);

  it('not met (photo and note), d1 alone turns the market non-compliant', async () => {
    const round = await runMarketRound(createMemoryStorage(), D1_ANSWERS.notMet);
    expect(round.verdict).toBe('non_compliant');
    expect(round.evaluation.items.filter((i) => i.verdict !== 'met').map((i) => [i.itemId, i.verdict])).toEqual([['d1', 'not_met']]);
    expect(round.evaluation.unit.reasons.map((r) => r.itemId)).toContain('d1');
    const lines = verdictLines(round.template, round.evaluation);
    expect(lines).toContain('   d1  Chưa đạt / Not met  — Ban quản lý chợ bố trí nhân viên hướng dẫn người dân quét mã QR tại lối vào chợ');
    expect(lines).toContain('Kết luận / Verdict: Chưa đạt yêu cầu / Non-compliant');
    const minutes = JSON.stringify(await round.service.getDocument(ACTORS.director, { kind: 'minutes', visitId: round.visitId }));
    expect(minutes).toContain('hướng dẫn người dân quét mã QR tại lối vào chợ');
  }, 60_000);

  it('not met with neither a photo nor a note is refused by the plugin rule', async () => {
    await expect(runMarketRound(createMemoryStorage(), D1_ANSWERS.notMetBare)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: ['answers', 'd1', 'note'], code: 'ha-tinh-markets:photoOrNote' }],
    });
  }, 60_000);
});

describe('src/main.ts', () => {
  it('runs, prints every item bilingually with d1 not met, and exits 0', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: exampleDir, encoding: 'utf8' });
    expect(stdout).toContain('Mẫu / Template: pc-covid-ii1@1+ha-tinh-markets@1');
    expect(stdout).toContain('Các mẫu của dịch vụ / Service templates: pc-covid-ii1@1, pc-covid-ii1@1+ha-tinh-markets@1');
    for (const id of ['a1', 'a2', 'b1', 'b2', 'b3', 'b4', 'c1', 'c2']) expect(stdout).toMatch(new RegExp(`^ {3}${id} {2}Đạt / Met`, 'm'));
    expect(stdout).toMatch(/^ {3}d1 {2}Chưa đạt \/ Not met/m);
    expect(stdout).toContain('Kết luận / Verdict: Chưa đạt yêu cầu / Non-compliant');
    expect(stdout).toContain('kết luận đã ghi / recorded verdict: non_compliant');
  }, 120_000); // spawns Node with tsx: seconds on a loaded machine
});
