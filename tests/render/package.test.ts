/**
 * The package writer: the same bytes whichever way parts are compressed, a zip every reader
 * opens, and the parts pptxgenjs gives us (the skeleton) whole and well-formed.
 */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { generatedBrief } from '../../bench/generate.mjs';
import { loadBrief, parseBrief } from '../../src/brief/load.js';
import { buildDeckWithPlan } from '../../src/index.js';
import { inlineCompressor, threadCompressor, THREAD_FROM_SLIDES } from '../../src/render/deflate.js';
import { renderDeck } from '../../src/render/pptx.js';
import { skeleton as deckSkeleton } from '../../src/render/skeleton.js';
import { esc } from '../../src/render/xml.js';
import { isWellFormed, readDeck } from '../helpers/deck.js';

const parts = Array.from({ length: 300 }, (_, i) => ({
  data:
    i % 7 === 0
      ? new Uint8Array(Array.from({ length: 1000 + i }, (_, k) => (k * 31 + i) & 0xff))
      : `<a:t>第${i}项 ${'重点工作'.repeat(i % 50)} &amp; ${'x'.repeat(i * 13)}</a:t>`,
  compress: i % 5 !== 0,
}));
// Text beyond the BMP, and a part of several megabytes: bigger than a batch is made for.
parts.splice(150, 0, { data: `<a:t>𠮷野家 👨‍👩‍👧 ${'汇报'.repeat(700_000)}</a:t>`, compress: true });
parts.splice(151, 0, { data: `<a:t>${'𠮷'.repeat(300_000)}</a:t>`, compress: false });

describe('compressing parts', () => {
  it('gives the same entries on a helper thread as in this thread, each inflating back to its part', async () => {
    const here = inlineCompressor();
    const there = threadCompressor();
    try {
      const a = await Promise.all(parts.map((p) => here.encode(p)));
      const pending = parts.map((p) => there.encode(p));
      there.flush();
      const b = await Promise.all(pending);
      for (const [i, p] of parts.entries()) {
        expect(b[i]!.crc).toBe(a[i]!.crc);
        expect(b[i]!.size).toBe(a[i]!.size);
        expect(b[i]!.method).toBe(p.compress ? 8 : 0);
        expect(Buffer.from(b[i]!.body).equals(Buffer.from(a[i]!.body))).toBe(true);
        const original = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data);
        expect((p.compress ? inflateRawSync(b[i]!.body) : Buffer.from(b[i]!.body)).equals(original)).toBe(true);
      }
    } finally {
      await there.close();
    }
  });

  it('gives the same bytes as in this thread for parts of every size, one after another on one helper', async () => {
    // Real slides and notes, in order and backwards; big parts; bytes that do not compress;
    // and nothing at all: what one part leaves behind on a helper must not change the next.
    const { brief } = loadBrief('tests/fixtures/stress/many-units.yaml');
    const deck = await readDeck((await buildDeckWithPlan(brief)).bytes);
    const real = [...deck.xml]
      .filter(([name]) => /^ppt\/(slides|notesSlides)\/\w+\.xml$/.test(name))
      .map(([, xml]) => xml);
    expect(real.length).toBeGreaterThan(80);
    let seed = 7;
    const random = (n: number) =>
      Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 23);
    const long = (n: number) => real.join('').slice(0, n);
    const mixed = [
      ...[...real, ...[...real].reverse()].map((data) => ({ data, compress: true })),
      ...[48 * 1024 - 300, 48 * 1024, 48 * 1024 + 1, 300_000].map((n) => ({ data: long(n), compress: true })),
      { data: random(200_000), compress: true },
      { data: random(3_000_000), compress: true },
      { data: real[0]!.slice(0, 10), compress: true },
      { data: '', compress: true },
      { data: new Uint8Array(0), compress: true },
    ];
    const here = inlineCompressor();
    const there = threadCompressor();
    try {
      const a = await Promise.all(mixed.map((p) => here.encode(p)));
      const pending = mixed.map((p) => there.encode(p));
      there.flush();
      const b = await Promise.all(pending);
      for (const [i, p] of mixed.entries()) {
        expect(Buffer.from(b[i]!.body).equals(Buffer.from(a[i]!.body)), `part ${i}`).toBe(true);
        const original = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data);
        expect(inflateRawSync(b[i]!.body).equals(original)).toBe(true);
      }
    } finally {
      await there.close();
    }
  });

  it('builds a deck with helpers started before the layout to the same bytes as in one thread', async () => {
    const { brief } = parseBrief(stringify(generatedBrief(120), { aliasDuplicateObjects: false }));
    const date = new Date(Date.UTC(2025, 0, 6));
    const { plan, bytes } = await buildDeckWithPlan(brief, { date, helperThread: true });
    expect(plan.slides.length).toBeGreaterThan(120);
    expect((await renderDeck(plan, { date, helperThread: false })).equals(bytes)).toBe(true);
  });

  it('lets go of a compressor handed to it when the deck cannot be made (a picture gone since the theme was read)', async () => {
    const { brief } = loadBrief('briefs/2025-01-shanghai-quarterly.yaml');
    const { plan } = await buildDeckWithPlan(brief);
    plan.slides[0]!.shapes.push({
      kind: 'image',
      path: '/nonexistent/briefdeck/logo.png',
      alt: 'logo',
      x: 1,
      y: 1,
      w: 1,
      h: 1,
    });
    const helpers = threadCompressor();
    let closed = 0;
    const watched = { ...helpers, close: () => (closed++, helpers.close()) };
    await expect(renderDeck(plan, { compressor: watched })).rejects.toThrow(/logo\.png: no such file/);
    expect(closed).toBe(1);
  });

  it('builds a big deck to the same bytes with and without the helper thread', async () => {
    const { brief } = loadBrief('tests/fixtures/stress/many-units.yaml');
    const { plan, bytes } = await buildDeckWithPlan(brief, { date: new Date(Date.UTC(2025, 0, 6)) });
    const other = await renderDeck(plan, {
      date: new Date(Date.UTC(2025, 0, 6)),
      helperThread: plan.slides.length < THREAD_FROM_SLIDES,
    });
    expect(other.equals(bytes)).toBe(true);
    const deck = await readDeck(other);
    expect(deck.slides).toHaveLength(plan.slides.length);
  });
});

describe("pptxgenjs's skeleton", () => {
  it('has the theme, masters and layout, every part well-formed, and nothing a deck writes itself', () => {
    const skeleton = deckSkeleton();
    for (const part of [
      'ppt/presentation.xml',
      'ppt/theme/theme1.xml',
      'ppt/slideMasters/slideMaster1.xml',
      'ppt/slideLayouts/slideLayout1.xml',
      'ppt/notesMasters/notesMaster1.xml',
    ])
      expect([...skeleton.keys()]).toContain(part);
    for (const [name, xml] of skeleton) expect(isWellFormed(xml as string), name).toBe(true);
    expect(
      [...skeleton.keys()].filter((k) => /slides\/|notesSlides\/|media\/|docProps\/|Content_Types/.test(k)),
    ).toEqual([]);
  });
});

describe('escaping', () => {
  it('escapes markup once and drops what XML cannot hold, keeping emoji', () => {
    expect(esc(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d &quot;e&quot; 'f'`);
    expect(esc('&amp;')).toBe('&amp;amp;');
    expect(esc('x\u0001y\uFFFEz\uD800w😀')).toBe('xyzw😀');
    expect(esc('纯文本')).toBe('纯文本');
  });
});

describe('the presentation part', () => {
  it('lists master, notes master and slides in the order the schema requires, at PowerPoint’s widescreen size', async () => {
    const { brief } = loadBrief('briefs/2025-01-shanghai-quarterly.yaml');
    const deck = await readDeck((await buildDeckWithPlan(brief)).bytes);
    const xml = deck.xml.get('ppt/presentation.xml')!;
    const at = (tag: string) => xml.indexOf(`<p:${tag}`);
    expect(at('sldMasterIdLst')).toBeGreaterThan(0);
    expect(at('sldMasterIdLst')).toBeLessThan(at('notesMasterIdLst'));
    expect(at('notesMasterIdLst')).toBeLessThan(at('sldIdLst'));
    expect(at('sldIdLst')).toBeLessThan(at('sldSz'));
    expect(xml).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
    expect(xml.match(/<p:sldId /g)).toHaveLength(12);
  });
});
