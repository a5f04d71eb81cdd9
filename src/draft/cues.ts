/**
 * Directive cues: a sentence led by "陈吉宁指出，" / "龚正就做好一季度工作指出，" / "他强调，" /
 * "会议要求，" — or by a clause and then one of these ("在听取完汇报后，周建平要求：") — starts a
 * leader's directives. Shared by units (a unit's text stops at a cue)
 * and directives.
 */
import { COMRADE, NAME, ROLE, looksLikeName } from './people.js';
import type { Span, Text } from './text.js';

const CUE = new RegExp(
  // "在听取完…汇报后，周建平要求：", "围绕做好2023年党建工作，庞玉阳要求…": a clause may lead in.
  `^(?:会上|会议上|讲话中|最后|同时|此外|随后|[^，。；：“”]{2,40}?(?:后|时|中|上|工作|目标|问题)，)?，?(?:(${ROLE}))?(${NAME}|他|她)${COMRADE}` +
    `(?:在(?:讲话|会上|会议上|总结讲话|点评|讲评)[^，。]{0,6}?中?|在[^，。]{1,12}?时|就([^，。]{1,30}?)|对([^，。]{1,30}?))?` +
    `(?:还|进一步|同时|最后|特别|并|也|再次|明确)?(?:指出|强调|要求|表示|提出|希望|认为)(?:说)?[：，]?`,
  'd',
);

const VERB = /指出|强调|要求|表示|提出|希望|认为/;

/** Words that look like a name before 指出/要求 but are not people. */
const NOT_PEOPLE = new Set([
  '文件',
  '方案',
  '通知',
  '意见',
  '规划',
  '报告',
  '纲要',
  '上级',
  '中央',
  '群众',
  '企业',
  '大家',
  '各方',
  '今年',
  '会上',
]);

export interface Cue {
  /** The speaker as written: a name, 他/她, or 会议. */
  who: Span;
  whoText: string;
  role?: Span | undefined;
  /** "就X指出" → X */
  topic?: Span | undefined;
  /** Where the directive text starts. */
  rest: number;
}

/** The cue at the start of a sentence, if any. `known` are names seen elsewhere in the report. */
export function cueAt(t: Text, sentence: Span, known: ReadonlySet<string>): Cue | null {
  const head = t.norm.slice(sentence.s, Math.min(sentence.e, sentence.s + 80));
  if (!VERB.test(head)) return null; // most sentences: no need for the full pattern
  const m = CUE.exec(t.norm.slice(sentence.s, sentence.e));
  if (!m) return null;
  const who = m[2]!;
  if (NOT_PEOPLE.has(who)) return null;
  if (who !== '会议' && who !== '他' && who !== '她' && !known.has(who) && !looksLikeName(who)) return null;
  const at = (g: number): Span | undefined => {
    const r = m.indices?.[g];
    return r ? { s: sentence.s + r[0], e: sentence.s + r[1] } : undefined;
  };
  return { who: at(2)!, whoText: who, role: at(1), topic: at(3), rest: sentence.s + m[0].length };
}
