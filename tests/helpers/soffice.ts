/**
 * The real-renderer check: convert decks with LibreOffice, read every word's box with
 * poppler's `pdftotext -bbox-layout`, and check each word lies inside the text box the
 * DeckPlan placed it in, and inside the slide.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DeckPlan, TextShape } from '../../src/layout/plan.js';

export function hasRenderer(): boolean {
  const ok = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  return ok('soffice') && ok('pdftotext');
}

/** Convert .pptx files to PDF in one LibreOffice run (its start-up is the slow part). */
export function convertToPdf(decks: Array<{ name: string; bytes: Uint8Array }>): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'briefdeck-render-'));
  const paths = decks.map((d) => {
    const p = join(dir, `${d.name}.pptx`);
    writeFileSync(p, d.bytes);
    return p;
  });
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths],
    { stdio: 'pipe', timeout: 600_000 },
  );
  return new Map(paths.map((p) => [basename(p, '.pptx'), p.replace(/\.pptx$/, '.pdf')]));
}

interface Word {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function wordsOf(pdf: string): { pages: Array<{ width: number; height: number }>; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
  const pages: Array<{ width: number; height: number }> = [];
  const words: Word[] = [];
  for (const chunk of html.split('<page ').slice(1)) {
    const w = Number(/width="([\d.]+)"/.exec(chunk)![1]);
    const h = Number(/height="([\d.]+)"/.exec(chunk)![1]);
    pages.push({ width: w, height: h });
    for (const m of chunk.matchAll(
      /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g,
    )) {
      words.push({ page: pages.length - 1, x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, text: decode(m[5]!) });
    }
  }
  return { pages, words };
}

const squash = (s: string) => s.replace(/\s+/g, '');

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Text as pdftotext gives it back: no emoji pictures (drawn as images) or the joiners between them. */
// eslint-disable-next-line no-misleading-character-class -- joiners and selectors, each alone
const visible = (s: string) => squash(s).replace(/\p{Extended_Pictographic}|[\u200b-\u200f\u2060\ufe0f\u20e3]/gu, '');

export interface Misplaced {
  slide: number;
  word: string;
  why: string;
}

/**
 * Check every word of a rendered deck against the plan. A word must lie (within `tol` points)
 * inside a text box on its slide whose text contains it; bullets and list numbers inside a
 * box that has them; and everything inside the slide.
 */
export function checkPlacement(
  plan: DeckPlan,
  pdf: string,
  tol = 2,
): { misplaced: Misplaced[]; words: number; pages: number } {
  const { pages, words } = wordsOf(pdf);
  const misplaced: Misplaced[] = [];
  if (pages.length !== plan.slides.length)
    misplaced.push({ slide: 0, word: '', why: `PDF has ${pages.length} pages, plan has ${plan.slides.length} slides` });
  for (const w of words) {
    const slide = plan.slides[w.page];
    const page = pages[w.page]!;
    if (!slide) continue;
    const s = page.width / (plan.widthIn * 72);
    if (w.x0 < -tol || w.y0 < -tol || w.x1 > page.width + tol || w.y1 > page.height + tol) {
      misplaced.push({ slide: w.page + 1, word: w.text, why: 'outside the slide' });
      continue;
    }
    const boxes = slide.shapes.filter((sh): sh is TextShape => sh.kind === 'text');
    const t = squash(w.text);
    const isMarker = /^(■|•|\d+\.)$/.test(t);
    const candidates = boxes.filter((b) => {
      const text = squash(
        b.paragraphs
          .map((p) => (p.bullet?.kind === 'label' ? p.bullet.label.text : '') + p.runs.map((r) => r.text).join(''))
          .join(''),
      );
      return isMarker
        ? b.paragraphs.some((p) => p.bullet && p.bullet.kind !== 'continued') || text.includes(t)
        : text.includes(t);
    });
    if (candidates.length === 0) {
      misplaced.push({ slide: w.page + 1, word: w.text, why: 'not in any text box of the plan' });
      continue;
    }
    const inside = candidates.some((b) => {
      const x0 = b.x * 72 * s;
      const y0 = b.y * 72 * s;
      return w.x0 >= x0 - tol && w.y0 >= y0 - tol && w.x1 <= x0 + b.w * 72 * s + tol && w.y1 <= y0 + b.h * 72 * s + tol;
    });
    if (!inside) {
      const b = candidates[0]!;
      misplaced.push({
        slide: w.page + 1,
        word: w.text,
        why: `at (${w.x0.toFixed(1)},${w.y0.toFixed(1)})–(${w.x1.toFixed(1)},${w.y1.toFixed(1)}) pt, outside ${b.role} (${(b.x * 72).toFixed(1)},${(b.y * 72).toFixed(1)})–(${((b.x + b.w) * 72).toFixed(1)},${((b.y + b.h) * 72).toFixed(1)})`,
      });
    }
  }
  // Text pushed off the page is not in the PDF at all: every character the plan put on a slide
  // must be among the characters rendered on that page.
  plan.slides.forEach((slide, i) => {
    const rendered = new Map<string, number>();
    for (const w of words)
      if (w.page === i) for (const ch of squash(w.text)) rendered.set(ch, (rendered.get(ch) ?? 0) + 1);
    const wanted = new Map<string, number>();
    for (const b of slide.shapes)
      if (b.kind === 'text')
        for (const p of b.paragraphs)
          for (const r of p.runs) for (const ch of squash(r.text)) wanted.set(ch, (wanted.get(ch) ?? 0) + 1);
    for (const [ch, n] of wanted) {
      const got = rendered.get(ch) ?? 0;
      // eslint-disable-next-line no-misleading-character-class -- joiners and selectors, each alone
      if (got < n && !/\p{Extended_Pictographic}|[\u200b-\u200f\ufe0f\u20e3]/u.test(ch))
        misplaced.push({
          slide: i + 1,
          word: ch,
          why: `drawn ${got} times, the plan has it ${n} times: text is missing from the page`,
        });
    }
  });
  return { misplaced, words: words.length, pages: pages.length };
}

/** Each page's lines of text as the PDF sets them, spaces removed. */
function linesOf(pdf: string): string[][] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<line\b[^>]*>([\s\S]*?)<\/line>/g)].map((l) =>
        squash([...l[1]!.matchAll(/<word\b[^>]*>([\s\S]*?)<\/word>/g)].map((w) => decode(w[1]!)).join('')),
      ),
    );
}

/**
 * Key figures (the bold runs of a panel: "1.8万户") that the rendered page does not show whole on
 * one line: broken across lines by the program's own line breaking.
 */
export function brokenFigures(plan: DeckPlan, pdf: string): Array<{ slide: number; figure: string }> {
  const pages = linesOf(pdf);
  const broken: Array<{ slide: number; figure: string }> = [];
  plan.slides.forEach((slide, i) => {
    const wanted = new Map<string, number>();
    for (const b of slide.shapes)
      if (b.kind === 'text' && b.role.startsWith('panel:'))
        for (const p of b.paragraphs)
          for (const r of p.runs) if (r.bold) wanted.set(squash(r.text), (wanted.get(squash(r.text)) ?? 0) + 1);
    for (const [figure, n] of wanted) {
      const whole = (pages[i] ?? []).reduce((sum, line) => sum + line.split(figure).length - 1, 0);
      if (whole < n) broken.push({ slide: i + 1, figure });
    }
  });
  return broken;
}

/**
 * Lines the layout ended with line breaks of its own that the rendered page does not show whole
 * on one line: the program wrapped the line before the layout's break.
 */
export function unplannedWraps(plan: DeckPlan, pdf: string): Array<{ slide: number; line: string }> {
  const pages = linesOf(pdf);
  const wrapped: Array<{ slide: number; line: string }> = [];
  plan.slides.forEach((slide, i) => {
    for (const b of slide.shapes) {
      if (b.kind !== 'text') continue;
      for (const p of b.paragraphs) {
        if (!p.runs.some((r) => r.breakBefore)) continue;
        const lines = [''];
        for (const r of p.runs) {
          if (r.breakBefore) lines.push('');
          lines[lines.length - 1] += r.text;
        }
        if (p.bullet?.kind === 'label') lines[0] = p.bullet.label.text + lines[0];
        for (const line of lines.map(visible))
          if (!(pages[i] ?? []).some((l) => visible(l).includes(line))) wrapped.push({ slide: i + 1, line });
      }
    }
  });
  return wrapped;
}
