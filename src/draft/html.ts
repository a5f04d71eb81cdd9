/**
 * A web page saved from a browser → the article's text. linkedom parses the page into a DOM;
 * Mozilla's Readability (Firefox's Reader View) finds the article in it and leaves out
 * navigation, share bars, related links, sidebars, footers, scripts and styles. The article is
 * then written out as text the way a browser shows it: a paragraph per block, a line per <br>,
 * runs of white space as one space. The headline is the page's <h1> (or <h2>) that its <title>
 * repeats, put first as its own line.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** The little of the DOM read here (linkedom's nodes have it). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements that start and end a paragraph of text. */
const BLOCKS = new Set(
  (
    'address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hr legend li main menu nav ol p pre section summary table tbody td tfoot th ' +
    'thead tr ul'
  )
    .toUpperCase()
    .split(' '),
);

/** Far more elements than a news page has (a few thousand): parsing and scoring them all takes
 * seconds per hundred thousand, so such a page is refused before it is parsed. */
export const MAX_ELEMENTS = 30_000;
/** Far deeper than any page nests (a few dozen levels); Readability walks the page recursively. */
export const MAX_DEPTH = 500;

export type ArticleResult =
  | { text: string; paragraphs: number }
  | { problem: 'no-article' | 'too-many-elements' | 'too-deep' }
  | { problem: 'failed'; detail: string };

/**
 * The article of a page: its paragraphs separated by a blank line (a <br> inside one is a line
 * break), or why there is none.
 */
export function articleOf(html: string): ArticleResult {
  if ((html.match(/<[a-zA-Z]/g)?.length ?? 0) > MAX_ELEMENTS) return { problem: 'too-many-elements' };
  try {
    const { document } = parseHTML(html);
    if (depthOf(document.documentElement as DomNode) > MAX_DEPTH) return { problem: 'too-deep' };
    const headline = headlineOf(document);
    const article = new Readability<DomNode>(document, {
      serializer: (node: DomNode) => node,
      maxElemsToParse: MAX_ELEMENTS,
    }).parse();
    if (!article?.content) return { problem: 'no-article' };
    const paragraphs = textOf(article.content);
    if (headline && paragraphs[0] !== headline) paragraphs.unshift(headline);
    if (!paragraphs.some(isProse)) return { problem: 'no-article' };
    return { text: paragraphs.join('\n\n') + '\n', paragraphs: paragraphs.length };
  } catch (e) {
    // The page is what failed (the parsers' own words), never a stack trace for the secretary.
    return { problem: 'failed', detail: (e as Error).message.split('\n')[0] ?? String(e) };
  }
}

/** How deeply the page nests, counted without recursion. */
function depthOf(root: DomNode): number {
  let max = 0;
  const stack: [DomNode, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_DEPTH) break;
    for (const child of Array.from(node.childNodes)) if (child.nodeType === ELEMENT) stack.push([child, depth + 1]);
  }
  return max;
}

/** The first <h1> or <h2> whose text the page's <title> contains: the report's headline. */
function headlineOf(document: {
  title: string;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}): string | undefined {
  const title = collapse(document.title ?? '');
  if (!title) return undefined;
  for (const h of Array.from(document.querySelectorAll('h1, h2'))) {
    const text = collapse(h.textContent ?? '');
    if (text.length >= 4 && title.includes(text)) return text;
  }
  return undefined;
}

/** A paragraph a person wrote: a sentence or more, not a menu or a list of links. */
const isProse = (p: string) => p.length >= 30 && /[。！？.!?]/.test(p);

/** The paragraphs of an element, as a browser lays them out. */
function textOf(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  let line = '';
  const endLine = () => {
    const l = line.trim();
    if (l) lines.push(l);
    line = '';
  };
  const endParagraph = () => {
    endLine();
    if (lines.length) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  const walk = (node: DomNode, pre: boolean) => {
    if (node.nodeType === TEXT) {
      const text = node.textContent ?? '';
      if (pre) {
        const [first, ...rest] = text.split('\n');
        line += first;
        for (const r of rest) {
          endLine();
          line = r;
        }
      } else line += text.replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') return endLine();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    const block = BLOCKS.has(name);
    if (block) endParagraph();
    for (const child of Array.from(node.childNodes)) walk(child, pre || name === 'PRE');
    if (block) endParagraph();
  };
  walk(root, false);
  endParagraph();
  return paragraphs;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
