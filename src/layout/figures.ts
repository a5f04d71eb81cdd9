/**
 * Key-figure emphasis: find the numbers and rankings in an achievement line
 * ("新建街区党组织202个", "居全市第一") so the renderer can set them in bold
 * accent colour. The text itself is never changed — segments concatenate back
 * to the input — so this is safe to run on anything.
 *
 * The rules lean towards *not* emphasising: a wrongly highlighted date or code
 * looks worse than a missed figure. What is deliberately left plain:
 *   - dates and periods: "2024年", "11月", "1-11月", "前三季度", "9:30";
 *   - ordinals / editions: "第七届", and rankings without a scope ("第一");
 *   - codes: "5G", "G60", "12345热线", a bare number inside quotes ("“1210”");
 *   - Chinese-numeral names: "“五个中心”", "“十四五”" (we only read Chinese
 *     numerals in fractions, "三分之一");
 *   - a short quotation or 《title》 (under 8 characters) is a name or slogan
 *     ("“3个100”计划"): nothing in it is emphasised. In a longer quotation,
 *     which describes a measure, only a number with a unit counts, and never a
 *     quantity of one: in "“1份报告替代41个执法领域证明”" the "1份" is
 *     rhetoric, "41个" is the achievement.
 */
import { graphemes } from './metrics.js';

/** Characters that can join a neighbour into one grapheme (see metrics.ts). */
// eslint-disable-next-line no-misleading-character-class -- it lists the code points that join others
const CLUSTERING = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u20e3\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}]/u;

export interface Segment {
  text: string;
  emphasis: boolean;
}

/** Chinese measure words and units, as they follow a number. */
const CN_UNITS = [
  '个百分点',
  '百分点',
  '个月',
  '平方公里',
  '平方千米',
  '平方米',
  '立方米',
  '万人次',
  '人次',
  '场次',
  '户次',
  '件次',
  '车次',
  '架次',
  '班次',
  '批次',
  '家次',
  '个工作日',
  '工作日',
  '课时',
  '学时',
  '微克/立方米',
  '微克',
  '毫克',
  '克',
  '毫米',
  '厘米',
  '标箱',
  '亿元',
  '万元',
  '千瓦时',
  '千瓦',
  '兆瓦',
  '公里',
  '千米',
  '公顷',
  '公斤',
  '千克',
  '小时',
  '标准箱',
  '个',
  '家',
  '项',
  '年',
  '天',
  '人',
  '名',
  '户',
  '套',
  '所',
  '条',
  '座',
  '件',
  '次',
  '批',
  '类',
  '辆',
  '间',
  '处',
  '元',
  '%',
  '％',
  '‰',
  '倍',
  '米',
  '亩',
  '吨',
  '岁',
  '位',
  '种',
  '场',
  '期',
  '台',
  '张',
  '起',
  '宗',
  '首',
  '轮',
  '届',
  '份',
  '支',
  '只',
  '栋',
  '幢',
  '层',
  '床',
  '例',
  '篇',
  '部',
  '本',
  '块',
  '架',
  '艘',
  '列',
  '株',
  '棵',
  '头',
  '分钟',
  '秒',
  // Not 月/日/周: after a bare number they are dates ("11月", "100周年"); "3个月" is covered.
];
// Longest first, so "个百分点" wins over "个" and "千米" over the multiplier "千".
const CN_UNIT_ALT = [...new Set(CN_UNITS)].sort((a, b) => b.length - a.length).join('|');

const EN_UNITS = 'percentage points?|per cent|percent|years?|months?|times|fold|thousand|million|billion|trillion';
const EN_MONEY = 'yuan|dollars|US dollars|euros|RMB';

const DIGITS = '[0-9０-９]';
// "2,304", "3.5", "１２"; an ASCII comma only as a thousands separator.
const NUM = `${DIGITS}+(?:,${DIGITS}{3}(?!${DIGITS}))*(?:\\.${DIGITS}+)?`;

/**
 * One number (or range "5-10"), then either a Chinese unit; a multiplier (万/亿…) with 余/多
 * before or after it and a unit ("120万千瓦" is 万 and 千瓦, "10余万人"); a multiplier alone
 * ("3万亿"); 余/多 and a unit; or an English unit. Named groups: cur, num, num2 (a range's
 * second number), unit, mult + multUnit, bareMult, approxUnit, en.
 */
export const ARABIC = new RegExp(
  `(?<cur>US\\$|RMB ?|USD ?|[$¥￥€£])?(?<num>${NUM})(?:\\s*[-–—~～至到]\\s*(?<num2>${NUM}))?` +
    `(?:(?<unit>${CN_UNIT_ALT})|[余多]?(?<mult>[万亿千百]+?)[余多]?(?<multUnit>${CN_UNIT_ALT})` +
    `|[余多]?(?<bareMult>[万亿千百]+)[余多]?|[余多](?<approxUnit>${CN_UNIT_ALT})?` +
    `|(?<en>%|\\s?(?:${EN_UNITS})\\b(?:\\s(?:${EN_MONEY})\\b)?))?`,
  'gu',
);

/** ARABIC at one place only; and where a match can begin: a digit, or a currency's first
 * character. Trying only there finds the same matches as `matchAll(ARABIC)`, which tries the
 * long pattern at every character. */
const ARABIC_AT = new RegExp(ARABIC.source, 'yu');
const FIGURE_START = /[0-9０-９$¥￥€£UR]/g;

/** Every match of a global pattern, as `matchAll` gives them, without its iterator. */
function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return found;
}

export function arabicMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  FIGURE_START.lastIndex = 0;
  for (let c = FIGURE_START.exec(text); c; c = FIGURE_START.exec(text)) {
    ARABIC_AT.lastIndex = c.index;
    const m = ARABIC_AT.exec(text);
    if (m) {
      found.push(m);
      FIGURE_START.lastIndex = c.index + m[0].length;
    }
  }
  return found;
}

const SCOPE = '全市|全区|全省|全国|全县|全球|全世界|世界|全行业|全网|国内|郊区|中心城区|各区|长三角';
const RANK_NUM = '[一二三四五六七八九十0-9０-９]+';
// Lookaheads repeat the numeral set so backtracking cannot shorten "第12届" to "第1".
const RANK_STOP = '一二三四五六七八九十0-9０-９';
/**
 * Scoped rankings and firsts: "全市第一", "全国首家", "全国率先". Without a
 * scope "第一" is too often an ordinal; "第七届" (followed by 届/次/期…) is an
 * edition, not a ranking, even after a scope.
 */
const CN_RANKING = new RegExp(
  `(?:${SCOPE})(?:第${RANK_NUM}(?![${RANK_STOP}届次期季轮号章条款])[名位批个家]?` +
    `|前${RANK_NUM}(?![${RANK_STOP}季月年])[名位]?` +
    `|首[个家批创次例条座部单笔只台]|率先)`,
  'gu',
);
/** "全国首家X、首批Y": the scope carries over to a coordinated 首X in the same clause. */
const CARRIED_FIRST = /[、和及与]首[个家批创例]/gu;
const CLAUSE_END = /[，,。；;！!？?\n]/u;

/** Chinese-numeral fractions and percentages: "三分之一", "百分之十". */
const CN_FRACTION = /[零一二两三四五六七八九十百千万0-9０-９.]+分之[零一二两三四五六七八九十百千万0-9０-９.]+/gu;

const EN_RANKING =
  /\b(?:ranked\s+|ranks\s+)?(?:first|1st|No\.\s?1|number one)\s+in\s+(?:the\s+)?(?:city|country|nation|world|province|district|suburbs|China|Shanghai)\b|\branked\s+(?:first|1st|No\.\s?1|number one)\b|\bNo\.\s?1\b/gu;

const QUOTE_PAIRS: Readonly<Record<string, string>> = { '“': '”', '「': '」', '『': '』', '《': '》', '"': '"' };

/** Ranges [open, close] of quoted text; nesting handled with a stack. */
const ANY_QUOTE = /[“「『《"]/;
/** Every character that opens or closes a quotation: the scan jumps from one to the next. */
const QUOTE_CHARS = /[“”「」『』《》"]/g;

function quoteRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (!ANY_QUOTE.test(text)) return ranges;
  const stack: Array<{ close: string; at: number }> = [];
  QUOTE_CHARS.lastIndex = 0;
  for (let m = QUOTE_CHARS.exec(text); m; m = QUOTE_CHARS.exec(text)) {
    const i = m.index;
    const ch = m[0];
    const top = stack[stack.length - 1];
    if (top !== undefined && ch === top.close) {
      stack.pop();
      ranges.push([top.at, i]);
      continue;
    }
    const close = QUOTE_PAIRS[ch];
    if (close !== undefined) stack.push({ close, at: i });
  }
  return ranges;
}

const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /[A-Za-z]/;

function isYear(n: string): boolean {
  return /^(?:19|20)\d\d$/.test(n);
}

/** Quotations shorter than this many characters are names, not descriptions. */
const SHORT_QUOTE = 8;

type Quoting = 'none' | 'short' | 'long';

/** Decide whether one ARABIC match is a figure worth emphasising. */
function acceptArabic(text: string, m: RegExpExecArray, quoting: Quoting): boolean {
  if (quoting === 'short') return false;
  const quoted = quoting === 'long';
  const whole = m[0];
  const g = m.groups ?? {};
  const { cur: currency, num = '', num2, unit: cnUnit, multUnit, approxUnit, en: enUnit } = g;
  const mult = g.mult ?? g.bareMult;
  const start = m.index;
  const end = start + whole.length;
  const before = text[start - 1] ?? '';
  const before2 = text[start - 2] ?? '';
  const after = text[end] ?? '';
  const unit = cnUnit ?? multUnit ?? approxUnit ?? enUnit?.trim();
  // Codes and identifiers: G60, COVID-19, 5G, 3D, and pieces of 2024.1.5 / 9:30.
  if (currency === undefined && LATIN_LETTER.test(before)) return false;
  if (before === '-' && LATIN_LETTER.test(before2)) return false;
  if (/[0-9.:/]/.test(before)) return false;
  if (/^[.:/][0-9]/.test(text.slice(end, end + 2))) return false;
  if (unit === undefined && LATIN_LETTER.test(after)) return false;
  if (before === '第') return false; // ordinal / edition
  // Dates and periods: 11月, 5日, 1-11月, 3季度, 2024年, 2021-2025年.
  if (mult === undefined && unit === undefined && /^(?:[月日号时点]|季度|周年)/.test(text.slice(end))) return false;
  if (unit === '年' && isYear(num) && (num2 === undefined || isYear(num2))) return false;
  if (unit === undefined && mult === undefined && currency === undefined) {
    if (isYear(num)) return false; // "in 2024"
    if (HAN.test(after)) return false; // "12345热线", "9时": a bare number before a non-unit is a name
    if (quoted) return false; // "“1210”"
  }
  if (quoted) {
    if (unit === undefined) return false;
    if (/^[1１]$/.test(num) && num2 === undefined && mult === undefined) return false;
  }
  return true;
}

/** What each pattern cannot match without (every SCOPE word has one of these). */
const MAY_HAVE = {
  arabic: /[0-9０-９]/,
  cnRanking: /全|世界|国内|郊区|中心城区|各区|长三角/,
  enRanking: /first|1st|No\.|number one/,
};

/** Split text into plain and emphasised segments; concatenation equals the input. */
export function splitFigures(text: string): Segment[] {
  if (text === '') return [];
  const mark = new Uint8Array(text.length);
  const quotes = quoteRanges(text);
  const quoting = (i: number): Quoting => {
    if (quotes.length === 0) return 'none';
    // Innermost enclosing quotation decides (ranges are pushed inner first).
    const q = quotes.find(([s, e]) => s < i && i < e);
    if (q === undefined) return 'none';
    return Array.from(text.slice(q[0] + 1, q[1])).length < SHORT_QUOTE ? 'short' : 'long';
  };
  const inQuotes = (i: number): boolean => quoting(i) !== 'none';
  const emphasise = (s: number, e: number): void => {
    mark.fill(1, s, e);
  };

  // Each pattern runs only where the text holds what it needs (a digit, 分之, a scope, an
  // English ranking word): most items have no ranking at all.
  if (MAY_HAVE.arabic.test(text)) {
    for (const m of arabicMatches(text)) {
      if (acceptArabic(text, m, quoting(m.index))) emphasise(m.index, m.index + m[0].length);
    }
  }
  if (text.includes('分之')) {
    for (const m of text.matchAll(CN_FRACTION)) {
      if (!inQuotes(m.index)) emphasise(m.index, m.index + m[0].length);
    }
  }
  if (MAY_HAVE.cnRanking.test(text))
    for (const m of execAll(CN_RANKING, text)) {
      if (inQuotes(m.index)) continue;
      const end = m.index + m[0].length;
      emphasise(m.index, end);
      if (!/首/.test(m[0])) continue;
      // Follow "、首批…" until the clause ends.
      const rest = text.slice(end);
      const clause = rest.slice(0, rest.search(CLAUSE_END) === -1 ? rest.length : rest.search(CLAUSE_END));
      for (const c of clause.matchAll(CARRIED_FIRST)) {
        emphasise(end + c.index + 1, end + c.index + c[0].length);
      }
    }
  if (MAY_HAVE.enRanking.test(text)) {
    for (const m of text.matchAll(EN_RANKING)) {
      if (!inQuotes(m.index)) emphasise(m.index, m.index + m[0].length);
    }
  }

  // A figure never ends inside a character: "1️⃣" (a keycap) or "5́" is not a figure, and a run
  // boundary there would split the character between two runs.
  if (CLUSTERING.test(text)) {
    let at = 0;
    for (const g of graphemes(text)) {
      const end = at + g.length;
      const first = mark[at];
      let mixed = false;
      for (let k = at + 1; k < end; k++) if (mark[k] !== first) mixed = true;
      if (mixed || (first && g.length > 1 && !/^[\p{L}\p{N}]+$/u.test(g))) mark.fill(0, at, end);
      at = end;
    }
  }

  // Runs of equal marks become segments (adjacent figures merge).
  const segments: Segment[] = [];
  for (let runStart = 0; runStart < text.length;) {
    const on = mark[runStart]!;
    const next = mark.indexOf(1 - on, runStart + 1);
    const end = next < 0 ? text.length : next;
    segments.push({ text: text.slice(runStart, end), emphasis: on === 1 });
    runStart = end;
  }
  return segments;
}
