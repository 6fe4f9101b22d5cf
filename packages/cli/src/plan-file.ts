import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { COMMANDS, ValidationError, type CommandInput } from '@pccovid-inspect/core';
import { LineCounter, isCollection, isNode, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { PROVINCES } from './context.js';

/**
 * A plan file (JSON or YAML): the province pack, the directory (bodies and people) and the
 * campaign, exactly as `directory.register` and `campaign.create` take them.
 *
 * @example
 * ```yaml
 * province: ha-tinh
 * directory:
 *   organizations: [...]
 *   people: [...]
 * campaign:
 *   id: campaign-ht-2021-pccovid
 *   ...
 * ```
 */
export interface PlanFile {
  /** A province pack the command line knows (`ha-tinh`). */
  province: string;
  directory: CommandInput<'directory.register'>;
  campaign: CommandInput<'campaign.create'>['campaign'];
}

const PlanFileSchema = z.strictObject({
  province: z.enum(Object.keys(PROVINCES) as [string, ...string[]]).default('ha-tinh'),
  directory: COMMANDS['directory.register'].input,
  campaign: COMMANDS['campaign.create'].input.shape.campaign,
});

/** Where in the plan file a problem is: the field's path and its line and column (1-based). */
export interface PlanFileIssue {
  path: (string | number)[];
  line: number;
  column: number;
  message: string;
}

/** The deepest node of `path` that exists in the document (a missing field points at its parent). */
function nodeAt(doc: Document, path: (string | number)[]): Node | null {
  let node: unknown = doc.contents;
  let found: Node | null = isNode(node) ? node : null;
  for (const key of path) {
    if (!isCollection(node)) break;
    const next: unknown = node.get(key, true);
    if (!isNode(next)) {
      // An unknown key: point at the key itself.
      const pair = (node.items as { key?: unknown }[]).find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === key);
      if (pair && isNode(pair.key)) found = pair.key;
      break;
    }
    node = next;
    found = next;
  }
  return found;
}

/**
 * Reads and validates a plan file. JSON is read as YAML (YAML 1.2 holds JSON), so both give
 * source positions: a schema error names the field and its line, e.g.
 * `campaign.period.from (dòng / line 12, cột / column 11): …`.
 *
 * @throws ValidationError (`VALIDATION_FAILED`) with the issues' paths and lines.
 */
export function readPlanFile(file: string): PlanFile {
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const source = basename(file);
  if (extname(file).toLowerCase() === '.json') {
    try {
      JSON.parse(text);
    } catch (error) {
      // V8: "… in JSON at position 123" (Node 20) or "(line 4 column 3)" (later Node).
      const message = error instanceof Error ? error.message : String(error);
      const at = /position (\d+)/.exec(message);
      const offset = at ? Number(at[1]) : text.length;
      const before = text.slice(0, offset).split('\n');
      throw planError(source, [{ path: [], line: before.length, column: before[before.length - 1]!.length + 1, message: message.replace(/ in JSON at position \d+.*$/, '') }]);
    }
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues: PlanFileIssue[] = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { path: [], line: pos.line, column: pos.col, message: e.message.split('\n')[0] ?? e.code };
    });
    throw planError(source, issues);
  }
  const parsed = PlanFileSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const zod = ValidationError.fromZod('plan', parsed.error);
  const issues: PlanFileIssue[] = zod.issues.map((i) => {
    const node = nodeAt(doc, i.path);
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { path: i.path, line: pos.line, column: pos.col, message: i.message };
  });
  throw planError(source, issues);
}

function planError(source: string, issues: PlanFileIssue[]): ValidationError {
  const withPlace = issues.map((i) => ({
    path: i.path,
    code: 'plan_file',
    message: `${source}:${i.line}:${i.column} (dòng / line ${i.line}): ${i.message}`,
    line: i.line,
    column: i.column,
  }));
  const first = withPlace[0];
  return new ValidationError({
    subject: `plan file ${source}`,
    issues: withPlace,
    hint: first ? `Sửa ${source} tại dòng ${first.line}. / Fix ${source} at line ${first.line}.` : undefined,
  });
}
