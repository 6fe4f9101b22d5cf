/**
 * The offline visit page: no framework. The page's URL names where its packet comes from and
 * where to sync (`/?packet=/packet/v-hospital&sync=/sync`). The packet is fetched once and kept in
 * IndexedDB with the inspector's draft; the checklist is checked on the device by core's
 * `validateChecklistResponse` against the packet's own template; "Đồng bộ / Sync" posts what the
 * inspector changed to `mergeVisitPacket` and shows, item by item, what was applied, skipped or
 * in conflict. A conflicting item stays on the device until the inspector chooses.
 */
import { CHECKLIST_ANSWER_LABELS, ValidationError, validateChecklistResponse } from '@pccovid-inspect/core';
import type { ChecklistAnswer, ChecklistItemResponse, PacketConflict, VisitPacket } from '@pccovid-inspect/core';
import { loadDraft, loadPacket, saveDraft, savePacket, type Draft } from './store.js';

/** The packet format this page reads (checked against core's type, without importing core's service code). */
const FORMAT: VisitPacket['format'] = 'pccovid-inspect/visit-packet@1';
const ANSWERS: ChecklistAnswer[] = ['met', 'not_met', 'not_applicable'];

const params = new URLSearchParams(location.search);
const packetUrl = params.get('packet') ?? '/packet/v-hospital';
const syncUrl = params.get('sync') ?? '/sync';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
const both = (vi: string, en: string): (Node | string)[] => [vi, ' ', el('span', { className: 'en' }, `/ ${en}`)];
const status = (vi: string, en: string): void => $('status').replaceChildren(...both(vi, en));

let packet: VisitPacket;
let draft: Draft;

/** What the device holds for an item now: the inspector's answer, else the packet's. */
const current = (itemId: string): ChecklistItemResponse | undefined => draft.items[itemId]?.answer ?? packet.answers[itemId];
const describe = (r: ChecklistItemResponse | null | undefined): string => (r?.answer ? `${CHECKLIST_ANSWER_LABELS[r.answer].vi}${r.note ? ` — ${r.note}` : ''}` : '—');

async function getPacket(): Promise<{ packet: VisitPacket; from: 'device' | 'network' }> {
  const kept = await loadPacket(packetUrl);
  if (kept) return { packet: kept, from: 'device' };
  const response = await fetch(packetUrl, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Không tải được gói dữ liệu (HTTP ${response.status}) / Could not load the packet (HTTP ${response.status})`);
  const fetched = (await response.json()) as { format?: unknown };
  if (fetched.format !== FORMAT) throw new Error(`Gói dữ liệu không đúng định dạng ${FORMAT} / The packet is not ${FORMAT}`);
  await savePacket(packetUrl, fetched as VisitPacket);
  return { packet: fetched as VisitPacket, from: 'network' };
}

function renderUnit(): void {
  const { target, visit, template } = packet;
  $('unit').replaceChildren(
    el('h2', {}, target.name),
    el('p', {}, target.address),
    el('p', {}, ...both(`Ngày kiểm tra ${visit.scheduledOn} · phiên bản ${visit.version}`, `visit ${visit.id}, version ${visit.version}`)),
    el('p', {}, ...both(template.title.vi, template.title.en)),
  );
}

function renderItems(): void {
  const form = $('items');
  form.replaceChildren();
  for (const section of packet.template.sections) {
    form.append(el('h3', {}, ...both(section.title.vi, section.title.en)));
    for (const item of section.items) {
      const now = current(item.id);
      const box = el('fieldset', {}, el('legend', {}, el('b', {}, `${item.id}. `), ...both(item.label.vi, item.label.en)));
      box.dataset.item = item.id;
      for (const answer of ANSWERS) {
        const input = el('input', { type: 'radio', name: `answer-${item.id}`, value: answer, checked: now?.answer === answer });
        input.addEventListener('change', () => void edit(item.id));
        box.append(el('label', {}, input, ` ${CHECKLIST_ANSWER_LABELS[answer].vi}`));
      }
      const note = el('textarea', { name: `note-${item.id}`, rows: 2, value: now?.note ?? '', placeholder: 'Ghi chú / Note' });
      note.addEventListener('change', () => void edit(item.id));
      box.append(note);
      form.append(box);
    }
  }
}

/** Records the inspector's change of one item in the draft (IndexedDB), then checks the checklist. */
let pending = 0;
async function edit(itemId: string): Promise<void> {
  document.body.dataset.pending = String(++pending);
  const box = document.querySelector<HTMLFieldSetElement>(`fieldset[data-item="${itemId}"]`)!;
  const chosen = box.querySelector<HTMLInputElement>('input[type=radio]:checked');
  const note = box.querySelector('textarea')!.value.trim();
  const before = packet.answers[itemId];
  const answer: ChecklistItemResponse = { answer: (chosen?.value as ChecklistAnswer | undefined) ?? null, fields: before?.fields ?? {}, evidence: before?.evidence ?? [] };
  if (note !== '') answer.note = note;
  const kept = draft.items[itemId];
  draft.items[itemId] = { answer, base: kept ? kept.base : (before ?? null) };
  if (packet.visit.startedAt === null) draft.startedAt ??= new Date().toISOString();
  await saveDraft(draft);
  validate();
  document.body.dataset.pending = String(--pending);
}

/** Checks the answers on the device with core, against the packet's template. */
function validate(): void {
  const answers: Record<string, ChecklistItemResponse> = { ...packet.answers };
  for (const [id, item] of Object.entries(draft.items)) answers[id] = item.answer;
  const messages = $('messages');
  const changed = Object.keys(draft.items).length;
  $('saved').replaceChildren(...both(`Đã lưu trên máy ${changed} nội dung chưa đồng bộ`, `${changed} unsynced item(s) saved on this device`));
  $('saved').dataset.count = String(changed);
  try {
    const { response, evaluation } = validateChecklistResponse(
      packet.template,
      { templateId: packet.template.id, templateVersion: packet.template.version, targetId: packet.target.id, visitId: packet.visit.id, answers },
      { allowUnanswered: !$<HTMLInputElement>('complete').checked },
    );
    const unanswered = packet.template.sections.flatMap((s) => s.items).filter((i) => !response.answers[i.id]?.answer).length;
    messages.replaceChildren();
    messages.dataset.count = '0';
    $('status').dataset.verdict = evaluation.unit.verdict;
    if (unanswered > 0) messages.append(el('li', { className: 'info' }, ...both(`Còn ${unanswered} nội dung chưa đánh giá`, `${unanswered} item(s) not answered yet`)));
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    const lines = (error.hint ?? error.message).split('\n');
    messages.replaceChildren(...lines.map((line) => el('li', {}, line)));
    messages.dataset.count = String(lines.length);
  }
}

interface MergeResult {
  applied: string[];
  skipped: string[];
  conflicts: PacketConflict[];
  completed: boolean;
  version: number;
}

async function sync(): Promise<void> {
  const ids = Object.keys(draft.items).filter((id) => draft.items[id]?.conflict === undefined);
  const body = {
    visitId: packet.visit.id,
    baseVersion: packet.visit.version,
    base: Object.fromEntries(ids.map((id) => [id, draft.items[id]!.base])),
    answers: Object.fromEntries(ids.map((id) => [id, draft.items[id]!.answer])),
    ...(draft.startedAt ? { startedAt: draft.startedAt } : {}),
    complete: $<HTMLInputElement>('complete').checked,
  };
  let response: Response;
  try {
    response = await fetch(syncUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    status('Không có mạng: câu trả lời vẫn lưu trên máy, hãy đồng bộ lại sau', 'Offline: the answers stay on this device; sync again later');
    return;
  }
  const json = (await response.json()) as MergeResult & { code?: string; detail?: string; hint?: string };
  if (!response.ok) {
    status(`Máy chủ từ chối (${json.code ?? response.status}): ${json.detail ?? ''}`, json.hint ?? 'the server refused the sync');
    return;
  }
  for (const id of [...json.applied, ...json.skipped]) {
    packet.answers[id] = draft.items[id]!.answer;
    delete draft.items[id];
  }
  for (const c of json.conflicts) draft.items[c.itemId]!.conflict = c.server;
  if (draft.startedAt) {
    packet.visit.startedAt = draft.startedAt;
    delete draft.startedAt;
  }
  await savePacket(packetUrl, packet);
  await saveDraft(draft);
  renderResult(json);
  validate();
  status(
    `Đã đồng bộ: ${json.applied.length} áp dụng, ${json.skipped.length} bỏ qua, ${json.conflicts.length} xung đột`,
    `Synced: ${json.applied.length} applied, ${json.skipped.length} skipped, ${json.conflicts.length} conflicts`,
  );
}

function renderResult(result: MergeResult): void {
  const row = (itemId: string, outcome: 'applied' | 'skipped' | 'conflict', ...content: (Node | string)[]): HTMLLIElement => {
    const li = el('li', { className: outcome }, el('b', {}, `${itemId}: `), ...content);
    li.dataset.item = itemId;
    li.dataset.outcome = outcome;
    return li;
  };
  const list = $('result');
  list.replaceChildren(
    ...result.applied.map((id) => row(id, 'applied', ...both('đã áp dụng', 'applied'))),
    ...result.skipped.map((id) => row(id, 'skipped', ...both('máy chủ đã có', 'already on the server'))),
    ...result.conflicts.map((c) => {
      const mine = el('button', { type: 'button', className: 'keep-mine' }, 'Giữ bản của tôi / Keep mine');
      const theirs = el('button', { type: 'button', className: 'use-server' }, 'Dùng bản máy chủ / Use the server’s');
      mine.addEventListener('click', () => void resolve(c.itemId, 'mine'));
      theirs.addEventListener('click', () => void resolve(c.itemId, 'server'));
      return row(
        c.itemId,
        'conflict',
        ...both('xung đột — máy chủ đã đổi trong lúc làm việc không có mạng', 'conflict — changed on the server meanwhile'),
        el('br'),
        `Máy chủ / server: ${describe(c.server)}`,
        el('br'),
        `Trên máy / device: ${describe(c.device)}`,
        el('br'),
        mine,
        ' ',
        theirs,
      );
    }),
  );
}

/** The inspector's choice on a conflict: keep the device's answer (sent on the next sync) or take the server's. */
async function resolve(itemId: string, keep: 'mine' | 'server'): Promise<void> {
  const item = draft.items[itemId];
  if (!item || item.conflict === undefined) return;
  if (keep === 'mine') {
    item.base = item.conflict;
    delete item.conflict;
  } else {
    if (item.conflict) packet.answers[itemId] = item.conflict;
    else delete packet.answers[itemId];
    delete draft.items[itemId];
    await savePacket(packetUrl, packet);
  }
  await saveDraft(draft);
  document.querySelector(`#result li[data-item="${itemId}"]`)?.remove();
  renderItems();
  validate();
}

async function main(): Promise<void> {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then(() => (document.body.dataset.offlineReady = 'true'))
      .catch(() => undefined); // the page works without it; only a reload offline needs it
  }
  const loaded = await getPacket();
  packet = loaded.packet;
  draft = await loadDraft(packet.visit.id);
  renderUnit();
  renderItems();
  validate();
  // Conflicts reported by an earlier sync wait for the inspector's choice, across reloads.
  const open = Object.entries(draft.items).flatMap(([itemId, item]) =>
    item.conflict === undefined ? [] : [{ itemId, base: item.base, server: item.conflict, device: item.answer }],
  );
  if (open.length > 0) renderResult({ applied: [], skipped: [], conflicts: open, completed: false, version: packet.visit.version });
  $('complete').addEventListener('change', validate);
  $('sync').addEventListener('click', () => void sync());
  if (loaded.from === 'device') status('Gói dữ liệu lấy từ máy (không cần mạng)', 'Packet read from this device (no network needed)');
  else status('Đã tải gói dữ liệu và lưu trên máy', 'Packet downloaded and kept on this device');
  document.body.dataset.packet = loaded.from;
}

main().catch((error: unknown) => {
  status('Lỗi', error instanceof Error ? error.message : String(error));
  document.body.dataset.packet = 'error';
});
