/**
 * Page furniture in a report copied out of a browser or saved from a site — "分享:", "查看原文",
 * "其他", a breadcrumb "首页 > 国内资讯 > 北京新闻", "【打印本页】【关闭窗口】", a "相关新闻" list,
 * "来源：北京日报 编辑：张三" before the lead — taken out before the genre is read, so none of it
 * becomes the meeting's title or a unit. A line of furniture is replaced by an empty line (the
 * paragraphs around it stay apart), and what was taken out is handed back, verbatim, to be kept
 * as a comment: nothing is lost, and every text the drafter writes is still a span of the report.
 * An information line with a date ("2025-01-07 18:23 来源：…") is the paragraph reader's date
 * line and stays; before the lead on its line, it is cut off onto a line of its own.
 */

export interface Furniture {
  /** Where it was, as an offset in the cleaned text, to keep the report's order. */
  at: number;
  text: string;
}

export interface Cleaned {
  /** The report with the furniture taken out. */
  text: string;
  furniture: Furniture[];
  /** The site's pinyin was taken out ("会(huì)" → "会"). */
  pinyin: boolean;
}

/** Lines that are a site's buttons and links, never a report's words. */
const BUTTON =
  /^(?:分享|分享到|分享至|查看原文|阅读原文|原文链接|查看全文|展开全文|全文|打印|打印本页|打印文章|打印此页|关闭|关闭窗口|关闭本页|返回|返回顶部|返回列表|返回首页|收藏|加入收藏|收藏本页|纠错|我要纠错|扫一扫|扫码阅读|手机版|手机阅读|其他|其它|更多|点赞|在看|评论|转发|举报|下载|下载附件|上一篇|下一篇|上一条|下一条|字号|字体|大|中|小|默认|A\+?|A-|T|微信|微博|朋友圈|QQ|QQ空间|复制链接|分享到微信|分享到微博)$/i;
/** A line that starts like a share bar, a previous/next link or a QR code's caption. */
const BAR = /^(?:(?:分享到?|分享至|上一篇|下一篇|上一条|下一条|字号|字体)[:：]|扫一扫|扫码)/;
/** "当前位置：首页 > …" */
const WHERE = /^(?:当前位置|您的位置|您现在的位置|你的位置|所在位置)[:：]/;
/** The head of a list of other articles after the report. */
const RELATED =
  /^(?:相关新闻|相关阅读|相关链接|相关文章|相关稿件|相关报道|推荐阅读|延伸阅读|热点推荐|热点新闻|猜你喜欢|往期回顾|更多新闻|精彩推荐|专题推荐)[:：]?$/;
/** Keys of a page's information line: "来源：北京日报 编辑：张三 发布时间：2024-08-27 10:30". */
const META_KEY =
  '(?:信息来源|文章来源|新闻来源|来源|稿源|作者|记者|通讯员|编辑|责任编辑|责编|审核|审校|校对|终审|摄影|发布时间|发布日期|发表时间|发文时间|更新时间|时间|日期|浏览次数|阅读次数|点击次数|点击数|点击率|浏览量|阅读量|阅读数|访问量)';
const DATE_TIME = '\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?(?:[ \\u00a0\\u3000]+\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)?';
/** One "key：value" of an information line, with the space after it. */
const META_PAIR = `${META_KEY}[ \\u00a0\\u3000]*[:：][ \\u00a0\\u3000]*(?:${DATE_TIME}|[^\\s：:，。；！？]{0,24})`;
/** A whole information line: pairs (and a bare date) separated by spaces or "|". */
const META_LINE = new RegExp(`^(?:(?:${META_PAIR}|${DATE_TIME})(?:[\\s|｜丨]+|$))+$`);
/** Pairs before the lead on its line, ending in white space. */
const META_PREFIX = new RegExp(`^(?:(?:${META_PAIR}|${DATE_TIME})[\\s|｜丨]+)+(?=\\S)`);

const SENTENCE_END = /[。！？!?]/;
const DATED = new RegExp(DATE_TIME);

/**
 * Pinyin a mirror site's converter wrote after characters: "会(huì)议(yì)", "点(diǎn)评(píng)". A syllable
 * with a tone mark, in brackets, right after a Chinese character.
 */
const PINYIN = /(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;

/**
 * The report without the pinyin a site added after its characters (three or more of them: a
 * report that glosses one rare character keeps its gloss). It is the site's, not the report's:
 * left in, it splits every word the recognisers look for and lands on the slides.
 */
export const withoutPinyin = (report: string): string =>
  (report.match(PINYIN)?.length ?? 0) >= 3 ? stripPinyin(report) : report;

/** Every such gloss taken out, however few (for a name copied from a glossed page). */
export const stripPinyin = (text: string): string => text.replace(PINYIN, '');

/** Take the page furniture out of a report. */
export function stripFurniture(text: string): Cleaned {
  const report = withoutPinyin(text);
  const pinyin = report !== text;
  const furniture: Furniture[] = [];
  const out: string[] = [];
  let at = 0; // where the line starts in the cleaned text
  let related = false;
  const keep = (line: string) => {
    out.push(line);
    at += line.length + 1;
  };
  for (const raw of report.split('\n')) {
    const line = raw.replace(/[\s\u200b\ufeff]+$/, '').replace(/^[\s\u200b\ufeff]+/, '');
    const lead = raw.length - raw.trimStart().length;
    if (!line) {
      keep(raw);
      continue;
    }
    // After "相关新闻", the headlines listed under it (no sentence ends in them).
    if (related && line.length <= 80 && !SENTENCE_END.test(line)) {
      furniture.push({ at, text: line });
      keep('');
      continue;
    }
    related = false;
    if (isFurnitureLine(line)) {
      related = RELATED.test(line);
      furniture.push({ at, text: line });
      keep('');
      continue;
    }
    const prefix = META_PREFIX.exec(line);
    if (prefix && SENTENCE_END.test(line.slice(prefix[0].length))) {
      // Cut off the lead: a date in it stays, on a line of its own, for the date reader.
      const info = prefix[0].trim();
      if (DATED.test(info)) keep(info);
      else furniture.push({ at, text: info });
      keep('');
      keep(raw.slice(lead + prefix[0].length));
      continue;
    }
    keep(raw);
  }
  return { text: out.join('\n'), furniture, pinyin };
}

function isFurnitureLine(line: string): boolean {
  if (line.length > 80 || SENTENCE_END.test(line)) return false;
  if (RELATED.test(line) || WHERE.test(line)) return true;
  // An information line with a date is left in: it is the report's date line, read for the date.
  if (META_LINE.test(line)) return !DATED.test(line);
  if (line.length <= 40 && BAR.test(line)) return true;
  // A toolbar: buttons separated by spaces, "|" or brackets — "【打印本页】【关闭窗口】", "字号：大 中 小".
  // A letter alone ("大", "T") only among other buttons.
  const words = line
    .split(/[\s|｜丨/【】[\]()（）]+/)
    .map((w) => w.replace(/^(?:字号|字体)[:：]/, '').replace(/[:：]$/, ''))
    .filter(Boolean);
  if (
    line.length <= 40 &&
    words.length &&
    (words.length > 1 || [...words[0]!].length > 1) &&
    words.every((w) => BUTTON.test(w))
  )
    return true;
  return isBreadcrumb(line);
}

/** "首页 > 国内资讯 > 北京新闻": short steps between ">" marks, starting at the site's home. */
function isBreadcrumb(line: string): boolean {
  const steps = line.split(/\s*[>＞»›→]\s*/);
  if (steps.length < 2 || steps.some((s) => s.length === 0 || s.length > 16 || /[，。、；]/.test(s))) return false;
  return steps.length >= 3 || /^(?:首页|主页|网站首页|返回首页)$/.test(steps[0]!);
}
