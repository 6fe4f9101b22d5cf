import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '@pccovid-inspect/storage-sqlite';
import { extractDocxText, extractPdfText } from '@pccovid-inspect/testkit/renderer';
import { runRound, ACTORS } from '../src/round.js';
import { writeDocuments } from '../src/write-documents.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the Hà Tĩnh 2021 round (main job) on a real SQLite file', () => {
  it('runs every step to a closed campaign, and the file holds it after reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcci-round-'));
    dirs.push(dir);
    const file = join(dir, 'round.db');
    const steps: string[] = [];
    const storage = createSqliteStorage({ filename: file });
    const { service, campaignId, visitIds, remediationIds, messages } = await runRound(storage, (vi, _en, result) => steps.push(`${vi} → ${result}`));
    expect(visitIds).toHaveLength(8);
    expect(remediationIds).toHaveLength(2);
    expect(steps.at(-2)).toContain('closed');
    // Every message went out: letters to bodies as documents, the rest to the call sheet; none dead or held.
    expect(steps.filter((s) => s.startsWith('Gửi thông báo')).every((s) => /retrying=0 held=0 dead=0$/.test(s))).toBe(true);
    expect(messages.join('\n')).toContain('Đề nghị bố trí');
    const outbox = await service.listMessages(ACTORS.director, { limit: 1000 });
    expect(outbox.length).toBeGreaterThan(20);
    expect(outbox.filter((m) => m.status !== 'sent')).toEqual([]);
    expect(new Set(outbox.map((m) => m.channel))).toEqual(new Set(['document', 'manual']));
    const overview = await service.getCampaignOverview(ACTORS.viewer, { campaignId });
    expect(overview).toMatchObject({ state: 'closed', nominations: { total: 4, late: 1 }, remediation: { byState: { resolved: 1, sanctionProposed: 1 } } });
    expect(overview.visits.byState).toEqual({ closed: 8 });
    await storage.dispose();

    const reopened = createSqliteStorage({ filename: file });
    const stored = await reopened.get('campaigns', '42', campaignId);
    expect(stored?.version).toBeGreaterThan(10);
    expect((await reopened.readAudit('42', { limit: 1000 })).length).toBeGreaterThan(60);
    await reopened.dispose();
  }, 120_000); // a whole round on a real SQLite file
});

describe('the documents of the round', () => {
  it('writes every document as PDF and DOCX, with the seed plan wording in the plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcci-docs-'));
    dirs.push(dir);
    const storage = createSqliteStorage({ filename: join(dir, 'round.db') });
    const { service, campaignId } = await runRound(storage, () => {});
    const files = await writeDocuments(service, campaignId, dir);
    const stems = files.map((f) => f.split('/').pop());
    // plan, decision, 8 minutes, the call sheet, report, 8 notices, 5 reminders, 1 sanction proposal — each as .pdf and .docx
    expect(stems).toHaveLength(2 * (1 + 1 + 8 + 1 + 1 + 8 + 5 + 1));
    expect(stems).toContain('CV-de-nghi-xu-ly-remediation-04.pdf');
    expect(stems).toContain('KH-ke-hoach.pdf');
    expect(stems).toContain('BB-visit-03.docx');
    const pdf = readFileSync(join(dir, 'KH-ke-hoach.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await extractPdfText(new Uint8Array(pdf))).text.replace(/\s+/g, ' ');
    for (const line of ['KẾ HOẠCH', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Đậu Tùng Lâm', 'Số: 01/KH-STTTT', '7641/UBND-VX1', 'Hình thức kiểm tra: Đột xuất']) {
      expect(text).toContain(line);
    }
    const minutes = (await extractDocxText(new Uint8Array(readFileSync(join(dir, 'BB-visit-03.docx'))))).replace(/\s+/g, ' ');
    expect(minutes).toContain('Bệnh viện Đa khoa tỉnh Hà Tĩnh');
    expect(minutes).toContain('từ chối ký');
    expect(minutes).toContain('Số: 03/BB-TKT');
    expect(minutes).toContain('NGƯỜI CHỨNG KIẾN');
    const proposal = (await extractPdfText(new Uint8Array(readFileSync(join(dir, 'CV-de-nghi-xu-ly-remediation-04.pdf'))))).text.replace(/\s+/g, ' ');
    expect(proposal).toContain('Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP');
    expect(proposal).toContain('Kính gửi: Chủ tịch UBND thành phố Hà Tĩnh.');
    if (process.env.PCCI_DOCS_OUT) for (const f of files) writeFileSync(join(process.env.PCCI_DOCS_OUT, f.split('/').pop()!), readFileSync(f));
    await storage.dispose();
  }, 180_000);
});
