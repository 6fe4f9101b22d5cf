/**
 * The round's index in `out/`: `index.md` and `index.html`, linking every document written (PDF and
 * DOCX side by side, grouped by kind) and listing the visits with their verdicts and defects.
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HA_TINH_2021_DISTRICTS } from '@pccovid-inspect/province-ha-tinh';
import type { ScaleRoundResult } from './cli-round.js';

/** Document kinds by their file prefix (Decree 30 abbreviations), Vietnamese first. */
const KINDS: Record<string, string> = {
  KH: 'Kế hoạch / Plan',
  QD: 'Quyết định thành lập Tổ kiểm tra / Team decision',
  BB: 'Biên bản kiểm tra / Minutes',
  BC: 'Báo cáo kết quả gửi UBND tỉnh / Report to the Provincial People’s Committee',
  TB: 'Thông báo kết quả / Results notices',
  CV: 'Công văn nhắc nhở, đề nghị xử lý / Reminders and sanction proposals',
  DS: 'Danh sách liên hệ / Call sheet',
};
const VERDICTS: Record<string, string> = { compliant: 'Đạt / Compliant', non_compliant: 'Chưa đạt / Non-compliant' };
const OUTCOMES: Record<string, string> = {
  complied: 'Đã khắc phục / Remedied',
  complied_after_reminder: 'Khắc phục sau nhắc nhở / Remedied after a reminder',
  sanction_proposed: 'Đề xuất xử phạt / Sanction proposed',
};

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const mdCell = (s: string): string => s.replace(/\|/g, '\\|');

/** Writes `index.md` and `index.html` into `outDir`; returns their paths. */
export function writeIndex(outDir: string, files: readonly string[], round: ScaleRoundResult | null, title: string): string[] {
  const stems = new Map<string, string[]>();
  for (const f of files) {
    const name = basename(f);
    const stem = name.replace(/\.(pdf|docx)$/, '');
    stems.set(stem, [...(stems.get(stem) ?? []), name]);
  }
  const groups = new Map<string, string[]>();
  for (const stem of [...stems.keys()].sort()) {
    const prefix = stem.split('-')[0]!;
    groups.set(prefix, [...(groups.get(prefix) ?? []), stem]);
  }
  const districts = new Map(HA_TINH_2021_DISTRICTS.map((d) => [d.code, d.name]));
  const remediation = new Map(round?.remediations.map((r) => [r.visitId, r.outcome]) ?? []);

  const md: string[] = [`# ${title}`, '', `${files.length} tệp văn bản / document files (PDF, DOCX).`, ''];
  const html: string[] = [
    '<!doctype html>',
    '<html lang="vi"><head><meta charset="utf-8"><title>' + escapeHtml(title) + '</title>',
    '<style>body{font-family:"Times New Roman",serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .4rem;text-align:left}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${files.length} tệp văn bản / document files (PDF, DOCX).</p>`,
  ];
  if (round) {
    const failing = round.visits.filter((v) => v.verdict === 'non_compliant').length;
    const line = `${round.units} đơn vị, ${round.portalRows} dòng số liệu cổng; ${round.visits.length} cuộc kiểm tra, ${failing} chưa đạt. / ${round.units} units, ${round.portalRows} portal rows; ${round.visits.length} visits, ${failing} non-compliant.`;
    md.push(line, '');
    html.push(`<p>${escapeHtml(line)}</p>`);
  }
  for (const [prefix, list] of groups) {
    const heading = KINDS[prefix] ?? prefix;
    md.push(`## ${heading}`, '');
    html.push(`<h2>${escapeHtml(heading)}</h2>`, '<ul>');
    for (const stem of list) {
      const links = stems.get(stem)!.sort((a, b) => b.localeCompare(a)); // pdf before docx
      md.push(`- ${stem}: ${links.map((l) => `[${l.split('.').pop()!.toUpperCase()}](${encodeURI(l)})`).join(' · ')}`);
      html.push(`<li>${escapeHtml(stem)}: ${links.map((l) => `<a href="${escapeHtml(encodeURI(l))}">${l.split('.').pop()!.toUpperCase()}</a>`).join(' · ')}</li>`);
    }
    md.push('');
    html.push('</ul>');
  }
  if (round) {
    const header = ['Ngày / Day', 'Huyện / District', 'Đơn vị / Unit', 'Kết luận / Verdict', 'Tồn tại / Defects', 'Khắc phục / Follow-up', 'Biên bản / Minutes'];
    md.push('## Các cuộc kiểm tra / Visits', '', `| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
    html.push('<h2>Các cuộc kiểm tra / Visits</h2>', '<table>', `<tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`);
    for (const v of round.visits) {
      const cells = [
        v.scheduledOn.split('-').reverse().join('/'),
        districts.get(v.districtCode) ?? v.districtCode,
        v.name,
        VERDICTS[v.verdict] ?? v.verdict,
        v.defects.join('; ') || '—',
        OUTCOMES[remediation.get(v.visitId) ?? ''] ?? '—',
      ];
      const minutes = `BB-${v.visitId}.pdf`;
      md.push(`| ${cells.map(mdCell).join(' | ')} | [PDF](${encodeURI(minutes)}) |`);
      html.push(`<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}<td><a href="${escapeHtml(encodeURI(minutes))}">PDF</a></td></tr>`);
    }
    md.push('');
    html.push('</table>');
  }
  html.push('</body></html>');
  const mdFile = join(outDir, 'index.md');
  const htmlFile = join(outDir, 'index.html');
  writeFileSync(mdFile, `${md.join('\n')}\n`);
  writeFileSync(htmlFile, `${html.join('\n')}\n`);
  return [mdFile, htmlFile];
}
