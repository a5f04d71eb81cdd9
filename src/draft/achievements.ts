/**
 * Achievements: a unit's text split into claims at 。；and at ， where a new claim starts, each
 * keeping its figures. "结合制定浦东新区法规，推动临港新片区加快改革发展" stays one claim (the first
 * clause only leads in); "完成投资120亿元，同比增长8%" stays one (the second only qualifies).
 */
import { clauses } from './paragraphs.js';
import { normOf, type Span, type Text } from './text.js';

/** A clause that only sets the scene for the next one. */
const LEAD_IN = [
  /^(?:结合|围绕|通过|依托|按照|根据|借助|对照|随着|为了|聚焦|针对|立足|紧扣|紧盯|对标|面对|面向|坚持以)/,
  /^以.{1,15}为(?:抓手|引领|重点|契机|目标|牵引|核心|主线)$/,
  /^以.{1,20}(?:方式|形式|方法|办法|途径)$/,
  /^在.{1,20}(?:中|下|上|期间|之际|以来|过程中|基础上)$/,
  /^(?:\d{4}年度?|(?:\d{4}年)?(?:\d{1,2}(?:-\d{1,2})?月|前三季度|上半年|全年|今年以来|去年以来|一季度|二季度|三季度|四季度))$/,
];
/** A clause that only qualifies the previous one: its figures belong to that claim. */
const CONTINUES =
  /^(?:并|并且|且|从而|进而|以此|使|让|总投资|覆盖|涉及|惠及|带动|同比|环比|比上年|比去年|较|增长|下降|增幅|降幅|占|居|位居|排名|位列|达到?|超过?|提前|分别|其中|均|为全市|创(?!新|建|设|造|办))/;

/** A clause that only sets the scene ("结合…", "作为镇党委书记"): it goes with the clause after it. */
export const leadsIn = (clause: string): boolean => {
  const text = clause.replace(/^[“‘「『]+|[，；：]+$/g, '');
  return /^作为/.test(text) || LEAD_IN.some((re) => re.test(text));
};

export function achievementItems(t: Text, span: Span): Span[] {
  const out: Span[] = [];
  let leadIn = false;
  for (const c of clauses(t, span)) {
    const text = normOf(t, c);
    const prev = out[out.length - 1];
    if (prev && (leadIn || CONTINUES.test(text) || text.length <= 4)) prev.e = c.e;
    else out.push({ ...c });
    leadIn = leadsIn(text);
  }
  return out;
}
