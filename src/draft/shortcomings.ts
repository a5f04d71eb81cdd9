/**
 * Shortcomings: the fixed formula "但在A、B、C等方面仍存不足" and its variants — "但存在A、B等不足",
 * "A、B方面还有差距", "仍需加强A、B", "A等方面有待提升" — one item per 、-separated entry.
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
  // 仍需加强A、B
  new RegExp(
    `(?:但是?|不过)?(?:仍|还|尚)需要?(?:进一步)?(?:加强|提升|提高|改进|加大|完善|强化|加快)(?:对)?([^。；]+)`,
    'd',
  ),
];

/** The first shortcoming formula in a sentence, or null. */
export function findShortcomings(t: Text, sentence: Span): ShortcomingMatch | null {
  const text = t.norm.slice(sentence.s, sentence.e);
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
