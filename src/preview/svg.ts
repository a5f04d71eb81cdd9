/**
 * The second renderer: the DeckPlan drawn as SVG, one picture per slide, for the studio's live
 * preview. Pure: every box, size, colour and font comes from the plan, and every line break from
 * the layout's own measurement (lines.ts); pictures are drawn from what `imageHref` gives for
 * their path (a data: URI or a URL), since reading files is not this module's business. A deck
 * on an office template is drawn on the template's own artwork (template-art.ts): inside each
 * slide's SVG (self-contained), or once per layout beside the slides, which refer to it by id.
 * User units are points (1/72 in), so font sizes are written as the plan gives them.
 */
import { createHash } from 'node:crypto';
import type { DeckPlan, FontFaces, ImageShape, Paragraph, RectShape, SlidePlan, TextShape } from '../layout/plan.js';
import { paragraphLines, textColumn } from './lines.js';
import { esc, n } from './markup.js';
import { templateArt } from './template-art.js';

export { esc };

const PT = 72;

export interface PreviewOptions {
  /** The address to draw a picture from; undefined draws a grey placeholder. */
  imageHref?: (path: string) => string | undefined;
  /**
   * Where a template's artwork goes when it travels apart from the slides (the studio's page
   * keeps it and puts it back): each layout's artwork is put here once, under its id (`art-` and
   * a hash of it), and a slide holds `<use href="#id" data-art="id"/>` in its place. Absent:
   * every slide's SVG holds its artwork itself.
   */
  art?: Record<string, string>;
}

export interface PreviewSlide {
  svg: string;
  kind: SlidePlan['kind'];
  subject?: string;
}

/** Every slide of the plan as SVG. */
export function previewDeck(plan: DeckPlan, options: PreviewOptions = {}): PreviewSlide[] {
  return plan.slides.map((slide, i) => ({
    svg: slideSvg(plan, i, options),
    kind: slide.kind,
    ...(slide.subject !== undefined ? { subject: slide.subject } : {}),
  }));
}

/** One slide (`index` from 0) as an <svg> element. */
function slideSvg(plan: DeckPlan, index: number, options: PreviewOptions = {}): string {
  const slide = plan.slides[index];
  if (!slide) throw new RangeError(`the plan has no slide ${index + 1}`);
  const w = n(plan.widthIn * PT);
  const h = n(plan.heightIn * PT);
  // On a template, its own artwork: the deck's slides have no background of their own there,
  // and show their layout's (the cover's, or the content layout's), as render/slide.ts writes them.
  const t = plan.template;
  let body = t
    ? artOf(templateArt(t, slide.kind === 'cover' ? t.cover.part : t.content.part), options)
    : `<rect class="bg" x="0" y="0" width="${w}" height="${h}" fill="#${hex(slide.background)}"/>`;
  slide.shapes.forEach((shape, i) => {
    if (shape.kind === 'rect') body += rectSvg(shape);
    else if (shape.kind === 'image') body += imageSvg(shape, options);
    else body += textSvg(shape, i);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" data-slide="${index + 1}" role="img" aria-label="${esc(label(plan, slide, index))}">${body}</svg>`;
}

/** The artwork itself, or (with `options.art`) a reference to it, the artwork put there. */
function artOf(group: string, options: PreviewOptions): string {
  if (!options.art) return group;
  const id = artId(group);
  options.art[id] ??= group;
  return `<use href="#${id}" data-art="${id}"/>`;
}

/** Ids made, by artwork (templateArt gives the same string for a layout every time). */
const madeIds = new Map<string, string>();

/** `art-` and 16 hex digits of the artwork's SHA-256: the same artwork, the same id, in any
 * answer; another artwork (another template, or its file changed), another id. */
function artId(group: string): string {
  let id = madeIds.get(group);
  if (id === undefined) {
    if (madeIds.size >= 16) madeIds.clear();
    madeIds.set(group, (id = `art-${createHash('sha256').update(group).digest('hex').slice(0, 16)}`));
  }
  return id;
}

const label = (plan: DeckPlan, slide: SlidePlan, i: number) =>
  `${i + 1} / ${plan.slides.length}${slide.subject ? `: ${slide.subject}` : ''}`;

function box(b: { x: number; y: number; w: number; h: number }): string {
  return `x="${n(b.x * PT)}" y="${n(b.y * PT)}" width="${n(b.w * PT)}" height="${n(b.h * PT)}"`;
}

function rectSvg(r: RectShape): string {
  const radius = r.radius ? n(Math.min(r.radius, 0.5) * Math.min(r.w, r.h) * PT) : 0;
  const rounded = radius ? ` rx="${radius}" ry="${radius}"` : '';
  const line = r.line ? ` stroke="#${hex(r.line.color)}" stroke-width="${n(r.line.widthPt)}"` : '';
  return `<rect class="shape" ${box(r)}${rounded} fill="#${hex(r.fill)}"${line}/>`;
}

function imageSvg(img: ImageShape, options: PreviewOptions): string {
  const href = options.imageHref?.(img.path);
  if (href === undefined)
    return `<rect class="shape image" ${box(img)} fill="#dddddd"><title>${esc(img.alt || img.path)}</title></rect>`;
  // Stretched to its box, as the deck's <a:stretch> draws it.
  return `<image class="shape image" ${box(img)} preserveAspectRatio="none" href="${esc(href)}"${img.alt ? ` aria-label="${esc(img.alt)}"` : ''}/>`;
}

/** A CSS font-family list naming the deck's faces: Latin first, then East Asian, as a run in
 * PowerPoint picks them. */
const family = (f: FontFaces) => `${quoted(f.latin)}, ${quoted(f.eastAsian)}, sans-serif`;
const quoted = (face: string) => `'${face.replace(/['\\]/g, '')}'`;

function textSvg(t: TextShape, index: number): string {
  const laid = t.paragraphs.map((p) => ({ p, lines: paragraphLines(t, p) }));
  let contentPt = 0;
  for (const { p, lines } of laid) contentPt += lines.length * p.lineHeightPt + p.spaceAfterPt;
  const top = t.y * PT + t.insets.top * PT;
  const inner = (t.h - t.insets.top - t.insets.bottom) * PT;
  let y = t.valign === 'top' ? top : t.valign === 'middle' ? top + (inner - contentPt) / 2 : top + inner - contentPt;
  const fill = t.fill ? `#${hex(t.fill)}` : 'none';
  // The box itself, drawn (or not) first: a click on it names the text it holds.
  let out = `<g class="text" data-shape="${index}" data-role="${esc(t.role)}"><rect class="shape" ${box(t)} fill="${fill}"/>`;
  laid.forEach(({ p, lines }, pi) => {
    out += `<g data-paragraph="${pi}" data-lines="${lines.length}">`;
    lines.forEach((line, li) => {
      const baseline = y + p.lineHeightPt / 2 + (p.runs[0]?.sizePt ?? 0) * 0.36;
      if (li === 0) out += bulletSvg(t, p, baseline);
      out += lineSvg(t, p, line.pieces, baseline);
      y += p.lineHeightPt;
    });
    y += p.spaceAfterPt;
    out += '</g>';
  });
  return out + '</g>';
}

function bulletSvg(t: TextShape, p: Paragraph, baseline: number): string {
  const b = p.bullet;
  const run = p.runs[0];
  if (!b || b.kind === 'continued' || !run) return '';
  // A label (（一）, 一是) is bold text in the gutter, as the deck writes it before the point.
  if (b.kind === 'label')
    return `<text class="bullet label" x="${n(t.x * PT + t.insets.left * PT)}" y="${n(baseline)}" font-family="${esc(family(b.label.font))}" font-size="${n(b.label.sizePt)}" font-weight="bold" fill="#${hex(b.label.color)}">${esc(b.label.text)}</text>`;
  const text = b.kind === 'bullet' ? b.char : `${b.startAt}.`;
  return `<text class="bullet" x="${n(t.x * PT + t.insets.left * PT)}" y="${n(baseline)}" font-family="${esc(family(run.font))}" font-size="${n(run.sizePt)}" fill="#${hex(b.color)}">${esc(text)}</text>`;
}

function lineSvg(
  t: TextShape,
  p: Paragraph,
  pieces: ReturnType<typeof paragraphLines>[number]['pieces'],
  baseline: number,
) {
  const col = textColumn(t, p);
  const left = t.x * PT + col.left;
  const x = p.align === 'left' ? left : p.align === 'center' ? left + col.width / 2 : left + col.width;
  const anchor = p.align === 'left' ? 'start' : p.align === 'center' ? 'middle' : 'end';
  let spans = '';
  for (const { text, run } of pieces) {
    spans += `<tspan font-family="${esc(family(run.font))}" font-size="${n(run.sizePt)}" fill="#${hex(run.color)}"${run.bold ? ' font-weight="bold"' : ''}>${esc(text)}</tspan>`;
  }
  // Spaces as written (a line's trailing spaces hang past the edge, as in the deck).
  return `<text class="line" x="${n(x)}" y="${n(baseline)}" text-anchor="${anchor}" xml:space="preserve" style="white-space:pre">${spans}</text>`;
}

/** A colour from the plan (`RRGGBB`), kept to hex digits whatever it holds. */
const hex = (c: string) => (/^[0-9a-f]{6}$/i.test(c) ? c : '000000');
