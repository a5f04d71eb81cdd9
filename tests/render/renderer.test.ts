/**
 * The real-renderer test: decks rendered by LibreOffice, every word's box read back with
 * poppler, and checked against the DeckPlan: inside its text box and inside the slide.
 * Runs in CI (.ci/run installs LibreOffice); a local run without it says so and skips.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeckWithPlan } from '../../src/index.js';
import type { DeckPlan } from '../../src/layout/plan.js';
import { checkPlacement, convertToPdf, hasRenderer } from '../helpers/soffice.js';

const STRESS = 'tests/fixtures/stress';
const briefs = [
  'briefs/2025-01-shanghai-quarterly.yaml',
  ...readdirSync(STRESS)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(STRESS, f)),
];

const renderer = hasRenderer();
if (!renderer) console.warn('\n⚠ LibreOffice (soffice) or poppler (pdftotext) not found: the real-renderer layout test is SKIPPED. Install libreoffice-impress, fonts-noto-cjk and poppler-utils to run it.\n');

describe.skipIf(!renderer)('decks rendered by LibreOffice', () => {
  const plans = new Map<string, DeckPlan>();
  let pdfs = new Map<string, string>();

  beforeAll(async () => {
    const decks = [];
    for (const file of briefs) {
      const { brief } = loadBrief(file);
      const { bytes, plan } = await buildDeckWithPlan(brief);
      const name = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
      plans.set(name, plan);
      decks.push({ name, bytes });
    }
    pdfs = convertToPdf(decks);
  }, 600_000);

  it('the check itself catches text outside a box (the plan says a panel is half as tall)', () => {
    const plan = structuredClone(plans.get('2025-01-shanghai-quarterly')!);
    const panel = plan.slides[2]!.shapes.find((s) => s.kind === 'text' && s.role === 'panel:achievements')!;
    panel.h /= 2;
    expect(checkPlacement(plan, pdfs.get('2025-01-shanghai-quarterly')!).misplaced.length).toBeGreaterThan(0);
  });

  for (const file of briefs) {
    const name = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
    it(`${name}: every word inside its text box and the slide`, () => {
      const plan = plans.get(name)!;
      const { misplaced, words, pages } = checkPlacement(plan, pdfs.get(name)!);
      expect(pages).toBe(plan.slides.length);
      expect(words).toBeGreaterThan(plan.slides.length);
      expect(misplaced.slice(0, 20)).toEqual([]);
    });
  }
});
