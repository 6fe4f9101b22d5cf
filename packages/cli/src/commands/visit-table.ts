import { BUILT_IN_TARGET_TYPES, TARGET_TYPE_LABELS, type BuiltInTargetType, type Target, type VisitView } from '@pccovid-inspect/core';
import type { Output } from '../output.js';
import type { Session } from './session.js';

/** @internal A visit the actor may see, with its target's type. */
export interface TypedVisit extends VisitView {
  targetType: string;
}

/**
 * @internal The visits the actor may see (`visits.list`: scope and embargo applied by the
 * service), each with its target's type, read from the target the visit names.
 */
export async function visibleVisitsWithTypes(session: Session): Promise<TypedVisit[]> {
  const { service, actor, workspace, storage } = session;
  const visits = await service.listVisits(actor, { campaignId: workspace.campaignId });
  const types = new Map<string, string>();
  for (const id of new Set(visits.map((v) => v.targetId))) {
    const record = await storage.get<Target>('targets', workspace.province.tenant.id, id);
    types.set(id, record?.data.type ?? 'unknown');
  }
  return visits.map((v) => ({ ...v, targetType: types.get(v.targetId) ?? 'unknown' }));
}

/** @internal A target type's label in the output's language (its id when it is not a built-in type). */
export function typeLabel(out: Output, type: string): string {
  if (!(BUILT_IN_TARGET_TYPES as readonly string[]).includes(type)) return type;
  const label = TARGET_TYPE_LABELS[type as BuiltInTargetType];
  return out.text(label.vi, label.en);
}

/** @internal Counts of visits per row key × state: the rows sorted by key, the states sorted. */
export function countByState(visits: readonly TypedVisit[], keyOf: (v: TypedVisit) => string): { states: string[]; rows: Map<string, Map<string, number>> } {
  const states = [...new Set(visits.map((v) => v.state))].sort();
  const rows = new Map<string, Map<string, number>>();
  for (const v of visits) {
    const key = keyOf(v);
    const row = rows.get(key) ?? new Map<string, number>();
    row.set(v.state, (row.get(v.state) ?? 0) + 1);
    rows.set(key, row);
  }
  return { states, rows: new Map([...rows.entries()].sort(([a], [b]) => a.localeCompare(b))) };
}

/** @internal Prints a table: the first column left-aligned, the others (counts) right-aligned. */
export function printTable(out: Output, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  out.line(fmt(header));
  out.line(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) out.line(fmt(r));
}
