/**
 * SVG pictures. resvg draws a theme's SVG into the PNG that programs without SVG support show;
 * it reads any file an `<image>` in the SVG names, aborts the whole process on a picture too big
 * to allocate, and throws on a broken one. So before resvg sees an SVG, its markup is read here:
 * plain SVG — UTF-8 text, no DOCTYPE (so no entities), an `<svg>` root in the SVG namespace — that
 * draws only what it holds: every reference (href) is to an element inside it (`#id`) or a
 * `data:` URI, whose PNG, JPEG or SVG is checked in turn. Then resvg reads it, and its width and
 * height are checked before anything is drawn. It is drawn in a process of its own, once, when
 * its theme is loaded (so `validate` finds what drawing it would), and its deck takes that PNG.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isJpeg, isPng, jpegSize, pngSize, type PixelSize } from './bitmaps.js';

type ResvgModule = typeof import('@resvg/resvg-js');
type Resvg = InstanceType<ResvgModule['Resvg']>;

let resvgModule: ResvgModule | undefined;
/** resvg, a native module: loaded the first time an SVG is checked or drawn. */
function resvg(): ResvgModule {
  // Outside the bundle: Node loads it from node_modules, beside the bundle or dist/.
  return (resvgModule ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule);
}

/** Where resvg is, for the process that draws. */
/** The PNG drawn from an SVG is this many pixels wide; its height follows the SVG's shape. */
const PNG_WIDTH = 1024;
/** The tallest shape (height / width): the PNG is then 1024 × 8192 pixels, 32 MB to draw. */
const MAX_TALL = 8;
/** The widest shape (width / height): the PNG is then still at least a pixel high. */
const MAX_WIDE = 1000;
/** Pixels a picture inside an SVG (a data: URI) may have: resvg decodes it whole to draw it. */
const MAX_EMBEDDED_PIXELS = 16_000_000;
/** SVGs inside SVGs (as data: URIs), at most this deep. */
const MAX_DEPTH = 3;
/** How long drawing an SVG may take: a filter can keep resvg busy for minutes. */
const DRAW_SECONDS = 30;

/** How a theme's SVG is drawn into its PNG. */
const DRAW = { fitTo: { mode: 'width', value: PNG_WIDTH }, font: { loadSystemFonts: true } } as const;
/** How it is read to be checked: the same, without the fonts (which only shape its text). */
const CHECK = { fitTo: { mode: 'width', value: PNG_WIDTH }, font: { loadSystemFonts: false } } as const;

/** What is wrong with an SVG picture, or undefined when it can be drawn. */
export function svgProblem(bytes: Uint8Array): string | undefined {
  const r = svgToPng(bytes);
  return typeof r === 'string' ? r : undefined;
}

/** The PNGs drawn in this process (or what was wrong), by the SHA-256 of their SVG. */
const drawn = new Map<string, Uint8Array | string>();
/** A watched theme is drawn again at each change: keep the latest few. */
const KEEP_DRAWN = 16;

/** The PNG drawn from an SVG picture, or what is wrong with it. */
export function svgToPng(bytes: Uint8Array): Uint8Array | string {
  const key = process.getBuiltinModule('node:crypto').createHash('sha256').update(bytes).digest('hex');
  let r = drawn.get(key);
  if (r === undefined) {
    // Checked here (its markup, resvg's reading of it, its shape: nothing drawn), then drawn apart.
    const read = open(bytes, CHECK);
    r = typeof read === 'string' ? read : (drawApart(bytes) ?? drawHere(bytes));
    if (drawn.size >= KEEP_DRAWN) drawn.delete(drawn.keys().next().value!);
    drawn.set(key, r);
  }
  return r;
}

/** The drawing process's script: compiled beside this module (dist/, and the bundle beside the CLI).
 * Run from the TypeScript sources (the tests), this module finds the compiled one in dist/. */
const DRAWER = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../../dist/theme/svg-drawer.js' : './svg-drawer.js', import.meta.url),
);

/**
 * Draw in a process of its own. resvg aborts the process it runs in when it cannot allocate what
 * an SVG asks for (a pattern tile millions of pixels wide, say), however the SVG's own size was
 * checked, and a filter can keep it busy for minutes: a drawing process that stops, or is stopped,
 * costs only the picture. Undefined where no process can be started (Node's permission model).
 */
function drawApart(bytes: Uint8Array): Uint8Array | string | undefined {
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  let r: ReturnType<typeof spawnSync>;
  try {
    r = spawnSync(process.execPath, [DRAWER, JSON.stringify(DRAW)], {
      input: bytes,
      maxBuffer: 256 * 1024 * 1024,
      timeout: DRAW_SECONDS * 1000,
      windowsHide: true,
    });
  } catch {
    return undefined;
  }
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ETIMEDOUT')
    return `takes resvg longer than ${DRAW_SECONDS} s to draw; simplify it (its filters, patterns or masks)`;
  if (r.error) return code === 'ENOBUFS' ? 'cannot be drawn: the PNG drawn from it is too big' : undefined;
  if (r.status === 0) return r.stdout as Buffer;
  if (r.status === 7) return `cannot be drawn: ${String(r.stderr).trim()}`;
  return `cannot be drawn: resvg stopped (${r.signal ?? `exit code ${r.status}`}); something in it, such as a pattern, filter or mask far bigger than the picture, needs more memory than there is`;
}

/** Draw in this process, after the same checks, where no other process can be started. */
function drawHere(bytes: Uint8Array): Uint8Array | string {
  const r = open(bytes, DRAW);
  if (typeof r === 'string') return r;
  try {
    return r.render().asPng();
  } catch (e) {
    return `cannot be drawn: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function open(bytes: Uint8Array, options: typeof DRAW | typeof CHECK): Resvg | string {
  const found = scan(bytes, 0);
  if (found) return found.line ? `${found.message} (line ${found.line})` : found.message;
  let r: Resvg;
  try {
    r = new (resvg().Resvg)(Buffer.from(bytes), options);
  } catch (e) {
    return inWords(e instanceof Error ? e.message : String(e));
  }
  return shapeProblem(r.width, r.height) ?? r;
}

/** resvg's messages for what the markup check lets through, in the users' words. */
function inWords(message: string): string {
  if (/invalid size/i.test(message))
    return 'has no size: give its <svg> a width and a height (or a viewBox) greater than 0';
  if (/nodes limit/i.test(message)) return 'has too many elements to draw (over a million, counting each <use> copy)';
  const parse = /parsing failed cause (.*)/i.exec(message);
  return parse ? `is not a valid SVG: ${parse[1]}` : `cannot be drawn: ${message}`;
}

const number = (n: number) => n.toLocaleString('en');

function shapeProblem(width: number, height: number): string | undefined {
  if (!(width > 0 && height > 0))
    return `has no size (${number(width)} × ${number(height)}): give its <svg> a width and a height (or a viewBox) greater than 0`;
  if (height > width * MAX_TALL)
    return `is ${number(width)} × ${number(height)}: too tall for a picture — its height may be at most ${MAX_TALL} times its width`;
  if (width > height * MAX_WIDE)
    return `is ${number(width)} × ${number(height)}: too wide for a picture — its width may be at most ${number(MAX_WIDE)} times its height`;
  return undefined;
}

/** A problem in the markup, with the line of the SVG it is on when it has one. */
interface Found {
  line?: number;
  message: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XML_ENTITIES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);
const NAME = /[A-Za-z_:\u00b7\u00c0-\uffff][\w.:\-\u00b7\u00c0-\uffff]*/y;
const SPACE = /[ \t\r\n]*/y;
const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_:][\w.:-]*));/y;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const prefixOf = (name: string) => (name.includes(':') ? name.slice(0, name.indexOf(':')) : '');
const shown = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

/**
 * Read an SVG's markup as XML, as far as it matters for what resvg would load: every tag and
 * attribute (values with their character references resolved), comments, CDATA sections and
 * processing instructions skipped whole, so nothing hidden in them is taken for a tag, and
 * nothing in a tag is missed. What XML or this check does not allow is a problem.
 */
function scan(bytes: Uint8Array, depth: number): Found | undefined {
  if (isPng(bytes)) return { message: 'is named .svg but is a PNG image' };
  if (isJpeg(bytes)) return { message: 'is named .svg but is a JPEG image' };
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { message: 'is compressed (SVGZ); save it as plain SVG' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // a byte order mark is dropped
  } catch {
    return { message: 'is named .svg but is not an SVG image (it is not UTF-8 text)' };
  }
  const lineAt = (at: number) => {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
  const notXml = (at: number, why: string): Found => ({ line: lineAt(at), message: `is not well-formed XML: ${why}` });
  const open: string[] = [];
  const ids = new Set<string>();
  const feLinks: Array<{ id: string; at: number }> = [];
  let root: string | undefined;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chars = text.slice(i, lt < 0 ? text.length : lt);
    if (/[^ \t\r\n]/.test(chars)) {
      if (root === undefined) return { message: 'is named .svg but is not an SVG image' };
      if (open.length === 0) return notXml(i, 'there is text after the </svg> that ends it');
      const bad = badReference(chars);
      if (bad) return { line: lineAt(i + bad.at), message: bad.message };
    }
    if (lt < 0) break;
    i = lt;
    const skip = (end: string, what: string): Found | undefined => {
      const e = text.indexOf(end, i);
      if (e < 0) return notXml(i, `${what} is never closed`);
      i = e + end.length;
      return undefined;
    };
    let f: Found | undefined;
    if (text.startsWith('<!--', i)) {
      if ((f = skip('-->', 'a comment (<!--)'))) return f;
    } else if (text.startsWith('<?', i)) {
      if ((f = skip('?>', 'a processing instruction (<?)'))) return f;
    } else if (text.startsWith('<![CDATA[', i)) {
      if (open.length === 0) return notXml(i, 'a CDATA section outside the <svg> element');
      if ((f = skip(']]>', 'a CDATA section'))) return f;
    } else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      if (/^<!DOCTYPE\s+html/i.test(text.slice(i, i + 20))) return { message: 'is HTML, not an SVG image' };
      return {
        line: lineAt(i),
        message:
          'has a DOCTYPE: an SVG with a document type (DTD) or entities is refused; save it as plain SVG (Inkscape: Save As, Plain SVG)',
      };
    } else if (text.startsWith('<!', i)) {
      return notXml(i, '<! that begins no comment or CDATA section');
    } else if (text.startsWith('</', i)) {
      NAME.lastIndex = i + 2;
      const name = NAME.exec(text)?.[0];
      SPACE.lastIndex = NAME.lastIndex;
      SPACE.exec(text);
      if (!name || text[SPACE.lastIndex] !== '>') return notXml(i, 'an end tag (</…>) is unreadable');
      const expected = open.pop();
      if (name !== expected)
        return notXml(i, expected ? `</${name}> where </${expected}> belongs` : `</${name}> closes nothing`);
      i = SPACE.lastIndex + 1;
    } else {
      if (root !== undefined && open.length === 0)
        return notXml(i, 'there is an element after the </svg> that ends it');
      const tag = readTag(text, i);
      if ('message' in tag) return { line: lineAt(i), message: tag.message };
      const element = localName(tag.name);
      if (root === undefined) {
        root = tag.name;
        const wrongRoot = rootProblem(tag.name, tag.attributes);
        if (wrongRoot) return { message: wrongRoot };
      }
      for (const [name, value] of tag.attributes) {
        if (name === 'id') ids.add(value);
        if (localName(name).toLowerCase() !== 'href' || prefixOf(name) === 'xmlns' || element === 'a') continue;
        // How resvg reads a URL: white space and control characters at the ends do not count,
        // nor tabs and line breaks within.
        // eslint-disable-next-line no-control-regex -- control characters are what it trims
        const ref = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
        if (ref === '') continue;
        if (ref.startsWith('#')) {
          // resvg takes an <image>'s reference for a file name, and an <feImage>'s too when no
          // element has that id.
          if (element === 'image')
            return {
              line: lineAt(i),
              message: `<image> refers to ${shown(ref)}: an <image> must hold its picture as a data: URI`,
            };
          if (element === 'feImage') feLinks.push({ id: ref.slice(1), at: i });
          continue;
        }
        if (/^data:/i.test(ref)) {
          const bad = dataProblem(ref, depth);
          if (bad) return { line: lineAt(i), message: `<${element}> ${bad}` };
          continue;
        }
        return {
          line: lineAt(i),
          message: `<${element}> refers to ${shown(ref)}, outside the SVG: a picture inside an SVG must be embedded in it as a data: URI`,
        };
      }
      if (!tag.empty) open.push(tag.name);
      i = tag.end;
    }
  }
  if (root === undefined) return { message: 'is named .svg but is not an SVG image' };
  if (open.length)
    return { message: `ends inside its <${open[open.length - 1]}> element: the file is cut short or broken` };
  const missing = feLinks.find((l) => !ids.has(l.id));
  if (missing)
    return {
      line: lineAt(missing.at),
      message: `<feImage> refers to #${shown(missing.id)}, which no element of the SVG has as its id`,
    };
  return undefined;
}

function rootProblem(name: string, attributes: Array<[string, string]>): string | undefined {
  if (localName(name).toLowerCase() === 'html') return 'is HTML, not an SVG image';
  if (localName(name) !== 'svg') return `is not an SVG image: its first element is <${name}>, not <svg>`;
  const prefix = prefixOf(name);
  const ns = attributes.find(([n]) => n === (prefix ? `xmlns:${prefix}` : 'xmlns'))?.[1];
  if (ns !== SVG_NS) return `its <${name}> element lacks xmlns${prefix ? `:${prefix}` : ''}="${SVG_NS}"; add it`;
  return undefined;
}

interface Tag {
  name: string;
  attributes: Array<[string, string]>;
  /** `<… />`, an element with nothing inside. */
  empty: boolean;
  end: number;
}

/** A start tag at `start` (its `<`): its name and attributes, values resolved. */
function readTag(text: string, start: number): Tag | { message: string } {
  const notXml = (why: string) => ({ message: `is not well-formed XML: ${why}` });
  NAME.lastIndex = start + 1;
  const name = NAME.exec(text)?.[0];
  if (!name) return notXml('a < that begins no tag (write &lt; for the character)');
  const attributes: Array<[string, string]> = [];
  let at = NAME.lastIndex;
  for (;;) {
    SPACE.lastIndex = at;
    SPACE.exec(text);
    const spaced = SPACE.lastIndex > at;
    at = SPACE.lastIndex;
    if (text.startsWith('/>', at)) return { name, attributes, empty: true, end: at + 2 };
    if (text[at] === '>') return { name, attributes, empty: false, end: at + 1 };
    if (at >= text.length) return notXml(`the <${name}> tag is never closed: the file is cut short`);
    NAME.lastIndex = at;
    const attribute = spaced ? NAME.exec(text)?.[0] : undefined;
    if (!attribute) return notXml(`the <${name}> tag is unreadable`);
    SPACE.lastIndex = NAME.lastIndex;
    SPACE.exec(text);
    at = SPACE.lastIndex;
    if (text[at] !== '=') return notXml(`the attribute ${attribute} of <${name}> has no value`);
    SPACE.lastIndex = at + 1;
    SPACE.exec(text);
    at = SPACE.lastIndex;
    const quote = text[at];
    const close = quote === '"' || quote === "'" ? text.indexOf(quote, at + 1) : -1;
    if (close < 0) return notXml(`the value of ${attribute} in <${name}> is not in quotes, or they are never closed`);
    const raw = text.slice(at + 1, close);
    if (raw.includes('<')) return notXml(`the value of ${attribute} in <${name}> holds a < (write &lt;)`);
    const value = attributeValue(raw);
    if (typeof value !== 'string') return value;
    attributes.push([attribute, value]);
    at = close + 1;
  }
}

/** An attribute's value as XML gives it: white-space characters as spaces, references resolved. */
function attributeValue(raw: string): string | { message: string } {
  const bad = badReference(raw);
  if (bad) return { message: bad.message };
  return raw
    .replace(/[\t\n\r]/g, ' ')
    .replace(
      /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g,
      (_m, hex?: string, dec?: string, named?: string) =>
        hex || dec
          ? String.fromCodePoint(parseInt((hex ?? dec)!, hex ? 16 : 10))
          : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[named!]!,
    );
}

/** The first `&` in text or an attribute value that is not one of XML's own references. */
function badReference(s: string): { at: number; message: string } | undefined {
  for (let at = s.indexOf('&'); at >= 0; at = s.indexOf('&', at + 1)) {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(s);
    if (!m) return { at, message: 'is not well-formed XML: a & that begins no reference (write &amp;)' };
    if (m[3] !== undefined && !XML_ENTITIES.has(m[3]))
      return {
        at,
        message: `uses the entity &${shown(m[3])}; which only a DOCTYPE could define; an SVG with entities is refused`,
      };
    const code = m[3] === undefined ? parseInt((m[1] ?? m[2])!, m[1] ? 16 : 10) : 0x20;
    if (!(code >= 0x20 || code === 0x9 || code === 0xa || code === 0xd) || code > 0x10ffff)
      return { at, message: `is not well-formed XML: ${m[0]} is not a character XML allows` };
  }
  return undefined;
}

/** What is wrong with a data: URI, read as resvg reads it, and with the picture it holds. */
function dataProblem(uri: string, depth: number): string | undefined {
  const comma = uri.indexOf(',');
  if (comma < 0) return 'holds a data: URI with no data (no comma)';
  const body = percentDecoded(uri.slice(comma + 1));
  let data = body;
  if (/;[ \t\n\f\r]*base64$/i.test(uri.slice(5, comma).trim())) {
    const b64 = body.toString('latin1').replace(/[ \t\n\f\r]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) return 'holds a data: URI whose base64 is damaged';
    data = Buffer.from(b64, 'base64');
  }
  const size = (what: string, r: PixelSize | string): string | undefined => {
    if (typeof r === 'string') return `holds a ${what} picture that ${r.replace(/^is named \S+ but /, '')}`;
    if (r.width * r.height > MAX_EMBEDDED_PIXELS)
      return `holds a ${what} picture of ${number(r.width)} × ${number(r.height)} pixels; a picture inside an SVG may have at most ${number(MAX_EMBEDDED_PIXELS)} pixels (4,000 × 4,000)`;
    return undefined;
  };
  if (isPng(data)) return size('PNG', pngSize(data));
  if (isJpeg(data)) return size('JPEG', jpegSize(data));
  if (data.subarray(0, 4).toString('latin1') === 'GIF8')
    return 'holds a GIF picture; a picture inside an SVG must be PNG, JPEG or SVG';
  if (depth + 1 >= MAX_DEPTH) return `holds an SVG nested more than ${MAX_DEPTH} deep`;
  // Anything else is read as an SVG, as resvg reads it.
  const inner = scan(data, depth + 1);
  return inner && `holds an SVG that is refused: ${inner.message}`;
}

/** The bytes of a URL's text, %XX escapes decoded. */
function percentDecoded(s: string): Buffer {
  const bytes = Buffer.from(s, 'utf8');
  if (!s.includes('%')) return bytes;
  const out = Buffer.alloc(bytes.length);
  const hex = (b: number | undefined) =>
    b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66));
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x25 && hex(bytes[i + 1]) && hex(bytes[i + 2])) {
      out[n++] = parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16);
      i += 2;
    } else out[n++] = bytes[i]!;
  }
  return out.subarray(0, n);
}
