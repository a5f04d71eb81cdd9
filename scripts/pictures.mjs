#!/usr/bin/env node
// The pictures of decks in docs/, remade from the compiled dist/: `npm run build`, then
// `node scripts/pictures.mjs`. Needs LibreOffice (soffice) and poppler (pdftoppm). Slides are
// drawn at 80 dpi (the unit slide) or 72 dpi and set side by side on sheets with resvg.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { buildDeck, loadBrief } from '../dist/index.js';

const SAMPLE = 'briefs/2025-01-shanghai-quarterly.yaml';
const STRESS = 'tests/fixtures/stress';
const FIFTEEN = join(STRESS, 'fifteen-achievements.yaml');
const THEMES = ['default', 'government-red', 'high-contrast'];

const dir = mkdtempSync(join(tmpdir(), 'briefdeck-pictures-'));
const name = (file, theme) => `${file.replace(/^.*\//, '').replace(/\.yaml$/, '')}--${theme}`;

/** Every deck the pictures show, built, converted in one LibreOffice run, drawn per slide. */
const decks = [
  [SAMPLE, 'default'],
  ...THEMES.map((t) => [FIFTEEN, t]),
  ...readdirSync(STRESS)
    .filter((f) => f.endsWith('.yaml') && join(STRESS, f) !== FIFTEEN)
    .sort()
    .map((f) => [join(STRESS, f), 'default']),
];
const paths = [];
for (const [file, theme] of decks) {
  const path = join(dir, `${name(file, theme)}.pptx`);
  writeFileSync(path, await buildDeck(loadBrief(file).brief, { theme }));
  paths.push(path);
}
execFileSync('soffice', [
  `-env:UserInstallation=file://${dir}/profile`,
  '--headless',
  '--convert-to',
  'pdf',
  '--outdir',
  dir,
  ...paths,
]);

/** The slides of a deck as PNG files, at a resolution. */
function slides(file, theme, dpi = 72) {
  const base = join(dir, `${name(file, theme)}-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', join(dir, `${name(file, theme)}.pdf`), base]);
  const prefix = `${name(file, theme)}-${dpi}-`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/** PNG slides on a grey sheet, `columns` a row, each `tile` pixels wide. */
function sheet(out, pngs, columns, tile) {
  const w = tile;
  const h = Math.round((tile * 7.5) / 13.333);
  const gap = 12;
  const rows = Math.ceil(pngs.length / columns);
  const width = columns * (w + gap) + gap;
  const height = rows * (h + gap) + gap;
  const images = pngs
    .map((png, i) => {
      const x = gap + (i % columns) * (w + gap);
      const y = gap + Math.floor(i / columns) * (h + gap);
      const data = readFileSync(png).toString('base64');
      return `<rect x="${x - 1}" y="${y - 1}" width="${w + 2}" height="${h + 2}" fill="#b8b8b8"/><image x="${x}" y="${y}" width="${w}" height="${h}" href="data:image/png;base64,${data}"/>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#e6e6e6"/>${images}</svg>`;
  writeFileSync(out, new Resvg(svg).render().asPng());
  console.log(`${out}  ${width}×${height}`);
}

const sample = slides(SAMPLE, 'default');
sheet('docs/sample-deck.png', sample, 4, 480);
const unit = slides(SAMPLE, 'default', 80)[2];
writeFileSync('docs/unit-slide.png', readFileSync(unit));
console.log('docs/unit-slide.png');
// The unit with fifteen long achievements (its three slides) in every built-in theme, a row each.
sheet(
  'docs/fifteen-achievements.png',
  THEMES.flatMap((t) => slides(FIFTEEN, t).slice(2, 5)),
  3,
  560,
);
for (const [file] of decks.filter(([f]) => f.startsWith(STRESS) && f !== FIFTEEN)) {
  const all = slides(file, 'default');
  sheet(
    `docs/stress-${name(file, 'x').replace(/--x$/, '')}.png`,
    all,
    all.length > 20 ? 6 : 4,
    all.length > 20 ? 320 : 400,
  );
}
sheet('docs/stress-fifteen-achievements.png', slides(FIFTEEN, 'default'), 4, 400);
rmSync(dir, { recursive: true, force: true });
