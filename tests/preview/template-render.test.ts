/**
 * The preview of a deck on an office template against the deck itself: the sample brief on
 * government-red.potx and libreoffice-dark.potx, its cover and a unit slide rendered by
 * LibreOffice (PDF, then poppler's pdftoppm) and the preview of the same slides drawn by
 * chromium, both at the same pixel size, compared cell by cell (10×10 pixels averaged) away
 * from the text boxes, whose fonts differ: the template's background, pictures and bands must
 * agree. The same comparison of the slides drawn without the template's artwork (a plain
 * background, as the preview was before) must not, so the test fails if the artwork is missing.
 * Skipped, with a message, without soffice, pdftotext, pdftoppm or chromium.
 * BRIEFDECK_PREVIEW_SHOTS=folder keeps the pictures there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeckWithPlan } from '../../src/build.js';
import type { DeckPlan } from '../../src/layout/plan.js';
import { previewDeck } from '../../src/preview/svg.js';
import { pngPixels, type Pixels } from '../helpers/png.js';
import { convertToPdf, hasRenderer } from '../helpers/soffice.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const hasPdftoppm = spawnSync('sh', ['-c', 'command -v pdftoppm']).status === 0;
const ready = hasRenderer() && hasPdftoppm && !!CHROMIUM;
if (!ready)
  console.warn(
    '\n⚠ LibreOffice (soffice), poppler (pdftotext, pdftoppm) or chromium not found: the comparison of the template preview with the deck is SKIPPED. Install libreoffice-impress, fonts-noto-cjk, poppler-utils and chromium to run it.\n',
  );

const TEMPLATES = ['government-red', 'libreoffice-dark'];
/** The cover and the first unit's slide. */
const SLIDES = [1, 3];
const WIDTH = 480;
const CELL = 10;

interface Compared {
  /** Mean difference of the cells' colours, 0–255 a channel, away from text. */
  mean: number;
  /** The same in a region (the header and emblem), when one is asked for. */
  region: number;
  cells: number;
}

/** Each cell's mean colour. */
function cells(p: Pixels): Float64Array {
  const cols = Math.floor(p.width / CELL);
  const rows = Math.floor(p.height / CELL);
  const out = new Float64Array(cols * rows * 3);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      for (let y = r * CELL; y < (r + 1) * CELL; y++)
        for (let x = c * CELL; x < (c + 1) * CELL; x++)
          for (let k = 0; k < 3; k++)
            out[(r * cols + c) * 3 + k]! += p.rgba[(y * p.width + x) * 4 + k]! / (CELL * CELL);
  return out;
}

/** Compare two pictures of a slide of `plan`, leaving out the cells any text box touches. */
function compare(
  a: Pixels,
  b: Pixels,
  plan: DeckPlan,
  slide: number,
  /** In points. */
  region?: { x: number; y: number; w: number; h: number },
): Compared {
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  const px = a.width / (plan.widthIn * 72);
  const cols = Math.floor(a.width / CELL);
  const rows = Math.floor(a.height / CELL);
  const texts = plan.slides[slide - 1]!.shapes.filter((s) => s.kind === 'text');
  const touches = (c: number, r: number, box: { x: number; y: number; w: number; h: number }, inches = true) => {
    const u = inches ? 72 * px : px;
    return (
      (c + 1) * CELL > box.x * u &&
      c * CELL < (box.x + box.w) * u &&
      (r + 1) * CELL > box.y * u &&
      r * CELL < (box.y + box.h) * u
    );
  };
  const [ca, cb] = [cells(a), cells(b)];
  let sum = 0;
  let n = 0;
  let inRegion = 0;
  let regionCells = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (texts.some((t) => touches(c, r, t))) continue;
      let d = 0;
      for (let k = 0; k < 3; k++) d += Math.abs(ca[(r * cols + c) * 3 + k]! - cb[(r * cols + c) * 3 + k]!) / 3;
      sum += d;
      n++;
      if (region && touches(c, r, region, false)) {
        inRegion += d;
        regionCells++;
      }
    }
  return { mean: sum / n, region: regionCells ? inRegion / regionCells : 0, cells: n };
}

describe.skipIf(!ready)('the template preview against the deck rendered by LibreOffice', () => {
  let work: string;
  let browser: Browser;
  const shots = process.env.BRIEFDECK_PREVIEW_SHOTS;
  const plans = new Map<string, DeckPlan>();
  const rendered = new Map<string, Pixels>();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'briefdeck-template-preview-'));
    if (shots) mkdirSync(shots, { recursive: true });
    const { brief } = loadBrief('briefs/2025-01-shanghai-quarterly.yaml');
    const decks = [];
    for (const name of TEMPLATES) {
      const { bytes, plan } = await buildDeckWithPlan(brief, { theme: `tests/fixtures/themes/office/${name}.yaml` });
      plans.set(name, plan);
      decks.push({ name, bytes });
    }
    const pdfs = convertToPdf(decks);
    for (const name of TEMPLATES) {
      const plan = plans.get(name)!;
      const height = Math.round((WIDTH * plan.heightIn) / plan.widthIn);
      for (const slide of SLIDES) {
        const base = join(shots ?? work, `${name}-${slide}-libreoffice`);
        const args = ['-png', '-singlefile', '-f', String(slide), '-l', String(slide)];
        execFileSync('pdftoppm', [
          ...args,
          '-scale-to-x',
          String(WIDTH),
          '-scale-to-y',
          String(height),
          pdfs.get(name)!,
          base,
        ]);
        rendered.set(`${name}-${slide}`, pngPixels(readFileSync(`${base}.png`)));
      }
    }
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'], timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A slide's preview as chromium draws it, at the size of the LibreOffice picture. */
  async function drawn(plan: DeckPlan, slide: number, size: Pixels, file: string): Promise<Pixels> {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    const svg = previewDeck(plan)[slide - 1]!.svg.replace(
      '<svg ',
      `<svg width="${size.width}" height="${size.height}" preserveAspectRatio="none" style="display:block" `,
    );
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    const png = await page.screenshot({ path: join(shots ?? work, file) });
    await page.close();
    return pngPixels(png);
  }

  for (const name of TEMPLATES)
    for (const slide of SLIDES)
      it(`${name}, slide ${slide}: the background, pictures and bands as LibreOffice draws them`, async () => {
        const plan = plans.get(name)!;
        const deck = rendered.get(`${name}-${slide}`)!;
        const withArt = await drawn(plan, slide, deck, `${name}-${slide}-preview.png`);
        // The slide as the preview drew it before: the plan's background colour, no artwork.
        const { template: _template, ...plain } = plan;
        const without = await drawn(plain, slide, deck, `${name}-${slide}-plain.png`);
        // government-red's header (the red band, its gold rule and the emblem): 0,0 to 960×97.9 pt.
        const header = name === 'government-red' ? { x: 0, y: 0, w: 960, h: 97.9 } : undefined;
        const good = compare(withArt, deck, plan, slide, header);
        const bad = compare(without, deck, plan, slide, header);
        console.log(
          `${name} slide ${slide}: mean cell difference ${good.mean.toFixed(1)} with the artwork, ${bad.mean.toFixed(1)} without (of 255, ${good.cells} cells)` +
            (header ? `; header ${good.region.toFixed(1)} with, ${bad.region.toFixed(1)} without` : ''),
        );
        expect(good.cells).toBeGreaterThan(80);
        expect(good.mean).toBeLessThan(6);
        expect(bad.mean).toBeGreaterThan(3 * good.mean + 10);
        if (header) {
          expect(good.region).toBeLessThan(8);
          expect(bad.region).toBeGreaterThan(60);
        }
      });
});
