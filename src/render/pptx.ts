/**
 * DeckPlan → .pptx bytes. The only module that imports pptxgenjs. Every size, position and
 * font comes from the plan; this module only translates, then finishes the package in
 * `finish.ts` (East Asian fonts, the deck's font scheme, fixed timestamps, self-check).
 */
import type * as PptxModule from 'pptxgenjs';
import type { DeckPlan, FontFaces, Paragraph, Shape, TextShape } from '../layout/plan.js';
import { COMPANY_TOKEN, finishPackage, fontToken, shield } from './finish.js';

export interface RenderOptions {
  /** Timestamp written into the package (docProps and zip entries). */
  date?: Date;
}

export async function renderDeck(plan: DeckPlan, options: RenderOptions = {}): Promise<Buffer> {
  const fonts: FontFaces[] = [];
  const raw = await generate(plan, fonts);
  return finishPackage(raw, plan, fonts, options.date ?? new Date(Date.UTC(2000, 0, 1)));
}

/** pptxgenjs's package, stored (not deflated): it is compressed once, after finishing. */
async function generate(plan: DeckPlan, fonts: FontFaces[]): Promise<Uint8Array> {
  // Loaded on demand: it is the heaviest module, and only `build` needs it.
  const mod = (await import('pptxgenjs')) as unknown as { default: new () => Pptx };
  const pptx = new mod.default();
  pptx.defineLayout({ name: 'BRIEFDECK', width: plan.widthIn, height: plan.heightIn });
  pptx.layout = 'BRIEFDECK';
  pptx.title = shield(plan.title);
  pptx.author = shield(plan.author ?? 'briefdeck');
  // pptxgenjs writes the company into docProps/app.xml unescaped: pass a token, swap it in later.
  pptx.company = COMPANY_TOKEN;
  if (plan.subject) pptx.subject = shield(plan.subject);
  pptx.theme = { headFontFace: plan.fonts.major.latin, bodyFontFace: plan.fonts.minor.latin };

  const lang = plan.lang === 'en' ? 'en-US' : 'zh-CN';
  for (const s of plan.slides) {
    const slide = pptx.addSlide();
    slide.background = { color: s.background };
    s.shapes.forEach((shape, i) => addShape(pptx, slide, shape, fonts, lang, i + 1));
    if (s.notes) slide.addNotes(shield(s.notes));
  }
  return (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
}

type Pptx = PptxModule.default;
type Slide = ReturnType<Pptx['addSlide']>;
type TextProps = PptxModule.default.TextProps;
type TextPropsOptions = PptxModule.default.TextPropsOptions;

function addShape(pptx: Pptx, slide: Slide, shape: Shape, fonts: FontFaces[], lang: string, index: number): void {
  switch (shape.kind) {
    case 'rect':
      slide.addShape(pptx.ShapeType.rect, {
        x: shape.x,
        y: shape.y,
        w: shape.w,
        h: shape.h,
        fill: { color: shape.fill },
        line: shape.line ? { color: shape.line.color, width: shape.line.widthPt } : { type: 'none' },
      });
      return;
    case 'image':
      // Alt text of our own: pptxgenjs would write the image's absolute path on this machine
      // into every deck (and two checkouts would build different bytes).
      slide.addImage({ path: shape.path, x: shape.x, y: shape.y, w: shape.w, h: shape.h, altText: shield(shape.alt) || ' ' });
      return;
    case 'text':
      addText(slide, shape, fonts, lang, `${shape.role} ${index}`);
      return;
  }
}

const PT = 72;

function addText(slide: Slide, shape: TextShape, fonts: FontFaces[], lang: string, objectName: string): void {
  const runs: TextProps[] = [];
  shape.paragraphs.forEach((p, pi) => {
    const para = paragraphOptions(p);
    const last = pi === shape.paragraphs.length - 1;
    const pieces = p.runs.length ? p.runs : [{ text: '', sizePt: 12, font: shape.paragraphs[0]?.runs[0]?.font ?? { latin: 'Arial', eastAsian: 'Arial' }, color: '000000' }];
    pieces.forEach((r, ri) => {
      runs.push({
        text: shield(r.text),
        options: {
          // Paragraph options on the paragraph's first run (pptxgenjs writes an <a:pPr> for
          // every run anyway; finish.ts keeps the first).
          ...(ri === 0 ? para : {}),
          // Naming the run saves pptxgenjs a scan of the slide per run (quadratic on big decks).
          objectName,
          fontSize: r.sizePt,
          fontFace: fontToken(fonts, r.font),
          color: r.color,
          bold: !!r.bold,
          lang,
          ...(ri === pieces.length - 1 && !last ? { breakLine: true } : {}),
        },
      });
    });
  });
  slide.addText(runs, {
    x: shape.x,
    y: shape.y,
    w: shape.w,
    h: shape.h,
    // pptxgenjs order: [left, right, bottom, top], in points.
    margin: [shape.insets.left * PT, shape.insets.right * PT, shape.insets.bottom * PT, shape.insets.top * PT],
    valign: shape.valign,
    fit: 'none',
    wrap: true,
    objectName,
    ...(shape.fill ? { fill: { color: shape.fill } } : {}),
  });
}

function paragraphOptions(p: Paragraph): TextPropsOptions {
  const o: TextPropsOptions = {
    align: p.align,
    lineSpacing: p.lineHeightPt,
    paraSpaceAfter: p.spaceAfterPt,
    paraSpaceBefore: 0,
  };
  if (p.bullet?.kind === 'bullet') o.bullet = { characterCode: p.bullet.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), indent: p.bullet.indentPt };
  else if (p.bullet?.kind === 'number') o.bullet = { type: 'number', style: 'arabicPeriod', numberStartAt: p.bullet.startAt, indent: p.bullet.indentPt };
  // A continued item keeps its indent; a no-break space as bullet draws nothing.
  else if (p.bullet?.kind === 'continued') o.bullet = { characterCode: '00A0', indent: p.bullet.indentPt };
  else o.bullet = false;
  return o;
}
