#!/usr/bin/env node
// The studio's benchmark rows (npm run bench:studio), in Debian's chromium through
// playwright-core: the page loaded and usable; a keystroke in the YAML until the slide it changes
// is drawn again, in the sample, in the sample on an office template (government-red.potx) and in
// a 100-unit brief (the sample's first unit, 100 times); the size of the preview answers.
/* global document -- the functions given to waitForFunction run in the page */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStudio } from '../dist/studio/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const sample = readFileSync(join(ROOT, 'briefs/2025-01-shanghai-quarterly.yaml'), 'utf8');
const unitsAt = sample.indexOf('units:');
const first = sample.indexOf('  - name:', unitsAt);
const unit = sample.slice(first, sample.indexOf('  - name:', first + 5));
let units = '';
for (let i = 0; i < 100; i++) units += unit.replace('name: 浦东新区区委', `name: 单位${i + 1}`);
const hundred = sample.slice(0, unitsAt) + 'units:\n' + units + sample.slice(sample.indexOf('\ndirectives:'));

const folder = mkdtempSync(join(tmpdir(), 'briefdeck-bench-studio-'));
mkdirSync(join(folder, 'briefs'));
writeFileSync(join(folder, 'briefs', 'sample.yaml'), sample);
writeFileSync(join(folder, 'briefs', 'units-100.yaml'), hundred);
mkdirSync(join(folder, 'themes'));
copyFileSync(join(ROOT, 'tests/fixtures/templates/government-red.potx'), join(folder, 'themes', 'office-red.potx'));
writeFileSync(join(folder, 'themes', 'office-red.yaml'), 'extends: default\ntemplate: office-red.potx\n');
writeFileSync(
  join(folder, 'briefs', 'sample-template.yaml'),
  sample.replace(/^theme:.*\n/m, '').replace(/^/, 'theme: office-red\n'),
);
const studio = await startStudio({ folder });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await page.goto(studio.url);
    await page.waitForSelector('tr.brief');
    loads.push(performance.now() - t0);
  }
  console.log(`page loaded, briefs listed: ${Math.round(median(loads))} ms (target ≤ 1 s)`);
  // Unit 1 is on slide 3 of the sample, and on slide 5 of the 100 units (the overview takes three).
  for (const [name, slide, target] of [
    ['sample.yaml', 3, 100],
    ['sample-template.yaml', 3, 100],
    ['units-100.yaml', 5, 300],
  ]) {
    await page.goto(studio.url);
    const sizes = [];
    const onResponse = (r) => {
      if (r.url().endsWith('/api/preview')) sizes.push(r.body().then((b) => b.length));
    };
    page.on('response', onResponse);
    await page.click(`tr.brief[data-name="${name}"]`);
    const sel = `.slide[data-slide="${slide}"]`;
    await page.waitForSelector(sel);
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      // The slide's text puts the cursor on its line in the YAML.
      await page.locator(`${sel} text.line`, { hasText: '新建街区党组织' }).first().click();
      await page.keyboard.press('End');
      await page.waitForTimeout(300);
      const t0 = performance.now();
      await page.keyboard.type('Z');
      await page.waitForFunction((s) => document.querySelector(s)?.textContent?.includes('Z'), sel, { polling: 'raf' });
      times.push(performance.now() - t0);
      await page.keyboard.press('Backspace');
      await page.waitForFunction((s) => !document.querySelector(s)?.textContent?.includes('Z'), sel, {
        polling: 'raf',
      });
    }
    page.off('response', onResponse);
    const [firstKb, ...nextKb] = (await Promise.all(sizes)).map((b) => Math.round(b / 1024));
    console.log(`${name}: keystroke → slide drawn again: ${Math.round(median(times))} ms (target ≤ ${target} ms)`);
    console.log(`${name}: preview answer: ${firstKb} KB the first, ${median(nextKb)} KB after an edit`);
  }
} finally {
  await browser.close();
  await studio.close();
  rmSync(folder, { recursive: true, force: true });
}
