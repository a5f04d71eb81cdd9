/**
 * Shortcomings: the fixed formula "但在A、B、C等方面仍存不足" and its variants — "但存在A、B等不足",
 * "A、B方面还有差距", "仍需加强A、B", "A等方面有待提升" — one item per 、-separated entry; and,
 * without a formula, clauses that say something is lacking: "…稳步发展，但理论学习形式较为单一，
 * 科技创新助推产业发展还有短板" (everything after 但 that reads as a shortcoming, a clause each),
 * and, anywhere in a unit's text, a clause such as "棚改完成进度慢" or "没有形成产业园".
 */
import { splitAt } from './paragraphs.js';
import type { Span, Text } from './text.js';

export interface ShortcomingMatch {
  /** The formula's extent in the sentence (norm offsets). */
  s: number;
  e: number;
  items: Span[];
}

const BUT = '(?:但是?|不过|同时)?(?:也|还|仍)?';
const LACK = '(?:不足|差距|短板|问题|薄弱环节|欠缺)';
/** Tried in order; group 1 is the list of items. */
const FORMULAS: RegExp[] = [
  // 但在A、B、C等方面仍存不足 / 在A方面还存在差距
  new RegExp(
    `${BUT}在([^。；]+?)等?方面(?:仍然?|还|尚|也|依然)?(?:存在|存|有)(?:一定|一些|明显|较大|不少)?的?${LACK}`,
    'd',
  ),
  // 但存在A、B等不足
  new RegExp(`${BUT}存在([^。；]+?)(?:等方面的?|等|方面的?)${LACK}`, 'd'),
  // A、B方面还有差距
  new RegExp(`(?<=^|[，；])${BUT}在?([^，。；]+?)等?方面(?:还|仍|尚)(?:有|存在)(?:一定|较大|不小)?的?差距`, 'd'),
  // A、B等方面有待加强
  new RegExp(`(?<=^|[，；])${BUT}在?([^，。；]+?)等?方面(?:仍|还)?有待(?:进一步)?(?:加强|提升|提高|改进|完善)`, 'd'),
  // 仍需加强A、B (at the start of a clause: "战斗力仍需加强" is a shortcoming clause, not this)
  new RegExp(
    `(?<=^|[，；])(?:但是?|不过)?(?:仍|还|尚)需要?(?:进一步)?(?:加强|提升|提高|改进|加大|完善|强化|加快)(?:对)?([^。；]+)`,
    'd',
  ),
];

/**
 * How a clause that names a shortcoming ends: "不够深入", "仍不充足", "还有短板弱项", "仍未筑牢",
 * "有欠缺", "不充分", "需要加强", "较突出", "不高", "滞后", "进度慢"… Read on the clause with its
 * closing words ("的问题", "等") taken off.
 */
const LACKING = new RegExp(
  '(?:' +
    [
      '不够[\\u4e00-\\u9fa5]{0,4}',
      '不足',
      '不充足',
      '不充分',
      '不到位',
      '不平衡',
      '不彻底',
      '不明显',
      '不均衡',
      '不规范',
      '不完善',
      '不健全',
      '不顺畅',
      '不畅',
      '不强',
      '不高',
      '不优',
      '不实',
      '不严',
      '不力',
      '短板(?:弱项)?',
      '弱项',
      '欠缺',
      '差距',
      '薄弱(?:环节)?',
      '滞后',
      '偏慢',
      '偏紧',
      '偏弱',
      '偏低',
      '较慢',
      '较低',
      '较弱',
      '较多',
      '较突出',
      '单一',
      '进度慢',
      '推进慢',
      '递减',
      '仍未[\\u4e00-\\u9fa5]{1,4}',
      '尚未[\\u4e00-\\u9fa5]{1,4}',
      '(?:仍|还|尚|亟)?(?:需要?|有待|待)(?:进一步|继续)?(?:加强|提升|提高|改进|加大|完善|强化|加快|深化|优化|破解|解决|突破)',
      '(?:存在|还有|仍有)[\\u4e00-\\u9fa5]{0,6}(?:问题|隐患|风险|困难)',
      '问题(?:较多|突出|(?:依然|仍然|依旧|仍|还)存在)',
      '过于[\\u4e00-\\u9fa5]{1,4}',
      '停留在[\\u4e00-\\u9fa5]{1,10}(?:层面|阶段|表面)',
      '压力(?:较大|大)',
      '困难较多',
    ].join('|') +
    ')$',
);
/**
 * Or how it starts: "没有形成产业园", "缺乏全局观念", "拖慢工作进度", a secretary's own "我还没有牢固
 * 树立…的理念", "没有真正做到…", or "不足之处是…". Not a bare 没有: "没有发生一起安全事故" is an
 * achievement.
 */
const LACKING_START = new RegExp(
  '^[^，。；]{0,10}?(?:仍然?|还|尚|也)?(?:' +
    [
      '没有(?:形成|建立|(?:牢固|真正|切实)?树立|真正|完全|充分|很好地?|做到|发挥|落实|把)',
      '未能',
      '尚未',
      '缺乏',
      '缺少',
      '拖慢',
      '拖累',
      '制约',
      '(?:不足之处|存在的(?:问题|不足)|问题|不足|差距|短板)(?:主要)?(?:是|在于|表现在)',
    ].join('|') +
    ')',
);
/** A clause that remedies a lack is an achievement: "补齐民生短板", "解决群众急难愁盼问题". */
const REMEDY =
  /^(?:在|对|为|把|将|并|已|全面|有效|积极|持续|基本)?(?:补齐|补上|补强|补足|弥补|缩小|解决|破解|化解|消除|攻克|扭转|改变|克服|突破|缓解|整改|整治|治理)/;

/** A clause about looking for problems is no problem: "认真分析了工作上的问题与不足", "查摆短板". */
const LOOKS_FOR =
  /(?:分析|查摆|剖析|反思|查找|找准|梳理|正视|直面|整改)了?[^，。；]{0,12}(?:问题|不足|差距|短板)(?:与不足)?$/;

/** True when a clause says something is lacking. */
export function lacking(clause: string): boolean {
  // Quotation marks and the ellipsis a quote is cut off with ("…有待加大……”") are not the clause.
  const text = clause
    .replace(/^[“‘「『]+/, '')
    .replace(/[。！？；，”’」』）…]+$/, '')
    .replace(/(?:的(?:问题|现象|情况)|等(?:问题|方面)?|问题)$/, '');
  if (text.length < 3 || REMEDY.test(text) || LOOKS_FOR.test(text)) return false;
  return LACKING.test(text) || LACKING_START.test(text);
}

/** 但 (or 但是, 不过, 但仍…) opening a clause: what follows may be shortcomings without a formula. */
const BUT_AT = /(?:^|[，；])(?:但是?|不过|然而)(?:也|还|仍|仍然)?/g;

/** The first shortcoming formula in a sentence, or null. */
export function findShortcomings(t: Text, sentence: Span): ShortcomingMatch | null {
  const text = t.norm.slice(sentence.s, sentence.e);
  const formula = findFormula(t, sentence, text);
  const but = findBut(t, sentence, text);
  if (formula && but) return but.s < formula.s ? but : formula;
  return formula ?? but;
}

/**
 * "…，但理论学习形式较为单一，科技创新助推产业发展还有短板。": from 但 on, the clauses that read
 * as shortcomings, each an item, up to the first that does not; null when the first does not.
 */
function findBut(t: Text, sentence: Span, text: string): ShortcomingMatch | null {
  BUT_AT.lastIndex = 0;
  for (let m = BUT_AT.exec(text); m; m = BUT_AT.exec(text)) {
    const from = m.index + (/^[，；]/.test(m[0]) ? 1 : 0);
    const items: Span[] = [];
    let e = sentence.s + from;
    for (const c of splitAt(t, { s: sentence.s + m.index + m[0].length, e: sentence.e }, '，；')) {
      if (!lacking(t.norm.slice(c.s, c.e))) break;
      items.push(c);
      e = c.e;
    }
    if (items.length === 0) continue;
    while (e < sentence.e && /[。！；，]/.test(t.norm[e]!)) e++;
    return { s: sentence.s + from, e, items };
  }
  return null;
}

function findFormula(t: Text, sentence: Span, text: string): ShortcomingMatch | null {
  for (const re of FORMULAS) {
    const m = re.exec(text);
    if (!m) continue;
    const [gs, ge] = m.indices![1]!;
    const items = splitAt(t, { s: sentence.s + gs, e: sentence.s + ge }, '、，')
      .map((span) => trimTail(t, span))
      .filter((span) => span.e - span.s >= 2);
    if (items.length === 0) continue;
    let e = sentence.s + m.index + m[0].length;
    while (e < sentence.e && /[。！；，]/.test(t.norm[e]!)) e++;
    return { s: sentence.s + m.index, e, items };
  }
  return null;
}

/** "作风建设等工作" → "作风建设": the list's closing words are not part of the last item. */
function trimTail(t: Text, span: Span): Span {
  const m = /(?:等方面|等工作|等领域|等)$/.exec(t.norm.slice(span.s, span.e));
  return m ? { s: span.s, e: span.e - m[0].length } : span;
}
