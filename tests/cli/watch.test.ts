/**
 * `build --watch` on the meeting day: the last save wins even when an earlier, slower build
 * is still running, and a theme with a mistake stays watched, so fixing it rebuilds the deck.
 * The CLI runs in-process; the decks are read back from disk.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedBrief } from '../../bench/generate.mjs';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { readDeck, slideText } from '../helpers/deck.js';

const ROOT = resolve('.');
const SAMPLE = join(ROOT, 'briefs/2025-01-shanghai-quarterly.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'briefdeck-watch-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start `build --watch`; `until` waits for the output to say something. */
function watching(argv: string[]) {
  const io = bufferIO();
  const stop = new AbortController();
  const running = run(['build', ...argv, '--watch'], io, stop.signal);
  const until = async (what: () => boolean, ms = 20_000) => {
    const t0 = Date.now();
    while (!what()) {
      if (Date.now() - t0 > ms) throw new Error(`timed out; output so far:\n${io.text()}`);
      await sleep(20);
    }
  };
  const rebuilt = () => io.stdout.filter((l) => l.startsWith('rebuilt')).length;
  const finish = async () => {
    stop.abort();
    return running;
  };
  return { io, until, rebuilt, finish };
}

const deckTitle = async (deck: string) => slideText((await readDeck(readFileSync(deck))).slides[0]!);

describe('build --watch', () => {
  it('writes the last save, even when the build of an earlier, bigger save ends after it', async () => {
    const dir = tmp();
    const brief = join(dir, 'w.yaml');
    const deck = join(dir, 'out', 'w.pptx');
    // Big enough that its build is still running when the next save comes 0.3 s later.
    const big = (title: string) => JSON.stringify({ ...generatedBrief(800), meeting: { title, date: '2025-01' } });
    writeFileSync(brief, big('大会一'));
    // How long a build of the big brief takes here, to know how late an older one could end.
    const started = Date.now();
    const w = watching([brief, '--out', join(dir, 'out')]);
    await w.until(() => w.io.stdout.some((l) => l.startsWith('watching 1 brief')));
    const took = Date.now() - started;

    writeFileSync(brief, big('大会二'));
    await sleep(300);
    writeFileSync(brief, readFileSync(SAMPLE, 'utf8').replace('title: 市委季度工作会议', 'title: 最后一次保存'));
    await w.until(() => w.rebuilt() >= 1);
    // An older build that was still running would end within about its own time: wait for it.
    const t0 = Date.now();
    await w.until(() => w.rebuilt() >= 2 || Date.now() - t0 > 2 * took + 1000, 2 * took + 10_000);

    expect(await deckTitle(deck)).toContain('最后一次保存');
    expect(w.io.stdout.filter((l) => l.startsWith('rebuilt'))).toHaveLength(1);
    expect(await w.finish()).toBe(0);
  }, 120_000);

  it('keeps watching a theme with a mistake, names it, and rebuilds once it is fixed', async () => {
    const dir = tmp();
    cpSync(join(ROOT, 'tests/fixtures/themes/team'), join(dir, 'team'), { recursive: true });
    const theme = join(dir, 'team/bureau.yaml');
    const good = readFileSync(theme, 'utf8');
    const broken = good.replace('primary: "1B4F8A"', 'primary: "blue"');
    const brief = join(dir, 'w.yaml');
    writeFileSync(brief, readFileSync(SAMPLE, 'utf8').replace('lang: zh-CN', 'lang: zh-CN\ntheme: ./team/bureau.yaml'));
    const deck = join(dir, 'out', 'w.pptx');
    const problem = `error: ${theme}:5:12: colors.primary: expected a colour as #RRGGBB or RRGGBB (six hex digits)`;

    // Broken from the start: no deck yet; fixing the theme (not the brief) builds it.
    writeFileSync(theme, broken);
    const w = watching([brief, '--out', join(dir, 'out')]);
    await w.until(() => w.io.stdout.some((l) => l.startsWith('watching 1 brief')));
    expect(w.io.stderr, w.io.text()).toContain(problem);
    writeFileSync(theme, good.replace('1B4F8A', '2A6F3C'));
    await w.until(() => w.rebuilt() === 1);
    expect((await readDeck(readFileSync(deck))).slides[2]).toContain('2A6F3C');

    // Broken while watching: the message names the theme, and the fix alone rebuilds again.
    writeFileSync(theme, broken);
    await w.until(() => w.io.stdout.some((l) => l.startsWith('watching… (')));
    expect(w.io.stderr.filter((l) => l === problem)).toHaveLength(2);
    expect(w.io.stdout).toContain(`watching… (${theme} has a problem; the previous deck is kept)`);
    writeFileSync(theme, good.replace('1B4F8A', '7A1F5C'));
    await w.until(() => w.rebuilt() === 2);
    expect((await readDeck(readFileSync(deck))).slides[2]).toContain('7A1F5C');
    expect(await w.finish()).toBe(0);
  }, 60_000);
});
