#!/usr/bin/env node
// briefdeck benchmarks (npm run bench). Machines here are shared and noisy: every comparison is
// measured side by side in one run — alternating runs, medians — and reported as the median of
// the ratios of each back-to-back pair.
//   BENCH_RUNS=7 npm run bench     more runs per figure (default 5)
//   BENCH_QUICK=1 npm run bench    skip the 5,000-unit build
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { generatedBrief } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'briefdeck-bench-'));
const CLI = join(ROOT, 'dist/bundle/briefdeck.cjs');
const BARE = join(ROOT, 'bench/bare.mjs');
const SAMPLE = join(ROOT, 'briefs/2025-01-shanghai-quarterly.yaml');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);

/** One cold process: wall time as the parent sees it, peak RSS as the child reports it. */
function once(script, args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/measure.mjs'), script, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${r.stderr}`);
  const m = /BENCH (\{.*\})/.exec(r.stderr);
  return { ms: wall, rssMB: m ? JSON.parse(m[1]).rssMB : NaN, out: r.stdout };
}

/** Alternate A and B `runs` times: medians of each, and the median of the ratios of each pair
 * (run back to back, a pair sees the same load on a shared machine, so its ratio drifts less
 * than either time). */
function sideBySide(a, b, runs = RUNS) {
  const A = [];
  const B = [];
  for (let i = 0; i < runs; i++) {
    A.push(once(...a));
    B.push(once(...b));
  }
  const ratio = median(A.map((x, i) => x.ms / B[i].ms));
  return {
    a: { ms: median(A.map((x) => x.ms)), rssMB: Math.max(...A.map((x) => x.rssMB)), out: A[0].out },
    b: { ms: median(B.map((x) => x.ms)), rssMB: Math.max(...B.map((x) => x.rssMB)) },
    ratio,
  };
}

function briefFile(units) {
  const file = join(work, `units-${units}.yaml`);
  writeFileSync(file, stringify(generatedBrief(units), { aliasDuplicateObjects: false }));
  return file;
}
const slidesOf = (out) => Number(/(\d+) slides/.exec(out)?.[1]);
const rows = [['what', 'briefdeck', 'bare pptxgenjs', 'ratio', 'peak RSS', 'target']];
const verdicts = [];
const row = (what, a, b, target, ok, ratio) => {
  rows.push([
    what,
    ms(a.ms),
    b ? ms(b.ms) : '',
    ratio !== undefined ? `${ratio.toFixed(2)}×` : '',
    `${a.rssMB} MB`,
    `${target} ${ok ? '✓' : '✗'}`,
  ]);
  verdicts.push(ok);
};

console.log(
  `briefdeck bench — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, ${RUNS} runs each`,
);
const node0 = median(Array.from({ length: RUNS }, () => once(join(ROOT, 'bench/empty.mjs'), []).ms));
rows.push(['node start-up alone', ms(node0), '', '', '', '']);
const version = median(Array.from({ length: RUNS }, () => once(CLI, ['--version']).ms));
rows.push(['briefdeck --version (start-up)', ms(version), '', '', '', '']);

// 1. The sample, cold: what a secretary runs.
const out = join(work, 'out');
mkdirSync(out, { recursive: true });
const sample = sideBySide(
  [CLI, ['build', SAMPLE, '--out', out, '--jobs', '1']],
  [BARE, ['12', join(work, 'bare.pptx')]],
);
row('sample brief, cold build (12 slides)', sample.a, sample.b, '≤ 1.0×', sample.ratio <= 1, sample.ratio);

// 2. Growth: 100 / 1,000 / 5,000 units against the bare script with the same slide count.
const sizes = process.env.BENCH_QUICK ? [100, 1000] : [100, 1000, 5000];
const per = [];
for (const units of sizes) {
  const file = briefFile(units);
  const first = once(CLI, ['build', file, '--out', out, '--jobs', '1']);
  const slides = slidesOf(first.out);
  const r = sideBySide(
    [CLI, ['build', file, '--out', out, '--jobs', '1']],
    [BARE, [String(slides), join(work, 'bare.pptx')]],
    units >= 5000 ? Math.min(RUNS, 3) : RUNS,
  );
  per.push(r.a.ms / units);
  if (units === 1000)
    row(`1,000 units (${slides} slides)`, r.a, r.b, '≤ 1.2×, ≤ 400 MB', r.ratio <= 1.2 && r.a.rssMB <= 400, r.ratio);
  else row(`${units.toLocaleString('en')} units (${slides} slides)`, r.a, r.b, '', true, r.ratio);
}

// 3. Layout alone and drafting alone, in this process, cold caches.
const { normaliseBrief } = await import('../dist/brief/load.js');
const { planDeck } = await import('../dist/layout/deck.js');
const { clearMeasureCaches } = await import('../dist/layout/linebreak.js');
const { defaultTheme } = await import('../dist/theme/builtin.js');
const theme = defaultTheme('zh-CN');
const big = normaliseBrief(generatedBrief(1000));
const layout = median(
  Array.from({ length: RUNS }, () => {
    clearMeasureCaches();
    const t0 = performance.now();
    planDeck(big, theme);
    return performance.now() - t0;
  }),
);
rows.push(['layout alone, 1,000 units', ms(layout), '', '', '', `< 1 s ${layout < 1000 ? '✓' : '✗'}`]);
verdicts.push(layout < 1000);
// 4. The meeting day: `build --watch` running, the brief saved; time from the save to the
// line saying the new deck is written (the watcher's own settle time included).
const watched = join(work, 'watch.yaml');
const sampleText = readFileSync(SAMPLE, 'utf8');
writeFileSync(watched, sampleText);
const watcher = spawn(process.execPath, [CLI, 'build', watched, '--out', out, '--watch'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
let seen = '';
const nextLine = (re) =>
  new Promise((resolveLine, rejectLine) => {
    const timer = setTimeout(() => rejectLine(new Error(`watch: no line matching ${re} in 10 s:\n${seen}`)), 10_000);
    const check = () => {
      const m = re.exec(seen);
      if (!m) return;
      seen = seen.slice(m.index + m[0].length);
      clearTimeout(timer);
      watcher.stdout.off('data', onData);
      resolveLine(m);
    };
    const onData = (d) => {
      seen += d;
      check();
    };
    watcher.stdout.on('data', onData);
    check();
  });
await nextLine(/watching/);
const rebuilds = [];
for (let i = 0; i < RUNS; i++) {
  await new Promise((r) => setTimeout(r, 300));
  const t0 = performance.now();
  writeFileSync(watched, `${sampleText}\n# edit ${i}\n`);
  await nextLine(/rebuilt .*watching/);
  rebuilds.push(performance.now() - t0);
}
watcher.kill();
const watchMs = median(rebuilds);
rows.push(['watch: brief saved → new deck written', ms(watchMs), '', '', '', `< 200 ms ${watchMs < 200 ? '✓' : '✗'}`]);
verdicts.push(watchMs < 200);

const { benchmarkDraft } = await import('../dist/draft/bench.js');
const seed = readFileSync(join(ROOT, 'tests/fixtures/draft/shanghai-2025-01.txt'), 'utf8');
const draft = benchmarkDraft(seed, 1024 * 1024, RUNS);
rows.push([
  `draft alone, ${(draft.bytes / 1024 / 1024).toFixed(1)} MB report`,
  ms(draft.ms),
  '',
  '',
  '',
  `< 1 s ${draft.ms < 1000 ? '✓' : '✗'}`,
]);
verdicts.push(draft.ms < 1000);

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
for (const [i, r] of rows.entries()) {
  console.log('| ' + r.map((v, c) => String(v).padEnd(widths[c])).join(' | ') + ' |');
  if (i === 0) console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
}
console.log(
  `\nbuild time per unit at ${sizes.map((s) => s.toLocaleString('en')).join(' / ')} units: ${per.map((p) => `${p.toFixed(2)} ms`).join(' / ')} (flat = linear)`,
);
console.log(verdicts.every(Boolean) ? 'every target met' : 'some targets NOT met (✗)');
