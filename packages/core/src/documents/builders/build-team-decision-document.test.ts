import { describe, expect, it } from 'vitest';
import { buildTeamDecisionDocument } from './build-team-decision-document.js';
import { OfficialDocumentSchema } from '../model/official-document.js';
import { officialDocumentPlainText } from '../model/document-plain-text.js';
import { ValidationError } from '../../errors/validation-error.js';
import { TEAM_DECISION_INPUT } from './sample-inputs.test-support.js';

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (ValidationError.isInstance(e)) return e.issues.map((i) => i.path.join('.'));
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('buildTeamDecisionDocument', () => {
  it('writes the decision header, title and the three articles', () => {
    const doc = buildTeamDecisionDocument(TEAM_DECISION_INPUT);
    const text = officialDocumentPlainText(doc);
    expect(doc.kind).toBe('QĐ');
    expect(text).toContain('Số: 12/QĐ-STTTT');
    expect(doc.title).toEqual({
      type: 'QUYẾT ĐỊNH',
      summary: 'Về việc thành lập Tổ kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19',
    });
    expect(text).toContain('GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(text).toContain('QUYẾT ĐỊNH:');
    const articles = doc.body.flatMap((b) => (b.type === 'heading' && b.level === 'article' ? [b.label] : []));
    expect(articles).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.']);
    expect(text.at(-1)).toBe('- Lưu: VT, TTr.');
  });

  it('prints the legal bases in italic "Căn cứ" lines, then the proposer', () => {
    const doc = buildTeamDecisionDocument(TEAM_DECISION_INPUT);
    const bases = doc.body.flatMap((b) => (b.type === 'basis' ? [b.text] : []));
    expect(bases).toEqual([
      'Căn cứ Quyết định số 27/2016/QĐ-UBND ngày 05/7/2016 của UBND tỉnh quy định vị trí, chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Thông tin và Truyền thông;',
      'Căn cứ Kế hoạch số 05/KH-STTTT ngày 26/11/2021 của Sở Thông tin và Truyền thông về việc kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19;',
      'Theo đề nghị của Chánh Thanh tra Sở.',
    ]);
  });

  it('lists members lead first, with bodies and roles, the last line ending "."', () => {
    const text = officialDocumentPlainText(buildTeamDecisionDocument(TEAM_DECISION_INPUT));
    const start = text.indexOf(
      'Điều 1. Thành lập Tổ kiểm tra việc triển khai hệ thống PC-Covid và quét mã QR phục vụ công tác phòng, chống dịch COVID-19, gồm các ông (bà) có tên sau:',
    );
    expect(start).toBeGreaterThan(0);
    expect(text.slice(start + 1, start + 5)).toEqual([
      '1. Ông Nguyễn Văn An, Chánh Thanh tra Sở, Sở Thông tin và Truyền thông: Tổ trưởng;',
      '2. Ông Lê Hữu Cường, Phó Trưởng phòng Công nghệ thông tin, Sở Thông tin và Truyền thông: Tổ phó;',
      '3. Bà Trần Thị Bình, Chuyên viên, Sở Y tế Hà Tĩnh: Thành viên;',
      '4. Bà Phạm Thị Dung, Thanh tra viên, Sở Thông tin và Truyền thông: Thư ký.',
    ]);
  });

  it('states duties, period, dissolution and who executes it, ending "./."', () => {
    const text = officialDocumentPlainText(buildTeamDecisionDocument(TEAM_DECISION_INPUT));
    expect(text).toContain('Thời gian làm việc: từ ngày 01/12/2021 đến ngày 31/12/2021. Tổ kiểm tra tự giải thể sau khi hoàn thành nhiệm vụ.');
    expect(text).toContain(
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Chánh Thanh tra Sở, Trưởng phòng Công nghệ thông tin, Thủ trưởng các đơn vị có liên quan và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    );
  });

  it('uses "Đoàn" wording for a đoàn kiểm tra', () => {
    const text = officialDocumentPlainText(buildTeamDecisionDocument({ ...TEAM_DECISION_INPUT, teamKind: 'doan' }));
    expect(text).toContain('1. Ông Nguyễn Văn An, Chánh Thanh tra Sở, Sở Thông tin và Truyền thông: Trưởng đoàn;');
    expect(text).toContain('Điều 2. Đoàn kiểm tra có nhiệm vụ:');
  });

  it('is a valid OfficialDocument', () => {
    const doc = buildTeamDecisionDocument(TEAM_DECISION_INPUT);
    expect(OfficialDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('rejects a team without exactly one lead, and a reversed period, with paths', () => {
    const members = TEAM_DECISION_INPUT.members.map((m) => ({ ...m, role: 'member' as const }));
    const paths = issuesOf(() => buildTeamDecisionDocument({ ...TEAM_DECISION_INPUT, members, period: { from: '2021-12-31', to: '2021-12-01' } }));
    expect(paths).toEqual(expect.arrayContaining(['members', 'period.to']));
  });
});
