/**
 * Completion and hover in the YAML editor from the brief's JSON Schema (schema/brief.schema.json,
 * made from src/brief/schema.ts): the keys the schema allows at the cursor, with their
 * descriptions, and the values of a key that has a fixed set (lang: zh-CN | en). Pure: text and
 * a position in, suggestions out; the path at the cursor is read from the indentation, so a
 * brief half typed (a key without its colon yet) still gets its suggestions.
 */

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  examples?: unknown[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
}

/** A step of a path: a key, or `*` for an item of a list. */
type Step = string;

interface Suggestion {
  label: string;
  /** What goes in: `key: ` for a key, the value for a value. */
  apply: string;
  type: 'property' | 'enum';
  detail?: string;
  info?: string;
}

export interface SuggestionsAt {
  /** Where the word being completed starts. */
  from: number;
  options: Suggestion[];
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#:'"\-?][^#:]*?|-[^\s#:][^#:]*?)\s*:(?:\s|$)/;

interface Line {
  indent: number;
  /** Columns of the `- ` of list items on the line, left to right. */
  dashes: number[];
  /** The key the line says, and its column. */
  key?: { name: string; col: number };
}

function readLine(text: string): Line | undefined {
  if (/^\s*(#|$)/.test(text)) return undefined;
  const indent = /^ */.exec(text)![0].length;
  const dashes: number[] = [];
  let col = indent;
  let m: RegExpExecArray | null;
  while ((m = /^-( +|$)/.exec(text.slice(col)))) {
    dashes.push(col);
    col += m[0].length;
    if (!m[1]) break;
  }
  const k = KEY.exec(text.slice(col));
  return { indent, dashes, ...(k ? { key: { name: unquote(k[1]!), col } } : {}) };
}

const unquote = (s: string) => (/^(["']).*\1$/.test(s) ? s.slice(1, -1) : s.trim());

/** The path of the mapping whose keys start at column `col`, from the lines above `lineIndex`. */
function pathAbove(lines: string[], lineIndex: number, col: number): Step[] {
  const path: Step[] = [];
  let want = col;
  for (let i = lineIndex - 1; i >= 0 && want > 0; i--) {
    const line = readLine(lines[i]!);
    if (!line || line.indent >= want) continue;
    if (line.key && line.key.col < want) {
      path.unshift(line.key.name);
      want = line.key.col;
    }
    for (const d of [...line.dashes].reverse())
      if (d < want) {
        path.unshift('*');
        want = d;
      }
  }
  return path;
}

/** The keys already said in the mapping at `col` around `lineIndex` (not offered again). */
function siblings(lines: string[], lineIndex: number, col: number): Set<string> {
  const said = new Set<string>();
  for (let i = lineIndex - 1; i >= 0; i--) {
    const line = readLine(lines[i]!);
    if (!line) continue;
    if (line.key?.col === col) {
      said.add(line.key.name);
      if (line.dashes.length) break; // the `- ` that starts this item
    } else if (line.indent < col) break;
  }
  for (let i = lineIndex + 1; i < lines.length; i++) {
    const line = readLine(lines[i]!);
    if (!line) continue;
    if (line.indent < col || (line.indent === col && line.dashes.length)) break;
    if (line.key?.col === col) said.add(line.key.name);
  }
  return said;
}

function resolveRef(root: JsonSchema, s: JsonSchema): JsonSchema {
  let seen = 0;
  while (s.$ref && seen++ < 20) {
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(s.$ref);
    const next = m ? root[m[1] as '$defs' | 'definitions']?.[decodeURIComponent(m[2]!)] : undefined;
    if (!next) return {};
    s = { ...next, ...(s.description ? { description: s.description } : {}) };
  }
  return s;
}

/** Every schema a value at `path` may follow (the branches of an anyOf, an oneOf, an allOf). */
function schemasAt(root: JsonSchema, path: Step[]): JsonSchema[] {
  let here: JsonSchema[] = [root];
  for (const step of path) {
    here = here
      .flatMap((s) => branches(root, s))
      .flatMap((s) => {
        const next = step === '*' ? s.items : s.properties?.[step];
        return next ? [next] : [];
      });
  }
  return here.flatMap((s) => branches(root, s));
}

function branches(root: JsonSchema, s: JsonSchema): JsonSchema[] {
  const r = resolveRef(root, s);
  const alts = [...(r.anyOf ?? []), ...(r.oneOf ?? []), ...(r.allOf ?? [])];
  return alts.length ? [r, ...alts.flatMap((a) => branches(root, a))] : [r];
}

const typeOf = (s: JsonSchema): string | undefined => {
  if (s.enum) return s.enum.map(String).join(' | ');
  if (Array.isArray(s.type)) return s.type.join(' | ');
  if (s.type) return s.type;
  const alts = [...(s.anyOf ?? []), ...(s.oneOf ?? [])].map(typeOf).filter(Boolean);
  return alts.length ? alts.join(' | ') : undefined;
};

/** What may be typed at `pos` of `text`: the keys of the mapping there, or a key's fixed values. */
export function suggestionsAt(root: JsonSchema, text: string, pos: number): SuggestionsAt | undefined {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const before = text.slice(lineStart, pos);
  const lines = text.slice(0, lineStart).split('\n');
  const lineIndex = lines.length - 1;
  lines[lineIndex] = text.slice(lineStart).split('\n')[0]!;
  const all = text.split('\n');

  // A key being typed: `  - ach`, `    sum`, or nothing yet on the line.
  const keyTyped = /^( *)((?:- +)*)([A-Za-z]*)$/.exec(before);
  if (keyTyped) {
    const indent = keyTyped[1]!.length;
    const dashes = keyTyped[2]!;
    const col = indent + dashes.length;
    const path = [...pathAbove(all, lineIndex, indent), ...(dashes.match(/-/g) ?? []).map(() => '*')];
    const said = dashes ? new Set<string>() : siblings(all, lineIndex, col);
    const options: Suggestion[] = [];
    const offered = new Set<string>();
    for (const s of schemasAt(root, path))
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        if (offered.has(name) || said.has(name)) continue;
        offered.add(name);
        const p = branches(root, prop)[0]!;
        const detail = typeOf(p);
        options.push({
          label: name,
          apply: `${name}: `,
          type: 'property',
          ...(detail ? { detail } : {}),
          ...(p.description ? { info: p.description } : {}),
        });
      }
    return options.length ? { from: pos - keyTyped[3]!.length, options } : undefined;
  }

  // A value after its key: the key's enum, when it has one.
  const valueTyped = /^( *)((?:- +)*)([^\s#:][^#:]*?):[ \t]+([^\s#]*)$/.exec(before);
  if (valueTyped) {
    const indent = valueTyped[1]!.length;
    const dashes = valueTyped[2]!;
    const path = [
      ...pathAbove(all, lineIndex, indent),
      ...(dashes.match(/-/g) ?? []).map(() => '*'),
      unquote(valueTyped[3]!),
    ];
    const values = new Set<string>();
    for (const s of schemasAt(root, path)) for (const v of s.enum ?? []) values.add(String(v));
    if (!values.size) return undefined;
    return {
      from: pos - valueTyped[4]!.length,
      options: [...values].map((v) => ({ label: v, apply: v, type: 'enum' as const })),
    };
  }
  return undefined;
}

/** What the schema says of the key at `pos` (for hover): its path, type and description. */
export function describeAt(
  root: JsonSchema,
  text: string,
  pos: number,
): { from: number; to: number; path: string; type?: string; description?: string } | undefined {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const lineEnd = text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos);
  const all = text.split('\n');
  const lineIndex = text.slice(0, lineStart).split('\n').length - 1;
  const line = readLine(text.slice(lineStart, lineEnd));
  if (!line?.key) return undefined;
  const from = lineStart + line.key.col;
  const to = from + line.key.name.length;
  if (pos < from || pos > to) return undefined;
  const firstDash = line.dashes[0] ?? line.key.col;
  const path = [...pathAbove(all, lineIndex, firstDash), ...line.dashes.map(() => '*'), line.key.name];
  const found = schemasAt(root, path);
  if (!found.length) return undefined;
  const description = found.map((s) => s.description).find(Boolean);
  const type = typeOf(found[0]!);
  return {
    from,
    to,
    path: path.join('.').replace(/\.\*/g, '[]'),
    ...(type ? { type } : {}),
    ...(description ? { description } : {}),
  };
}
