/**
 * --pdf and --png after a deck is rebuilt: the pictures of slides the deck no longer has are
 * removed (only this deck's own `x-NN.png`), and a PDF that cannot be written is reported as
 * the PDF's problem, the new deck being written all the same. Runs LibreOffice and poppler.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { readDeck, slideText } from '../helpers/deck.js';
import { hasRenderer } from '../helpers/soffice.js';

const SAMPLE = resolve('briefs/2025-01-shanghai-quarterly.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'briefdeck-export-'));
const hasPdftoppm = spawnSync('sh', ['-c', 'command -v pdftoppm']).status === 0;

async function cli(...argv: string[]) {
  const io = bufferIO();
  const code = await run(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** The sample brief with its first `units` units (all by default) and another title. */
function brief(file: string, title: string, units?: number): void {
  const data = parse(readFileSync(SAMPLE, 'utf8')) as { meeting: { title: string }; units: unknown[] };
  data.meeting.title = title;
  if (units !== undefined) data.units = data.units.slice(0, units);
  writeFileSync(file, stringify(data));
}

describe.skipIf(!hasRenderer() || !hasPdftoppm)('--png after a rebuild with fewer slides', () => {
  it("removes the old deck's extra pictures, and nothing but this deck's own x-NN.png", async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const file = join(dir, 'x.yaml');
    brief(file, '会议');
    expect((await cli('build', file, '--out', out, '--png')).code).toBe(0);
    const pictures = (n: number) => Array.from({ length: n }, (_, i) => `x-${String(i + 1).padStart(2, '0')}.png`);
    expect(readdirSync(out).sort()).toEqual([...pictures(12), 'x.pptx']);
    // Another deck's pictures, a user's files, and a picture of an old 100-slide deck.
    const others = ['x-1.png', 'x-notes.png', 'x-05.png.bak', 'x-05-01.png', 'xx-05.png', 'y-05.png', 'x.png'];
    for (const f of [...others, 'x-100.png']) writeFileSync(join(out, f), 'not a slide');
    mkdirSync(join(out, 'x-50.png'));

    brief(file, '会议', 2); // 7 slides
    const r = await cli('build', file, '--out', out, '--png');
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...pictures(7), ...others, 'x-50.png', 'x.pptx'].sort());
  }, 180_000);
});

describe.skipIf(!hasRenderer())('--pdf when the PDF cannot be written', () => {
  it('names the PDF, not the deck, and says the new deck was written', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const file = join(dir, 'x.yaml');
    const deck = join(out, 'x.pptx');
    const pdf = join(out, 'x.pdf');
    brief(file, '第一版');
    expect((await cli('build', file, '--out', out, '--pdf')).code).toBe(0);
    const before = readFileSync(pdf);

    chmodSync(pdf, 0o444);
    brief(file, '第二版');
    let r = await cli('build', file, '--out', out, '--pdf');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `error: ${pdf}: the file is read-only, so the PDF was not replaced: make it writable (chmod u+w, or untick Read-only in its Properties)`,
    );
    expect(r.out).toMatch(new RegExp(`^${deck.replace(/[.]/g, '\\.')}  12 slides  `));
    expect(slideText((await readDeck(readFileSync(deck))).slides[0]!)).toContain('第二版');
    expect(readFileSync(pdf).equals(before)).toBe(true);

    chmodSync(pdf, 0o644);
    rmSync(pdf);
    mkdirSync(pdf);
    r = await cli('build', file, '--out', out, '--pdf');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`error: ${pdf}: cannot write the PDF: a folder has this name; rename or remove the folder`);
    expect(r.out).toMatch(/x\.pptx {2}12 slides/);
  }, 180_000);
});

describe.skipIf(!hasRenderer() || !hasPdftoppm)('themes preview --pdf --png', () => {
  it('writes the preview deck, its PDF and a picture per slide, as build does', async () => {
    const out = join(tmp(), 'out');
    const r = await cli('themes', 'preview', 'government-red', '--out', out, '--pdf', '--png');
    expect(r.code, r.err).toBe(0);
    const slides = (await readDeck(readFileSync(join(out, 'theme-government-red.pptx')))).slides.length;
    const files = readdirSync(out).sort();
    expect(files).toContain('theme-government-red.pdf');
    expect(files.filter((f) => /^theme-government-red-\d{2}\.png$/.test(f))).toHaveLength(slides);
    expect(r.out).toContain(`  ${join(out, 'theme-government-red.pdf')}`);
  });
});
