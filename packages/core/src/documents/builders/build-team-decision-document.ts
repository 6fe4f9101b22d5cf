import { parseOrThrow } from '../../internal/parse.js';
import { formatShortDate } from '../../text/decree30-date.js';
import type { OfficialDocument } from '../model/official-document.js';
import type { BodyBlock } from '../model/body-block.js';
import { TeamDecisionDocumentInputSchema, type TeamDecisionDocumentInput } from './team-decision-document-input.js';
import { formatLegalReference } from './inputs/legal-reference-input.js';
import { signerColumnOf } from './inputs/document-signer-input.js';
import { INSPECTION_TEAM_WORDS, orderTeam, personName } from './inputs/team-member-input.js';
import { basis, bold, bullet, centered, heading, paragraph, run } from '../internal/blocks.js';
import { endDocument, stripEnd } from '../internal/vietnamese.js';
import { headerOf } from '../internal/header.js';

/**
 * Builds the decision forming an inspection team (Quyết định, QĐ): the deciding authority, the
 * "Căn cứ" lines and the proposer, "QUYẾT ĐỊNH:", then Điều 1 (the team, one numbered line per
 * member with their role), Điều 2 (duties, period, dissolution) and Điều 3 (entry into force,
 * executors). Pure; throws `ValidationError` with paths on bad input (e.g. not exactly one lead).
 *
 * @example
 * ```ts
 * const decision = buildTeamDecisionDocument(input);
 * decision.title?.summary // 'Về việc thành lập Tổ kiểm tra việc triển khai hệ thống PC-Covid …'
 * ```
 */
export function buildTeamDecisionDocument(input: TeamDecisionDocumentInput): OfficialDocument {
  const data = parseOrThrow(TeamDecisionDocumentInputSchema, input, 'TeamDecisionDocumentInput');
  const words = INSPECTION_TEAM_WORDS[data.teamKind];
  const body: BodyBlock[] = [centered([bold(data.decider)])];

  for (const b of data.basis) body.push(basis(`Căn cứ ${typeof b === 'string' ? stripEnd(b.replace(/^Căn cứ\s+/u, '')) : formatLegalReference(b)};`));
  body.push(basis(`Theo đề nghị của ${stripEnd(data.proposer)}.`));
  body.push(centered([bold('QUYẾT ĐỊNH:')]));

  body.push(heading('article', 'Điều 1.', '', `Thành lập ${stripEnd(data.subject)}, gồm các ông (bà) có tên sau:`));
  const members = orderTeam(data.members);
  members.forEach((m, i) => {
    const end = i === members.length - 1 ? '.' : ';';
    body.push(paragraph([run(`${i + 1}. ${personName(m)}, ${m.position}, ${m.organization}: `), bold(words[m.role]), run(end)]));
  });

  body.push(heading('article', 'Điều 2.', '', `${words.noun} có nhiệm vụ:`));
  for (const duty of data.duties) body.push(bullet(`${stripEnd(duty)};`));
  body.push(
    paragraph(
      `Thời gian làm việc: từ ngày ${formatShortDate(data.period.from)} đến ngày ${formatShortDate(data.period.to)}. ${words.noun} tự giải thể sau khi hoàn thành nhiệm vụ.`,
    ),
  );

  // The members named in Điều 1 are added once, whether or not the caller listed them.
  const executors = data.executors
    .map(stripEnd)
    .filter((e) => !/có tên tại Điều 1$/u.test(e))
    .join(', ');
  body.push(
    heading(
      'article',
      'Điều 3.',
      '',
      endDocument(
        `Quyết định này có hiệu lực kể từ ngày ký. ${executors === '' ? 'Các' : `${executors} và các`} ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này`,
      ),
    ),
  );

  return {
    kind: 'QĐ',
    header: headerOf(data.issuer, { number: data.number, symbol: `QĐ-${data.issuer.code}`, date: data.date, blankDay: data.blankDay }),
    title: { type: 'QUYẾT ĐỊNH', summary: `Về việc thành lập ${stripEnd(data.subject)}` },
    addressees: [],
    body,
    signature: { signers: [signerColumnOf(data.signer)] },
    recipients: { label: 'Nơi nhận:', entries: data.recipients.entries, archive: data.recipients.archive },
    appendices: [],
    pageNumbers: 'fromSecondPage',
  };
}
