/**
 * The content of every document of the round, read as a clerk would: every date consistent with
 * the others (deadlines after the letter that sets them, each step after the deadline before it,
 * the report's period the days actually visited), and each failing unit's documents naming its
 * own defects with its own figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '@pccovid-inspect/storage-memory';
import { officialDocumentPlainText, type OfficialDocument } from '@pccovid-inspect/core/documents';
import type { DocumentListing } from '@pccovid-inspect/core';
import { HA_TINH_2021_UNIT_PROFILES, haTinh2021Seed, unitAnswers } from '@pccovid-inspect/testkit/fixtures';
import { ACTORS, MARKET_REMINDERS, REPORT_DAY, SANCTION_DAY, runRound } from '../src/round.js';

interface Built {
  listing: DocumentListing;
  doc: OfficialDocument;
  text: string;
}

const toIso = (dmy: string) => {
  const [d, m, y] = dmy.split('/');
  return `${y}-${m}-${d}`;
};
/** Every "dd/mm/yyyy" after "trước ngày" (a deadline) in a text. */
const deadlinesIn = (text: string) => [...text.matchAll(/trước ngày (\d{2}\/\d{2}\/\d{4})/gu)].map((m) => toIso(m[1]!));
/** The text of the minutes' findings part (I.), up to part II. */
const findingsPart = (text: string) => text.slice(text.indexOf('I. KẾT QUẢ KIỂM TRA'), text.indexOf('II. Ý KIẾN GIẢI TRÌNH'));

let docs: Built[] = [];
let visitDays: Map<string, string>;
const seed = haTinh2021Seed();

beforeAll(async () => {
  const storage = createMemoryStorage();
  const { service, campaignId, visitIds } = await runRound(storage, () => {});
  docs = [];
  for (const listing of await service.listDocuments(ACTORS.director, { campaignId })) {
    const doc = await service.getDocument(ACTORS.director, listing.ref);
    docs.push({ listing, doc, text: officialDocumentPlainText(doc).join('\n') });
  }
  // PCCI_DUMP_TEXT=<dir> keeps each document's text for reading.
  const dump = process.env.PCCI_DUMP_TEXT;
  if (dump) for (const d of docs) writeFileSync(join(dump, `${d.listing.fileStem}.txt`), d.text);
  visitDays = new Map();
  for (const id of visitIds) {
    const overview = await service.getDocument(ACTORS.director, { kind: 'minutes', visitId: id });
    const start = officialDocumentPlainText(overview).find((l) => l.startsWith('Thời gian bắt đầu'))!;
    const m = /ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})/u.exec(start)!;
    visitDays.set(id, `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]}`);
  }
}, 120_000);

const byKind = (kind: string) => docs.filter((d) => d.listing.ref.kind === kind);
const dateOf = (d: Built) => d.doc.header.placeAndDate?.date ?? null;
const minutesOf = (visitId: string) => docs.find((d) => d.listing.ref.kind === 'minutes' && 'visitId' in d.listing.ref && d.listing.ref.visitId === visitId)!;
const noticeOf = (visitId: string) => docs.find((d) => d.listing.ref.kind === 'notice' && 'visitId' in d.listing.ref && d.listing.ref.visitId === visitId)!;
const remindersOf = (remediationId: string) =>
  docs.filter((d) => d.listing.ref.kind === 'reminder' && 'remediationId' in d.listing.ref && d.listing.ref.remediationId === remediationId);

describe('every date of every document of the round is consistent', () => {
  it('has the 26 documents of the round (the call sheet among them), each dated except the minutes', () => {
    expect(docs).toHaveLength(26);
    expect(byKind('callSheet')).toHaveLength(1);
    for (const d of docs) if (d.doc.kind !== 'BB') expect(dateOf(d), d.listing.fileStem).not.toBeNull();
  });

  it('sets every deadline after the date of the document that sets it', () => {
    // The call sheet only quotes the letters it phones about (their deadlines included).
    for (const d of docs.filter((x) => x.doc.kind !== 'DS')) {
      const issued = d.doc.kind === 'BB' ? visitDays.get((d.listing.ref as { visitId: string }).visitId)! : dateOf(d)!;
      const quoted = d.doc.kind === 'CV' ? deadlinesIn(d.text.slice(d.text.indexOf('Thời hạn hoàn thành'))) : deadlinesIn(d.text);
      for (const deadline of quoted) expect(deadline > issued, `${d.listing.fileStem}: deadline ${deadline} is not after ${issued}`).toBe(true);
    }
  });

  it('dates each letter after the deadline given before it, and the sanction proposal after the last', () => {
    const market = remindersOf('remediation-04');
    expect(market.map(dateOf)).toEqual([...MARKET_REMINDERS]);
    const notice = noticeOf('visit-04');
    let previous = deadlinesIn(notice.text).sort().at(-1)!;
    for (const letter of market) {
      expect(dateOf(letter)! > previous, `${letter.listing.fileStem} dated ${dateOf(letter)} before ${previous}`).toBe(true);
      previous = deadlinesIn(letter.text.slice(letter.text.indexOf('Thời hạn hoàn thành')))[0]!;
    }
    const proposal = byKind('sanctionProposal')[0]!;
    expect(dateOf(proposal)).toBe(SANCTION_DAY);
    expect(SANCTION_DAY > previous).toBe(true);
  });

  it('dates the notices and the report after every visit, and the report covers exactly the days visited', () => {
    const days = [...new Set(visitDays.values())].sort();
    for (const n of byKind('notice')) expect(dateOf(n)).toBe(REPORT_DAY);
    const report = byKind('report')[0]!;
    expect(dateOf(report)).toBe(REPORT_DAY);
    expect(days.at(-1)! < REPORT_DAY).toBe(true);
    const fmt = (iso: string) => iso.split('-').reverse().join('/');
    expect(report.text).toContain(`Từ ngày ${fmt(days[0]!)} đến ngày ${fmt(days.at(-1)!)} (các ngày ${days.map(fmt).join(', ')})`);
    expect(report.text).not.toContain('01/12/2021');
    expect(report.text).not.toContain('31/12/2021');
  });
});

describe('each failing unit reads as its own', () => {
  const failing = [
    { visitId: 'visit-03', remediationId: 'remediation-03', targetId: 'tg-bv-tinh', own: ['Bluezone cũ (10×10 cm)', 'Cạnh mã QR niêm yết: 10 cm', 'tại đủ 4 điểm đã tạo mã'] },
    {
      visitId: 'visit-04',
      remediationId: 'remediation-04',
      targetId: 'tg-cho-ht',
      own: ['ngày không có lượt quét: 5 ngày', 'bình quân 1,4 lượt/ngày', 'Không bố trí người hướng dẫn'],
    },
  ];

  it.each(failing)('names $targetId’s own defects with their figures in its minutes, notice and every reminder', ({ visitId, remediationId, own }) => {
    const papers = [minutesOf(visitId), noticeOf(visitId), ...remindersOf(remediationId)];
    expect(papers.length).toBeGreaterThanOrEqual(3);
    for (const p of papers) for (const phrase of own) expect(p.text, `${p.listing.fileStem} lacks "${phrase}"`).toContain(phrase);
  });

  it('never says an item is met next to a note that contradicts it', () => {
    for (const { visitId } of failing) {
      const minutes = minutesOf(visitId).text;
      for (const line of minutes.split('\n').filter((l) => l.includes(': Đạt.'))) expect(line.split('Số liệu:')[0]).not.toMatch(/chưa có mã QR|không có lượt quét|Bluezone/u);
    }
  });

  it('gives no two units the same findings unless their answers are the same', () => {
    const minutes = byKind('minutes');
    for (let i = 0; i < minutes.length; i++) {
      for (let j = i + 1; j < minutes.length; j++) {
        const a = minutes[i]!;
        const b = minutes[j]!;
        if (findingsPart(a.text) !== findingsPart(b.text)) continue;
        const target = (d: Built) => seed.targets.find((t) => a && d.text.includes(t.name))!.id;
        expect(unitAnswers(HA_TINH_2021_UNIT_PROFILES[target(a)]!, '2021-12-01', 'x')).toEqual(unitAnswers(HA_TINH_2021_UNIT_PROFILES[target(b)]!, '2021-12-01', 'x'));
      }
    }
    const hospital = findingsPart(minutesOf('visit-03').text);
    const market = findingsPart(minutesOf('visit-04').text);
    expect(hospital).not.toBe(market);
    expect(minutesOf('visit-03').text).not.toContain(HA_TINH_2021_UNIT_PROFILES['tg-cho-ht']!.posted.caption);
  });

  it('escalates: reminder, second reminder, deadline letter, last reminder — the fourth does not repeat the third', () => {
    const [first, second, third, fourth] = remindersOf('remediation-04');
    const subjects = [first, second, third, fourth].map((d) => d!.doc.header.subjectLine);
    expect(new Set(subjects).size).toBe(4);
    expect(third!.doc.header.subjectLine).toContain('ấn định thời hạn');
    expect(fourth!.doc.header.subjectLine).toContain('lần cuối');
    expect(fourth!.text).not.toBe(third!.text.replace(/03/gu, '04'));
    const body = (d: Built) => d.text.slice(d.text.indexOf('Kính gửi'));
    expect(body(fourth!)).not.toEqual(body(third!));
    // The fourth recalls the third letter by its number and deadline.
    expect(fourth!.text).toContain(`Công văn số ${third!.doc.header.number?.number?.toString().padStart(2, '0')}/STTTT-TTr`);
  });

  it('proposes the market’s sanction in its own letter, citing Decree 117/2020 and every letter before it', () => {
    const proposal = byKind('sanctionProposal')[0]!;
    expect(proposal.doc.kind).toBe('CV');
    expect(proposal.doc.addressees).toEqual(['Chủ tịch UBND thành phố Hà Tĩnh']);
    expect(proposal.text).toContain('Khoản 2 Điều 14 Nghị định số 117/2020/NĐ-CP');
    expect(proposal.text).toContain('Chợ thành phố Hà Tĩnh');
    expect(proposal.text.match(/Công văn số \d{2}\/STTTT-TTr/gu)?.length).toBeGreaterThanOrEqual(4);
    expect(proposal.text).toContain('Lưu: VT, TTr.');
  });

  it('files the Inspectorate’s drafts under its unit, and copies the hospital’s notice to the Department of Health', () => {
    for (const d of docs.filter((x) => ['teamDecision', 'notice', 'report', 'reminder', 'sanctionProposal'].includes(x.listing.ref.kind))) {
      expect(d.doc.recipients?.archive, d.listing.fileStem).toEqual(['VT', 'TTr']);
    }
    expect(noticeOf('visit-03').doc.recipients?.entries.some((e) => e.startsWith('Sở Y tế'))).toBe(true);
    expect(noticeOf('visit-04').doc.recipients?.entries.some((e) => e.startsWith('Sở Y tế'))).toBe(false);
  });

  it('writes the team decision’s articles once, on its full basis', () => {
    const decision = byKind('teamDecision')[0]!.text;
    expect(decision.match(/các ông \(bà\) có tên tại Điều 1/gu)).toHaveLength(1);
    expect(decision).toContain('Căn cứ chức năng, nhiệm vụ, quyền hạn của Sở Thông tin và Truyền thông');
    expect(decision).toContain('Căn cứ Văn bản số 7641/UBND-VX1 ngày 12/11/2021 của UBND tỉnh');
    expect(decision).toContain('Căn cứ Kế hoạch số 01/KH-STTTT');
  });

  it('reports figures by district and type, and shows no internal ids', () => {
    const report = byKind('report')[0]!;
    expect(report.text).toContain('Kết quả kiểm tra theo địa bàn');
    expect(report.text).toContain('Kết quả kiểm tra theo loại hình');
    expect(report.text).toContain('TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN');
    expect(report.doc.appendices.map((a) => a.label)).toEqual(['Phụ lục I', 'Phụ lục II']);
    expect(report.text).not.toMatch(/visit-\d|tg-|remediation-/u);
  });
});
