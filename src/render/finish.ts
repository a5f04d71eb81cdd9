/**
 * Finishing the package pptxgenjs wrote: give every run its East Asian font (pptxgenjs writes
 * one face for latin, ea and cs), set the deck's font scheme so text typed later keeps the
 * theme's fonts, tag paragraph ends with the deck's language, fix timestamps so the same brief
 * gives the same bytes, and check that every part parses before anything reaches the disk.
 */
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { ZipWriter } from './zip.js';
import type { DeckPlan, FontFaces } from '../layout/plan.js';
import { PackageCheck } from './check.js';

const TOKEN = 'BriefdeckFont';
export const COMPANY_TOKEN = 'BriefdeckCompany';

/** pptxgenjs takes one face name per run: pass a token, swap in the real pair afterwards. */
export function fontToken(fonts: FontFaces[], f: FontFaces): string {
  let i = fonts.findIndex((g) => g.latin === f.latin && g.eastAsian === f.eastAsian);
  if (i < 0) i = fonts.push(f) - 1;
  return `${TOKEN}${i}`;
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function swapFonts(xml: string, fonts: FontFaces[]): string {
  return xml.replace(new RegExp(`<a:(latin|ea|cs|sym) typeface="${TOKEN}(\\d+)"`, 'g'), (_m, tag: string, idx: string) => {
    const f = fonts[Number(idx)]!;
    return `<a:${tag} typeface="${escapeXml(tag === 'ea' ? f.eastAsian : f.latin)}"`;
  });
}

/**
 * pptxgenjs's zip library (JSZip) encodes a text part to UTF-8 in 16K-character slices, and cuts
 * a character outside the BMP (emoji, 𠮷 in a name) in two where a slice ends: the deck shows
 * U+FFFD. Such characters travel through pptxgenjs as \uE000hex\uE001 and come back after.
 * (\uE000 in the text itself is shielded the same way, so decoding is exact.)
 */
export const shield = (s: string) => s.replace(/[\u{10000}-\u{10FFFF}\uE000]/gu, (c) => `\uE000${c.codePointAt(0)!.toString(16)}\uE001`);
const unshield = (s: string) => (s.includes('\uE000') ? s.replace(/\uE000([0-9a-f]+)\uE001/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16))) : s);

/** Speaker notes arrive as one run with raw line breaks: make each a real line break. */
function notesLines(xml: string): string {
  return xml.replace(/<a:r>(<a:rPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:rPr>))<a:t>([^<]*\n[^<]*)<\/a:t><\/a:r>/g, (_m, rPr: string, text: string) =>
    text
      .split(/\r?\n/)
      .map((line) => `<a:r>${rPr}<a:t>${line}</a:t></a:r>`)
      .join('<a:br/>'),
  );
}

const PPR = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/**
 * One <a:pPr> per paragraph, first in it: pptxgenjs writes one before every run, and a
 * paragraph with two is invalid OOXML (PowerPoint offers to "repair" the deck; LibreOffice
 * silently takes the first).
 */
export function onePPr(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (whole, body: string) => {
    let seen = false;
    const kept = body.replace(PPR, (m) => (seen ? '' : ((seen = true), m)));
    return kept === body ? whole : `<a:p>${kept}</a:p>`;
  });
}

function setFontScheme(xml: string, plan: DeckPlan): string {
  const set = (block: 'majorFont' | 'minorFont', f: FontFaces) =>
    xml.replace(new RegExp(`<a:${block}>[\\s\\S]*?<a:cs typeface="[^"]*"/>`), () => `<a:${block}><a:latin typeface="${escapeXml(f.latin)}"/><a:ea typeface="${escapeXml(f.eastAsian)}"/><a:cs typeface="${escapeXml(f.latin)}"/>`);
  xml = set('majorFont', plan.fonts.major);
  xml = set('minorFont', plan.fonts.minor);
  // Simplified Chinese script slot, so PowerPoint picks the face for Chinese text by script too.
  return xml.replace(/<a:font script="Hans" typeface="[^"]*"\/>/g, (m, offset: number) => {
    const major = offset < xml.indexOf('<a:minorFont>');
    return `<a:font script="Hans" typeface="${escapeXml((major ? plan.fonts.major : plan.fonts.minor).eastAsian)}"/>`;
  });
}

async function svgToPng(svg: Uint8Array): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(Buffer.from(svg), { fitTo: { mode: 'width', value: 1024 }, font: { loadSystemFonts: true } }).render().asPng();
}

/**
 * pptxgenjs stores a picture once per slide that shows it: a logo on 12 slides is 12 copies.
 * Keep the first copy of identical bytes and point every relationship at it.
 */
function shareMedia(files: Record<string, Uint8Array>): void {
  const firstOf = new Map<string, string>();
  const renamed = new Map<string, string>();
  for (const name of Object.keys(files).filter((n) => n.startsWith('ppt/media/')).sort()) {
    const key = `${name.slice(name.lastIndexOf('.'))}:${createHash('sha256').update(files[name]!).digest('hex')}`;
    const first = firstOf.get(key);
    if (first) {
      renamed.set(name.slice('ppt/'.length), first.slice('ppt/'.length));
      delete files[name];
    } else firstOf.set(key, name);
  }
  if (!renamed.size) return;
  for (const name of Object.keys(files).filter((n) => n.endsWith('.rels'))) {
    const xml = strFromU8(files[name]!);
    const next = xml.replace(/Target="\.\.\/(media\/[^"]+)"/g, (m, target: string) => (renamed.has(target) ? `Target="../${renamed.get(target)}"` : m));
    if (next !== xml) files[name] = new TextEncoder().encode(next);
  }
}

export async function finishPackage(raw: Uint8Array, plan: DeckPlan, fonts: FontFaces[], date: Date): Promise<Buffer> {
  const files = unzipSync(raw);
  shareMedia(files);
  const lang = plan.lang === 'en' ? 'en-US' : 'zh-CN';
  // Zip entries hold 1980–2107 only (a meeting in 1978 keeps its date in docProps).
  const zipDate = new Date(Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31)));
  // [Content_Types].xml first, as Office writes it; the rest in a stable order.
  const names = Object.keys(files)
    .filter((n) => !n.endsWith('/'))
    .sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const present = new Set(names);
  // Part by part: finish it, check it, compress it, let it go — a 5,000-slide deck is never
  // held three times over.
  const zip = new ZipWriter(zipDate);
  let check: PackageCheck | undefined;
  const emit = (name: string, data: string | Uint8Array) => {
    if (name === '[Content_Types].xml') check = new PackageCheck(data as string, present);
    if (!check) throw new Error('briefdeck bug: [Content_Types].xml must come first');
    check.part(name, data);
    // Pictures are compressed already; XML shrinks well.
    zip.add(typeof data === 'string' ? { name, data: Buffer.from(data, 'utf8'), compress: true } : { name, data, compress: false });
  };
  for (const name of names) {
    const bytes = files[name]!;
    delete files[name];
    if (!/\.(xml|rels)$/.test(name)) {
      // For an SVG image pptxgenjs stores the SVG itself as the PNG that older programs show
      // instead: draw a real PNG for them.
      emit(name, name.startsWith('ppt/media/') && name.endsWith('.png') && bytes[0] === 0x3c ? await svgToPng(bytes) : bytes);
      continue;
    }
    let xml = unshield(strFromU8(bytes));
    if (/^ppt\/(slides|notesSlides|slideLayouts|slideMasters)\//.test(name)) {
      xml = onePPr(swapFonts(xml, fonts)).replace(/ descr=" "/g, ' descr=""').replace(/<a:endParaRPr lang="en-US"/g, `<a:endParaRPr lang="${lang}"`);
      // No hanging punctuation: LibreOffice would let a closing mark hang past the box's edge.
      xml = xml.replace(/<a:pPr(?![^>]*hangingPunct)/g, '<a:pPr hangingPunct="0"');
      if (name.startsWith('ppt/notesSlides/')) xml = notesLines(xml.replace(/<a:rPr lang="en-US"/g, `<a:rPr lang="${lang}"`));
    }
    if (name === 'ppt/theme/theme1.xml') xml = setFontScheme(xml, plan);
    // pptxgenjs declares a slide master per slide but writes one: drop the dangling entries.
    if (name === '[Content_Types].xml') xml = xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (m, part: string) => (present.has(part) ? m : ''));
    if (name === 'docProps/app.xml') {
      xml = xml.replace(COMPANY_TOKEN, escapeXml(plan.author ?? '')).replace(/On-screen Show \(16:9\)/, `On-screen Show (${plan.widthIn / plan.heightIn < 1.5 ? '4:3' : '16:9'})`);
    }
    if (name === 'docProps/core.xml') {
      xml = xml
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${date.toISOString().replace(/\.\d+Z$/, 'Z')}$3`)
        .replace(/<dc:language>[^<]*<\/dc:language>/, `<dc:language>${lang}</dc:language>`);
    }
    emit(name, xml);
  }
  check?.done();
  return zip.finish();
}
