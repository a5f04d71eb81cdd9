/**
 * Writing the draft: a plain brief object plus comments at YAML paths, through the `yaml`
 * package's Document API so every string is quoted safely and comments sit where a secretary
 * reads them. Layout follows the sample brief: schema line first, a blank line before `units`
 * and `directives` and between units.
 */
import { Document, isMap, isNode, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';

export type YamlPath = ReadonlyArray<string | number>;

export interface Comment {
  path: YamlPath;
  /** Lines above the key or item. */
  before?: string;
  /** At the end of the value's line (scalars only). */
  after?: string;
}

export interface EmitInput {
  header: string[];
  /** Path of the brief JSON Schema, relative to the draft. */
  schema?: string;
  brief: Record<string, unknown>;
  comments: Comment[];
  /** Comment blocks after the brief (unplaced text, page furniture). */
  trailer: string[];
}

const SCHEMA_LINE = 'yaml-language-server: $schema=../schema/brief.schema.json';

export function emitYaml(input: EmitInput): string {
  // No anchors: a point suggested to two units is written out twice, as a secretary expects.
  const doc = new Document(input.brief, { aliasDuplicateObjects: false });
  doc.commentBefore = indent(
    [input.schema ? `yaml-language-server: $schema=${input.schema}` : SCHEMA_LINE, ...input.header].join('\n'),
  );
  for (const c of input.comments) apply(doc, c);
  const date = doc.getIn(['meeting', 'date'], true);
  // Quoted, as in the sample brief: YAML 1.1 tools would read 2025-01-06 as a timestamp.
  if (isScalar(date)) date.type = Scalar.QUOTE_DOUBLE;
  const chair = doc.getIn(['meeting', 'chair'], true);
  if (isMap(chair)) chair.flow = true;
  for (const key of ['units', 'directives']) {
    const pair = topPair(doc, key);
    if (pair && isScalar(pair.key)) pair.key.spaceBefore = true;
    const seq = doc.get(key, true);
    if (isSeq(seq)) seq.items.forEach((item, i) => i > 0 && isNode(item) && (item.spaceBefore = true));
  }
  if (input.trailer.length) doc.comment = indent(input.trailer.join('\n\n'));
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

function apply(doc: Document, c: Comment) {
  const parentPath = c.path.slice(0, -1);
  const last = c.path[c.path.length - 1];
  const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
  let target: Node | undefined;
  let keyNode: Node | undefined;
  if (isMap(parent)) {
    const pair = (parent.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === last);
    if (pair) {
      keyNode = pair.key as Node;
      target = isNode(pair.value) ? pair.value : undefined;
    }
  } else if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last];
    if (isNode(item)) keyNode = target = item;
  }
  if (c.before && keyNode) keyNode.commentBefore = join(keyNode.commentBefore, indent(c.before));
  if (c.after && target) {
    if (isScalar(target)) target.comment = join(target.comment, ' ' + c.after);
    else if (keyNode) keyNode.commentBefore = join(keyNode.commentBefore, indent(c.after));
  }
}

function topPair(doc: Document, key: string): Pair | undefined {
  return isMap(doc.contents)
    ? (doc.contents.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key)
    : undefined;
}

/** A space after each "#", as people write comments. */
const indent = (s: string) =>
  s
    .split('\n')
    .map((l) => (l ? ' ' + l : ''))
    .join('\n');
const join = (a: string | null | undefined, b: string) => (a ? `${a}\n${b}` : b);
