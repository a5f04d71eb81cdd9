/**
 * Reading a report in the forms a secretary has it — text in UTF-8 or in the GB18030/GBK (or
 * Big5) of older Chinese Windows, a Word .docx, a web page saved from the browser — as the text
 * the drafter reads. What the file is, is told by its bytes first and its name second, so a
 * Word file named .txt is still known for what it is. Forms that cannot be read (.doc, .wps,
 * .pdf, .rtf, web archives) are refused with a message saying how to save them as .docx or .txt.
 */
import { extname } from 'node:path';
import { BriefdeckError, problem } from '../errors.js';
import { msg, type Msg } from '../messages/catalogue.js';
import { decodeText, MAX_INPUT_BYTES } from '../yaml/source.js';
import { checkZip, MAX_UNPACKED_BYTES } from './zip.js';

export interface ReportText {
  /** The report's text: for a .docx or a page, the text extracted from it. */
  text: string;
  form: 'text' | 'docx' | 'html';
  /** What the reader had to decide, for the user: "read as GB18030 (GBK)" (a catalogue message
   * when it is there). */
  notes: Array<string | Msg>;
}

const SAVE_AS_WORD = msg('report.saveAsWord');
const SAVE_AS_WPS = msg('report.saveAsWps');

/** The report's text from a file's bytes; `file` names it in messages (`<stdin>` for a pipe). */
export async function readReport(bytes: Uint8Array, file: string): Promise<ReportText> {
  const ext = extname(file).toLowerCase();
  const fail = (m: Msg) => refuse(file, m);
  if (bytes.length === 0) fail(msg('report.empty'));
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) fail(oldOffice(ext));
  if (startsWith(bytes, ascii('%PDF-')))
    fail(ext && ext !== '.pdf' ? msg('report.pdfNamed', { ext }) : msg('report.pdf'));
  if (startsWith(bytes, ascii('{\\rtf'))) fail(msg('report.rtf', { fix: SAVE_AS_WORD }));
  if (startsWith(bytes, ascii('PK\x03\x04')) || startsWith(bytes, ascii('PK\x05\x06'))) return readDocx(bytes, file);
  if (/^mime-version:/i.test(new TextDecoder().decode(bytes.subarray(0, 200)).trimStart()) || /^\.mht(ml)?$/.test(ext))
    fail(msg('report.mht'));
  const { text, notes } = decodeReport(bytes, file);
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || ext === '.shtml' || looksLikeHtml(text)) {
    const { articleOf, MAX_DEPTH, MAX_ELEMENTS } = await import('./html.js');
    const article = articleOf(text);
    const fix = msg('report.copyPage');
    if ('problem' in article) {
      if (article.problem === 'too-many-elements')
        return fail(msg('report.pageTooMany', { max: MAX_ELEMENTS.toLocaleString('en'), fix }));
      if (article.problem === 'too-deep') return fail(msg('report.pageTooDeep', { max: MAX_DEPTH, fix }));
      if (article.problem === 'failed') return fail(msg('report.pageFailed', { detail: article.detail, fix }));
      return fail(msg('report.pageNoArticle', { fix }));
    }
    const n = article.paragraphs;
    return {
      text: article.text,
      form: 'html',
      notes: [
        ...notes,
        `took the article from the web page (${n} paragraph${n === 1 ? '' : 's'}; menus, share bars and links left out)`,
      ],
    };
  }
  if (!/[\p{L}\p{N}]/u.test(text)) fail(msg('report.noText'));
  return { text, form: 'text', notes };
}

function refuse(file: string, m: Msg): never {
  throw new BriefdeckError(problem({ file }, m));
}

function oldOffice(ext: string): Msg {
  if (ext === '.wps') return msg('report.wps', { fix: SAVE_AS_WPS });
  if (ext === '.docx') return msg('report.docxProtected');
  return ext && ext !== '.doc'
    ? msg('report.docNamed', { ext, fix: SAVE_AS_WORD })
    : msg('report.doc', { fix: SAVE_AS_WORD });
}

async function readDocx(bytes: Uint8Array, file: string): Promise<ReportText> {
  const fail = (m: Msg) => refuse(file, m);
  const fix = msg('report.saveAgain');
  const zip = checkZip(bytes);
  if (!zip.ok) {
    if (zip.kind === 'encrypted') fail(msg('report.zipEncrypted', { fix }));
    if (zip.kind === 'too-big')
      fail(msg('report.zipTooBig', { max: MAX_UNPACKED_BYTES / 1024 / 1024, entry: zip.entry }));
    if (zip.kind === 'damaged') fail(msg('report.docxDamaged', { detail: zip.detail, fix }));
  }
  const names = new Set(zip.ok ? zip.entries.map((e) => e.name) : []);
  if (!names.has('word/document.xml')) fail(msg('report.notWord'));
  const mammoth = (await import('mammoth')).default;
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }))
      .value;
  } catch (e) {
    // mammoth's own words for what it could not read, then what to do.
    return fail(msg('report.docxCannotRead', { detail: (e as Error).message.split('\n')[0]!, fix }));
  }
  if (!/[\p{L}\p{N}]/u.test(text)) fail(msg('report.docxNoText'));
  // No more text than a .txt report may hold.
  if (Buffer.byteLength(text) > MAX_INPUT_BYTES)
    fail(
      msg('report.docxTooBig', { limit: MAX_INPUT_BYTES / 1024 / 1024, bytes: MAX_INPUT_BYTES.toLocaleString('en') }),
    );
  return { text: text, form: 'docx', notes: [] };
}

/**
 * Text in UTF-8 (with or without a BOM), UTF-16 with a BOM, or — when it is not UTF-8 — the
 * GB18030 (GBK, GB2312) of Chinese Windows, or Big5; otherwise the refusal `decodeText` gives.
 */
function decodeReport(bytes: Uint8Array, file: string): { text: string; notes: Msg[] } {
  const bom16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : '';
  if (bom16) {
    const text = tryDecode(bytes, bom16);
    if (text !== undefined) return { text, notes: [msg('draft.readAsUtf16')] };
  }
  if (bytes.indexOf(0) < 0) {
    const utf8 = tryDecode(bytes, 'utf-8');
    if (utf8 !== undefined) return { text: utf8, notes: [] };
    if (!mostlyUtf8(bytes)) {
      for (const [encoding, label] of [
        ['gb18030', 'GB18030 (GBK)'],
        ['big5', 'Big5'],
      ] as const) {
        const text = tryDecode(bytes, encoding);
        if (text !== undefined && readsAsChinese(text))
          return { text, notes: [msg('draft.readAs', { encoding: label })] };
      }
    }
  }
  // Binary, UTF-16 without a BOM, or broken UTF-8: refused with the message for briefs.
  return { text: decodeText(bytes, file), notes: [] };
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined; // not in this encoding (or a Node built without it)
  }
}

/**
 * True when most bytes above 0x7F form valid UTF-8 sequences: a UTF-8 file with a few bad
 * bytes, to be refused where it breaks, not read as GBK gibberish.
 */
function mostlyUtf8(b: Uint8Array): boolean {
  let high = 0;
  let valid = 0;
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : 0;
    let ok = n > 0;
    for (let k = 1; ok && k <= n; k++) ok = i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
    const len = ok ? n + 1 : 1;
    high += len;
    if (ok) valid += len;
    i += len;
  }
  return valid * 2 > high;
}

/**
 * Chinese as people write it: almost no characters that only a wrong guess of the encoding
 * gives (Japanese kana, Greek, Cyrillic, box drawing, Hangul, private use — what Big5 read as
 * GBK, or GBK as Big5, is full of).
 */
function readsAsChinese(text: string): boolean {
  let wide = 0;
  let odd = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    wide++;
    if (
      (c >= 0x0370 && c <= 0x052f) || // Greek, Cyrillic
      (c >= 0x2500 && c <= 0x257f) || // box drawing
      (c >= 0x3040 && c <= 0x30ff) || // kana
      (c >= 0x3100 && c <= 0x312f) || // bopomofo
      (c >= 0x3400 && c <= 0x4dbf) || // rare CJK (extension A)
      (c >= 0xac00 && c <= 0xd7af) || // Hangul
      (c >= 0xe000 && c <= 0xf8ff) // private use
    )
      odd++;
  }
  return wide > 0 && odd <= wide * 0.02;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const startsWith = (b: Uint8Array, prefix: number[]) => prefix.every((x, i) => b[i] === x);
