/**
 * Reading a YAML file (brief or theme) as text we can trust, and parsing it while keeping
 * source positions, so every later problem can be reported as `file:line:column`.
 * Shared by `brief/` and `theme/`.
 */
import { xmlForbidden } from '../xml-chars.js';
import { COUNT_LIMITS } from '../limits.js';
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { isAlias, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { BriefdeckError, problem, type Problem } from '../errors.js';
import { msg, type Msg, type Param } from '../messages/catalogue.js';
import { describeFsError } from '../output/write.js';
import { typingMistakes } from './typing.js';

/** Briefs and themes are outlines, not data dumps: anything bigger is a mistake or an attack. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Non-fatal notes (removed control characters…), already positioned. */
  warnings: Problem[];
  /** The first alias that names no anchor before it (refused when the data is taken). */
  unresolvedAlias?: Problem;
}

/** Read a file as UTF-8 text, refusing what is not text. */
export function readTextFile(file: string, what = 'file'): string {
  return decodeText(readInputFile(file, what), file);
}

/** Read a file's bytes: at most the size limit, and only from a regular file: a device
 * (/dev/zero) never ends, and a named pipe may never be written. */
export function readInputFile(file: string, what = 'file'): Buffer {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new BriefdeckError(problem({ file }, msg('file.missing', { what: noun(what) })));
    throw cannotRead(file, what, e);
  }
  if (st.isDirectory()) throw new BriefdeckError(problem({ file }, msg('file.isFolder', { what: noun(what) })));
  if (!st.isFile()) throw notAFile(file, st, what);
  if (st.size > MAX_INPUT_BYTES) throw tooBig(file, st.size, what);
  let fd: number | undefined;
  try {
    // Not blocking: should the path have become a named pipe since the stat, opening it does not
    // wait for a writer; the stat of what was opened then refuses it.
    fd = openSync(file, constants.O_RDONLY | ((constants.O_NONBLOCK as number | undefined) ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw notAFile(file, opened, what);
    const bytes = readAtMost(fd, opened.size, MAX_INPUT_BYTES + 1);
    // Larger than its size said (it grew, or the system makes it up as it is read: /proc).
    if (bytes.length > MAX_INPUT_BYTES) throw tooBig(file, undefined, what);
    return bytes;
  } catch (e) {
    if (e instanceof BriefdeckError) throw e;
    throw cannotRead(file, what, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** "cannot read brief: permission denied", the reason in the reader's language when it can be. */
function cannotRead(file: string, what: string, e: unknown): BriefdeckError {
  const code = (e as NodeJS.ErrnoException).code;
  const detail =
    code === 'EACCES' || code === 'EPERM'
      ? msg('file.permissionDenied')
      : code === 'EBUSY'
        ? msg('file.locked')
        : code === 'ENOTDIR'
          ? msg('file.partIsFile')
          : describeFsError(e);
  return new BriefdeckError(problem({ file }, msg('file.cannotRead', { what: noun(what), detail })));
}

/** What a file is, in the words of the reader's language. */
function noun(what: string): Param {
  return what === 'brief' || what === 'theme' || what === 'report' || what === 'file' ? msg(`noun.${what}`) : what;
}

/** Up to `limit` bytes of an open file, from its start; `size` is what its stat said. */
function readAtMost(fd: number, size: number, limit: number): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(limit, size + 1));
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length >= limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(limit, Math.max(64 * 1024, length * 2)));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buf.subarray(0, length);
}

function notAFile(file: string, st: Stats, what: string): BriefdeckError {
  const kind = msg(
    st.isFIFO()
      ? 'kind.fifo'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? 'kind.device'
        : st.isSocket()
          ? 'kind.socket'
          : 'kind.special',
  );
  return new BriefdeckError(
    problem({ file }, msg(what === 'report' ? 'file.notAFileReport' : 'file.notAFile', { kind, what: noun(what) })),
  );
}

/** Over the limit; `size` when it is known. */
export function tooBig(file: string, size: number | undefined, what: string): BriefdeckError {
  const limit = MAX_INPUT_BYTES / 1024 / 1024;
  const bytes = MAX_INPUT_BYTES.toLocaleString('en');
  const mb = size === undefined ? '' : (size / 1024 / 1024).toFixed(1);
  // "5.0 MB against a 5 MB limit" reads as a contradiction: say the bytes when it is close.
  const shown =
    size === undefined
      ? msg('file.overMb', { limit })
      : Number(mb) <= limit
        ? msg('file.bytes', { n: size.toLocaleString('en') })
        : `${mb} MB`;
  return new BriefdeckError(problem({ file }, msg('file.tooBig', { size: shown, what: noun(what), limit, bytes })));
}

export function decodeText(bytes: Uint8Array, file: string): string {
  // Windows Notepad's "Unicode" is UTF-16: full of zero bytes, but text all the same.
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes.length >= 4 &&
      ((bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) || (bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0)));
  if (utf16) throw new BriefdeckError(problem({ file }, msg('file.utf16')));
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = positionOfByte(bytes, nul);
    throw new BriefdeckError(problem({ file, line, column }, msg('file.binary')));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOfByte(bytes, bad);
    throw new BriefdeckError(problem({ file, line, column }, msg('file.notUtf8')));
  }
}

function positionOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < index; i++)
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  const column = new TextDecoder().decode(bytes.subarray(start, index)).length + 1;
  return { line, column };
}

function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

/** Characters XML 1.0 forbids: a deck containing one makes PowerPoint offer a "repair". */
const XML_FORBIDDEN = xmlForbidden('g');

export function stripXmlForbidden(s: string): { text: string; removed: number } {
  let removed = 0;
  const text = s.replace(XML_FORBIDDEN, () => {
    removed++;
    return '';
  });
  return { text, removed };
}

/** Aliases (`*name`) a brief or theme may hold: far more than any needs (one anchor may be used at
 * most 100 times, see toPlain), few enough to resolve at once. */
const MAX_ALIASES = 10_000;

/** A whole value in Chinese quotes: “…”, ‘…’ or 「…」. */
const CHINESE_QUOTED = /^(?:“([^“”]+)”|‘([^‘’]+)’|「([^「」]+)」)$/;
/** A value that may be one (checked before the quick reader's result is taken). */
export const MAYBE_CHINESE_QUOTED = /(?:^|[:,[-])[ \t]*(?:“[^“”\n]*”|‘[^‘’\n]*’|「[^「」\n]*」)[ \t]*(?:[,\]}#]|$)/m;

const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));

/** Parse YAML text, keeping positions. Throws a BriefdeckError listing every syntax problem. */
/**
 * Where a file has more places a node can begin (line breaks, commas, opening brackets) than any
 * brief or theme needs, or undefined. The yaml library takes seconds and gigabytes past a few
 * hundred thousand nodes (a 4 MB flow list: 19 s, 2 GB); a brief holds at most 100,000 items.
 */
function pastNodeLimit(text: string): { line: number; column: number } | undefined {
  let count = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 44 && c !== 91 && c !== 123) continue; // \n , [ {
    if (++count > COUNT_LIMITS.yamlNodes) return { line, column: i - lineStart + 1 };
    if (c === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

export function parseYaml(text: string, file: string): YamlSource {
  const past = pastNodeLimit(text);
  if (past)
    throw new BriefdeckError({
      file,
      ...past,
      message: `the file has more than ${COUNT_LIMITS.yamlNodes.toLocaleString('en-US')} lines and list items, far more than a brief or theme holds (at most ${COUNT_LIMITS.items.toLocaleString('en-US')} items in all): is it the right file?`,
    });
  const lines = new LineCounter();
  const doc = parseDocument(text.startsWith('\uFEFF') ? text.slice(1) : text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  // A typing mistake (a tab, a full-width colon…) sets off a cascade of syntax errors: it alone
  // is reported, where it is.
  if (doc.errors.length) {
    const typing = typingMistakes(text, file);
    if (typing.length) throw new BriefdeckError(typing);
  }
  const problems: Problem[] = [];
  const at = (offset: number | undefined) => {
    const pos = lines.linePos(offset ?? 0);
    return { file, line: pos.line, column: pos.col };
  };
  for (const err of doc.errors) {
    // A structure nested deeper than the parser's stack: one message, not one per level.
    if (/Maximum call stack/.test(err.message)) {
      if (!problems.some((p) => p.message.startsWith('the file nests')))
        problems.push({
          ...at(err.pos[0]),
          message: 'the file nests lists or mappings far too deeply; a brief needs four or five levels',
        });
      continue;
    }
    const unclosed = /Missing closing ("|')quote/.exec(err.message);
    const offset = unclosed ? openingQuote(text, err.pos[0], unclosed[1]!) : err.pos[0];
    problems.push(problem(at(offset), yamlMessage(err.code, err.message)));
  }
  for (const w of doc.warnings) {
    // An unknown tag (`!!js/function`, `!include`) would silently become plain text: refuse it.
    if (w.code === 'TAG_RESOLVE_FAILED' || w.code === 'BAD_DIRECTIVE')
      problems.push(problem(at(w.pos[0]), yamlMessage(w.code, w.message)));
  }
  if (problems.length) throw new BriefdeckError(problems);
  const warnings: Problem[] = [];
  let unresolvedAlias: Problem | undefined;
  // Anchors defined so far: the walk is in document order, so an alias names one of these or
  // none. (Asking the alias to resolve itself walks the document again each time: quadratic.)
  const anchors = new Set<string>();
  let aliases = 0;
  // One walk over the document for everything that needs one.
  visit(doc, (_key, node) => {
    if (!isNode(node)) return;
    if (node.anchor) anchors.add(node.anchor);
    if (isAlias(node)) {
      // `yaml` resolves each alias by looking through the aliases and anchors before it: many
      // thousands of them take minutes. A brief needs a few, if any.
      if (++aliases > MAX_ALIASES) {
        problems.push({
          ...at(node.range?.[0]),
          message: `more than ${MAX_ALIASES.toLocaleString('en')} YAML aliases (*name); write the text out instead`,
        });
        return visit.BREAK;
      }
      if (!unresolvedAlias && !anchors.has(node.source))
        unresolvedAlias = {
          ...at(node.range?.[0]),
          message: `*${node.source} names no anchor: define &${node.source} before it, or write the text out`,
        };
      return;
    }
    // Only plain YAML: a tag such as !!binary or !!timestamp turns text into something else.
    if (node.tag && !PLAIN_TAGS.has(node.tag)) {
      const tag = node.tag.replace('tag:yaml.org,2002:', '!!');
      problems.push({
        ...at(node.range?.[0]),
        message: `${node.tag.startsWith('tag:yaml.org,2002:') ? 'YAML tag' : 'custom tag'} ${tag} is not allowed: write plain text, lists and mappings`,
      });
    }
    if (isScalar(node) && typeof node.value === 'string') {
      // “陈吉宁” in Chinese quotes is text to YAML, quotes and all: they would be on the slide.
      const quoted = node.type === 'PLAIN' ? CHINESE_QUOTED.exec(node.value) : null;
      if (quoted)
        warnings.push(
          problem(
            at(node.range?.[0]),
            msg('typing.chineseQuotes', { value: node.value, text: (quoted[1] ?? quoted[2] ?? quoted[3])! }),
          ),
        );
      const { text: clean, removed } = stripXmlForbidden(node.value);
      if (removed) {
        node.value = clean;
        warnings.push(
          problem(at(node.range?.[0]), msg(removed > 1 ? 'yaml.controlChars' : 'yaml.controlChar', { n: removed })),
        );
      }
    }
  });
  if (problems.length) throw new BriefdeckError(problems);
  return { file, text, doc, lines, warnings, ...(unresolvedAlias ? { unresolvedAlias } : {}) };
}

/**
 * The problems to report for a file that parsed but did not validate: its typing mistakes when
 * it has any (`－ item` and `-item` read as text, `primary: #A50F15` as nothing), which caused
 * the rest; else the problems as found.
 */
export function typingOr(src: YamlSource, problems: Problem[]): Problem[] {
  const typing = typingMistakes(src.text, src.file);
  return typing.length ? typing : problems;
}

/** Where an unclosed quoted text begins: the last quote before `end` that opens a value. */
function openingQuote(text: string, end: number, quote: string): number {
  const opener = new RegExp(`(?:^|[:\\-\\[,{]\\s*)\\s*(${quote})`, 'gm');
  let found = end;
  for (let m = opener.exec(text); m && m.index < end; m = opener.exec(text)) found = m.index + m[0].length - 1;
  return found;
}

/** A YAML parser's error as a message of the catalogue. (The parser's own words, in the
 * message for a syntax error, stay English.) */
function yamlMessage(code: string, message: string): Msg {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (/multiple documents/.test(first)) return msg('yaml.multipleDocuments');
  if (/Missing closing ("|')quote/.test(first))
    return msg('yaml.unclosedQuote', { quote: /"/.test(first) ? '"' : "'" });
  switch (code) {
    case 'DUPLICATE_KEY':
      return msg('yaml.duplicateKey');
    case 'TAB_AS_INDENT':
      return msg('typing.tab');
    case 'TAG_RESOLVE_FAILED':
      return msg('yaml.tag', {
        detail: first.replace(/^Unresolved tag: /, 'unknown tag ').replace('tag:yaml.org,2002:', '!!'),
      });
    default:
      return msg('yaml.syntax', { detail: first });
  }
}

/** Convert to plain JS, turning an alias bomb into a positioned problem instead of a hang. */
export function toPlain(src: YamlSource): unknown {
  // An alias that names no anchor defined before it (found when the text was parsed).
  if (src.unresolvedAlias) throw new BriefdeckError(src.unresolvedAlias);
  // Aliases are legal YAML, but a few dozen nested ones expand to gigabytes ("billion laughs").
  try {
    return src.doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (e instanceof ReferenceError || e instanceof RangeError) {
      throw new BriefdeckError({
        file: src.file,
        line: 1,
        column: 1,
        message: `too many YAML aliases (${(e as Error).message.split('\n')[0]}); write the text out instead`,
      });
    }
    throw e;
  }
}
