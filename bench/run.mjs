#!/usr/bin/env node
// briefdeck benchmarks. Machines here are shared and noisy: compare figures measured side by
// side in one run (medians of alternating runs), not absolute times against a fixed budget.
import { performance } from 'node:perf_hooks';
import { generatedBrief } from './generate.mjs';

const { normaliseBrief } = await import('../dist/brief/load.js');
const { planDeck } = await import('../dist/layout/deck.js');
const { clearMeasureCaches } = await import('../dist/layout/text.js');
const { defaultTheme } = await import('../dist/theme/builtin.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

function time(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    clearMeasureCaches(); // cold: as a fresh process meets the brief
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

const rows = [];
const theme = defaultTheme('zh-CN');
for (const n of [100, 1000, 5000]) {
  const brief = normaliseBrief(generatedBrief(n));
  let slides = 0;
  const t = time(() => {
    slides = planDeck(brief, theme).slides.length;
  }, n >= 5000 ? 3 : 5);
  rows.push([`layout, ${n} units`, `${slides} slides`, ms(t), `${((t / n) * 1000).toFixed(0)} µs/unit`]);
}

// Drafting a brief from a 1 MB report (the seed report repeated).
const { readFileSync } = await import('node:fs');
const { benchmarkDraft } = await import('../dist/draft/index.js');
const seed = readFileSync(new URL('../tests/fixtures/draft/shanghai-2025-01.txt', import.meta.url), 'utf8');
const d = benchmarkDraft(seed, 1024 * 1024, 3);
rows.push([`draft, ${(d.bytes / 1024 / 1024).toFixed(2)} MB report`, '', ms(d.ms), `${(d.ms / (d.bytes / 1024 / 1024)).toFixed(0)} ms/MB`]);

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(`briefdeck bench — node ${process.version}, ${process.platform}/${process.arch}`);
for (const r of rows) console.log(r.map((v, c) => v.padEnd(widths[c])).join('  '));
const per = rows.slice(0, 3).map((r) => parseFloat(r[3]));
console.log(`growth: ${per.map((p) => p.toFixed(0)).join(' / ')} µs per unit at 100 / 1,000 / 5,000 units (flat = linear)`);
const t1000 = parseFloat(rows[1][2]);
console.log(`target: layout of 1,000 units well under 1 s — ${t1000 < 1000 ? 'met' : 'NOT met'} (${ms(t1000)})`);
console.log(`target: drafting a 1 MB report well under 1 s — ${d.ms < 1000 ? 'met' : 'NOT met'} (${ms(d.ms)})`);
