/**
 * @internal Long unbroken runs cut into chunks pdfmake lays out in linear time.
 *
 * pdfmake lays a word wider than the line out by measuring ever shorter prefixes of the whole rest
 * of the word on every line it fills — quadratic in the word's length (a 10,000-character name
 * took minutes). Handed the same word as consecutive pieces, it measures one piece at a time and
 * cuts the line inside the piece that overflows: the same lines, in linear time. The pieces add
 * no character (no U+200B, no hyphen): the text extracted from the PDF is the word, cut at line ends.
 */
import type { Content } from 'pdfmake/interfaces';

/** Words up to this many characters are laid out whole; longer ones go to pdfmake in pieces. */
export const MAX_UNBROKEN = 40;

/** A longer word goes to pdfmake in pieces of this many grapheme clusters (a fraction of a line at 9–14 pt). */
export const CHUNK = 32;

/** A grapheme cluster, near enough: a code point and the combining marks after it. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;
const LONG_RUN = new RegExp(`\\S{${MAX_UNBROKEN + 1},}`, 'u');

/**
 * A long word cut into pieces of {@link CHUNK} grapheme clusters (its trailing spaces stay on the
 * last piece); the pieces joined are the word.
 */
export function chunkWord(word: string, size = CHUNK): string[] {
  const bare = word.trimEnd();
  const clusters = bare.match(CLUSTER) ?? [];
  const out: string[] = [];
  for (let i = 0; i < clusters.length; i += size) out.push(clusters.slice(i, i + size).join(''));
  if (out.length === 0) return [word];
  out[out.length - 1] += word.slice(bare.length);
  return out;
}

/**
 * `text` as pieces whose every run of more than {@link MAX_UNBROKEN} non-space characters is cut
 * by {@link chunkWord}; `null` when it has no such run. The pieces joined are `text`.
 */
export function breakablePieces(text: string): string[] | null {
  if (!LONG_RUN.test(text)) return null;
  const out: string[] = [];
  let pending = '';
  for (const token of text.match(/\s+|\S+\s*/gu) ?? []) {
    if (token.trimEnd().length <= MAX_UNBROKEN) {
      pending += token;
      continue;
    }
    if (pending !== '') out.push(pending);
    pending = '';
    out.push(...chunkWord(token));
  }
  if (pending !== '') out.push(pending);
  return out;
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A node's `text` (a string, an inline, or an array of them) with its long runs in pieces. In
 * justified text the pieces are aligned left: pdfmake takes a line's alignment from its first
 * inline, and would stretch a line cut inside a long word over the boundaries between its pieces.
 */
function breakText(text: unknown, justify: boolean): unknown {
  const piece = (inline: Node, text: string): Node => (justify ? { ...inline, text, alignment: 'left' } : { ...inline, text });
  if (typeof text === 'string') {
    const pieces = breakablePieces(text);
    return pieces === null ? text : justify ? pieces.map((p) => piece({}, p)) : pieces;
  }
  if (Array.isArray(text)) {
    let changed = false;
    const out: unknown[] = [];
    for (const item of text) {
      if (typeof item === 'string') {
        const pieces = breakablePieces(item);
        if (pieces !== null) changed = true;
        out.push(...(pieces === null ? [item] : justify ? pieces.map((p) => piece({}, p)) : pieces));
      } else if (isNode(item) && typeof item.text === 'string') {
        const pieces = breakablePieces(item.text);
        if (pieces !== null) changed = true;
        out.push(...(pieces?.map((p) => piece(item, p)) ?? [item]));
      } else if (isNode(item) && Array.isArray(item.text)) {
        const inner = breakText(item.text, justify);
        if (inner !== item.text) changed = true;
        out.push(inner === item.text ? item : { ...item, text: inner });
      } else out.push(item);
    }
    return changed ? out : text;
  }
  return text;
}

const CONTAINERS = ['stack', 'columns', 'ul', 'ol'] as const;

/**
 * Content with every long unbroken run (in text nodes, stacks, columns, lists and table cells) in
 * pieces pdfmake lays out in linear time. Nodes without such a run are returned as they are.
 */
export function breakLongRuns(content: Content): Content {
  if (typeof content === 'string') {
    const pieces = breakablePieces(content);
    return pieces === null ? content : { text: pieces };
  }
  if (Array.isArray(content)) return content.map(breakLongRuns);
  const node: unknown = content;
  if (!isNode(node)) return content;
  let out: Node = node;
  const set = (key: string, value: unknown) => {
    if (value === out[key]) return;
    if (out === node) out = { ...node };
    out[key] = value;
  };
  if ('text' in node) set('text', breakText(node.text, node.alignment === 'justify'));
  for (const key of CONTAINERS) if (Array.isArray(node[key])) set(key, (node[key] as Content[]).map(breakLongRuns));
  const table = node.table;
  if (isNode(table) && Array.isArray(table.body)) {
    const body = (table.body as Content[][]).map((row) => row.map(breakLongRuns));
    set('table', { ...table, body });
  }
  return out as unknown as Content;
}
