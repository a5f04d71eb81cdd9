/**
 * The meeting itself, from the report's opening: "新年首次市委季度工作会议今天下午举行，动员…。
 * 上海市委书记陈吉宁主持会议并强调，…" → title, subtitle, summary, chair (and the chair's opening
 * remarks, kept as a comment), organizer and location when the report names them.
 */
import type { Doc } from './paragraphs.js';
import type { Mention } from './people.js';
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
  /** What the chair "强调" when opening the meeting: kept as a comment, not as points. */
  chairRemark?: Span;
  headline?: Span;
}

const WHEN =
  '(?:(?:\\d{4}年)?\\d{1,2}月\\d{1,2}日|今天|昨天|今日|昨日|日前|近日|当天|本周[一二三四五六日]?)?(?:上午|下午|晚上|晚间|早上)?';
const MEETING =
  '(?:会议|大会|座谈会|推进会|例会|专题会|讲评会|点评会|分析会|交流会|调度会|部署会|工作会|常务会|全会|会)';
/** "X会议今天下午在Y举行" */
const TITLE_FIRST = new RegExp(`^([^，。]{2,40}?${MEETING})(?:于)?${WHEN}(?:在(.{2,20}?))?(?:召开|举行|举办)`, 'd');
/** "1月6日下午，市委在Y召开X会议" */
const TITLE_AFTER = new RegExp(
  `^${WHEN}，?(?:([^，。]{1,15}?)(?:在([^，。]{2,20}?))?)?(?:召开|举行|举办)了?([^，。]{2,40}?${MEETING})(?=[，。]|$)`,
  'd',
);
/** "新年首次" / "2025年第一次" before the meeting's name. */
const ORDINAL = /^((?:\d{4}年|新年|今年|本年度?|年内)?(?:首次|第[一二三四五六七八九十\d]+次|首场))(.{4,})$/;

export function recogniseMeeting(doc: Doc, people: Mention[]): MeetingDraft {
  const out: MeetingDraft = {};
  const n = doc.t.norm;
  const head = doc.paras.find((p) => p.kind === 'headline');
  if (head) out.headline = { s: head.s, e: head.e };
  const first = doc.paras.find((p) => p.kind === 'body' && p.sentences.length > 0);
  if (!first) return out;
  const s0 = doc.sentences[first.sentences[0]!]!;
  const text = normOf(doc.t, s0);
  const at = (m: RegExpExecArray, g: number): Span | undefined => {
    const r = m.indices?.[g];
    return r ? { s: s0.s + r[0], e: s0.s + r[1] } : undefined;
  };
  let titleEnd = -1;
  const a = TITLE_FIRST.exec(text);
  const b = a ? null : TITLE_AFTER.exec(text);
  if (a) {
    out.title = at(a, 1);
    out.location = at(a, 2);
    titleEnd = s0.s + a[0].length;
  } else if (b) {
    out.organizer = at(b, 1);
    out.location = at(b, 2);
    out.title = at(b, 3);
    titleEnd = s0.s + b[0].length;
  } else {
    // Not a recognisable opening: the first clause as the title, for a human to shorten.
    const comma = text.search(/[，。]/);
    out.title = { s: s0.s, e: s0.s + (comma > 0 ? comma : text.length) };
    out.titleUnsure = true;
  }
  if (out.title && !out.titleUnsure) {
    const o = ORDINAL.exec(normOf(doc.t, out.title));
    if (o) {
      out.subtitle = { s: out.title.s, e: out.title.s + o[1]!.length };
      out.title = { s: out.title.s + o[1]!.length, e: out.title.e };
    }
  }
  if (out.organizer && /^(?:\d|今|昨|日|近)/.test(normOf(doc.t, out.organizer))) delete out.organizer;
  if (titleEnd > 0) {
    // The rest of the opening sentence says what the meeting is for.
    const comma = n.indexOf('，', titleEnd);
    if (comma >= 0 && comma < s0.e) {
      const rest = { s: comma + 1, e: s0.e };
      const restText = normOf(doc.t, rest);
      if (restText.replace(/[。！]$/, '').length >= 6 && !/主持/.test(restText)) out.summary = rest;
    }
  }
  // An unsure title is only a guess: the sentence stays unplaced, so it is also kept whole.
  if (!out.titleUnsure) s0.used = true;
  findChair(doc, people, out);
  return out;
}

/** The chair: "市委书记陈吉宁主持会议并强调，…" or "会议由…主持". */
function findChair(doc: Doc, people: Mention[], out: MeetingDraft) {
  const n = doc.t.norm;
  const chair = people.find((m) => n.startsWith('主持', m.after));
  let name: Span | undefined = chair?.nameSpan;
  let after = chair?.after ?? -1;
  if (!chair) {
    const m = /(?<=^|[，。\n由])([\u4e00-\u9fa5]{2,3})主持(?:会议|大会|并)/d.exec(n);
    if (!m) return;
    name = { s: m.indices![1]![0], e: m.indices![1]![1] };
    after = name.e;
  }
  if (!name) return;
  out.chair = { name, nameText: n.slice(name.s, name.e), ...(chair ? { role: chair.role } : {}) };
  const sentence = doc.sentences.find((s) => s.s <= name.s && name.s < s.e);
  if (!sentence) return;
  sentence.used = true;
  const remark = /^主持(?:会议|大会)?并(?:讲话|发表讲话|作讲话)?(?:强调|指出|讲话)[，：]/.exec(
    n.slice(after, sentence.e),
  );
  if (remark) out.chairRemark = { s: after + remark[0].length, e: sentence.e };
}
