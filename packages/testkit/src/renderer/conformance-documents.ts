import {
  buildMinutesDocument,
  buildPlanDocument,
  buildReminderLetterDocument,
  buildResultsReportDocument,
  parseOfficialDocument,
  type ReportAnnexUnit,
} from '@pccovid-inspect/core/documents';
import type { OfficialDocument } from '@pccovid-inspect/core';
import { HA_TINH_2021_PLAN_INPUT } from '@pccovid-inspect/province-ha-tinh';

/**
 * Every letter of the Vietnamese alphabet with every tone, lower and upper case (NFC): what a
 * renderer's font and text encoding must carry through.
 *
 * @example
 * ```ts
 * VIETNAMESE_LETTERS.includes('ự') // true
 * ```
 */
export const VIETNAMESE_LETTERS = (() => {
  const lower = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
  return (lower + lower.toUpperCase()).normalize('NFC');
})();

const ISSUER = HA_TINH_2021_PLAN_INPUT.issuer;
const SIGNER = HA_TINH_2021_PLAN_INPUT.signer;
const PLAN_REF = { documentType: 'Kế hoạch', number: '05/KH-STTTT', date: '2021-11-26', issuer: 'Sở Thông tin và Truyền thông' };

/**
 * The Hà Tĩnh 2021 plan, rebuilt from the seed data.
 *
 * @example
 * ```ts
 * conformancePlan().title?.type // 'KẾ HOẠCH'
 * ```
 */
export function conformancePlan(): OfficialDocument {
  return buildPlanDocument(HA_TINH_2021_PLAN_INPUT);
}

/**
 * A notice whose every block — heading, basis, bullet, paragraph, table, signature — carries all
 * Vietnamese letters, written decomposed (NFD) so the renderer must normalise it.
 *
 * @example
 * ```ts
 * diacriticsDocument().kind // 'TB'
 * ```
 */
export function diacriticsDocument(): OfficialDocument {
  const nfd = (s: string) => s.normalize('NFD');
  return parseOfficialDocument({
    kind: 'TB',
    header: {
      parentBody: 'UBND TỈNH HÀ TĨNH',
      issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      number: { number: 9, symbol: 'TB-STTTT' },
      placeAndDate: { place: 'Hà Tĩnh', date: '2022-01-05' },
    },
    title: { type: 'THÔNG BÁO', summary: nfd('Kiểm tra phông chữ: Ấp, ẩn, ở, ữ, ự, ỷ, ỹ, Ỵ, Đ, đ — ă â ê ô ơ ư') },
    body: [
      { type: 'heading', level: 'part', label: 'I.', text: nfd('ĐẶC ĐIỂM CHỮ VIỆT: ỨNG DỤNG, QUÉT MÃ, NIÊM YẾT') },
      { type: 'basis', text: nfd('Căn cứ Luật Thanh tra năm 2010;') },
      { type: 'paragraph', runs: [{ text: nfd(`Chữ thường và chữ hoa: ${VIETNAMESE_LETTERS}.`) }] },
      {
        type: 'bullet',
        runs: [
          { text: nfd('Đậm: '), bold: true },
          { text: nfd('nghiêng, '), italic: true },
          { text: nfd('gạch chân.'), underline: true },
        ],
      },
      { type: 'table', columns: [{ title: nfd('Chữ thường') }, { title: nfd('CHỮ HOA') }], rows: [[nfd(VIETNAMESE_LETTERS.slice(0, 67)), nfd(VIETNAMESE_LETTERS.slice(67))]] },
    ],
    signature: { signers: [{ authority: 'KT.', authorityOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', fullName: 'Đậu Tùng Lâm' }] },
    recipients: { entries: ['Như trên'], archive: ['VT', 'TTr'] },
  });
}

/**
 * A document with a header and title and nothing else: no body, signature or recipients.
 *
 * @example
 * ```ts
 * emptyBodyDocument().body // []
 * ```
 */
export function emptyBodyDocument(): OfficialDocument {
  return parseOfficialDocument({
    kind: 'KH',
    header: { issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', number: null, placeAndDate: null },
    title: { type: 'KẾ HOẠCH' },
    pageNumbers: 'none',
  });
}

/**
 * A document with very long inputs: a 20,000-character paragraph, a 400-character heading, a
 * 3,000-character table cell, a 150-character unbroken token, and 80 bullets — every long text
 * ends in a unique marker so its end can be found again.
 *
 * @example
 * ```ts
 * longInputsDocument().body.length // 84
 * ```
 */
export function longInputsDocument(): OfficialDocument {
  const sentence = 'Tổ kiểm tra đã kiểm tra việc niêm yết mã QR địa điểm và hướng dẫn người dân quét mã bằng ứng dụng PC-Covid. ';
  const repeat = (n: number) => sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n);
  return parseOfficialDocument({
    kind: 'BC',
    header: {
      parentBody: 'UBND TỈNH HÀ TĨNH',
      issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      number: { number: 1, symbol: 'BC-STTTT' },
      placeAndDate: { place: 'Hà Tĩnh', date: '2021-12-31' },
    },
    title: { type: 'BÁO CÁO', summary: repeat(300) + ' ENDSUMMARY' },
    body: [
      { type: 'heading', level: 'part', label: 'I.', text: repeat(400).toUpperCase() + ' ENDHEADING' },
      { type: 'paragraph', runs: [{ text: repeat(20_000) + ' ENDPARAGRAPH' }] },
      { type: 'paragraph', runs: [{ text: `Mã: ${'QR'.repeat(75)}ENDTOKEN.` }] },
      {
        type: 'table',
        columns: [
          { title: 'TT', width: 1 },
          { title: 'Nội dung', width: 8 },
        ],
        rows: [['1', repeat(3000) + ' ENDCELL']],
      },
      ...Array.from({ length: 80 }, (_, i) => ({ type: 'bullet' as const, runs: [{ text: `Gạch đầu dòng số ${i + 1}: ${repeat(120)} ENDBULLET${i + 1}` }] })),
    ],
    signature: { signers: [{ title: 'GIÁM ĐỐC', fullName: 'Nguyễn Văn Kiểm' }] },
    recipients: { entries: Array.from({ length: 30 }, (_, i) => `Nơi nhận số ${i + 1}`), archive: ['VT'] },
  });
}

/**
 * The unique id of annex row `i` (1-based) in {@link annexReportDocument}.
 *
 * @example
 * ```ts
 * annexRowId(42) // 'R00042'
 * ```
 */
export function annexRowId(i: number): string {
  return `R${String(i).padStart(5, '0')}`;
}

/**
 * A results report whose annex lists `rows` units (default 5,000) named with unique ids
 * ("Đơn vị được kiểm tra R00001" …) — long enough to run over many pages.
 *
 * @example
 * ```ts
 * annexReportDocument(100).appendices[0]?.blocks.length // 1
 * ```
 */
export function annexReportDocument(rows = 5000): OfficialDocument {
  const types = ['Bệnh viện', 'Chợ', 'Trường học', 'Công sở', 'Cơ sở sản xuất, kinh doanh'];
  const districts = ['Thành phố Hà Tĩnh', 'Thị xã Hồng Lĩnh', 'Huyện Hương Sơn', 'Huyện Đức Thọ', 'Huyện Kỳ Anh', 'Thị xã Kỳ Anh'];
  const units: ReportAnnexUnit[] = Array.from({ length: rows }, (_, k) => ({
    id: annexRowId(k + 1),
    // The id is in the name: the report's annex prints names, not internal ids.
    name: `Đơn vị được kiểm tra ${annexRowId(k + 1)}`,
    targetType: types[k % types.length] ?? 'Công sở',
    district: districts[k % districts.length] ?? 'Thành phố Hà Tĩnh',
    inspectedOn: `2021-12-${String(6 + (k % 18)).padStart(2, '0')}`,
    result: k % 9 === 0 ? 'not_met' : 'met',
    note: k % 9 === 0 ? 'Chưa niêm yết mã QR' : '',
  }));
  return buildResultsReportDocument({
    issuer: ISSUER,
    number: 21,
    date: '2021-12-28',
    summary: 'Kết quả kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR',
    addressees: ['Ủy ban nhân dân tỉnh Hà Tĩnh'],
    implementing: [PLAN_REF],
    period: { from: '2021-12-06', to: '2021-12-24' },
    districts: districts.map((name, i) => ({ code: String(436 + i), name })),
    targetTypes: types.map((label, i) => ({ code: `t${i}`, label })),
    inspectedCounts: districts.flatMap((_, d) => types.map((__, t) => ({ districtCode: String(436 + d), targetType: `t${t}`, count: d + t }))),
    itemCompliance: [
      { itemCode: 'a.1', label: 'Quán triệt, phổ biến cài đặt PC-Covid', met: 4200, notMet: 800 },
      { itemCode: 'b.2', label: 'Niêm yết đúng mã QR địa điểm', met: 3900, notMet: 1100 },
    ],
    assessments: ['Phần lớn các đơn vị đã tạo và niêm yết mã QR địa điểm.'],
    annex: { units },
    recipients: { entries: ['Như trên'], archive: ['VT', 'TTr'] },
    signer: SIGNER,
  });
}

/**
 * Minutes whose unit representative refused to sign (two signature columns, no date line) and a
 * reminder letter (a "V/v" line, no title block) — the layouts that differ most from a plan.
 *
 * @example
 * ```ts
 * otherLayoutDocuments().map((d) => d.kind) // ['BB', 'CV']
 * ```
 */
export function otherLayoutDocuments(): OfficialDocument[] {
  const team = [
    { honorific: 'Ông' as const, fullName: 'Nguyễn Văn An', position: 'Chánh Thanh tra Sở', organization: 'Sở Thông tin và Truyền thông', role: 'lead' as const },
    { honorific: 'Bà' as const, fullName: 'Trần Thị Bình', position: 'Chuyên viên', organization: 'Sở Y tế Hà Tĩnh', role: 'member' as const },
  ];
  const minutes = buildMinutesDocument({
    issuer: { parentBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', name: 'TỔ KIỂM TRA PC-COVID', nameInText: 'Tổ kiểm tra PC-Covid', code: 'TKT', place: 'Hà Tĩnh' },
    subject: 'Kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR',
    unit: { name: 'Nhà hàng Hương Sen', address: 'Phường Bắc Hà, thành phố Hà Tĩnh' },
    start: { date: '2021-12-08', time: '14:00' },
    end: { date: '2021-12-08', time: '15:10' },
    basis: [PLAN_REF],
    team,
    unitRepresentatives: [{ honorific: 'Ông', fullName: 'Lê Văn Phúc', position: 'Quản lý nhà hàng' }],
    sections: [{ code: 'b', title: 'Khai báo, tạo, niêm yết mã QR địa điểm' }],
    findings: [{ section: 'b', itemCode: 'b.1', label: 'Đã khai báo, tạo mã QR địa điểm', verdict: 'not_met', note: 'Chưa tạo mã QR địa điểm' }],
    assessment: 'Đơn vị chưa triển khai việc quét mã QR',
    requests: [{ text: 'Tạo và niêm yết mã QR địa điểm', deadline: '2021-12-10' }],
    refusal: { reason: 'chủ cơ sở vắng mặt' },
  });
  const reminder = buildReminderLetterDocument({
    issuer: ISSUER,
    number: 125,
    date: '2021-12-17',
    draftingUnit: 'TTr',
    subject: 'nhắc nhở khắc phục tồn tại trong triển khai quét mã QR',
    addressee: 'Nhà hàng Hương Sen',
    inspection: { date: '2021-12-08', scope: 'việc triển khai hệ thống PC-Covid và quét mã QR' },
    issues: ['Chưa tạo mã QR địa điểm'],
    requests: ['Tạo và niêm yết mã QR địa điểm của PC-Covid'],
    deadline: '2021-12-24',
    recipients: { entries: ['Như trên'], archive: ['VT', 'TTr'] },
    signer: SIGNER,
  });
  return [minutes, reminder];
}

/**
 * Documents that put a page break at every position near the end of the body: a results notice
 * (one signer beside "Nơi nhận"), a report whose body ends with a table and one closing line, and
 * minutes (three signature columns), each with 0, 2, 4 … 38 extra finding lines before headings,
 * a captioned table and the closing lines — so the signature block, a heading or a caption falls
 * at the foot of a page in one of them unless the renderer keeps them with the body.
 *
 * @example
 * ```ts
 * keepRuleSweepDocuments().length // 60
 * ```
 */
export function keepRuleSweepDocuments(): OfficialDocument[] {
  const out: OfficialDocument[] = [];
  for (let n = 0; n < 40; n += 2) {
    const findings = Array.from({ length: n }, (_, i) => ({
      type: 'bullet' as const,
      runs: [{ text: `Nội dung kiểm tra số ${i + 1}: đơn vị đã niêm yết mã QR địa điểm tại lối vào số ${i + 1}; số lượt quét trong ngày kiểm tra: ${(i * 37) % 200} lượt.` }],
    }));
    const body = [
      {
        type: 'paragraph' as const,
        runs: [
          {
            text: 'Thực hiện Kế hoạch số 05/KH-STTTT ngày 26/11/2021 của Sở Thông tin và Truyền thông, Tổ kiểm tra đã kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR tại đơn vị.',
          },
        ],
      },
      { type: 'heading' as const, level: 'clause' as const, label: '1.', text: 'Kết quả kiểm tra:' },
      ...findings,
      { type: 'heading' as const, level: 'clause' as const, label: '2.', text: 'Số liệu quét mã:' },
      {
        type: 'table' as const,
        caption: `Bảng 1. Số lượt quét mã QR theo ngày (${n} dòng kiểm tra)`,
        columns: [
          { title: 'Ngày', width: 2 },
          { title: 'Số lượt quét', width: 2, align: 'right' as const },
        ],
        rows: [
          ['06/12/2021', '152'],
          ['07/12/2021', '0'],
          ['08/12/2021', '97'],
        ],
      },
      { type: 'heading' as const, level: 'clause' as const, label: '3.', text: 'Yêu cầu:' },
      { type: 'bullet' as const, runs: [{ text: 'Bố trí người hướng dẫn, nhắc nhở quét mã QR tại các lối vào; báo cáo kết quả trước ngày 20/12/2021.' }] },
      { type: 'paragraph' as const, runs: [{ text: 'Sở Thông tin và Truyền thông thông báo để đơn vị biết, thực hiện./.' }] },
    ];
    out.push(
      parseOfficialDocument({
        kind: 'TB',
        header: {
          parentBody: 'UBND TỈNH HÀ TĨNH',
          issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
          number: { number: 30 + n, symbol: 'TB-STTTT' },
          placeAndDate: { place: 'Hà Tĩnh', date: '2021-12-09' },
        },
        title: { type: 'THÔNG BÁO', summary: `Kết quả kiểm tra tại đơn vị số ${n}` },
        body,
        signature: { signers: [{ authority: 'KT.', authorityOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', fullName: 'Đậu Tùng Lâm' }] },
        recipients: { entries: ['Đơn vị được kiểm tra', 'Sở Y tế', 'Lãnh đạo Sở'], archive: ['VT', 'TTr'] },
      }),
      parseOfficialDocument({
        kind: 'BC',
        header: {
          parentBody: 'UBND TỈNH HÀ TĨNH',
          issuingBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
          number: { number: 60 + n, symbol: 'BC-STTTT' },
          placeAndDate: { place: 'Hà Tĩnh', date: '2021-12-28' },
        },
        title: { type: 'BÁO CÁO', summary: `Kết quả kiểm tra, bảng cuối (${n} dòng kiểm tra)` },
        addressees: ['Ủy ban nhân dân tỉnh Hà Tĩnh'],
        // The body ends with a table and one closing line: the table goes with the signature.
        body: [...body.slice(0, -3), { type: 'paragraph' as const, runs: [{ text: 'Sở Thông tin và Truyền thông kính báo cáo./.' }] }],
        signature: { signers: [{ authority: 'KT.', authorityOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', fullName: 'Đậu Tùng Lâm' }] },
        recipients: { entries: ['Như trên', 'Lãnh đạo Sở'], archive: ['VT', 'TTr'] },
      }),
      parseOfficialDocument({
        kind: 'BB',
        header: { parentBody: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', issuingBody: 'TỔ KIỂM TRA PC-COVID', number: { number: n + 1, symbol: 'BB-TKT' }, placeAndDate: null },
        title: { type: 'BIÊN BẢN', summary: `Kiểm tra tại đơn vị số ${n}` },
        body: body.slice(0, -1).concat([{ type: 'paragraph' as const, runs: [{ text: 'Biên bản lập thành 02 bản, mỗi bên giữ 01 bản./.' }] }]),
        signature: {
          signers: [
            { title: 'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', instruction: '(Ký, ghi rõ họ tên)', refusal: 'Từ chối ký (có người chứng kiến)', fullName: 'Lê Văn Phúc' },
            { title: 'THƯ KÝ', instruction: '(Ký, ghi rõ họ tên)', fullName: 'Phạm Thị Dung' },
            { title: 'TRƯỞNG ĐOÀN KIỂM TRA', instruction: '(Ký, ghi rõ họ tên)', fullName: 'Nguyễn Văn An' },
          ],
        },
      }),
    );
  }
  return out;
}
