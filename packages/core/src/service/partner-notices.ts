import type { Target } from '../entities/target.js';
import type { Team } from '../entities/team.js';
import type { Visit } from '../entities/visit.js';
import { formatShortDate } from '../text/decree30-date.js';
import type { OutboxDraft } from './unit-of-work.js';

/**
 * The schedule notices of the plan (III.1: "Thanh tra sở trực tiếp báo lịch kiểm tra cho cán bộ
 * đại diện của Sở Y tế, cán bộ đại diện của phòng VHTT … liên quan địa điểm và đơn vị được kiểm
 * tra"): one message per visit to each Health representative of the team and to the team's
 * Culture-Information representative of the visit's district. Never to the target.
 */
export function partnerNotices(team: Team, visits: readonly Visit[], targets: ReadonlyMap<string, Target>): OutboxDraft[] {
  const out: OutboxDraft[] = [];
  for (const v of visits) {
    const target = targets.get(v.targetId);
    const recipients = team.members.filter((m) => m.source === 'health' || (m.source === 'district_culture_info' && m.districtCode === v.districtCode));
    for (const m of recipients) {
      const role = m.source === 'health' ? 'healthRepresentative' : 'districtRepresentative';
      out.push({
        id: `${v.id}.schedule.${m.personId}`,
        recipient: { role, id: m.personId, organizationId: m.organizationId },
        topic: 'visit.scheduled',
        subject: `Lịch kiểm tra ngày ${formatShortDate(v.scheduledOn)} / Inspection on ${v.scheduledOn}`,
        body:
          `Tổ kiểm tra PC-Covid thông báo lịch kiểm tra đột xuất ngày ${formatShortDate(v.scheduledOn)} tại ${target?.name ?? v.targetId}` +
          `${target ? ` (${target.address})` : ''}. Đề nghị không thông báo trước cho đơn vị được kiểm tra. / ` +
          `Unannounced inspection on ${v.scheduledOn} at ${target?.name ?? v.targetId}. Do not tell the unit in advance.`,
        refs: { campaignId: v.campaignId, visitId: v.id },
        deliverAfter: null,
      });
    }
  }
  return out;
}

/**
 * The vehicle requests of the plan (III: "Văn phòng Sở bố trí xe ô tô"): one message per visit
 * with a vehicle, to the body that provides it, naming the day and the vehicle — not the unit
 * visited, which the driver learns on the day.
 */
export function vehicleRequests(visits: readonly Visit[]): OutboxDraft[] {
  return visits.flatMap((v) =>
    v.vehicle === null
      ? []
      : [
          {
            id: `${v.id}.vehicle`,
            recipient: { role: 'office', id: v.vehicle.providedByOrganizationId, organizationId: v.vehicle.providedByOrganizationId },
            topic: 'vehicle.requested',
            subject: `Đề nghị bố trí xe ngày ${formatShortDate(v.scheduledOn)} / Vehicle request for ${v.scheduledOn}`,
            body:
              `Đề nghị bố trí ${v.vehicle.description} phục vụ Tổ kiểm tra PC-Covid ngày ${formatShortDate(v.scheduledOn)}. / ` +
              `Please provide ${v.vehicle.description} for the PC-Covid inspection team on ${v.scheduledOn}.`,
            refs: { campaignId: v.campaignId, visitId: v.id },
            deliverAfter: null,
          },
        ],
  );
}

/** The team decision, to each member: their appointment and the decision's number. */
export function teamDecisionNotices(team: Team, numberSymbol: string, decidedOn: string): OutboxDraft[] {
  return team.members.map((m) => ({
    id: `${team.id}.decision.${m.personId}`,
    recipient: { role: 'teamMember', id: m.personId, organizationId: m.organizationId },
    topic: 'team.decided',
    subject: `Quyết định số ${numberSymbol} thành lập ${team.name} / Decision ${numberSymbol} forming the team`,
    body:
      `Ông/Bà được cử tham gia ${team.name} theo Quyết định số ${numberSymbol} ngày ${formatShortDate(decidedOn)}. / ` +
      `You are appointed to the inspection team by decision ${numberSymbol} of ${decidedOn}.`,
    refs: { campaignId: team.campaignId, teamId: team.id, documentKind: 'teamDecision' },
    deliverAfter: null,
  }));
}
