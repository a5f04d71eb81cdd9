/**
 * The report's shape: paragraphs (page furniture told apart), sentences and clauses, all as
 * spans of the normalised text. Recognisers mark the sentences they use, so whatever is left
 * can be kept verbatim as a comment in the draft.
 */
import { trimSpan, type Span, type Text } from './text.js';

type ParagraphKind = 'body' | 'headline' | 'credit' | 'dateline' | 'chrome';

interface Paragraph extends Span {
  kind: ParagraphKind;
  /** Indices into `Doc.sentences`. */
  sentences: number[];
}

interface Sentence extends Span {
  para: number;
  /** Set by the recogniser that placed this sentence in the draft. */
  used: boolean;
}

export interface Doc {
  t: Text;
  paras: Paragraph[];
  sentences: Sentence[];
}

const codes = (s: string) => new Set([...s].map((c) => c.charCodeAt(0)));
const TERMINATORS = codes('。！？');
const CLOSERS = codes('”’）》」');
/** A line that trails off ("促进交流……") ends its paragraph too. */
const ELLIPSIS = 0x2026;
const OPEN = codes('“‘（《【');
const CLOSE = codes('”’）》】');

export function readDoc(text: Text): Doc {
  const t = unwrap(text);
  const doc: Doc = { t, paras: [], sentences: [] };
  const spans = lines(t);
  const kinds = spans.map((l) => furniture(t.norm.slice(l.s, l.e)));
  // A short first line without a full stop, followed by body text, is the report's headline.
  const first = kinds.indexOf('body');
  const head = spans[first];
  if (head && isHeadline(t.norm.slice(head.s, head.e)) && kinds.indexOf('body', first + 1) > 0)
    kinds[first] = 'headline';
  spans.forEach((line, index) => {
    const para: Paragraph = { ...line, kind: kinds[index]!, sentences: [] };
    doc.paras.push(para);
    if (para.kind !== 'body') return;
    for (const s of sentenceSpans(t, line)) {
      para.sentences.push(doc.sentences.length);
      doc.sentences.push({ ...s, para: index, used: false });
    }
  });
  return doc;
}

/** Non-empty lines. */
function lines(t: Text): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i <= t.norm.length; i++) {
    if (i < t.norm.length && t.norm[i] !== '\n') continue;
    if (i > s) out.push({ s, e: i });
    s = i + 1;
  }
  return out;
}

/**
 * Hard-wrapped text (copied from a PDF) joined back for recognition: the line break after a
 * line that does not end a sentence, is long enough to be body text and is followed directly
 * (no blank line) by more text is dropped from `norm`. The report itself is untouched.
 */
function unwrap(t: Text): Text {
  const drop = new Set<number>();
  let start = 0;
  const all = lines(t);
  for (const [k, line] of all.entries()) {
    const text = t.norm.slice(Math.max(start, line.s - 200), line.e); // the paragraph so far, enough of it
    const end = t.norm.charCodeAt(line.e - 1);
    const next = all[k + 1];
    const more =
      next !== undefined &&
      next.s === line.e + 1 &&
      !startsOwnParagraph(t.norm.slice(next.s, Math.min(next.e, next.s + 80)));
    if (
      more &&
      line.e - start >= 20 &&
      !TERMINATORS.has(end) &&
      !CLOSERS.has(end) &&
      end !== ELLIPSIS &&
      furniture(text) === 'body'
    ) {
      drop.add(line.e);
    } else start = line.e + 1;
  }
  if (drop.size === 0) return t;
  let norm = '';
  const map = new Int32Array(t.map.length - drop.size);
  let n = 0;
  let from = 0;
  for (const i of [...drop].sort((a, b) => a - b)) {
    norm += t.norm.slice(from, i);
    map.set(t.map.subarray(from, i), n);
    n += i - from;
    from = i + 1;
  }
  norm += t.norm.slice(from);
  map.set(t.map.subarray(from), n);
  return { raw: t.raw, norm, map };
}

/**
 * A paper's byline before the lead: "本报讯（记者 王言）", "长城网·冀云客户端讯（记者 马静）",
 * "宁德网消息（闽东日报记者 龚键荣）", "红网桂阳站6月12日讯", "（郑汝可）", "□记者 都镇强 报道".
 */
export const BYLINE =
  /^(?:(?:[^，。（]{0,16}消息|(?:本报|本台|本网|本刊)[^，。（]{0,8}讯|[^，。（“]{0,16}(?:网|台|报|站|社)[^，。（“]{0,12}(?:讯|电))(?:（[^）]{0,40}）)?：?|（[\u4e00-\u9fa5 ]{2,12}）|□?记者[^，。]{0,12}报道)/;

/**
 * A line that begins a paragraph of its own, however the line before it ends: page furniture
 * ("作者：… 发布时间：…"), a short line with no punctuation ("红网君山站"), a byline, or an
 * opening "2月9日下午，…".
 */
function startsOwnParagraph(line: string): boolean {
  return (
    furniture(line) !== 'body' ||
    /^[^，。、；：！？“”（）,.;:!?()]{1,12}$/.test(line) ||
    BYLINE.test(line) ||
    /^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚间)?，/.test(line)
  );
}

/** Sentences of a span: up to 。！？ and any closing quotes right after. */
export function sentenceSpans(t: Text, span: Span): Span[] {
  const out: Span[] = [];
  const n = t.norm;
  let s = span.s;
  for (let i = span.s; i < span.e; i++) {
    if (!TERMINATORS.has(n.charCodeAt(i))) continue;
    let e = i + 1;
    while (e < span.e && (TERMINATORS.has(n.charCodeAt(e)) || CLOSERS.has(n.charCodeAt(e)))) e++;
    push(out, t, s, e);
    s = e;
    i = e - 1;
  }
  push(out, t, s, span.e);
  return out;
}

function push(out: Span[], t: Text, s: number, e: number) {
  const r = trimSpan(t, s, e);
  if (r.e > r.s) out.push(r);
}

/**
 * Cut sentence `i` in two at `at` (norm offset inside it): "马关县从…；平坝镇推动…" read as one
 * unit's text each. Later sentences move up one index, in `Doc.sentences` and in the paragraphs.
 */
export function splitSentence(doc: Doc, i: number, at: number): void {
  const s = doc.sentences[i]!;
  const head = trimSpan(doc.t, s.s, at);
  const tail = trimSpan(doc.t, at, s.e);
  if (head.e <= head.s || tail.e <= tail.s) return;
  doc.sentences.splice(i, 1, { ...head, para: s.para, used: s.used }, { ...tail, para: s.para, used: s.used });
  for (let n = s.para; n < doc.paras.length; n++) {
    const p = doc.paras[n]!; // paragraphs before this one hold only earlier sentences
    p.sentences = p.sentences.map((k) => (k > i ? k + 1 : k));
    const at = p.sentences.indexOf(i);
    if (at >= 0) p.sentences.splice(at + 1, 0, i + 1);
  }
}

const SEPS = new Map<string, Set<number>>();

/** Split a span at any of `seps` outside quotes and brackets; pieces trimmed, empty ones dropped. */
export function splitAt(t: Text, span: Span, seps: string): Span[] {
  const out: Span[] = [];
  const n = t.norm;
  const at = SEPS.get(seps) ?? SEPS.set(seps, codes(seps)).get(seps)!;
  let depth = 0;
  let s = span.s;
  for (let i = span.s; i < span.e; i++) {
    const c = n.charCodeAt(i);
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && at.has(c)) {
      push(out, t, s, i);
      s = i + 1;
    }
  }
  push(out, t, s, span.e);
  return out;
}

/** Clauses: split at ，；(and the ASCII forms, already normalised). */
export const clauses = (t: Text, span: Span): Span[] => splitAt(t, span, '，；');

const DATE = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/;

/** Page furniture around a report: photo credits, date/source lines, site chrome. */
function furniture(p: string): ParagraphKind {
  if (p.length <= 40 && /^[（【]?(本文)?(图片|图|摄影|照片|视频)(来源)?[：]/.test(p)) return 'credit';
  if (p.length <= 40 && /摄[）】]?$/.test(p) && /^[（【]/.test(p)) return 'credit';
  if (p.length <= 80 && !/[。！？]/.test(p)) {
    if (
      /^(来源|稿源|作者|记者|编辑|责任编辑|责编|原标题|发布时间|发布日期|通讯员|审核|校对|文|图)[：:]/.test(p) ||
      /来源[：:]/.test(p)
    )
      return 'dateline';
    if (DATE.test(p) && p.replace(/[\d:\-/.年月日时分]/g, '').length <= 20) return 'dateline';
  }
  if (
    p.length <= 30 &&
    /^(分享到|打印|关闭窗口|字号|【字体|扫一扫|相关新闻|返回顶部|上一篇|下一篇|阅读原文|点击)/.test(p)
  )
    return 'chrome';
  return 'body';
}

function isHeadline(p: string): boolean {
  return p.length <= 40 && !/[。！？]/.test(p);
}
