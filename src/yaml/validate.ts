/**
 * Turning schema problems into positioned messages: `file:line:column: units[2].name: message`,
 * every problem at once, with "did you mean …" for misspelt keys.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { safeParse, type core, type output } from '../zod.js';
import { problem, type Problem } from '../errors.js';
import { catalogued, msg, word, type Msg } from '../messages/catalogue.js';
import type { YamlSource } from './source.js';

type Path = ReadonlyArray<PropertyKey>;

export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out;
}

/** The deepest YAML node along `path`, and the key node when the last step is a mapping key. */
export function locate(src: YamlSource, path: Path): { node: Node | null; key: Node | null } {
  let node: unknown = src.doc.contents;
  let key: Node | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      key = pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      key = null;
      node = node.items[seg];
    } else break;
  }
  return { node: (node as Node | null) ?? null, key };
}

function position(src: YamlSource, node: Node | null) {
  const offset = node?.range?.[0] ?? 0;
  const p = src.lines.linePos(offset);
  return { file: src.file, line: p.line, column: p.col };
}

/** Known keys of the object schema at a path (through arrays, optionals and unions). */
function knownKeys(schema: core.$ZodType, path: Path): string[] {
  let current: unknown[] = [schema];
  for (const seg of path) current = current.flatMap((s) => step(s, seg));
  return [...new Set(current.flatMap((s) => objectKeys(s)))];
}

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  options?: unknown[];
}
/** A schema's definition (zod's public `.def`). */
const defOf = (s: unknown): Def => (s as { def: Def }).def;

function unwrap(s: unknown): unknown[] {
  const d = defOf(s);
  if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') return unwrap(d.innerType);
  if (d.type === 'union') return (d.options ?? []).flatMap(unwrap);
  return [s];
}
function step(s: unknown, seg: PropertyKey): unknown[] {
  return unwrap(s).flatMap((u) => {
    const d = defOf(u);
    if (d.type === 'array' && typeof seg === 'number') return unwrap(d.element);
    if (d.type === 'object' && typeof seg === 'string' && d.shape?.[seg]) return unwrap(d.shape[seg]);
    return [];
  });
}
function objectKeys(s: unknown): string[] {
  return unwrap(s).flatMap((u) => (defOf(u).type === 'object' ? Object.keys(defOf(u).shape ?? {}) : []));
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function suggest(word: string, candidates: string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Validate plain data against a schema; every problem, positioned. */
export function validate<T extends core.$ZodType>(
  schema: T,
  data: unknown,
  src: YamlSource,
): { data?: output<T>; problems: Problem[] } {
  const result = safeParse(schema, data, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) problems.push(...fromIssue(schema, src, issue, issue.path));
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { problems };
}

function fromIssue(schema: core.$ZodType, src: YamlSource, issue: core.$ZodIssue, path: Path): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    return issue.keys.map((k) => {
      const { key } = locate(src, [...path, k]);
      const hint = suggest(k, known);
      return problem(
        { ...position(src, key), path: formatPath([...path, k]) },
        hint
          ? msg('brief.unknownKeyHint', { key: k, hint })
          : msg('brief.unknownKey', { key: k, known: known.join(', ') }),
      );
    });
  }
  if (issue.code === 'invalid_union') {
    // Keep the branch that got past the type check (the input was the right kind of thing);
    // when none did, say which kinds are accepted.
    const deeper = issue.errors.filter(
      (branch) => !branch.every((e) => e.code === 'invalid_type' && e.path.length === 0),
    );
    if (deeper.length > 0) return deeper[0]!.flatMap((e) => fromIssue(schema, src, e, [...path, ...e.path]));
    const first = issue.errors[0]?.[0];
    const { node } = locate(src, path);
    const at = { ...position(src, node), path: formatPath(path) };
    const m = first && catalogued(first.message);
    if (m?.key === 'brief.expectedText' || m?.key === 'brief.expectedTextQuote') {
      const either =
        m.key === 'brief.expectedText' ? 'brief.expectedTextOrMapping' : 'brief.expectedTextOrMappingQuote';
      return [problem(at, { key: either, params: m.params ?? {} })];
    }
    return [
      {
        ...at,
        message: (first?.message ?? 'invalid value').replace(
          /^expected ([^,]+),/,
          'expected $1 or a mapping { text, by },',
        ),
      },
    ];
  }
  const { node, key } = locate(src, path);
  const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  const where = missing ? nearestExisting(src, path) : position(src, node ?? key);
  const input = (issue as { input?: unknown }).input;
  const date = typeof input === 'string' ? CHINESE_DATE.exec(input.trim()) : null;
  const m: Msg | undefined = missing
    ? msg('brief.missingKey', { key: String(path[path.length - 1]) })
    : date
      ? msg('brief.chineseDate', { written: input as string, date: isoDate(date) })
      : (CATALOGUED.get(issue.message) ?? catalogued(issue.message));
  const at = { ...where, path: formatPath(path) };
  return [m ? problem(at, m) : { ...at, message: issue.message }];
}

/** A date as Chinese is written: 2025年1月6日, or 2025年1月 when the report gives no day. */
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$/;
const isoDate = (m: RegExpExecArray): string =>
  [m[1]!, m[2]!.padStart(2, '0'), ...(m[3] ? [m[3].padStart(2, '0')] : [])].join('-');

/** Messages the schemas give in English that the catalogue has, by their English text. */
const CATALOGUED = new Map<string, Msg>(
  (['brief.date', 'brief.noSuchDate', 'theme.color'] as const).map((k) => [word(msg(k), 'en'), msg(k)]),
);

function nearestExisting(src: YamlSource, path: Path) {
  return position(src, locate(src, path.slice(0, -1)).node);
}
