/**
 * Attendees: "市领导李仰哲、吴伟…出席会议", "市委副书记、市长陈吉宁，市人大常委会主任李伟，市政协主席
 * 吉林参加。", "区人大常委会主任赵玉影，区政协主席张德启参加会议", "州长马忠俊等出席", "县领导…等出席
 * 会议", "…列席会议", "…到会指导", and leaders who "部署 / 通报 / 传达 / 安排" something or "就…作了
 * 要求". The people are read back from the attendance verb, one 职务+姓名 (or 、-separated names)
 * per comma, up to the first clause that is not people ("县委书记陆卫东主持召开…会议"). Groups that
 * are not people ("各区、各部门主要负责同志参加会议") and what the leaders reported on are kept as
 * comments.
 */
import { cueAt } from './cues.js';
import { splitAt, type Doc } from './paragraphs.js';
import { COMRADE, NAME, ROLE, isRole, looksLikeName, roleAndName } from './people.js';
import { normOf, type Span } from './text.js';

export interface AttendeesDraft {
  /** Each attending person's name, in report order. */
  names: Span[];
  /** Attendance clauses naming groups, not people. */
  others: Span[];
}

/** An attendance verb closing a clause: 出席会议, 参加。, 参加会议并作交流发言, 列席会议, 到会指导. */
const ATTEND =
  /(?:等)?(?:出席|列席|参加|应邀参加|到会指导|到场指导|陪同|出席并讲话)了?(?:会议|大会|本次会议|活动|座谈会|会议和观摩|审议)?(?:并(?:讲话|致辞|作交流发言|作点评|现场点评|点评))?(?:工作)?(?=[，。；！]|$)/g;
/** "县领导", "区领导同志", "在家的市领导" before names. */
const LEADERS = /^(?:在家的?|其他)?(?:[省市区县州镇乡]|街道)?(?:委|政府|人大|政协)?领导(?:同志)?/;
/** "…刘革新等县级领导及各县直机关…主要负责人": the names end where their group is named. */
const LEADERS_TAIL = /等[^，]{0,8}领导.*$/;
/** "等县四套班子领导", "等区领导", "等参会同志" after names. */
const GROUP_TAIL = /等[^、，]*$/;
const GROUP = /领导|负责|同志|代表|成员|干部/;
const NOT_A_NAME = /[各全委局部办区县市镇厅处科室队所]/;
/** A quick look before the patterns: attendance or a leader's report. */
const MAYBE = /出席|参加|列席|到会|到场|陪同|部署|通报|传达|宣读|报告|讲话|说明|安排|要求/;
/** "市委副书记、市长许文博通报一季度经济运行情况": a leader who spoke, and what about. */
const SPOKE = new RegExp(
  `^(?:${ROLE})(${NAME})${COMRADE}(?:部署|通报|传达|宣读|安排|就[^，。]{2,40}?作了?(?:要求|部署|讲话|说明|强调)|作(?!述职)(?=.{2,30}(?:报告|讲话|说明)$))`,
  'd',
);
/** A person named before the title: "市委组织部陈昌礼书记", "市人大代表谢琼英". */
const NAME_THEN_TITLE = /^[\u4e00-\u9fa5]{2,12}?[部委局处办厅组会]([\u4e00-\u9fa5]{2,3})(?:书记|部长|主任|同志)$/d;
const TITLE_THEN_NAME = /^[\u4e00-\u9fa5]{2,14}?(?:代表|委员|科长|组长|股长)([\u4e00-\u9fa5]{2,3})$/d;

export function recogniseAttendees(doc: Doc, known: ReadonlySet<string>): AttendeesDraft {
  const t = doc.t;
  const out: AttendeesDraft = { names: [], others: [] };
  for (const s of doc.sentences) {
    const text = normOf(t, s);
    if (s.used || !MAYBE.test(text)) continue;
    // A leader's directives are not attendance; "张水利就…作了要求。" with nothing after is.
    const cue = cueAt(t, s, known);
    if (cue && normOf(t, { s: cue.rest, e: s.e }).replace(/[。！？]+$/, '').length >= 2) continue;
    let found = false;
    // Leaders who reported something, clause by clause.
    for (const clause of splitAt(t, s, '，；')) {
      const spoke = SPOKE.exec(normOf(t, clause));
      if (!spoke) continue;
      const [ns, ne] = spoke.indices![1]!;
      out.names.push({ s: clause.s + ns, e: clause.s + ne });
      out.others.push(clause);
      found = true;
    }
    // Attendance: read back from each verb to the previous one (or the sentence's start).
    let from = s.s;
    ATTEND.lastIndex = 0;
    for (let m = ATTEND.exec(text); m; m = ATTEND.exec(text)) {
      const verb = s.s + m.index;
      const clauses = splitAt(t, { s: from, e: verb }, '，；');
      from = s.s + m.index + m[0].length;
      const people: Span[] = [];
      let group: Span | undefined;
      for (let k = clauses.length - 1; k >= 0; k--) {
        const last = k === clauses.length - 1;
        const names = namesIn(clauses[k]!, last);
        if (names === null) {
          // A group that attended ("各街镇主要负责同志参加会议") is worth a comment; the people
          // may come before it ("县政府领导刘涛、张宏斌，各镇及有关部门负责人参加").
          if (last && GROUP.test(normOf(t, clauses[k]!))) {
            group = clauses[k];
            continue;
          }
          break;
        }
        people.unshift(...names);
      }
      if (people.length) {
        out.names.push(...people);
        // The group after the names is kept as a comment: "…各镇负责人参加", "…等县级领导及…参加".
        const lastClause = clauses[clauses.length - 1];
        const led = lastClause && !group ? LEADERS_TAIL.exec(normOf(t, lastClause)) : null;
        if (group) out.others.push({ s: group.s, e: from });
        else if (led) out.others.push({ s: lastClause!.s + led.index, e: from });
        found = true;
      } else if (group) {
        out.others.push({ s: group.s, e: from });
        found = true;
      }
    }
    if (found) s.used = true;
  }
  out.names.sort((a, b) => a.s - b.s);
  return out;

  /**
   * The people of one clause before an attendance verb: "市政协主席吉林", "县委副书记、县长顾国标",
   * "县领导冯军、刘启永…郑大明", "谢崇福、陈建良等县四套班子领导"; null when it is not people.
   */
  function namesIn(clause: Span, last: boolean): Span[] | null {
    let span = clause;
    const text = normOf(t, span);
    const tail = last ? (GROUP_TAIL.exec(text) ?? LEADERS_TAIL.exec(text)) : null;
    if (tail) span = { s: span.s, e: span.s + tail.index };
    const lead = LEADERS.exec(normOf(t, span));
    if (lead) span = { s: span.s + lead[0].length, e: span.e };
    const names: Span[] = [];
    // Bare names are fine after a role or "市领导", or before "等县级领导".
    let listed = lead !== null || (tail !== null && tail[0].includes('领导'));
    for (const whole of splitAt(t, span, '、和及')) {
      // "XX县区委组织部…" (a name left out by the publisher): the role starts at the first hanzi.
      const skip = /^[^\u4e00-\u9fa5]*/.exec(normOf(t, whole))![0].length;
      const item = { s: whole.s + skip, e: whole.e };
      const it = normOf(t, item);
      const rn = roleAndName(it);
      const before = NAME_THEN_TITLE.exec(it) ?? TITLE_THEN_NAME.exec(it);
      if (rn) {
        names.push({ s: item.e - rn.name.length, e: item.e });
        listed = true;
      } else if (before) {
        const [ns, ne] = before.indices![1]!;
        names.push({ s: item.s + ns, e: item.s + ne });
        listed = true;
      } else if (isRole(it))
        continue; // "市委常委、秘书长李政": the role's first half; "区委常委等"
      else if (
        known.has(it) ||
        looksLikeName(it) ||
        (listed && it.length >= 2 && it.length <= 3 && !NOT_A_NAME.test(it))
      )
        names.push(item);
      else return null;
    }
    return names.length ? names : null;
  }
}
