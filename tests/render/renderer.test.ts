/**
 * The real-renderer test: decks rendered by LibreOffice, every word's box read back with
 * poppler, and checked against the DeckPlan: inside its text box and inside the slide, and no
 * text missing from the page. Every built-in theme, the sample and every stress fixture.
 * Runs in CI (.ci/run installs LibreOffice); a local run without it says so and skips.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';
import { buildDeckWithPlan } from '../../src/index.js';
import type { DeckPlan } from '../../src/layout/plan.js';
import { builtinThemeNames } from '../../src/theme/files.js';
import { checkPlacement, convertToPdf, hasRenderer } from '../helpers/soffice.js';

const STRESS = 'tests/fixtures/stress';
const briefs = [
  'briefs/2025-01-shanghai-quarterly.yaml',
  ...readdirSync(STRESS)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(STRESS, f)),
];
const themes = [
  ...builtinThemeNames(),
  'tests/fixtures/themes/team/child.yaml',
  'tests/fixtures/themes/four-three.yaml',
  // Office templates: the fit inside each template's content area.
  ...readdirSync('tests/fixtures/themes/office')
    .sort()
    .map((f) => `tests/fixtures/themes/office/${f}`),
];
const cases = themes.flatMap((theme) =>
  (theme.includes('/')
    ? [briefs[0]!, ...['long-unit', 'english', 'fifteen-achievements'].map((f) => join(STRESS, `${f}.yaml`))]
    : briefs
  ).map((brief) => ({
    brief,
    theme,
    name: `${theme.replace(/^.*\//, '').replace('.yaml', '')}--${brief.replace(/^.*\//, '').replace(/\.yaml$/, '')}`,
  })),
);

const renderer = hasRenderer();
if (!renderer)
  console.warn(
    '\n⚠ LibreOffice (soffice) or poppler (pdftotext) not found: the real-renderer layout test is SKIPPED. Install libreoffice-impress, fonts-noto-cjk and poppler-utils to run it.\n',
  );

describe.skipIf(!renderer)('decks rendered by LibreOffice', () => {
  const plans = new Map<string, DeckPlan>();
  let pdfs = new Map<string, string>();

  beforeAll(async () => {
    const decks = [];
    for (const c of cases) {
      const { brief } = loadBrief(c.brief);
      const { bytes, plan } = await buildDeckWithPlan(brief, { theme: c.theme });
      plans.set(c.name, plan);
      decks.push({ name: c.name, bytes });
    }
    pdfs = convertToPdf(decks);
  }, 900_000);

  it('the check itself catches text outside its box, and text missing from the page', () => {
    const name = 'default--2025-01-shanghai-quarterly';
    const plan = structuredClone(plans.get(name)!);
    const panel = plan.slides[2]!.shapes.find((s) => s.kind === 'text' && s.role === 'panel:achievements')!;
    panel.h /= 2;
    expect(
      checkPlacement(plan, pdfs.get(name)!).misplaced.some((m) => m.why.includes('outside panel:achievements')),
    ).toBe(true);
    const extra = structuredClone(plans.get(name)!);
    const box = extra.slides[3]!.shapes.find((s) => s.kind === 'text')!;
    if (box.kind === 'text') box.paragraphs[0]!.runs.push({ ...box.paragraphs[0]!.runs[0]!, text: '鑫' });
    expect(checkPlacement(extra, pdfs.get(name)!).misplaced).toEqual([
      expect.objectContaining({ slide: 4, word: '鑫' }),
    ]);
  });

  for (const c of cases) {
    it(`${c.name}: every word inside its text box and the slide`, () => {
      const plan = plans.get(c.name)!;
      const { misplaced, words, pages } = checkPlacement(plan, pdfs.get(c.name)!);
      expect(pages).toBe(plan.slides.length);
      expect(words).toBeGreaterThan(plan.slides.length);
      expect(misplaced.slice(0, 20)).toEqual([]);
    });
  }
});
