/**
 * Attendees: "市领导李仰哲、吴伟…出席会议", "市委副书记朱忠明出席会议", "区领导A、B参加会议", and
 * leaders who "部署 / 通报 / 传达" something. Groups that are not people ("各区、各部门主要负责同志
 * 参加会议") and what the leaders reported on are kept as comments.
 */
import { cueAt } from './cues.js';
import { splitAt, type Doc } from './paragraphs.js';
import { NAME, ROLE, isRole, looksLikeName, roleAndName } from './people.js';
import { normOf, type Span } from './text.js';

export interface AttendeesDraft {
  /** Each attending person's name, in report order. */
  names: Span[];
  /** Attendance clauses naming groups, not people. */
  others: Span[];
}

const ATTEND = /^(.+?)(?:等)?(?:(?:出席|列席)了?(?:会议|大会|本次会议)?|参加了?(?:会议|大会|本次会议))$/d;
const LEADERS = /^.*?(?:在家的?|其他)?(?:市|区|县|省|镇|街道)?领导(?:同志)?/;
const GROUP = /领导|负责|同志|代表|成员|干部/;
const NOT_A_NAME = /[各全委局部办区县市镇厅处科室队所]/;
/** A quick look before the patterns: attendance or a leader's report. */
const MAYBE = /出席|参加|列席|部署|通报|传达|宣读|报告|讲话|说明/;
/** "市委副书记、市长许文博通报一季度经济运行情况": a leader who spoke, and what about. */
const SPOKE = new RegExp(`^(?:${ROLE})(${NAME})(?:部署|通报|传达|宣读|作(?=.{2,30}(?:报告|讲话|说明)$))`, 'd');

export function recogniseAttendees(doc: Doc, known: ReadonlySet<string>): AttendeesDraft {
  const t = doc.t;
  const out: AttendeesDraft = { names: [], others: [] };
  for (const s of doc.sentences) {
    if (s.used || !MAYBE.test(normOf(t, s)) || cueAt(t, s, known)) continue;
    let found = false;
    for (const clause of splitAt(t, s, '，；')) {
      const spoke = SPOKE.exec(normOf(t, clause));
      if (spoke) {
        const [ns, ne] = spoke.indices![1]!;
        out.names.push({ s: clause.s + ns, e: clause.s + ne });
        out.others.push(clause);
        found = true;
        continue;
      }
      const m = ATTEND.exec(normOf(t, clause));
      if (!m) continue;
      let subject: Span = { s: clause.s, e: clause.s + m.indices![1]![1] };
      const lead = LEADERS.exec(normOf(t, subject));
      const list = lead !== null;
      if (lead) subject = { s: subject.s + lead[0].length, e: subject.e };
      const names: Span[] = [];
      for (const item of splitAt(t, subject, '、和及')) {
        const text = normOf(t, item);
        const rn = roleAndName(text);
        if (rn) names.push({ s: item.e - rn.name.length, e: item.e });
        else if (isRole(text))
          continue; // "市委常委、秘书长李政": the role's first half
        else if (
          known.has(text) ||
          looksLikeName(text) ||
          (list && text.length >= 2 && text.length <= 4 && !NOT_A_NAME.test(text))
        )
          names.push(item);
      }
      if (names.length > 0) out.names.push(...names);
      else if (GROUP.test(normOf(t, clause))) out.others.push(clause);
      else continue;
      found = true;
    }
    if (found) s.used = true;
  }
  return out;
}
