/**
 * The preview against the .pptx renderer: for the sample and every stress fixture (and a theme
 * with pictures, and a 4:3 one), each slide's SVG has the same boxes as the slide part, in the
 * same order, the same texts paragraph by paragraph, and as many lines per paragraph as the
 * layout's own count at that width — whose lines fit their box.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeckWithPlan } from '../../src/build.js';
import { latinMetricsFor } from '../../src/layout/metrics.js';
import type { TextShape } from '../../src/layout/plan.js';
import { lineCount } from '../../src/layout/text.js';
import { textColumn } from '../../src/preview/lines.js';
import { esc, previewDeck } from '../../src/preview/svg.js';
import { paragraphsOf, readDeck } from '../helpers/deck.js';

const STRESS = 'tests/fixtures/stress';
const cases = [
  { brief: 'briefs/2025-01-shanghai-quarterly.yaml', theme: 'default' },
  { brief: 'briefs/2025-01-shanghai-quarterly.yaml', theme: 'tests/fixtures/themes/team/child.yaml' },
  { brief: 'briefs/2025-01-shanghai-quarterly.yaml', theme: 'tests/fixtures/themes/four-three.yaml' },
  { brief: 'briefs/2025-01-shanghai-quarterly.yaml', theme: 'tests/fixtures/themes/office/libreoffice-dark.yaml' },
  { brief: 'briefs/2025-01-shanghai-quarterly.yaml', theme: 'tests/fixtures/themes/office/powerpoint-4x3.yaml' },
  ...readdirSync(STRESS)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ brief: join(STRESS, f), theme: 'government-red' })),
];

const EMU = 914400;
/** Boxes of a slide part's shapes and pictures, in EMU, in drawing order. */
const pptxBoxes = (xml: string) =>
  [...xml.matchAll(/<p:(?:sp|pic)>[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g)].map((m) =>
    m.slice(1, 5).map(Number),
  );
/** Boxes of an SVG's shapes (points), in EMU. */
const svgBoxes = (svg: string) =>
  [...svg.matchAll(/class="shape[^"]*" x="([\d.-]+)" y="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)"/g)].map((m) =>
    m.slice(1, 5).map((v) => (Number(v) / 72) * EMU),
  );

const unesc = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
/** The SVG's paragraphs (lines joined, bullets apart) and their line counts. */
function svgParagraphs(svg: string): Array<{ text: string; lines: number }> {
  return [...svg.matchAll(/<g data-paragraph="\d+" data-lines="(\d+)">([\s\S]*?)<\/g>/g)]
    .map((m) => ({
      lines: Number(m[1]),
      text: [...m[2]!.matchAll(/<text class="line"[^>]*>([\s\S]*?)<\/text>/g)]
        .map((l) => unesc(l[1]!.replace(/<[^>]+>/g, '')))
        .join(''),
    }))
    .filter((p) => p.text.length > 0);
}

describe('the SVG preview draws what the .pptx holds', () => {
  for (const c of cases) {
    it(`${c.brief} with ${c.theme}`, async () => {
      const { brief } = loadBrief(c.brief);
      const { bytes, plan } = await buildDeckWithPlan(brief, { theme: c.theme });
      const deck = await readDeck(bytes);
      const slides = previewDeck(plan, { imageHref: (p) => `file://${p}` });
      expect(slides.length).toBe(deck.slides.length);
      slides.forEach(({ svg }, i) => {
        const xml = deck.slides[i]!;
        const want = pptxBoxes(xml);
        const got = svgBoxes(svg);
        expect(got.length, `slide ${i + 1}: shapes`).toBe(want.length);
        got.forEach((b, k) => b.forEach((v, j) => expect(Math.abs(v - want[k]![j]!)).toBeLessThan(130)));
        const paras = svgParagraphs(svg);
        expect(
          paras.map((p) => p.text),
          `slide ${i + 1}: texts`,
        ).toEqual(paragraphsOf(xml));
      });
      // Lines: as many as the layout counts at the box's width, and they fit the box.
      for (const slide of plan.slides) {
        for (const shape of slide.shapes) {
          if (shape.kind !== 'text') continue;
          const svg = slides[plan.slides.indexOf(slide)]!.svg;
          const group = new RegExp(`<g class="text" data-shape="${slide.shapes.indexOf(shape)}"[\\s\\S]*?</g></g>`);
          const counts = [...(group.exec(svg)?.[0] ?? '').matchAll(/data-lines="(\d+)"/g)].map((m) => Number(m[1]));
          expect(counts).toEqual(shape.paragraphs.map((p) => layoutLines(shape, p)));
          let pt = 0;
          shape.paragraphs.forEach((p, k) => (pt += counts[k]! * p.lineHeightPt + p.spaceAfterPt));
          const room = (shape.h - shape.insets.top - shape.insets.bottom) * 72;
          expect(pt - shape.paragraphs.at(-1)!.spaceAfterPt, `${shape.role} on slide ${slide.subject}`).toBeLessThan(
            room + 0.5,
          );
        }
      }
    });
  }

  it('writes text as text and colours as hex only', async () => {
    const { brief } = loadBrief('tests/fixtures/stress/mixed-urls.yaml');
    const { plan } = await buildDeckWithPlan(brief);
    plan.slides[0]!.background = 'red"/><script>';
    const [cover] = previewDeck(plan);
    expect(cover!.svg).not.toContain('<script>');
    expect(cover!.svg).toContain('fill="#000000"');
    expect(esc('R&D <Q1> "x" \u0001')).toBe('R&amp;D &lt;Q1&gt; &quot;x&quot; ');
  });
});

function layoutLines(shape: TextShape, p: TextShape['paragraphs'][number]): number {
  const first = p.runs[0];
  if (!first) return 1;
  const text = p.runs.map((r) => r.text).join('');
  const latin = latinMetricsFor(
    first.font.latin,
    p.runs.some((r) => r.bold),
  );
  return lineCount(text, textColumn(shape, p).width / first.sizePt, latin);
}
