// Generated from the command table by `pnpm run commands:generate`; checked by `pnpm run commands:check`. Do not edit.
import type { CommandMethods } from './inspection-service.js';

/** The service's methods, one per entry of the command table, each documented from its entry. */
export interface DocumentedCommandMethods {
  /**
   * Đăng ký danh bạ cơ quan, cá nhân. / Registers bodies and people (the directory); existing ids are updated.
   *
   * `directory.register` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED.
   */
  readonly registerDirectory: CommandMethods['registerDirectory'];
  /**
   * Tạo kế hoạch kiểm tra (dự thảo). / Creates a campaign (the plan, as a draft); every body and person it names must be registered.
   *
   * `campaign.create` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, CONFLICT, NOT_FOUND.
   */
  readonly createCampaign: CommandMethods['createCampaign'];
  /**
   * Ban hành kế hoạch (cấp số KH). / Issues (signs) the plan: takes the next KH number of the issuing body for the year.
   *
   * `plan.issue` (command) · roles: director · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly issuePlan: CommandMethods['issuePlan'];
  /**
   * Đề nghị các cơ quan phối hợp cử thành viên. / Asks the coordinating bodies to nominate team members (one message per body).
   *
   * `nominations.request` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly requestNominations: CommandMethods['requestNominations'];
  /**
   * Ghi nhận văn bản cử thành viên (quá hạn được đánh dấu). / Records a body's nomination; one after the deadline is accepted and marked late.
   *
   * `nomination.record` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly recordNomination: CommandMethods['recordNomination'];
  /**
   * Thành lập Tổ kiểm tra (cấp số QĐ). / Forms the team (exactly one lead) and numbers the decision (QĐ).
   *
   * `team.form` (command) · roles: director · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly formTeam: CommandMethods['formTeam'];
  /**
   * Đăng ký đơn vị được kiểm tra. / Registers a unit to inspect; its type must be in the campaign's scope.
   *
   * `target.register` (command) · roles: director, inspectorateLead, secretary · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, CONFLICT.
   */
  readonly registerTarget: CommandMethods['registerTarget'];
  /**
   * Đăng ký nhiều đơn vị được kiểm tra trong một lần ghi (tối đa 1000); đơn vị đã có, nội dung y hệt, được bỏ qua. / Registers up to 1000 units to inspect in one commit; one already stored with identical content is reported as existing, different content is a CONFLICT.
   *
   * `targets.register` (command) · roles: director, inspectorateLead, secretary · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, CONFLICT.
   */
  readonly registerTargets: CommandMethods['registerTargets'];
  /**
   * Xếp lịch một cuộc kiểm tra (không báo cho đơn vị được kiểm tra). / Schedules a visit: a day in the period, team members, a vehicle; partners are told, never the target.
   *
   * `visit.schedule` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly scheduleVisit: CommandMethods['scheduleVisit'];
  /**
   * Chốt lịch kiểm tra; báo lịch cho cơ quan phối hợp. / Fixes the schedule: the campaign moves to scheduled and the partners are told, one message per visit.
   *
   * `schedule.fix` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly fixSchedule: CommandMethods['fixSchedule'];
  /**
   * Bắt đầu cuộc kiểm tra tại đơn vị. / Starts a visit on site; from this instant the visit is visible to the target.
   *
   * `visit.start` (command) · roles: inspectorateLead, teamMember, secretary · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly startVisit: CommandMethods['startVisit'];
  /**
   * Ghi nhận kết quả kiểm tra theo từng nội dung. / Records answers and evidence, merged into what was recorded; complete: true closes the checklist.
   *
   * `answers.record` (command) · roles: inspectorateLead, teamMember, secretary · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly recordAnswers: CommandMethods['recordAnswers'];
  /**
   * Đồng bộ kết quả ghi nhận không cần mạng vào cuộc kiểm tra; báo từng nội dung bị thay đổi song song. / Merges answers recorded offline into the visit; every item changed elsewhere meanwhile is reported, never overwritten.
   *
   * `visitPacket.merge` (command) · roles: inspectorateLead, teamMember, secretary · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly mergeVisitPacket: CommandMethods['mergeVisitPacket'];
  /**
   * Lập biên bản kiểm tra từ kết quả. / Draws up the minutes from the answers: findings item by item, assessment, requests.
   *
   * `minutes.draft` (command) · roles: inspectorateLead, secretary · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly draftMinutes: CommandMethods['draftMinutes'];
  /**
   * Ký biên bản (đại diện đơn vị và Trưởng đoàn). / Records both signatures (the unit's representative and the team lead).
   *
   * `minutes.sign` (command) · roles: inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly signMinutes: CommandMethods['signMinutes'];
  /**
   * Ghi nhận việc đại diện đơn vị từ chối ký biên bản. / Records that the unit's representative refused to sign, with the reason; the lead signs.
   *
   * `signature.refuse` (command) · roles: inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly refuseSignature: CommandMethods['refuseSignature'];
  /**
   * Xem xét kết quả cuộc kiểm tra. / Reviews a visit whose minutes are signed or whose refusal is recorded.
   *
   * `visit.review` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly reviewVisit: CommandMethods['reviewVisit'];
  /**
   * Kết thúc cuộc kiểm tra đã xem xét. / Closes a reviewed visit.
   *
   * `visit.close` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly closeVisit: CommandMethods['closeVisit'];
  /**
   * Hủy một cuộc kiểm tra chưa bắt đầu. / Cancels a visit that has not started.
   *
   * `visit.cancel` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly cancelVisit: CommandMethods['cancelVisit'];
  /**
   * Báo cáo kết quả (cấp số BC) và thông báo kết quả (TB) cho từng đơn vị. / Numbers the results report (BC) to the Provincial People's Committee and one results notice (TB) per inspected unit.
   *
   * `reporting.begin` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly beginReporting: CommandMethods['beginReporting'];
  /**
   * Bắt đầu đôn đốc các đơn vị chưa đạt. / Begins following up non-compliant units.
   *
   * `followUp.begin` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly beginFollowUp: CommandMethods['beginFollowUp'];
  /**
   * Mở việc đôn đốc khắc phục của đơn vị chưa đạt. / Opens the follow-up of a reviewed visit whose unit was found non-compliant.
   *
   * `remediation.open` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly openRemediation: CommandMethods['openRemediation'];
  /**
   * Gửi công văn nhắc nhở khắc phục. / Sends a numbered reminder letter (CV) to the unit's representative.
   *
   * `reminder.send` (command) · roles: director, inspectorateLead, secretary · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly sendReminder: CommandMethods['sendReminder'];
  /**
   * Đặt (hoặc gia hạn) thời hạn khắc phục. / Sets (or moves) the deadline to remedy.
   *
   * `remediationDeadline.set` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly setRemediationDeadline: CommandMethods['setRemediationDeadline'];
  /**
   * Ghi nhận kết quả kiểm tra lại. / Records a re-check: complied → resolved; not complied → a new deadline or a sanction proposal.
   *
   * `recheck.record` (command) · roles: inspectorateLead, teamMember, secretary · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly recordRecheck: CommandMethods['recordRecheck'];
  /**
   * Đề xuất cơ quan có thẩm quyền xử lý vi phạm. / Proposes a sanction to the competent authority (the team proposes; it does not fine).
   *
   * `sanction.propose` (command) · roles: director · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly proposeSanction: CommandMethods['proposeSanction'];
  /**
   * Kết thúc đợt kiểm tra. / Closes the campaign; refused while any remediation is open.
   *
   * `campaign.close` (command) · roles: director · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly closeCampaign: CommandMethods['closeCampaign'];
  /**
   * Cập nhật các thời hạn đến ngày hôm nay. / Advances every stored lifecycle to today's date: deadlines pass, overdue items are marked.
   *
   * `deadlines.advance` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, CONFLICT.
   */
  readonly advanceDeadlines: CommandMethods['advanceDeadlines'];
  /**
   * Gửi các thư, thông báo đến hạn trong hộp thư đi. / Delivers the outbox messages that are due through the service's notifiers.
   *
   * `outbox.deliver` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, CONFIGURATION_INVALID.
   */
  readonly deliverOutbox: CommandMethods['deliverOutbox'];
  /**
   * Đưa các thư không gửi được trở lại hàng đợi. / Puts dead-letter messages back in the queue, on their channel or another.
   *
   * `messages.requeue` (command) · roles: director, inspectorateLead · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, CONFLICT.
   */
  readonly requeueMessages: CommandMethods['requeueMessages'];
  /**
   * Ghi nhận người nhận đã nhận thông báo qua điện thoại hoặc văn bản (phiếu gọi). / Records who took a manual-channel message (phone, paper, in person) and when, on the call sheet.
   *
   * `message.acknowledge` (command) · roles: director, inspectorateLead, secretary · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION, CONFLICT.
   */
  readonly acknowledgeMessage: CommandMethods['acknowledgeMessage'];
  /**
   * Tổng quan đợt kiểm tra. / The campaign at a glance, over the visits the actor may see; contacts masked by role.
   *
   * `campaignOverview.get` (query) · roles: director, inspectorateLead, teamMember, secretary, healthRepresentative, districtRepresentative, provincialViewer, targetRepresentative · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND.
   */
  readonly getCampaignOverview: CommandMethods['getCampaignOverview'];
  /**
   * Danh sách cuộc kiểm tra người dùng được xem. / Visits of a campaign the actor may see, optionally by state and district.
   *
   * `visits.list` (query) · roles: director, inspectorateLead, teamMember, secretary, healthRepresentative, districtRepresentative, provincialViewer, targetRepresentative · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED.
   */
  readonly listVisits: CommandMethods['listVisits'];
  /**
   * Tìm đơn vị được kiểm tra theo tên đơn vị hoặc tên huyện, không phân biệt dấu, hoa thường. / Finds a campaign's targets by their name or their district's name, ignoring accents and case.
   *
   * `targets.search` (query) · roles: director, inspectorateLead, teamMember, secretary, provincialViewer, healthRepresentative, districtRepresentative · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND.
   */
  readonly searchTargets: CommandMethods['searchTargets'];
  /**
   * Một trang danh sách cuộc kiểm tra người dùng được xem. / One page of the visits of a campaign the actor may see, by date; the cost of a page does not grow with the campaign.
   *
   * `visitPage.get` (query) · roles: director, inspectorateLead, teamMember, secretary, healthRepresentative, districtRepresentative, provincialViewer, targetRepresentative · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED.
   */
  readonly getVisitPage: CommandMethods['getVisitPage'];
  /**
   * Một cuộc kiểm tra (không tồn tại với người không được xem). / One visit; NOT_FOUND when the actor may not see it.
   *
   * `visit.get` (query) · roles: director, inspectorateLead, teamMember, secretary, healthRepresentative, districtRepresentative, provincialViewer, targetRepresentative · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND.
   */
  readonly getVisit: CommandMethods['getVisit'];
  /**
   * Xuất gói dữ liệu một cuộc kiểm tra cho thiết bị của thành viên đoàn (làm việc không cần mạng). / Exports one visit's packet for an inspector's device (target, template, earlier answers, version): offline work.
   *
   * `visitPacket.export` (query) · roles: inspectorateLead, teamMember, secretary, director · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND.
   */
  readonly exportVisitPacket: CommandMethods['exportVisitPacket'];
  /**
   * Thư, thông báo trong hộp thư đi. / Outbox messages: all for leadership; for anyone else only those addressed to them.
   *
   * `messages.list` (query) · roles: director, inspectorateLead, teamMember, secretary, healthRepresentative, districtRepresentative, provincialViewer, targetRepresentative · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED.
   */
  readonly listMessages: CommandMethods['listMessages'];
  /**
   * Kiểm tra tính toàn vẹn của nhật ký và dữ liệu (tùy chọn: so với một mốc kiểm tra). / Checks the tenant's audit chain and every record against it (optionally against a checkpoint).
   *
   * `audit.verify` (query) · roles: director, inspectorateLead, provincialViewer · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED.
   */
  readonly verifyAudit: CommandMethods['verifyAudit'];
  /**
   * Lấy mốc kiểm tra nhật ký (số thứ tự, mã băm cuối) để in hoặc gửi ra ngoài. / The head of the audit chain now (seq, hash, HMAC with the audit key), to print or send out and verify against later.
   *
   * `audit.checkpoint` (query) · roles: director, inspectorateLead, provincialViewer · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED.
   */
  readonly checkpointAudit: CommandMethods['checkpointAudit'];
  /**
   * Danh sách văn bản của đợt kiểm tra. / Every document a campaign has so far, in the order they were issued.
   *
   * `documents.list` (query) · roles: director, inspectorateLead, teamMember, secretary, healthRepresentative, districtRepresentative, provincialViewer, targetRepresentative · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND.
   */
  readonly listDocuments: CommandMethods['listDocuments'];
  /**
   * Dựng một văn bản (thể thức Nghị định 30/2020) từ dữ liệu đã lưu. / Builds one official document (Decree 30/2020 model) from what is stored.
   *
   * `document.get` (query) · roles: director, inspectorateLead, teamMember, secretary, healthRepresentative, districtRepresentative, provincialViewer, targetRepresentative · errors: VALIDATION_FAILED, FORBIDDEN, STORAGE_FAILED, NOT_FOUND, INVALID_TRANSITION.
   */
  readonly getDocument: CommandMethods['getDocument'];
}
