/**
 * The meeting itself, from the report's opening: "新年首次市委季度工作会议今天下午举行，动员…。
 * 上海市委书记陈吉宁主持会议并强调，…" → title, subtitle, summary, chair (and the chair's opening
 * remarks, kept as a comment), organizer and location when the report names them.
 */
import { BYLINE, type Doc } from './paragraphs.js';
import { COMRADE, NAME, ROLE, looksLikeName, roleLead, type Mention } from './people.js';
import { normOf, type Span } from './text.js';

export interface MeetingDraft {
  title?: Span | undefined;
  /** True when the title is the whole opening clause, not a recognised "…会议". */
  titleUnsure?: boolean;
  subtitle?: Span;
  organizer?: Span | undefined;
  location?: Span | undefined;
  summary?: Span;
  chair?: { name: Span; role?: Span; nameText: string };
  /** The sentence naming the chair: the caller marks it placed once attendees are read from it. */
  chairSentence?: number;
  /** The leader who reviews the units ("接受市委书记尹力现场点评"); the chair when no one 主持. */
  reviewer?: { name: Span; role?: Span; nameText: string };
  /** What the chair "强调" when opening the meeting: kept as a comment, not as points. */
  chairRemark?: Span;
  headline?: Span;
}

const WHEN =
  '(?:(?:\\d{4}年)?(?:\\d{1,2}月)?\\d{1,2}日|今天|昨天|今日|昨日|前天|日前|近日|当天|本周[一二三四五六日]?)?(?:上午|下午|晚上|晚间|早上|晚)?|昨晚|今晚';
const MEETING =
  '(?:会议|大会|座谈会|推进会|例会|专题会|讲评会|点评会|分析会|交流会|调度会|部署会|工作会|常务会|全会|会|擂台赛|决赛|比武)';
/** "X会议今天下午在Y举行" */
const TITLE_FIRST = new RegExp(`^([^，。]{2,40}?${MEETING})(?:于)?(?:${WHEN})(?:在(.{2,20}?))?(?:召开|举行|举办)`, 'd');
/** A first clause that only says when: "2月23日", "近日". */
const ONLY_WHEN = new RegExp(`^(?:${WHEN})$`);
/** "昨晚，X会举行" (not "12月14日，市人大常委会召开…": that is TITLE_AFTER's) */
const TITLE_HELD = new RegExp(`^(?:${WHEN})，([^，。]{2,40}?${MEETING})(?:于)?(?:在(.{2,20}?))?(?:举行|举办)`, 'd');
/** "1月6日下午，市委在Y召开X会议" */
const TITLE_AFTER = new RegExp(
  `^(?:为了?[^，。]{2,40}，)?(?:${WHEN})，?(?:([^，。]{1,30}?)(?:在([^，。]{2,20}?))?)?(?:主持|组织)?(?:召开|举行|举办)了?([^，。]{2,40}?${MEETING})(?=[，。]|$)`,
  'd',
);
/** "新年首次" / "2025年第一次" before the meeting's name. */
/** Page furniture no title is taken from. */
const FURNITURE =
  /^[\d\-/.:： 年月日时分]+$|^(?:https?:|www\.)|[>›»]|^(?:分享|查看原文|其他|阅读原文|来源|稿源|编辑|责任编辑|时间|日期|发布时间|字号|当前位置|您当前的位置|首页|打印|今日|文章搜索|扫一扫|点击|返回)|^[^，。]{0,6}$/;
const ORDINAL = /^((?:\d{4}年|新年|今年|本年度?|年内)?(?:首次|第[一二三四五六七八九十\d]+次|首场))(.{4,})$/;

export function recogniseMeeting(doc: Doc, people: Mention[]): MeetingDraft {
  const out: MeetingDraft = {};
  const n = doc.t.norm;
  const head = doc.paras.find((p) => p.kind === 'headline');
  if (head) out.headline = { s: head.s, e: head.e };
  const bodies = doc.paras.filter((p) => p.kind === 'body' && p.sentences.length > 0);
  // The opening: the first sentence that names the meeting, among the first three of the first few
  // paragraphs ("“让我们把掌声送给…”4月6日，滨淮镇召开第一季度工作总结会"); else the first that
  // is not page furniture ("首页 > 国内资讯", "分享:", "查看原文", "来源：…").
  const opening = bodies
    .slice(0, 8)
    .map((p) => doc.sentences[p.sentences[0]!]!)
    .filter((s) => !FURNITURE.test(normOf(doc.t, s)));
  const names = (s: (typeof opening)[number]) => {
    const text = normOf(doc.t, s).replace(BYLINE, '');
    return TITLE_FIRST.test(text) || TITLE_AFTER.test(text) || TITLE_HELD.test(text);
  };
  const seconds = bodies.slice(0, 8).flatMap((p) => p.sentences.slice(1, 3).map((i) => doc.sentences[i]!));
  const s0 = opening.find(names) ?? seconds.find((s) => !s.used && names(s)) ?? opening[0];
  if (!s0) {
    findChair(doc, people, out);
    return out;
  }
  // "本报讯（记者 王言 通讯员 崔红星）8月10日，…": the paper's byline is not the meeting's.
  const lead = BYLINE.exec(normOf(doc.t, s0))?.[0].length ?? 0;
  const from = s0.s + lead;
  const text = doc.t.norm.slice(from, s0.e);
  const at = (m: RegExpExecArray, g: number): Span | undefined => {
    const r = m.indices?.[g];
    return r ? { s: from + r[0], e: from + r[1] } : undefined;
  };
  let titleEnd = -1;
  const a = TITLE_FIRST.exec(text) ?? TITLE_HELD.exec(text);
  const b = a ? null : TITLE_AFTER.exec(text);
  if (a) {
    out.title = at(a, 1);
    out.location = at(a, 2);
    titleEnd = from + a[0].length;
  } else if (b) {
    out.organizer = at(b, 1);
    out.location = at(b, 2);
    out.title = at(b, 3);
    titleEnd = from + b[0].length;
  } else {
    // Not a recognisable opening: the first clause as the title, for a human to shorten; the
    // report's headline when that clause only says when ("2月23日", "近日").
    const comma = text.search(/[，。]/);
    out.title = { s: from, e: from + (comma > 0 ? comma : text.length) };
    if (out.headline && ONLY_WHEN.test(normOf(doc.t, out.title))) out.title = out.headline;
    out.titleUnsure = true;
  }
  if (out.title && !out.titleUnsure) {
    const o = ORDINAL.exec(normOf(doc.t, out.title));
    if (o) {
      out.subtitle = { s: out.title.s, e: out.title.s + o[1]!.length };
      out.title = { s: out.title.s + o[1]!.length, e: out.title.e };
    }
  }
  // "1月6日下午，…" and "县委书记陆卫东主持召开…" name no organizer.
  // Nor do "全市召开…", "我市召开…".
  if (
    out.organizer &&
    /^(?:\d|今|昨|日|近)|主持|书记|主任|[市区县镇乡]长|^[全我本][省市区县镇乡]$/.test(normOf(doc.t, out.organizer))
  )
    delete out.organizer;
  if (titleEnd > 0) {
    // The rest of the opening sentence says what the meeting is for.
    const comma = n.indexOf('，', titleEnd);
    if (comma >= 0 && comma < s0.e) {
      const rest = { s: comma + 1, e: s0.e };
      const restText = normOf(doc.t, rest);
      if (restText.replace(/[。！]$/, '').length >= 6 && !/主持|出席|参加|列席/.test(restText)) out.summary = rest;
    }
  }
  // An unsure title is only a guess: the sentence stays unplaced, so it is also kept whole. One
  // that goes on to list who attended is left for the attendees.
  if (!out.titleUnsure && !/出席|参加|列席/.test(text)) s0.used = true;
  findChair(doc, people, out);
  return out;
}

/**
 * The chair: "市委书记陈吉宁主持会议并强调，…", "会议由…主持", a headline "…点评会 尹力主持并点评";
 * else the leader who reviews the units ("并接受市委书记尹力现场点评", "镇长郭建坤对各村工作逐一
 * 点评", "在认真听取大家发言后，夏宝龙说"). "上海市委书记陈吉宁主持" also names the organizer
 * (上海市委) and the location (上海), when the opening did not.
 */
function findChair(doc: Doc, people: Mention[], out: MeetingDraft) {
  const t = doc.t;
  const n = t.norm;
  const reviewer = findReviewer(doc, new Set(people.map((p) => p.name)));
  if (reviewer) out.reviewer = reviewer;
  // "区长戴斌同志在区府1729会议室主持召开了…": where is said between the name and 主持.
  const where = (m: Mention) => /^(?:在[^，。]{1,20}?)?(?=主持)/.exec(n.slice(m.after, m.after + 24))?.[0].length;
  const chair = people.find((m) => where(m) !== undefined);
  let name: Span | undefined = chair?.nameSpan;
  let after = chair ? chair.after + where(chair)! : -1;
  let role: Span | undefined;
  if (!chair) {
    // "会议由张三主持", "…，张三主持会议", and a headline "…点评会 尹力主持并点评" (a space before it).
    const re = /([\u4e00-\u9fa5]{2,3})(同志)?主持(?:会议|大会|并|$|，|。)/dg;
    for (const m of n.matchAll(re)) {
      const [s, e] = m.indices![1]!;
      const before = s > 0 ? n[s - 1]! : '\n';
      const spaced = s > 0 && /\s/.test(t.raw[t.map[s]! - 1] ?? '');
      if (!/[，。\n由]/.test(before) && !spaced) continue;
      if (!spaced && before !== '由' && !looksLikeName(m[1]!)) continue;
      name = { s, e };
      after = e + (m[2]?.length ?? 0);
      break;
    }
  }
  if (!name) {
    const under = CHAIRED_UNDER.exec(n);
    if (under && looksLikeName(under[2]!)) {
      const [s, e] = under.indices![2]!;
      name = { s, e };
      after = under.index + under[0].length;
      if (under.indices![1]) role = { s: under.indices![1][0], e: under.indices![1][1] };
    }
  }
  if (!name) {
    if (out.reviewer) out.chair = out.reviewer;
    return;
  }
  role ??= chair?.role;
  out.chair = { name, nameText: n.slice(name.s, name.e), ...(role ? { role } : {}) };
  if (chair?.place && !out.organizer) {
    out.organizer = chair.body;
    out.location ??= chair.place;
  }
  const index = doc.sentences.findIndex((s) => s.s <= name.s && name.s < s.e);
  if (index < 0) return;
  out.chairSentence = index;
  const sentence = doc.sentences[index]!;
  const remark = /^主持(?:会议|大会)?并(?:讲话|发表讲话|作讲话)?(?:强调|指出|讲话)[，：]/.exec(
    n.slice(after, sentence.e),
  );
  if (remark) out.chairRemark = { s: after + remark[0].length, e: sentence.e };
}

/** "在市长王永礼的主持下" */
const CHAIRED_UNDER = new RegExp(`在(${ROLE})?(${NAME})${COMRADE}的主持下`, 'd');
/** A leader followed, in the same clause, by 点评: the one who reviews the units. */
const FOLLOW =
  '(?=(?:对|的|现场|逐一|逐个|一一|分别|依次|作|做|进行|在|参加|代表|最后|集中|当场|即时|针对|主持)[^，。；]{0,40}?(?:点评|讲评)|点评|讲评)';
/** The same without a role, for a name seen elsewhere with one: "全可文最后作了集中点评". */
const REVIEW_BY_NAME = new RegExp(`(?:^|[，。：])()(${NAME})${COMRADE}${FOLLOW}`, 'd');
const REVIEW_BY = new RegExp(
  `(${ROLE})(?:候选人)?(${NAME})${COMRADE}(?=(?:对|的|现场|逐一|逐个|一一|分别|依次|作|做|进行|在|参加|代表|最后|集中|当场|即时|针对|主持)[^，。；]{0,40}?(?:点评|讲评)|点评|讲评)`,
  'd',
);
/** "在认真听取大家发言后，夏宝龙说": who speaks after hearing the units. */
const AFTER_HEARING = new RegExp(
  `^(?:在)?(?:认真)?听取[^，。]{0,12}后，(?:${ROLE})?(${NAME})${COMRADE}(?=说|指出|表示|强调|逐一)`,
  'd',
);

function findReviewer(doc: Doc, known: ReadonlySet<string>): MeetingDraft['reviewer'] {
  const t = doc.t;
  for (const s of doc.sentences) {
    const text = normOf(t, s);
    if (!/点评|讲评|听取/.test(text)) continue;
    const byName = REVIEW_BY_NAME.exec(text);
    const m = REVIEW_BY.exec(text) ?? AFTER_HEARING.exec(text) ?? (byName && known.has(byName[2]!) ? byName : null);
    if (!m) continue;
    const g = m.length > 2 ? 2 : 1;
    const [ns, ne] = m.indices![g]!;
    const nameText = m[g]!;
    if (!looksLikeName(nameText)) continue;
    let role = g === 2 && m[1] ? { s: s.s + m.indices![1]![0], e: s.s + m.indices![1]![1] } : undefined;
    if (role) {
      // "并接受北京市委书记" → "北京市委书记": the role starts after the words that lead to it.
      role = { s: role.s + roleLead(t.norm.slice(role.s, role.e)), e: role.e };
    }
    return { name: { s: s.s + ns, e: s.s + ne }, nameText, ...(role && role.e > role.s ? { role } : {}) };
  }
  return undefined;
}
