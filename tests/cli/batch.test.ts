/**
 * Batch builds on worker threads, watch, and PDF/PNG export. The worker pool needs the bundled
 * CLI (npm install builds it; this test rebuilds it, which takes a second).
 */
import { isAscii } from 'node:buffer';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { readDeck } from '../helpers/deck.js';
import { hasRenderer } from '../helpers/soffice.js';

const ROOT = resolve('.');
const SAMPLE = join(ROOT, 'briefs/2025-01-shanghai-quarterly.yaml');
// Bundled beside the installed CLI (so node_modules resolves), never over it.
const BUNDLE = join(ROOT, 'dist', 'bundle-test');
const BIN = join(BUNDLE, 'briefdeck.cjs');
// The permission model's flag: --permission from Node 22.13 (the only one Node 24 knows),
// --experimental-permission before (the only one Node 20 knows).
const PERMISSION = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : '--experimental-permission';
const tmp = () => mkdtempSync(join(tmpdir(), 'briefdeck-batch-'));
const writeProbe = (dir: string, code: string) => {
  const file = join(dir, 'probe.cjs');
  writeFileSync(file, code);
  return file;
};

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, BRIEFDECK_BUNDLE_OUT: BUNDLE },
  });
}, 120_000);
// Not left in dist/, which is what the package publishes.
afterAll(() => rmSync(BUNDLE, { recursive: true, force: true }));

describe('the bundled CLI', () => {
  it('builds the same bytes as the library, starting from the code cache the install made', async () => {
    const { loadBrief } = await import('../../src/brief/load.js');
    const { buildDeck, deckDate } = await import('../../src/index.js');
    const dir = tmp();
    const r = spawnSync(process.execPath, [BIN, 'build', SAMPLE, '--out', dir], {
      encoding: 'utf8',
      env: { ...process.env, BRIEFDECK_CODE_CACHE_DEBUG: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('briefdeck code cache: used');
    // Plain ASCII, read as such; the sample's figures and quotations found by its patterns all the same.
    expect(isAscii(readFileSync(join(BUNDLE, 'app.cjs')))).toBe(true);
    const { brief } = loadBrief(SAMPLE);
    const library = await buildDeck(brief, { date: deckDate(brief) });
    // Same skeleton (made by pptxgenjs when bundling, or now), same slides, same bytes.
    expect(readFileSync(join(dir, '2025-01-shanghai-quarterly.pptx')).equals(library)).toBe(true);
  });

  it("compiles a team theme's own templates (handlebars' compiler, loaded only then) to the same deck as the library", async () => {
    const { loadBrief } = await import('../../src/brief/load.js');
    const { buildDeck, deckDate } = await import('../../src/index.js');
    const dir = tmp();
    const theme = join(ROOT, 'tests/fixtures/themes/team/bureau.yaml');
    const r = spawnSync(process.execPath, [BIN, 'build', SAMPLE, '--theme', theme, '--out', dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { brief } = loadBrief(SAMPLE);
    const library = await buildDeck(brief, { theme, themeOptions: { allowOutsideFiles: true }, date: deckDate(brief) });
    expect(readFileSync(join(dir, '2025-01-shanghai-quarterly.pptx')).equals(library)).toBe(true);
  });

  it('builds on an office template (fflate, loaded only then) the same deck as the library', async () => {
    const { loadBrief } = await import('../../src/brief/load.js');
    const { buildDeck, deckDate } = await import('../../src/index.js');
    const dir = tmp();
    const theme = join(ROOT, 'tests/fixtures/themes/office/government-red.yaml');
    const r = spawnSync(
      process.execPath,
      [BIN, 'build', SAMPLE, '--theme', theme, '--allow-outside-files', '--out', dir],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const { brief } = loadBrief(SAMPLE);
    const library = await buildDeck(brief, { theme, themeOptions: { allowOutsideFiles: true }, date: deckDate(brief) });
    expect(readFileSync(join(dir, '2025-01-shanghai-quarterly.pptx')).equals(library)).toBe(true);
  });

  it('loads no more of Node than a single build needs (threads, processes, crypto wait until asked for)', () => {
    const dir = tmp();
    // What Node loaded for the build, beyond what it loads for an empty script.
    const probe = `const before = new Set(process.moduleLoadList); process.on('exit', () => process.stderr.write('LOADED ' + process.moduleLoadList.filter((m) => !before.has(m)).join(',') + '\\n'));`;
    const r = spawnSync(process.execPath, ['--require', writeProbe(dir, probe), BIN, 'build', SAMPLE, '--out', dir], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const loaded = /LOADED (.*)/.exec(r.stderr)![1]!.split(',');
    // (yargs itself loads node:assert, which costs nothing measurable.)
    for (const heavy of ['child_process', 'worker_threads', 'crypto', 'perf_hooks'])
      expect(loaded, heavy).not.toContain(`NativeModule ${heavy}`);
    expect(loaded).toContain('NativeModule zlib'); // the deck is compressed: the probe sees what it should
  });

  it("lists no folder on the way to the root from where it is run (yargs's search for a package.json)", () => {
    const dir = tmp();
    const deep = join(dir, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    for (let i = 0; i < 50; i++) writeFileSync(join(dir, `report-${i}.docx`), '');
    const probe = `const fs = require('node:fs'); const real = fs.readdirSync; fs.readdirSync = function (p, ...rest) { process.stderr.write('LISTED ' + p + '\\n'); return real.call(this, p, ...rest); };`;
    const r = spawnSync(
      process.execPath,
      ['--require', writeProbe(dir, probe), BIN, 'build', SAMPLE, '--out', join(deep, 'out')],
      {
        cwd: deep,
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const listed = [...r.stderr.matchAll(/LISTED (.*)/g)].map((m) => resolve(m[1]!));
    expect(listed.length, 'the probe sees the listings a build makes').toBeGreaterThan(0);
    for (const up of [deep, join(dir, 'a'), dir, dirname(dir), '/']) expect(listed).not.toContain(resolve(up));
  });

  it('ignores a code cache that is damaged or made from another bundle, and builds all the same', () => {
    const dir = tmp();
    const copy = join(ROOT, 'dist', 'bundle-test-damaged');
    const debug = { ...process.env, BRIEFDECK_CODE_CACHE_DEBUG: '1' };
    try {
      cpSync(BUNDLE, copy, { recursive: true });
      // Damaged in the middle, where V8 itself would not notice (it checks only a header).
      const cache = readFileSync(join(copy, 'app.cjs.cache'));
      for (let i = cache.length >> 1; i < (cache.length >> 1) + 400; i++) cache[i] = cache[i]! ^ 0xff;
      writeFileSync(join(copy, 'app.cjs.cache'), cache);
      const r = spawnSync(process.execPath, [join(copy, 'briefdeck.cjs'), 'build', SAMPLE, '--out', dir], {
        encoding: 'utf8',
        env: debug,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('briefdeck code cache: rejected');
      const good = spawnSync(process.execPath, [BIN, 'build', SAMPLE, '--out', join(dir, 'good')], {
        encoding: 'utf8',
      });
      expect(good.status).toBe(0);
      expect(
        readFileSync(join(dir, '2025-01-shanghai-quarterly.pptx')).equals(
          readFileSync(join(dir, 'good', '2025-01-shanghai-quarterly.pptx')),
        ),
      ).toBe(true);
      // A bundle changed after the cache was made (same length, which is all V8 compares): the
      // new code runs, not the cached old one.
      cpSync(join(BUNDLE, 'app.cjs.cache'), join(copy, 'app.cjs.cache'));
      const source = readFileSync(join(copy, 'app.cjs'), 'utf8');
      expect(source).toContain('Name a command');
      writeFileSync(join(copy, 'app.cjs'), source.replace('Name a command', 'Name a COMMAND'));
      const stale = spawnSync(process.execPath, [join(copy, 'briefdeck.cjs')], { encoding: 'utf8', env: debug });
      expect(stale.stderr).toContain('briefdeck code cache: rejected');
      expect(stale.stderr).toContain('Name a COMMAND');
      // That run made a cache for the changed bundle, which the next one uses.
      expect(stale.stderr).toContain('briefdeck code cache: written');
      const next = spawnSync(process.execPath, [join(copy, 'briefdeck.cjs')], { encoding: 'utf8', env: debug });
      expect(next.stderr).toContain('briefdeck code cache: used');
      expect(next.stderr).toContain('Name a COMMAND');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('the code cache where the package is installed (it ships none)', () => {
  const DECK = '2025-01-shanghai-quarterly.pptx';
  const debug = { ...process.env, BRIEFDECK_CODE_CACHE_DEBUG: '1' };
  /** A copy of the test bundle beside it (so node_modules, themes/ and briefs/ resolve). */
  const withCopy = (name: string, test: (copy: string, out: string) => void) => {
    const copy = join(ROOT, 'dist', `bundle-test-${name}`);
    try {
      cpSync(BUNDLE, copy, { recursive: true });
      test(copy, tmp());
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  };
  const build = (copy: string, out: string, flags: string[] = []) =>
    spawnSync(process.execPath, [...flags, join(copy, 'briefdeck.cjs'), 'build', SAMPLE, '--out', out], {
      encoding: 'utf8',
      env: debug,
    });
  const sameDeck = (out: string) => {
    const good = tmp();
    expect(spawnSync(process.execPath, [BIN, 'build', SAMPLE, '--out', good]).status).toBe(0);
    expect(readFileSync(join(out, DECK)).equals(readFileSync(join(good, DECK)))).toBe(true);
  };

  it('is made by the first run, leaving no temporary file, and used from then on', () => {
    withCopy('first-run', (copy, out) => {
      rmSync(join(copy, 'app.cjs.cache'));
      const first = build(copy, out);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stderr).toContain('briefdeck code cache: none');
      expect(first.stderr).toContain('briefdeck code cache: written');
      expect(
        readdirSync(copy).filter((f) => f.includes('.cache')),
        'no temporary file left',
      ).toEqual(['app.cjs.cache']);
      sameDeck(out);
      const second = build(copy, join(out, 'second'));
      expect(second.status, second.stderr).toBe(0);
      expect(second.stderr).toContain('briefdeck code cache: used');
      expect(second.stderr).not.toContain('written');
    });
  });

  it('made by another command, is made again by the first build that starts from it, and only then', () => {
    withCopy('other-command', (copy, out) => {
      rmSync(join(copy, 'app.cjs.cache'));
      const cli = (args: string[]) =>
        spawnSync(process.execPath, [join(copy, 'briefdeck.cjs'), ...args], { encoding: 'utf8', env: debug });
      /** Whether the cache says a build made it, and the cache itself. */
      const cache = () => {
        const file = readFileSync(join(copy, 'app.cjs.cache'));
        return { byABuild: file.readUInt32LE(8) === 1, file };
      };
      // `--version` first (a new Node, say): its cache holds what a version needs, not a build.
      const version = cli(['--version']);
      expect(version.status, version.stderr).toBe(0);
      expect(version.stderr).toContain('briefdeck code cache: none');
      expect(version.stderr).toContain('briefdeck code cache: written\n');
      expect(cache().byABuild).toBe(false);
      const partial = cache().file;
      // Other commands use it as it is.
      const validate = cli(['validate', SAMPLE]);
      expect(validate.status, validate.stderr).toBe(0);
      expect(validate.stderr).toContain('briefdeck code cache: used');
      expect(validate.stderr).not.toContain('written');
      // The first build uses it too, and leaves a whole one, which is bigger.
      const first = build(copy, out);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stderr).toContain('briefdeck code cache: used');
      expect(first.stderr).toContain('briefdeck code cache: written (by a build)');
      expect(cache().byABuild).toBe(true);
      expect(cache().file.length).toBeGreaterThan(partial.length);
      sameDeck(out);
      // From then on no run writes it again, a build or not.
      const whole = cache().file;
      for (const r of [build(copy, join(out, 'again')), cli(['--version']), cli(['validate', SAMPLE])]) {
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toContain('briefdeck code cache: used');
        expect(r.stderr).not.toContain('written');
      }
      expect(cache().file.equals(whole)).toBe(true);
      // A build that fails (a brief with a mistake) builds no deck: the cache stays as it was.
      rmSync(join(copy, 'app.cjs.cache'));
      expect(cli(['--version']).status).toBe(0);
      const bad = join(tmp(), 'bad.yaml');
      writeFileSync(bad, 'meeting:\n  title: x\n');
      const failed = cli(['build', bad, '--out', out]);
      expect(failed.status).toBe(1);
      expect(failed.stderr).not.toContain('written');
      expect(cache().byABuild).toBe(false);
    });
  });

  it('is set aside when another Node made it (V8 refuses it) and made again for this one', () => {
    withCopy('other-node', (copy, out) => {
      // Another Node's V8 writes another version hash (bytes 4-7 of its payload); everything else
      // is whole, and the CRCs match: only V8 can tell.
      const { cacheFile } = createRequire(import.meta.url)(join(copy, 'load.cjs')) as {
        cacheFile: (source: Buffer, payload: Buffer, byABuild: boolean) => Buffer;
      };
      const payload = Buffer.from(readFileSync(join(copy, 'app.cjs.cache')).subarray(12));
      for (let i = 4; i < 8; i++) payload[i] = payload[i]! ^ 0xff;
      writeFileSync(join(copy, 'app.cjs.cache'), cacheFile(readFileSync(join(copy, 'app.cjs')), payload, true));
      const r = build(copy, out);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('briefdeck code cache: rejected\n');
      expect(r.stderr).toContain('briefdeck code cache: written');
      sameDeck(out);
      expect(build(copy, join(out, 'again')).stderr).toContain('briefdeck code cache: used');
    });
  });

  it('is not made where the package folder may not be written, and the run is not the worse for it', () => {
    withCopy('read-only', (copy, out) => {
      rmSync(join(copy, 'app.cjs.cache'));
      // The permission model forbids writing outside `out` (a read-only folder would not stop root).
      const r = build(copy, out, [PERMISSION, '--allow-fs-read=*', `--allow-fs-write=${out}`]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/briefdeck code cache: not written \(ERR_ACCESS_DENIED\)/);
      expect(readdirSync(copy).filter((f) => f.includes('.cache'))).toEqual([]);
      sameDeck(out);
    });
  });
});

/** A brief of n short units. */
const unitsBrief = (n: number) => {
  const units = Array.from(
    { length: n },
    (_, i) =>
      `  - name: 第${i + 1}区区委\n    achievements: [新建街区党组织${i + 2}个, 推动全区2304个小区组建业委会]\n    shortcomings: [全面从严治党]\n`,
  ).join('');
  return `lang: zh-CN\nmeeting:\n  title: 市委季度工作会议\n  date: 2025-01\n  attendees: [龚正]\nunits:\n${units}`;
};

describe('where threads are not allowed', () => {
  it("builds a folder of briefs, and a deck big enough for helper threads, in one thread under Node's permission model", async () => {
    const dir = tmp();
    for (const name of ['a', 'b']) writeFileSync(join(dir, `${name}.yaml`), unitsBrief(90));
    const out = join(dir, 'out');
    const permitted = [PERMISSION, '--allow-fs-read=*', `--allow-fs-write=${dir}`];
    const r = spawnSync(process.execPath, [...permitted, BIN, 'build', dir, '--out', out, '--jobs', '2'], {
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 decks built/);
    const deck = await readDeck(readFileSync(join(out, 'a.pptx')));
    expect(deck.slides.length).toBeGreaterThan(90);
    // 400 units: a deck whose helper threads would start before its layout.
    const big = join(dir, 'big', 'big.yaml');
    mkdirSync(dirname(big));
    writeFileSync(big, unitsBrief(400));
    const one = spawnSync(process.execPath, [...permitted, BIN, 'build', big, '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
      timeout: 60_000,
    });
    expect(one.status, one.stderr).toBe(0);
    expect((await readDeck(readFileSync(join(out, 'big.pptx')))).slides.length).toBeGreaterThan(400);
  });
});

describe('a big deck that cannot be made', () => {
  it('exits with its message at once, leaving no helper thread to hold the process', () => {
    const dir = tmp();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, unitsBrief(400));
    const r = spawnSync(process.execPath, [BIN, 'build', big, '--out', dir], {
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: 'soon' },
      timeout: 20_000,
    });
    expect(r.signal, 'still running after 20 s').toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SOURCE_DATE_EPOCH=soon is not a time briefdeck can write');
    expect(existsSync(join(dir, 'big.pptx'))).toBe(false);
  });
});

describe('batch builds', () => {
  it('starts no more threads than there are cores, whatever --jobs asks for', () => {
    const dir = tmp();
    const cores = availableParallelism();
    for (let i = 0; i < cores + 3; i++) writeFileSync(join(dir, `m${i}.yaml`), readFileSync(SAMPLE));
    // Counts the build threads the CLI starts (in the main thread: workers load the probe too).
    const probe = `const wt = require('node:worker_threads'); let n = 0; const W = wt.Worker; wt.Worker = class extends W { constructor(...a) { super(...a); n++; } }; if (wt.isMainThread) process.on('exit', () => process.stderr.write('THREADS ' + n + '\\n'));`;
    const out = join(dir, 'out');
    const r = spawnSync(
      process.execPath,
      ['--require', writeProbe(dir, probe), BIN, 'build', dir, '--out', out, '--jobs', '1000'],
      { encoding: 'utf8', env: { ...process.env, CI: '1' } },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${cores + 3} decks built in`, 'm'));
    // This thread builds too, beside a worker per other core.
    expect(Number(/THREADS (\d+)/.exec(r.stderr)![1])).toBe(cores - 1);
  });

  it('builds a folder of briefs on worker threads: a line per deck, a summary, exit 1 when one fails, the others built', () => {
    const dir = tmp();
    for (let i = 1; i <= 6; i++) writeFileSync(join(dir, `m${i}.yaml`), readFileSync(SAMPLE));
    writeFileSync(join(dir, 'broken.yaml'), 'meeting: {}\nunits: []\n');
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, [BIN, 'build', dir, '--out', out, '--jobs', '2'], {
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
    });
    expect(r.status).toBe(1);
    const decks = r.stdout.split('\n').filter((l) => /\.pptx {2}12 slides {2}\d+(\.\d)? m?s/.test(l));
    expect(decks).toHaveLength(6);
    expect(r.stdout).toMatch(/^6 decks built, 1 failed in \d/m);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: meeting\.title: missing required key "title"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out).sort()).toEqual(['m1.pptx', 'm2.pptx', 'm3.pptx', 'm4.pptx', 'm5.pptx', 'm6.pptx']);
    // Built on workers or not, the decks are the same bytes.
    const one = spawnSync(
      process.execPath,
      [BIN, 'build', join(dir, 'm1.yaml'), '--out', join(dir, 'single'), '--jobs', '1'],
      { encoding: 'utf8' },
    );
    expect(one.status).toBe(0);
    expect(readFileSync(join(dir, 'single', 'm1.pptx')).equals(readFileSync(join(out, 'm1.pptx')))).toBe(true);
  });

  it('fails only the brief a bad SVG or a bad template is in, on whichever thread it is built', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'themes'));
    for (const f of [
      'svg-pattern.yaml',
      'pattern.svg',
      'template-fails.yaml',
      'svg-tall.yaml',
      'tall.svg',
      'svg-broken.yaml',
      'broken.svg',
      'doctype.svg',
      'page.svg',
    ])
      cpSync(join(ROOT, 'tests/fixtures/bad/themes', f), join(dir, 'themes', f));
    const good = readFileSync(join(ROOT, 'tests/fixtures/bad/good.yaml'), 'utf8');
    const names = Array.from({ length: 9 }, (_, i) => `m${i + 1}`);
    for (const name of names) writeFileSync(join(dir, `${name}.yaml`), good);
    writeFileSync(join(dir, 'm3.yaml'), 'theme: ./themes/template-fails.yaml\n' + good);
    writeFileSync(join(dir, 'm5.yaml'), 'theme: ./themes/svg-tall.yaml\n' + good);
    writeFileSync(join(dir, 'm8.yaml'), 'theme: ./themes/svg-broken.yaml\n' + good);
    writeFileSync(join(dir, 'm9.yaml'), 'theme: ./themes/svg-pattern.yaml\n' + good);
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, [BIN, 'build', dir, '--out', out, '--jobs', '2'], {
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
      timeout: 60_000,
    });
    expect(r.signal, r.stderr).toBeNull();
    expect(r.status, r.stderr).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['m1', 'm2', 'm4', 'm6', 'm7'].map((n) => `${n}.pptx`));
    expect(r.stdout).toMatch(/^5 decks built, 4 failed in /m);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(6); // the broken SVG theme has three bad pictures
    expect(errors.filter((l) => l.includes('template-fails.yaml:4:11: templates.footer: {{#if}} needs'))).toHaveLength(
      1,
    );
    expect(errors.filter((l) => l.includes('tall.svg: is 1 × 1,000,000: too tall'))).toHaveLength(1);
    expect(errors.filter((l) => l.includes('svg-broken.yaml'))).toHaveLength(3);
    expect(errors.filter((l) => l.includes('pattern.svg: cannot be drawn: resvg stopped'))).toHaveLength(1);
  });

  it('builds one deck per core by default: this thread and a worker for every other core', async () => {
    const { defaultJobs } = await import('../../src/cli/pool.js');
    const { availableParallelism } = await import('node:os');
    expect(defaultJobs()).toBe(availableParallelism());
  });

  it('refuses a --jobs that is not a whole number of 1 or more, as wrong usage', async () => {
    const io = bufferIO();
    expect(await run(['build', SAMPLE, '--jobs', '0'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--jobs must be a whole number of 1 or more/);
  });
});

describe('build --watch', () => {
  it('rebuilds when the brief or its theme changes, prints problems and keeps watching', async () => {
    const dir = tmp();
    const brief = join(dir, 'w.yaml');
    cpSync(join(ROOT, 'tests/fixtures/themes/team'), join(dir, 'team'), { recursive: true });
    writeFileSync(brief, readFileSync(SAMPLE, 'utf8').replace('lang: zh-CN', 'lang: zh-CN\ntheme: ./team/bureau.yaml'));
    const out = join(dir, 'out');
    const deck = join(out, 'w.pptx');
    const io = bufferIO();
    const stop = new AbortController();
    const running = run(['build', brief, '--out', out, '--watch'], io, stop.signal);
    const until = async (what: () => boolean, ms = 10_000) => {
      const t0 = Date.now();
      while (!what()) {
        if (Date.now() - t0 > ms) throw new Error(`timed out; output so far:\n${io.text()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await until(() => io.stdout.some((l) => l.startsWith('watching 1 brief')));
    const first = statSync(deck).mtimeMs;
    const rebuilt = () => io.stdout.filter((l) => l.startsWith('rebuilt')).length;

    writeFileSync(brief, readFileSync(brief, 'utf8').replace('新建街区党组织202个', '新建街区党组织203个'));
    await until(() => rebuilt() === 1);
    expect(statSync(deck).mtimeMs).toBeGreaterThan(first);
    expect((await readDeck(readFileSync(deck))).slides[2]).toContain('203个');

    writeFileSync(
      join(dir, 'team/bureau.yaml'),
      readFileSync(join(dir, 'team/bureau.yaml'), 'utf8').replace('1B4F8A', '7A1F5C'),
    );
    await until(() => rebuilt() === 2);
    expect((await readDeck(readFileSync(deck))).slides[2]).toContain('7A1F5C');

    writeFileSync(brief, 'meeting: {}\n');
    await until(() => io.stderr.some((l) => /w\.yaml:\d+:\d+: meeting\.title: missing required key/.test(l)));
    await until(() => io.stdout.some((l) => l.includes('the previous deck is kept')));
    expect(existsSync(deck)).toBe(true);

    stop.abort();
    expect(await running).toBe(0);
  }, 60_000);
});

describe.skipIf(!hasRenderer())('--pdf and --png', () => {
  it('writes a PDF and a picture per slide beside the deck', async () => {
    const out = tmp();
    const io = bufferIO();
    expect(await run(['build', SAMPLE, '--out', out, '--pdf', '--png'], io)).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toContain('2025-01-shanghai-quarterly.pdf');
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(12);
    expect(readFileSync(join(out, '2025-01-shanghai-quarterly.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(io.stdout.join('\n')).toContain('2025-01-shanghai-quarterly-12.png');
  }, 120_000);
});

describe('--pdf without LibreOffice', () => {
  it('says how to install it, and still writes the deck', async () => {
    const out = tmp();
    const io = bufferIO();
    expect(await run(['build', SAMPLE, '--out', out, '--pdf', '--soffice', '/nonexistent/soffice'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(
      /LibreOffice \(soffice\) was not found at \/nonexistent\/soffice; install LibreOffice \(Debian\/Ubuntu: apt-get install libreoffice-impress/,
    );
  });
});

describe('--pdf of a deck whose name looks like an option', () => {
  // A stand-in for soffice that, like the real one, takes any argument starting with - for an option.
  const FAKE_SOFFICE = `#!/bin/sh
out=; file=
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) out="$2"; shift 2 ;;
    --convert-to) shift 2 ;;
    -env:*|--headless|--norestore) shift ;;
    -*) echo "unknown option $1" >&2; exit 1 ;;
    *) file="$1"; shift ;;
  esac
done
printf '%%PDF-1.4 fake\\n' > "$out/$(basename "$file" .pptx).pdf"
`;

  it.skipIf(process.platform === 'win32')(
    'hands LibreOffice a path it cannot take for an option: --version.yaml',
    async () => {
      const dir = tmp();
      writeFileSync(join(dir, '--version.yaml'), readFileSync(SAMPLE));
      const soffice = join(dir, 'soffice');
      writeFileSync(soffice, FAKE_SOFFICE, { mode: 0o755 });
      const cwd = process.cwd();
      const io = bufferIO();
      try {
        // Decks written into the current folder: the deck's path is "--version.pptx".
        process.chdir(dir);
        expect(await run(['build', '.', '--out', '.', '--pdf', '--soffice', soffice], io), io.text()).toBe(0);
      } finally {
        process.chdir(cwd);
      }
      expect(readFileSync(join(dir, '--version.pdf'), 'utf8')).toBe('%PDF-1.4 fake\n');
    },
  );
});
