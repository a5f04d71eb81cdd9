/**
 * The files around a build: a read-only deck is refused with a message, not replaced; the
 * temporary files a killed build left are cleaned up by the next build of the same deck, and
 * only those; a theme's control characters are removed with a warning, as a brief's are.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { describeFsError } from '../../src/output/write.js';
import { readDeck, slideText } from '../helpers/deck.js';

const ROOT = resolve('.');
const SAMPLE = join(ROOT, 'briefs/2025-01-shanghai-quarterly.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'briefdeck-files-'));

async function cli(...argv: string[]) {
  const io = bufferIO();
  const code = await run(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** A brief file: the sample with another meeting title. */
function brief(dir: string, title: string, name = 'x.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, readFileSync(SAMPLE, 'utf8').replace('title: 市委季度工作会议', `title: ${title}`));
  return file;
}
const coverOf = async (deck: string) => slideText((await readDeck(readFileSync(deck))).slides[0]!);

describe('a read-only deck', () => {
  it('is not replaced: the build says which file, and how to make it writable', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const deck = join(out, 'x.pptx');
    expect((await cli('build', brief(dir, '第一版'), '--out', out)).code).toBe(0);
    chmodSync(deck, 0o444);
    const before = readFileSync(deck);

    const r = await cli('build', brief(dir, '第二版'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `error: ${deck}: the file is read-only, so the deck was not replaced: make it writable (chmod u+w, or untick Read-only in its Properties) and close it in PowerPoint or WPS if it is open there`,
    );
    expect(readFileSync(deck).equals(before)).toBe(true);
    expect(readdirSync(out)).toEqual(['x.pptx']);

    chmodSync(deck, 0o644);
    expect((await cli('build', join(dir, 'x.yaml'), '--out', out)).code).toBe(0);
    expect(await coverOf(deck)).toContain('第二版');
  });
});

describe('temporary files a killed build left', () => {
  it("are removed by the next build of the same deck: a gone process's, or an old one's; never a running build's", async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    mkdirSync(out);
    // A process that has ended: its pid names no process any more.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    // A build still running: a process that is alive for the length of the test.
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const t = Date.now().toString(36);
      const put = (name: string) => writeFileSync(join(out, name), 'half a deck');
      const stale = [`.x.pptx.${gone}.${t}.tmp`, `.x.pptx.${alive.pid}.old.tmp`];
      const kept = [
        `.x.pptx.${alive.pid}.${t}.tmp`, // another build, writing right now
        `.x.pptx.${process.pid}.${t}.tmp`, // this process, another thread
        `.y.pptx.${gone}.${t}.tmp`, // another deck's
        `.x.pptx.${gone}.${t}.tmp.keep`,
        `x.pptx.${gone}.${t}.tmp`,
        `.x.pptx.${gone}.tmp`,
        `.x.pptx.pdf.${gone}.${t}.tmp`,
        'notes.tmp',
      ];
      for (const f of [...stale, ...kept]) put(f);
      // Two hours old: no write takes that long, whoever the pid is now.
      const old = new Date(Date.now() - 2 * 3600_000);
      utimesSync(join(out, stale[1]!), old, old);

      expect((await cli('build', brief(dir, '会议'), '--out', out)).code).toBe(0);
      expect(readdirSync(out).sort()).toEqual([...kept, 'x.pptx'].sort());
    } finally {
      alive.kill();
    }
  });
});

describe('control characters in a theme', () => {
  it('are removed with a warning naming file:line:column, as in a brief', async () => {
    const dir = tmp();
    cpSync(join(ROOT, 'tests/fixtures/themes/team'), join(dir, 'team'), { recursive: true });
    const theme = join(dir, 'team/bureau.yaml');
    writeFileSync(
      theme,
      readFileSync(theme, 'utf8').replace('directives: 市领导要求', 'directives: "市领导\u0007要求\u000b"'),
    );
    const file = join(dir, 'x.yaml');
    writeFileSync(file, readFileSync(SAMPLE, 'utf8').replace('lang: zh-CN', 'lang: zh-CN\ntheme: ./team/bureau.yaml'));
    const warning = `warning: ${theme}:10:24: removed 2 control characters that a deck cannot hold`;

    const r = await cli('build', file, '--out', join(dir, 'out'));
    expect(r.code).toBe(0);
    expect(r.err).toBe(warning);
    expect((await readDeck(readFileSync(join(dir, 'out/x.pptx')))).slides[2]).toContain('<a:t>市领导要求</a:t>');

    const v = await cli('validate', file);
    expect(v.code).toBe(0);
    expect(v.err).toBe(warning);
  });
});

describe('a full disk', () => {
  it('says which file was left as it was: the PDF, not the deck', () => {
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    expect(describeFsError(full, { what: 'the PDF', existed: true })).toBe(
      'the disk is full; the previous PDF was left as it was',
    );
    expect(describeFsError(full, { what: 'the deck', existed: true })).toBe(
      'the disk is full; the previous deck was left as it was',
    );
    expect(describeFsError(full, { what: 'the deck', existed: false })).toBe('the disk is full');
  });
});
