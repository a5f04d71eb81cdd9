/**
 * A quick reader for the plain YAML briefs are written in: block mappings and lists, one-line
 * plain and quoted text, one-line `{ … }` and `[ … ]`, `|` blocks and comments. It gives the
 * same data as `yaml` (the tests check this on every fixture and on generated briefs) about
 * ten times faster, with no positions.
 *
 * It never guesses: at anything else — anchors, tags, `>` folding, escapes, text running over
 * several lines, a duplicate key, odd indentation, a character a deck cannot hold — it gives up,
 * and the caller parses with `yaml`, which stays the authority and positions every message.
 * The caller also goes back to `yaml` whenever the data does not validate.
 */

export interface QuickYaml {
  value: unknown;
  /** Where each top-level key's value begins, when it has one (1-based line and column, as
   * `yaml` counts). */
  topLevel: Map<string, { line: number; column: number }>;
}

/** Thrown to give up; caught below. */
const GIVE_UP = { giveUp: true };
const giveUp = (): never => {
  throw GIVE_UP;
};

/** Characters `yaml` would object to or warn about, or that we would have to remove. */
const UNSUPPORTED_CHARS =
  // eslint-disable-next-line no-control-regex -- control characters are part of what it finds
  /[\t\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MAYBE_UNSUPPORTED =
  // eslint-disable-next-line no-control-regex -- control characters are part of what it finds
  /[\t\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/** Keys read here: a letter or `_`, then letters, digits, `_` and `-`; at most this long. */
const MAX_KEY = 128;
/** Keys that `yaml` would read as something other than text, or that JS objects treat apart. */
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;

const SPACE = 32;
const HASH = 35;
const DASH = 45;

/** The plain YAML in `text` as data, or undefined when it is not in the subset read here. */
export function readQuickYaml(text: string): QuickYaml | undefined {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // The exact test only where the quick one finds a candidate (a CR, a surrogate…).
  if (MAYBE_UNSUPPORTED.test(text) && UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (e) {
    // Giving up, or a stack too deep for a nesting nobody writes by hand: `yaml` decides.
    if (e === GIVE_UP || e instanceof RangeError) return undefined;
    throw e;
  }
}

class Reader {
  /** Per line: where it starts, where its text ends (before `\r\n`), and where its first
   * character other than a space is, or -1 for a blank or comment line. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly firsts: number[] = [];
  private readonly count: number;
  /** The line being read. */
  private cur = 0;
  private readonly topLevel = new Map<string, { line: number; column: number }>();

  constructor(private readonly text: string) {
    const len = text.length;
    for (let pos = 0; pos < len;) {
      let end = text.indexOf('\n', pos);
      const next = end < 0 ? len : end + 1;
      if (end < 0) end = len;
      const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      let i = pos;
      while (i < stop && text.charCodeAt(i) === SPACE) i++;
      const first = i === stop || text.charCodeAt(i) === HASH ? -1 : i;
      if (i === pos) {
        // A document marker or directive at the start of a line: several documents, or YAML
        // features a brief has no use for.
        const c = text.charCodeAt(pos);
        if (c === 37 /* % */) giveUp();
        if (
          (c === DASH || c === 46) /* - . */ &&
          stop - pos >= 3 &&
          text.startsWith(c === DASH ? '---' : '...', pos) &&
          (stop - pos === 3 || text.charCodeAt(pos + 3) === SPACE)
        )
          giveUp();
      }
      this.starts.push(pos);
      this.ends.push(stop);
      this.firsts.push(first);
      pos = next;
    }
    this.count = this.starts.length;
  }

  document(): QuickYaml {
    this.cur = this.nextContent(0);
    // An empty file, or one holding only comments: `yaml` says what it makes of that.
    if (this.cur >= this.count) giveUp();
    const value = this.node(this.indentOf(this.cur), true);
    if (this.cur < this.count) giveUp();
    return { value, topLevel: this.topLevel };
  }

  private nextContent(i: number): number {
    while (i < this.count && this.firsts[i]! < 0) i++;
    return i;
  }

  private indentOf(i: number): number {
    return this.firsts[i]! - this.starts[i]!;
  }

  private isDash(s: number, e: number): boolean {
    return this.text.charCodeAt(s) === DASH && (s + 1 === e || this.text.charCodeAt(s + 1) === SPACE);
  }

  /** The block node whose first line is the current one, at `indent`. */
  private node(indent: number, top = false): unknown {
    const s = this.firsts[this.cur]!;
    const e = this.ends[this.cur]!;
    if (this.isDash(s, e)) return this.sequence(indent);
    if (this.keyEnd(s, e) >= 0) return this.mapping(indent, s, top);
    // A scalar on a line of its own (or text that continues a line above).
    return giveUp();
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    const text = this.text;
    while (this.cur < this.count) {
      const f = this.firsts[this.cur]!;
      const e = this.ends[this.cur]!;
      const at = f - this.starts[this.cur]!;
      if (at < indent) break;
      if (at > indent) giveUp();
      if (!this.isDash(f, e)) break;
      let s = f + 1;
      while (s < e && text.charCodeAt(s) === SPACE) s++;
      if (s === e || text.charCodeAt(s) === HASH) {
        // The item is on the lines below, more indented, or empty.
        this.cur = this.nextContent(this.cur + 1);
        items.push(
          this.cur < this.count && this.indentOf(this.cur) > indent ? this.node(this.indentOf(this.cur)) : null,
        );
        continue;
      }
      if (this.isDash(s, e)) giveUp(); // `- - x`
      if (this.keyEnd(s, e) >= 0) {
        items.push(this.mapping(s - this.starts[this.cur]!, s));
        continue;
      }
      items.push(this.inline(s, e, indent));
    }
    return items;
  }

  /** `startAt`: where the first key begins (after `- ` when the mapping is a list item). */
  private mapping(indent: number, startAt: number, top = false): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const text = this.text;
    let s = startAt;
    for (;;) {
      const e = this.ends[this.cur]!;
      const colon = this.keyEnd(s, e);
      if (colon < 0) giveUp(); // a list item or text where a key should be
      const key = this.newKey(s, colon, map);
      let v = colon + 1;
      while (v < e && text.charCodeAt(v) === SPACE) v++;
      if (v === e || text.charCodeAt(v) === HASH) {
        // The value is on the lines below: more indented, or a list at the key's own indent.
        this.cur = this.nextContent(this.cur + 1);
        let value: unknown = null;
        if (this.cur < this.count) {
          const at = this.indentOf(this.cur);
          const where = { line: this.cur + 1, column: at + 1 };
          if (at > indent) value = this.node(at);
          else if (at === indent && this.isDash(this.firsts[this.cur]!, this.ends[this.cur]!))
            value = this.sequence(indent);
          // (An empty value has no place of its own worth naming.)
          if (top && value !== null) this.topLevel.set(key, where);
        }
        map[key] = value;
      } else {
        if (top) this.topLevel.set(key, { line: this.cur + 1, column: v - this.starts[this.cur]! + 1 });
        map[key] = this.inline(v, e, indent);
      }
      if (this.cur >= this.count) break;
      const f = this.firsts[this.cur]!;
      const at = f - this.starts[this.cur]!;
      if (at < indent) break;
      if (at > indent) giveUp();
      // At this indent: the next key, or a list item (which ends the mapping when it belongs
      // to the list this mapping is an item of; the list checks that).
      if (this.isDash(f, this.ends[this.cur]!)) break;
      s = f;
    }
    return map;
  }

  /** Where the `:` after a key at `s` is, or -1 if the line does not start with `key:`. */
  private keyEnd(s: number, e: number): number {
    const text = this.text;
    let i = s;
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return -1;
    for (i++; i < e; i++) {
      const d = text.charCodeAt(i);
      if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 95 || d === DASH)) break;
    }
    if (
      i >= e ||
      i - s > MAX_KEY ||
      text.charCodeAt(i) !== 58 /* : */ ||
      (i + 1 < e && text.charCodeAt(i + 1) !== SPACE)
    )
      return -1;
    return i;
  }

  /** The key from `s` to its colon, if `map` may take it (not a duplicate, nothing special). */
  private newKey(s: number, colon: number, map: Record<string, unknown>): string {
    const key = this.text.slice(s, colon);
    if (SPECIAL_KEY.test(key) || Object.hasOwn(map, key)) giveUp();
    return key;
  }

  /** A value that begins on this line at `v`; moves past it. `indent`: its parent's. */
  private inline(v: number, e: number, indent: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(v);
    let value: unknown;
    if (c === 124 /* | */) return this.literal(v, e, indent);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const [s, end] = this.quoted(v, e);
      this.endOfLine(end, e);
      value = s;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      const [flow, end] = c === 91 ? this.flowList(v, e) : this.flowMapping(v, e);
      this.endOfLine(end, e);
      value = flow;
    } else {
      value = plainBlock(text.slice(v, e));
    }
    // Nothing may follow more indented: that would be text running on, or an error.
    this.cur = this.nextContent(this.cur + 1);
    if (this.cur < this.count && this.indentOf(this.cur) > indent) giveUp();
    return value;
  }

  /** Only spaces and a comment may follow a value on its line. */
  private endOfLine(i: number, e: number): void {
    const start = i;
    while (i < e && this.text.charCodeAt(i) === SPACE) i++;
    if (i < e && !(this.text.charCodeAt(i) === HASH && i > start)) giveUp();
  }

  /** A quoted text closed on the same line: its value and where it ends. */
  private quoted(v: number, e: number): [string, number] {
    const text = this.text;
    const q = text[v]!;
    if (q === '"') {
      const close = text.indexOf('"', v + 1);
      if (close < 0 || close >= e) giveUp();
      const s = text.slice(v + 1, close);
      if (s.includes('\\')) giveUp(); // escapes: left to `yaml`
      return [s, close + 1];
    }
    let out = '';
    let from = v + 1;
    for (;;) {
      const close = text.indexOf("'", from);
      if (close < 0 || close >= e) giveUp();
      out += text.slice(from, close);
      if (text.charCodeAt(close + 1) === 39 && close + 1 < e) {
        out += "'";
        from = close + 2;
      } else return [out, close + 1];
    }
  }

  /** `[a, b]` on one line. */
  private flowList(v: number, e: number): [unknown[], number] {
    const items: unknown[] = [];
    let i = this.skipSpaces(v + 1, e);
    if (this.text.charCodeAt(i) === 93 /* ] */) return [items, i + 1];
    for (;;) {
      const [value, end] = this.flowScalar(i, e, 93);
      items.push(value);
      i = this.skipSpaces(end, e);
      const c = this.text.charCodeAt(i);
      if (c === 93) return [items, i + 1];
      if (c !== 44 /* , */ || i >= e) giveUp();
      i = this.skipSpaces(i + 1, e);
    }
  }

  /** `{ key: value, … }` on one line. */
  private flowMapping(v: number, e: number): [Record<string, unknown>, number] {
    const map: Record<string, unknown> = {};
    const text = this.text;
    let i = this.skipSpaces(v + 1, e);
    if (text.charCodeAt(i) === 125 /* } */) return [map, i + 1];
    for (;;) {
      const colon = this.keyEnd(i, e);
      if (colon < 0 || colon + 1 >= e) giveUp();
      const key = this.newKey(i, colon, map);
      const [value, end] = this.flowScalar(this.skipSpaces(colon + 1, e), e, 125);
      map[key] = value;
      i = this.skipSpaces(end, e);
      const c = text.charCodeAt(i);
      if (c === 125) return [map, i + 1];
      if (c !== 44 || i >= e) giveUp();
      i = this.skipSpaces(i + 1, e);
    }
  }

  private skipSpaces(i: number, e: number): number {
    while (i < e && this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** One item inside `[…]` or `{…}`: quoted, or plain up to the next `,` or the closing mark. */
  private flowScalar(i: number, e: number, closing: number): [unknown, number] {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (i >= e) giveUp();
    if (c === 34 || c === 39) return this.quoted(i, e);
    // Anchors, aliases, tags, block marks, comments: left to `yaml`.
    if (c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 37 || c === 64 || c === 96 || c === HASH)
      giveUp();
    // `-`, `?` or `:` not followed by text of its own starts something else (or is an error).
    if (c === DASH || c === 63 || c === 58) {
      const d = i + 1 < e ? text.charCodeAt(i + 1) : SPACE;
      if (d === SPACE || d === 44 || d === closing || d === 91 || d === 93 || d === 123 || d === 125) giveUp();
    }
    let end = i;
    while (end < e) {
      const d = text.charCodeAt(end);
      if (d === 44 || d === closing) break;
      // Nested collections, keys inside values, comments: left to `yaml`.
      if (
        d === 91 ||
        d === 93 ||
        d === 123 ||
        d === 125 ||
        d === 58 ||
        (d === HASH && text.charCodeAt(end - 1) === SPACE)
      )
        giveUp();
      end++;
    }
    if (end >= e) giveUp();
    let stop = end;
    while (stop > i && text.charCodeAt(stop - 1) === SPACE) stop--;
    if (stop === i) giveUp(); // an empty item
    return [plainScalar(text.slice(i, stop)), end];
  }

  /** A `|` block: the lines below, more indented than the parent, kept as written. */
  private literal(v: number, e: number, indent: number): string {
    const text = this.text;
    const header = text.slice(v, e);
    const m = /^\|([+-]?)(?: +#.*| *)$/.exec(header);
    if (!m) giveUp(); // `>` folding, an indentation digit, text after the mark
    const chomp = m![1];
    // The first line with text decides the block's indentation; comment lines count as text.
    let n = -1;
    let i = this.cur + 1;
    for (; i < this.count; i++) {
      const k = this.skipSpaces(this.starts[i]!, this.ends[i]!);
      if (k < this.ends[i]!) {
        n = k - this.starts[i]!;
        break;
      }
    }
    if (n <= indent) giveUp(); // an empty block, or a line too little indented
    const lines: string[] = [];
    let trailing = 0;
    let last = this.cur;
    for (i = this.cur + 1; i < this.count; i++) {
      const st = this.starts[i]!;
      const en = this.ends[i]!;
      const k = this.skipSpaces(st, en);
      if (k === en) {
        // A blank line: part of the block if more text follows; spaces beyond the indentation
        // would be text (left to `yaml`).
        if (en - st > n) giveUp();
        trailing++;
        continue;
      }
      if (k - st < n) break;
      for (; trailing > 0; trailing--) lines.push('');
      lines.push(text.slice(st + n, en));
      last = i;
    }
    // A block running to the end of a file with no line break at its end: left to `yaml`.
    if (i === this.count && text.charCodeAt(text.length - 1) !== 10) giveUp();
    let value = lines.join('\n');
    if (chomp === '') value += '\n';
    else if (chomp === '+') value += '\n'.repeat(trailing + 1);
    this.cur = this.nextContent(last + 1);
    if (this.cur < this.count && this.indentOf(this.cur) > indent) giveUp();
    return value;
  }
}

/** Plain text on one line in a block (up to a comment). */
function plainBlock(line: string): unknown {
  const c = line.charCodeAt(0);
  // Indicators that start something other than plain text.
  if (
    c === 44 ||
    c === 93 ||
    c === 125 ||
    c === 38 ||
    c === 42 ||
    c === 33 ||
    c === 62 ||
    c === 37 ||
    c === 64 ||
    c === 96
  )
    giveUp(); // , ] } & * ! > % @ `
  if ((c === DASH || c === 63 || c === 58) && (line.length === 1 || line.charCodeAt(1) === SPACE)) giveUp(); // - ? :
  const hash = line.indexOf(' #');
  let end = hash >= 0 ? hash : line.length;
  while (end > 0 && line.charCodeAt(end - 1) === SPACE) end--;
  const s = end === line.length ? line : line.slice(0, end);
  // `a: b` inside a value is a mapping (an error where a value is expected): left to `yaml`.
  if (s.includes(': ') || s.endsWith(':')) giveUp();
  return plainScalar(s);
}

/** What YAML 1.2's core schema makes of plain text, as `yaml` resolves it. */
function plainScalar(s: string): unknown {
  const c = s.charCodeAt(0);
  // Only text starting with one of these can be anything but text.
  if (!(
    (c >= 48 && c <= 57) ||
    c === 43 ||
    c === DASH ||
    c === 46 ||
    c === 126 ||
    c === 110 ||
    c === 78 ||
    c === 116 ||
    c === 84 ||
    c === 102 ||
    c === 70
  ))
    return s;
  if (/^(?:~|[Nn]ull|NULL)$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return c === 116 || c === 84;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
    return s.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : s[0] === '-'
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s))
    return parseFloat(s);
  return s;
}
