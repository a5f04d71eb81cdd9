/**
 * Reporting units. The shapes, tried in this order:
 * - lists, "会上，A、B、C先后发言 / 依次汇报", "A、B、C三位区委书记依次发言", "A…等8位书记作交流发言",
 *   "A和B的工委书记首先登台", "A、B负责同志进行了表态发言", "A、B和C3个村党总支书记进行现场述职"
 *   (one or more in a report), then each unit's text, found by its name or a short form of it at
 *   the start of a sentence or after a ；(list: 浦东新区区委, text: 浦东新区…), in list order, one
 *   unit per paragraph or several inside one; two listed bodies whose text opens with both
 *   ("市科委、中关村管委会积极…") are one unit;
 * - no list, "X逐一点评…。A街道……。但在……等方面仍存不足。B镇……": a unit starts where a sentence
 *   begins with a body's name, at the start of a paragraph or right after the previous unit's
 *   shortcomings;
 * - a standing meeting's hearings: "会议听取了区城管局关于《…》的汇报。会议指出，…";
 * - a feature: "寿光市委书记赵绪春的PPT上……", "诸城市委书记张建伟上来向大家报告……", secretaries
 *   one after another between ；("阳尾村第一书记林文春针对…；九岭村第一书记王联辉通过…"), or a
 *   quotation and then the secretary who said it ("“…”城关镇党委书记李新锋说。").
 * A unit's text ends at the next unit, a leader's cue, or the end of its paragraph.
 */
import { achievementItems, leadsIn } from './achievements.js';
import { cueAt } from './cues.js';
import { findsOnly } from './directives.js';
import { BYLINE, splitAt, splitSentence, type Doc } from './paragraphs.js';
import { COMRADE, NAME, ROLE, isRole } from './people.js';
import { findShortcomings, lacking } from './shortcomings.js';
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

/**
 * What a list of units does: 先后发言, 依次汇报, 作交流发言, 首先登台, 依次走上“考场”, 进行了表态发言,
 * 作了情况说明和表态发言, 作了述职报告, 分别就…作了报告, (进行)现场述职, 作了现场陈述.
 */
const LIST_VERB = new RegExp(
  [
    '(?:先后|依次|分别|相继|陆续|轮流|首先|逐一)(?:登台|上台)?(?:作了?|做了?|进行了?)?(?:交流|典型经验|典型|表态|专题|工作|现场)?(?:发言|汇报|交流|述职)',
    '(?:先后|依次|相继|陆续|轮流|首先)(?:登台|上台|走上)',
    '(?:作了?|做了?|进行了?)(?:[^，。；]{1,6}和)?(?:交流|典型经验|典型|表态|专题|工作|代表)(?:发言|汇报)',
    '作了?述职报告',
    '分别就[^，。；]{1,24}?(?:作了?|做了?|进行了?)(?:报告|汇报|发言)',
    '(?:上台|登台)?(?:作了?|做了?|进行了?)?现场(?:述职|汇报|陈述)',
  ].join('|'),
);
/** Opening words before a list. */
const LIST_LEAD = /^(?:会上|会议上|会议中|随后|其中|期间|接着)/;
/** "A、B三个社区和C、D三个村": a count and a kind between two groups of one list. */
const GROUP_SEP = /[一二三四五六七八九十两\d]+(?:位|个|家)[\u4e00-\u9fa5]{1,4}?(?:和|及|与)/g;
/** Where a list's names end: "等8位…", "三位区委书记", "的工委书记", "负责同志", "在先进席". */
const LIST_TAIL =
  /等|共?[一二三四五六七八九十两\d]+(?:位|个|名|家)|的[^、，。]{0,10}?(?:书记|负责同志|负责人|同志)|(?:主要)?负责(?:同志|人)|在(?:会上|先进席|后进席)|分别|代表|首先|先后|依次|相继|陆续/g;
/** A separator between two names of a list. */
const LIST_SEP = /、|(?<=委|局|区|县|市|镇|乡|街道|办|厅|署|中心|公司|集团|村|社区)(?:和|及|与)/;
/** Attendance is not a list of reporting units. */
const NOT_A_LIST = /参加|出席|列席|主持|陪同/;
const REVIEW = /(?:逐一|逐个|一一|分别|依次)(?:作|进行)?了?(?:工作)?(?:点评|讲评)|点评了?各/;
const REVIEWER = new RegExp(`(?:^|[，。])(?:${ROLE})?(${NAME})${COMRADE}(?:逐一|逐个|一一|分别|依次|对)`, 'd');
const INTRO_SPEAKER = new RegExp(
  `^(?:${ROLE})(${NAME})${COMRADE}(?:在发言中|发言时|在会上)?(?:介绍|表示|汇报|谈到|提到|说|指出)(?:说|道)?[，：]?`,
  'd',
);
const INTRO = /^(?:在发言中|发言中|发言时)?(?:介绍|表示|汇报|谈到|提到|说)?(?:说|道)?[，：]/;
/**
 * A feature's unit: "寿光市委书记赵绪春的PPT上", "诸城市委书记张建伟上来向大家报告",
 * "杭州市委常委、萧山区委书记俞东来说", "高庄村党支部书记熊仁友在…述职评议考核会上" → the
 * secretary's body (寿光市委) and name.
 */
const SECRETARY =
  `^(?:[^，。]{0,20}，)?(?:[\\u4e00-\\u9fa5]{2,12}?(?:常委|书记|主任|长)、)?` +
  `([\\u4e00-\\u9fa5]{2,12}?(?:市委|区委|县委|州委|旗委|镇党委|乡党委|街道党工委|党工委|党委|党组|村党支部|村党总支|村))` +
  `(?:第一)?书记(${NAME})${COMRADE}`;
const FEATURE = new RegExp(
  `${SECRETARY}(?=的PPT|上来|在发言中|发言时|介绍|说|表示|汇报|谈到|讲|报告|陈述|在[^，。]{0,30}?(?:述职|汇报|发言)|针对|通过|带领|围绕|立足|聚焦|以)`,
  'd',
);
/** Right after a quotation, the secretary who said it and what they do ("面对132名党员干部"). */
const QUOTED_BY = new RegExp(
  `${SECRETARY}(?=[，。：]|说|表示|介绍|陈述|谈|讲|在|面对|向|用|坦言|感慨|告诉|自豪|笑)`,
  'd',
);
const FEATURE_INTRO =
  /^(?:的PPT上|上来|在发言中|发言时)?(?:向大家)?(?:报告了?|介绍了?|说|表示|汇报了?|谈到|讲了?)?(?:说|道)?[，：]?/;
/** "会议听取了…" before the body heard: "会议听取了区城管局关于《…》的汇报". */
const HEARD =
  /(?:^|[，；])(?:会议|会上)?(?:还|首先|先后|依次)?(?:认真)?听取了?(?=(?!了|各|全|有关|相关|部分|大家|与会)([\u4e00-\u9fa5]{1,16}?(?:委|局|办|室|厅|署|部|中心|公司|集团|组|站|所|院|镇|乡|街道|区|县|社区|村))(?:关于|《|“|就|对|的)[^。]{0,80}?汇报)/;
/** How many sentences after a list are cut at ；where a unit's name begins. */
const SPLIT_WINDOW = 80;
/** Quotes before a sentence's first word. */
const OPENING_QUOTES = /^[“‘「『]+/;
/** In a reviewed unit's text, the reviewer asking something of it. */
const ASKS = /^(?:下一步|今后|接下来|下阶段|希望)?，?(?:要|希望|务必|必须|须|需要|应)/;

/**
 * `host` is the meeting's organizer, when the opening names it ("盐城市滨海县滨淮镇"): its own
 * secretary, quoted in a feature, leads the meeting and is no reporting unit.
 */
export function recogniseUnits(doc: Doc, known: ReadonlySet<string>, host?: string): UnitsDraft {
  const t = doc.t;
  const free = doc.sentences.map((s, i) => [s, i] as const).filter(([s]) => !s.used);
  // The first list, and any more in its paragraph ("A、B等4个单位在先进席作典型经验发言，C、D等4个
  // 单位在后进席作表态发言"); a list further on is another meeting's.
  const lists: { sentence: (typeof doc.sentences)[number]; index: number; items: ListItem[] }[] = [];
  for (const [s, i] of free) {
    if (lists.length && s.para !== lists[0]!.sentence.para) break;
    const items = listItems(doc, s);
    if (items.length >= 2) lists.push({ sentence: s, index: i, items });
  }
  const reviewAt = free.find(([s]) => REVIEW.test(normOf(t, s)));
  const out: UnitsDraft = { units: [] };
  const reviewSentence = reviewAt?.[0];
  if (reviewSentence) {
    const r = REVIEWER.exec(normOf(t, reviewSentence));
    if (r) out.reviewer = { s: reviewSentence.s + r.indices![1]![0], e: reviewSentence.s + r.indices![1]![1] };
    reviewSentence.used = true;
  }
  const isCue = (i: number) => cueAt(t, doc.sentences[i]!, known) !== null;

  if (lists.length) {
    for (const l of lists) l.sentence.used = true;
    const starts: { unit: UnitDraft; at: number; skip: number; forms: string[] }[] = [];
    lists.forEach((l, n) => {
      // Indices move when a sentence is cut in two: look them up again.
      const index = doc.sentences.indexOf(l.sentence);
      const items = joinJoint(l.items, index);
      // Where each unit's text starts: the first free sentence, after the previous unit's start,
      // that begins with one of its names (a sentence is cut at ；where the next one begins).
      splitAtUnits(
        index + 1,
        items.map((item) => shortForms(normOf(t, item.name))),
      );
      let cursor = index + 1;
      const next = lists[n + 1];
      const limit = next ? doc.sentences.indexOf(next.sentence) : doc.sentences.length;
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
        for (let i = cursor; i < limit; i++) {
          const s = doc.sentences[i]!;
          if (s.used) continue;
          const raw = normOf(t, s);
          const lead = OPENING_QUOTES.exec(raw)?.[0].length ?? 0;
          const form = forms.find((f) => raw.startsWith(f, lead));
          if (form) {
            starts.push({ unit, at: i, skip: lead + form.length, forms });
            cursor = i + 1;
            break;
          }
        }
      }
    });
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
      const raw = normOf(t, s);
      const lead = OPENING_QUOTES.exec(raw)?.[0].length ?? 0;
      const name = orgPrefix(raw.slice(lead));
      if (!name) break;
      const unit = foundUnit({ s: s.s + lead, e: s.s + lead + name.length }, '单位名称取自句首，请核对全称');
      i = fill(unit, i, lead + name.length, Infinity, true);
    }
  }
  if (out.units.length === 0) hearings();
  if (out.units.length === 0) features();
  return out;

  /**
   * A standing meeting: "会议听取了区城管局关于《…》的汇报。会议指出，…要…": a unit each body heard,
   * and what the meeting then says, up to the next hearing, is what it asks of that body.
   */
  function hearings() {
    for (let i = 0; i < doc.sentences.length; i++) {
      // Read the opening too: "…召开常务会议，听取了县自然资源局关于…的汇报".
      const s = doc.sentences[i]!;
      const m = HEARD.exec(normOf(t, s));
      if (!m) continue;
      const at = s.s + m.index + m[0].length;
      const name = m[1]!;
      const unit = foundUnit({ s: at, e: at + name.length }, '单位取自“会议听取了…的汇报”，请核对');
      s.used = true;
      for (let j = i + 1; j < doc.sentences.length; j++) {
        const next = doc.sentences[j]!;
        const text = normOf(t, next);
        if (next.used || HEARD.test(text) || next.para !== s.para) break;
        const said = /^会议(?:还)?(?:指出|要求|强调|认为)[，：]?/.exec(text);
        const span = said ? { s: next.s + said[0].length, e: next.e } : next;
        // What it only finds ("…较好地完成了大部分工作任务") is kept as a comment; a sentence
        // without a cue is read as a finding unless it asks something.
        if (findsOnly(said?.[0] ?? '指出', normOf(t, span))) unit.kept.push(span);
        else unit.directives.push(span);
        next.used = true;
      }
    }
  }

  /** A unit whose text was found where its name is, with why a human should look. */
  function foundUnit(name: Span, note: string, speaker?: Span): UnitDraft {
    const unit: UnitDraft = { name, achievements: [], shortcomings: [], directives: [], kept: [], found: true, note };
    if (speaker) unit.speaker = speaker;
    out.units.push(unit);
    return unit;
  }

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
        if (short.s > span.s) plain(unit, { s: span.s, e: short.s }, afterShortcomings);
        unit.shortcomings.push(...short.items);
        afterShortcomings = true;
        if (short.e < span.e) plain(unit, { s: short.e, e: span.e }, true);
      } else plain(unit, span, afterShortcomings);
      if (unit.shortcomings.length) afterShortcomings = true;
    }
    return i;
  }

  /**
   * A unit's text that is no formula: claims, split at ；and 。 when the text uses ；between them
   * (a claim keeps its commas: "加快推动重点功能区建设，南中轴地区博物馆群一期启动建设"), else at the
   * commas where a new claim starts. A clause that says something is lacking ("棚改完成进度慢")
   * is a shortcoming wherever it stands. After the shortcomings, with a reviewer, "下一步要…" is
   * what they ask of the unit; otherwise (the unit's own plans) it is kept as a comment.
   */
  function plain(unit: UnitDraft, span: Span, after: boolean) {
    if (after && ASKS.test(normOf(t, span)) && !splitAt(t, span, '，；').some((c) => lacking(normOf(t, c)))) {
      if (out.reviewer) unit.directives.push(span);
      else unit.kept.push(span);
      return;
    }
    const claims = splitAt(t, span, '；');
    for (const claim of claims) {
      let pieces = achievementItems(t, claim);
      // Between ；, a claim keeps its commas unless both sides carry figures of their own
      // ("生产总值增长6.2%，规上工业产值1,286亿元").
      if (claims.length > 1) {
        const kept: Span[] = [];
        for (const p of pieces) {
          const prev = kept[kept.length - 1];
          if (prev && !(/\d/.test(normOf(t, prev)) && /\d/.test(normOf(t, p)))) prev.e = p.e;
          else kept.push({ ...p });
        }
        pieces = kept;
      }
      for (const piece of pieces) {
        const clauses = splitAt(t, piece, '，');
        const bad = clauses.filter((c) => lacking(normOf(t, c)));
        if (bad.length === 0) {
          rest(unit, piece, after);
          continue;
        }
        // The lacking clauses are shortcomings; what is left of the claim, around them, stays,
        // but a clause that only leads in ("作为镇党委书记，我还没有…") goes with the shortcoming.
        let s = piece.s;
        for (const c of bad) {
          const before = { s, e: c.s };
          const leads = c.s > s && leadsIn(normOf(t, before));
          if (c.s > s && !leads) rest(unit, before, after);
          unit.shortcomings.push(leads ? { s, e: c.e } : c);
          s = c.e;
        }
        if (s < piece.e) rest(unit, { s, e: piece.e }, after);
      }
    }
  }

  function rest(unit: UnitDraft, span: Span, after: boolean) {
    const text = normOf(t, span).replace(/^[，；。]+|[，；。]+$/g, '');
    if (text.length < 2) return;
    if (ASKS.test(text) && after) {
      if (out.reviewer) unit.directives.push(span);
      else unit.kept.push(span);
    } else unit.achievements.push(span);
  }

  /** Cut sentences from `from` on at a ；followed by one of the units' names. */
  function splitAtUnits(from: number, forms: string[][]) {
    const all = forms.flat().filter((f) => f.length >= 2);
    if (!all.length) return;
    // Units' texts follow their list closely: look a little way on, not through the whole report.
    for (let i = from; i < Math.min(doc.sentences.length, from + SPLIT_WINDOW); i++) {
      const s = doc.sentences[i]!;
      if (s.used) continue;
      const text = normOf(t, s);
      for (let k = text.indexOf('；'); k > 0; k = text.indexOf('；', k + 1)) {
        if (all.some((f) => text.startsWith(f, k + 1))) {
          splitSentence(doc, i, s.s + k + 1);
          break; // the rest is the next sentence, looked at next
        }
      }
    }
  }

  /**
   * Two bodies listed one after the other whose text opens with both ("市科委、中关村管委会积极
   * 服务…") report as one unit.
   */
  function joinJoint(items: ListItem[], after: number): ListItem[] {
    const out: ListItem[] = [];
    for (let k = 0; k < items.length; k++) {
      const a = items[k]!;
      const b = items[k + 1];
      if (b && !a.speaker && !b.speaker) {
        const joint = normOf(t, { s: a.name.s, e: b.name.e });
        const opens = doc.sentences.some(
          (s, i) => i > after && !s.used && normOf(t, s).replace(OPENING_QUOTES, '').startsWith(joint),
        );
        if (opens && /^[^、]+、[^、]+$/.test(joint)) {
          out.push({ name: { s: a.name.s, e: b.name.e } });
          k++;
          continue;
        }
      }
      out.push(a);
    }
    return out;
  }

  /** Feature style: a paragraph opening with a local secretary who reports is that body's text. */
  function features() {
    for (const para of doc.paras) {
      const first = para.sentences[0];
      if (first === undefined) continue;
      if (doc.sentences[first]!.used) continue;
      if (!FEATURE.test(normOf(t, doc.sentences[first]!))) {
        quoted(para);
        continue;
      }
      // "A村第一书记甲…；B村第一书记乙…；…": a unit each.
      splitAtSecretaries(first);
      const index = doc.paras.indexOf(para);
      const pieces: { i: number; m: RegExpExecArray }[] = [];
      for (let i = first; i < doc.sentences.length && doc.sentences[i]!.para === index; i++) {
        const m = doc.sentences[i]!.used ? null : FEATURE.exec(normOf(t, doc.sentences[i]!));
        if (m) pieces.push({ i, m });
      }
      pieces.forEach(({ i, m }, k) => {
        const s = doc.sentences[i]!;
        const [ns, ne] = m.indices![1]!;
        const [ps, pe] = m.indices![2]!;
        if (ns > 0 && t.norm[s.s + ns - 1] !== '，' && t.norm[s.s + ns - 1] !== '、') return;
        if (host && shortForms(m[1]!).some((f) => f.length >= 2 && host.endsWith(f))) return;
        const intro = FEATURE_INTRO.exec(t.norm.slice(s.s + m[0].length, s.e))?.[0].length ?? 0;
        const unit = foundUnit({ s: s.s + ns, e: s.s + ne }, '单位取自发言人的职务，请核对', {
          s: s.s + ps,
          e: s.s + pe,
        });
        fill(unit, i, m[0].length + intro, pieces[k + 1]?.i ?? Infinity, false, shortForms(m[1]!));
      });
    }
  }

  /** Cut sentence `i` at each ；after which another secretary's part begins. */
  function splitAtSecretaries(i: number) {
    for (let at = i; at < doc.sentences.length; at++) {
      const s = doc.sentences[at]!;
      const text = normOf(t, s);
      const k = [...text.matchAll(/；/g)].find((m) => FEATURE.test(text.slice(m.index + 1)))?.index;
      if (k === undefined) return;
      splitSentence(doc, at, s.s + k + 1);
    }
  }

  /**
   * A paragraph that opens with what a secretary said, and then who said it: "“我们建立了积分制
   * 管理……不足之处是……”城关镇党委书记李新锋说。" The quotation is that body's text.
   */
  function quoted(para: Doc['paras'][number]) {
    const text = t.norm.slice(para.s, para.e);
    const open = BYLINE.exec(text)?.[0].length ?? 0;
    if (text[open] !== '“') return;
    let depth = 0;
    let close = -1;
    for (let k = open; k < text.length && close < 0; k++) {
      if (text[k] === '“') depth++;
      else if (text[k] === '”' && --depth === 0) close = k;
    }
    if (close < 0) return;
    const m = QUOTED_BY.exec(text.slice(close + 1));
    if (!m) return;
    const [ns, ne] = m.indices![1]!;
    const [ps, pe] = m.indices![2]!;
    const base = para.s + close + 1;
    // The attribution becomes a sentence of its own, after the quotation's last.
    const last = doc.sentences.findIndex((x) => x.s <= para.s + close && para.s + close < x.e);
    if (last < 0 || doc.sentences.slice(para.sentences[0], last + 1).some((x) => x.used)) return;
    if (doc.sentences[last]!.e > base) splitSentence(doc, last, base);
    doc.sentences[last]!.e = para.s + close; // the closing quotation mark is not the unit's text
    const unit = foundUnit({ s: base + ns, e: base + ne }, '单位取自发言人的职务，请核对', {
      s: base + ps,
      e: base + pe,
    });
    const from = para.sentences[0]!;
    fill(unit, from, para.s + open + 1 - doc.sentences[from]!.s, last + 1, false, shortForms(m[1]!));
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

interface ListItem {
  name: Span;
  speaker?: Span;
}

/**
 * The units listed in a sentence (in any of its clauses, in order): the names before the verb
 * (先后发言, 作交流发言…), 、-separated, 和/及 only between whole names, without what the list ends
 * with ("三位区委书记", "等8位…书记", "的工委书记", "负责同志").
 */
function listItems(doc: Doc, sentence: Span): ListItem[] {
  const t = doc.t;
  const out: ListItem[] = [];
  for (const clause of splitAt(t, sentence, '，；：')) {
    const text = normOf(t, clause);
    const verb = LIST_VERB.exec(text);
    if (!verb) continue;
    let subject = text.slice(0, verb.index);
    if (NOT_A_LIST.test(subject)) continue;
    const sep = LIST_SEP.exec(subject);
    if (!sep) continue;
    // Before the first name: "会上", "综合考核排名领先的".
    let start = LIST_LEAD.exec(subject)?.[0].length ?? 0;
    const of = subject.lastIndexOf('的', sep.index);
    if (of >= start) start = of + 1;
    // After the last name: from the last group separator (or the first 、) on, the list's tail.
    let from = sep.index;
    GROUP_SEP.lastIndex = 0;
    for (let g = GROUP_SEP.exec(subject); g; g = GROUP_SEP.exec(subject)) from = g.index + g[0].length;
    LIST_TAIL.lastIndex = from;
    const tail = LIST_TAIL.exec(subject);
    subject = subject.slice(0, tail ? tail.index : subject.length);
    const region: Span = { s: clause.s + start, e: clause.s + subject.length };
    if (region.e - region.s < 4) continue;
    const items = regionItems(t, region);
    if (items.length >= 2 && items.every((i) => i.name.e - i.name.s <= 30)) out.push(...items);
  }
  return out;
}

function regionItems(t: Doc['t'], region: Span): ListItem[] {
  // Group separators ("三个社区和") split like 、.
  const text = normOf(t, region);
  const cuts: Span[] = [];
  let s = region.s;
  GROUP_SEP.lastIndex = 0;
  for (let g = GROUP_SEP.exec(text); g; g = GROUP_SEP.exec(text)) {
    cuts.push({ s, e: region.s + g.index });
    s = region.s + g.index + g[0].length;
  }
  cuts.push({ s, e: region.e });
  const pieces: Span[] = [];
  for (const cut of cuts)
    for (const piece of splitAt(t, cut, '、')) {
      // "市公安局党委书记、局长李强": a role split by 、 is one entry.
      const prev = pieces[pieces.length - 1];
      if (prev && isRole(normOf(t, prev))) prev.e = piece.e;
      else pieces.push({ ...piece });
    }
  const out: ListItem[] = [];
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
  const m = /(?<=(?:委|局|区|县|镇|乡|街道|办|厅|署|中心|公司|集团|村|社区))(?:和|及|以及|与)(?=.{2,})/.exec(text);
  if (!m) return [span];
  return [{ s: span.s, e: span.s + m.index }, ...splitAnd(t, { s: span.s + m.index + m[0].length, e: span.e })];
}
