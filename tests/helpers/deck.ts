/** Reading a built deck back: unzip it and parse its XML, as a user's program would. */
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';

export interface DeckParts {
  files: string[];
  xml: Map<string, string>;
  slides: string[];
  notes: string[];
}

export async function readDeck(bytes: Uint8Array): Promise<DeckParts> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const xml = new Map<string, string>();
  for (const f of files) if (/\.(xml|rels)$/.test(f)) xml.set(f, await zip.file(f)!.async('string'));
  const num = (s: string) => Number(/(\d+)\.xml$/.exec(s)?.[1] ?? 0);
  const slides = files
    .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    .sort((a, b) => num(a) - num(b))
    .map((f) => xml.get(f)!);
  const notes = files
    .filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f))
    .sort((a, b) => num(a) - num(b))
    .map((f) => xml.get(f)!);
  return { files, xml, slides, notes };
}

export function isWellFormed(xml: string): true | string {
  const r = XMLValidator.validate(xml);
  return r === true ? true : `${r.err.msg} at line ${r.err.line}`;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** The paragraphs of a slide's XML as plain text (runs joined). */
export function paragraphsOf(slideXml: string): string[] {
  const out: string[] = [];
  for (const p of slideXml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) {
    const runs = [...p.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((m) => decode(m[1]!));
    if (runs.length) out.push(runs.join(''));
  }
  return out;
}

/** All the text of a slide, paragraphs joined with newlines. */
export const slideText = (slideXml: string) => paragraphsOf(slideXml).join('\n');

/** Every run's properties: size in points, fonts, language. */
export function runsOf(
  slideXml: string,
): Array<{ sz: number; lang?: string | undefined; latin?: string | undefined; ea?: string | undefined; text: string }> {
  const out = [];
  for (const m of slideXml.matchAll(
    /<a:r>\s*<a:rPr([^>]*?)(?:\/>|>([\s\S]*?)<\/a:rPr>)\s*<a:t>([\s\S]*?)<\/a:t>\s*<\/a:r>/g,
  )) {
    const attrs = m[1]!;
    const inner = m[2] ?? '';
    out.push({
      sz: Number(/\bsz="(\d+)"/.exec(attrs)?.[1] ?? 'NaN') / 100,
      lang: /\blang="([^"]+)"/.exec(attrs)?.[1],
      latin: /<a:latin typeface="([^"]*)"/.exec(inner)?.[1],
      ea: /<a:ea typeface="([^"]*)"/.exec(inner)?.[1],
      text: decode(m[3]!),
    });
  }
  return out;
}
