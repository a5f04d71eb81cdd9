/**
 * Reporting units. Two shapes:
 * - a list, "会上，A、B、C先后发言 / 依次汇报", then each unit's text, found by its name or a short
 *   form of it at the start of a sentence (list: 浦东新区区委, text: 浦东新区…), in list order,
 *   one unit per paragraph or several inside one;
 * - no list, "X逐一点评…。A街道……。但在……等方面仍存不足。B镇……": a unit starts where a sentence
 *   begins with a body's name, at the start of a paragraph or right after the previous unit's
 *   shortcomings.
 * A unit's text ends at the next unit, a leader's cue, or the end of its paragraph.
 */
import { achievementItems } from './achievements.js';
import { cueAt } from './cues.js';
import { splitAt, type Doc } from './paragraphs.js';
import { NAME, ROLE, isRole } from './people.js';
import { findShortcomings } from './shortcomings.js';
import { normOf, type Span } from './text.js';
import { orgPrefix, shortForms, unitItem } from './unitnames.js';

interface UnitDraft {
  name: Span;
  speaker?: Span;
  achievements: Span[];
  shortcomings: Span[];
  /** What the reviewing leader asked of this unit, in its own text ("下一步要…"). */
  directives: Span[];
  /** Its own text that is none of these ("下一步将…"): kept as a comment. */
  kept: Span[];
  /** Its text was found (a listed unit may not be). */
  found: boolean;
  /** Why a human should look. */
  note?: string;
}

export interface UnitsDraft {
  units: UnitDraft[];
  /** The leader who reviewed the units in turn ("陈吉宁逐一作工作点评"). */
  reviewer?: Span;
}

const LIST =
  /^(?:会上|会议上|会议中|随后)?，?(.+?)(?:等(?:单位|部门)?)?(?:的?(?:主要)?负责(?:同志|人))?(?:先后|依次|分别|相继|陆续|轮流)(?:作了?|进行了?)?(?:交流|专题|工作)?(?:发言|汇报|交流|述职)/d;
const REVIEW = /(?:逐一|逐个|一一|分别|依次)(?:作|进行)?了?(?:工作)?(?:点评|讲评)|点评了?各/;
const REVIEWER = new RegExp(`(?:^|[，。])(?:${ROLE})?(${NAME})(?:逐一|逐个|一一|分别|依次|对)`, 'd');
const INTRO_SPEAKER = new RegExp(
  `^(?:${ROLE})(${NAME})(?:在发言中|发言时|在会上)?(?:介绍|表示|汇报|谈到|提到|说|指出)(?:说|道)?[，：]?`,
  'd',
);
const INTRO = /^(?:在发言中|发言中|发言时)?(?:介绍|表示|汇报|谈到|提到|说)?(?:说|道)?[，：]/;
/** In a reviewed unit's text, the reviewer asking something of it. */
const ASKS = /^(?:下一步|今后|接下来|下阶段|希望)?，?(?:要|希望|务必|必须|须|需要|应)/;

export function recogniseUnits(doc: Doc, known: ReadonlySet<string>): UnitsDraft {
  const t = doc.t;
  const free = doc.sentences.map((s, i) => [s, i] as const).filter(([s]) => !s.used);
  const listAt = free.find(([s]) => LIST.test(normOf(t, s)) && listItems(doc, s).length >= 2);
  const reviewAt = free.find(([s]) => REVIEW.test(normOf(t, s)));
  const out: UnitsDraft = { units: [] };
  const reviewSentence = reviewAt?.[0];
  if (reviewSentence) {
    const r = REVIEWER.exec(normOf(t, reviewSentence));
    if (r) out.reviewer = { s: reviewSentence.s + r.indices![1]![0], e: reviewSentence.s + r.indices![1]![1] };
    reviewSentence.used = true;
  }
  const isCue = (i: number) => cueAt(t, doc.sentences[i]!, known) !== null;

  if (listAt) {
    const [sentence, index] = listAt;
    sentence.used = true;
    const items = listItems(doc, sentence);
    // Where each unit's text starts: the first free sentence, after the previous unit's start,
    // that begins with one of its names.
    let cursor = index + 1;
    const starts: { unit: UnitDraft; at: number; skip: number; forms: string[] }[] = [];
    for (const item of items) {
      const unit: UnitDraft = {
        name: item.name,
        achievements: [],
        shortcomings: [],
        directives: [],
        kept: [],
        found: false,
        ...(item.speaker ? { speaker: item.speaker } : {}),
      };
      out.units.push(unit);
      const forms = shortForms(normOf(t, item.name));
      for (let i = cursor; i < doc.sentences.length; i++) {
        const s = doc.sentences[i]!;
        if (s.used) continue;
        const text = normOf(t, s);
        const form = forms.find((f) => text.startsWith(f));
        if (form) {
          starts.push({ unit, at: i, skip: form.length, forms });
          cursor = i + 1;
          break;
        }
      }
    }
    starts.forEach((st, k) => {
      const next = starts[k + 1]?.at ?? Infinity;
      fill(st.unit, st.at, st.skip, next, false, st.forms);
    });
    for (const u of out.units) if (!u.found) u.note = '报道中未找到该单位的发言内容，请核对';
  } else if (reviewAt) {
    // No list: units follow one another, each opening with its name.
    let i = reviewAt[1] + 1;
    while (i < doc.sentences.length) {
      const s = doc.sentences[i]!;
      if (s.used || isCue(i)) break;
      const name = orgPrefix(normOf(t, s));
      if (!name) break;
      const unit: UnitDraft = {
        name: { s: s.s, e: s.s + name.length },
        achievements: [],
        shortcomings: [],
        directives: [],
        kept: [],
        found: true,
        note: '单位名称取自句首，请核对全称',
      };
      out.units.push(unit);
      i = fill(unit, i, name.length, Infinity, true);
    }
  }
  return out;

  /**
   * Read a unit's text from sentence `from` (skipping its name) up to `before`, the end of its
   * paragraph or a cue. Without a list (`open`), a sentence after the shortcomings that opens
   * with another body's name starts the next unit. Returns the first sentence not read.
   */
  function fill(
    unit: UnitDraft,
    from: number,
    skip: number,
    before: number,
    open = false,
    forms: string[] = [],
  ): number {
    unit.found = true;
    let para = doc.sentences[from]!.para;
    let i = from;
    let afterShortcomings = false;
    for (; i < doc.sentences.length && i < before; i++) {
      const s = doc.sentences[i]!;
      if (s.used || (i > from && isCue(i))) break;
      const text = normOf(t, s);
      if (s.para !== para) {
        // A unit goes on into the next paragraph only to find its shortcomings there.
        if (afterShortcomings || !findShortcomings(t, s) || (open && orgPrefix(text))) break;
        para = s.para;
      }
      if (open && i > from && afterShortcomings && orgPrefix(text) && !ASKS.test(text)) break;
      const span = i === from ? skipIntro(unit, { s: s.s + skip, e: s.e }, forms) : { s: s.s, e: s.e };
      s.used = true;
      const short = findShortcomings(t, span);
      if (short) {
        if (short.s > span.s) unit.achievements.push(...achievementItems(t, { s: span.s, e: short.s }));
        unit.shortcomings.push(...short.items);
        afterShortcomings = true;
        if (short.e < span.e) rest(unit, { s: short.e, e: span.e });
      } else if (afterShortcomings) rest(unit, span);
      else unit.achievements.push(...achievementItems(t, span));
    }
    return i;
  }

  /**
   * Text after the shortcomings: with a reviewer, "下一步要…" is what they ask of the unit;
   * otherwise (the unit's own plans) it is kept as a comment on the unit.
   */
  function rest(unit: UnitDraft, span: Span) {
    if (!ASKS.test(normOf(t, span))) unit.achievements.push(...achievementItems(t, span));
    else if (out.reviewer) unit.directives.push(span);
    else unit.kept.push(span);
  }

  /**
   * "浦东新区区委书记朱芝松介绍，…" → the speaker, and the text after the introduction (without
   * the unit's name again: "…介绍，青浦区新增就业2万人" → "新增就业2万人").
   */
  function skipIntro(unit: UnitDraft, span: Span, forms: string[]): Span {
    const text = normOf(t, span);
    const withSpeaker = INTRO_SPEAKER.exec(text);
    let skip = 0;
    if (withSpeaker) {
      const [ns, ne] = withSpeaker.indices![1]!;
      unit.speaker ??= { s: span.s + ns, e: span.s + ne };
      skip = withSpeaker[0].length;
    } else skip = INTRO.exec(text)?.[0].length ?? 0;
    if (skip > 0) skip += forms.find((f) => text.startsWith(f, skip))?.length ?? 0;
    return { s: span.s + skip, e: span.e };
  }
}

/** The units of a list sentence: 、-separated, 和/及 only between whole names. */
function listItems(doc: Doc, sentence: Span): { name: Span; speaker?: Span }[] {
  const t = doc.t;
  const m = LIST.exec(normOf(t, sentence));
  if (!m) return [];
  const [gs, ge] = m.indices![1]!;
  const pieces: Span[] = [];
  for (const piece of splitAt(t, { s: sentence.s + gs, e: sentence.s + ge }, '、，')) {
    // "市公安局党委书记、局长李强": a role split by 、 is one entry.
    const prev = pieces[pieces.length - 1];
    if (prev && isRole(normOf(t, prev))) prev.e = piece.e;
    else pieces.push({ ...piece });
  }
  const out: { name: Span; speaker?: Span }[] = [];
  for (const piece of pieces)
    for (const p of splitAnd(t, piece)) {
      const item = unitItem(normOf(t, p));
      if (!item) continue;
      out.push({
        name: { s: p.s + item.name[0], e: p.s + item.name[1] },
        ...(item.speaker ? { speaker: { s: p.s + item.speaker[0], e: p.s + item.speaker[1] } } : {}),
      });
    }
  return out;
}

/** "金山区委和青浦区委" → two; "市住房和城乡建设管理委" stays one. */
function splitAnd(t: Doc['t'], span: Span): Span[] {
  const text = normOf(t, span);
  const m = /(?<=(?:委|局|区|县|镇|乡|街道|办|厅|署|中心|公司|集团))(?:和|及|以及|与)(?=.{2,})/.exec(text);
  if (!m) return [span];
  return [{ s: span.s, e: span.s + m.index }, ...splitAnd(t, { s: span.s + m.index + m[0].length, e: span.e })];
}
