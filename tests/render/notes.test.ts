/**
 * Speaker notes of units that continue over several slides: the full text once, on the first
 * slide; each continuation slide's notes only name what it continues. Built through the CLI and
 * read back from the .pptx.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { readDeck, slideText } from '../helpers/deck.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'briefdeck-notes-'));

async function build(brief: string): Promise<{ slides: string[]; notes: string[]; notesBytes: number }> {
  const out = tmp();
  const io = bufferIO();
  expect(await run(['build', brief, '--out', out], io), io.text()).toBe(0);
  const name = brief.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  const deck = await readDeck(readFileSync(join(out, `${name}.pptx`)));
  const slides = deck.slides.map(slideText);
  // Notes parts are numbered after their slide; a slide without notes has none.
  const notes = deck.slides.map((_, i) => {
    const xml = deck.xml.get(`ppt/notesSlides/notesSlide${i + 1}.xml`);
    return xml === undefined ? '' : slideText(xml).replace(/\n?\d+$/, '');
  });
  const notesBytes = deck.notes.reduce((n, x) => n + x.length, 0);
  return { slides, notes, notesBytes };
}

describe('speaker notes of continued units', () => {
  it("carries a long unit's text once: on its first slide, the continuation slides saying what they continue", async () => {
    const { slides, notes } = await build('tests/fixtures/stress/long-unit.yaml');
    const first = slides.findIndex((s) => s.startsWith('东湖区委'));
    const continued = slides.flatMap((s, i) => (s.startsWith('东湖区委（续）') ? [i] : []));
    expect(first).toBeGreaterThan(0);
    expect(continued.length).toBeGreaterThan(0);
    expect(notes[first]).toContain('主要成绩：');
    for (const i of continued) expect(notes[i]).toBe('东湖区委（续）');
  });

  it('says "(continued)" in an English deck', async () => {
    const dir = tmp();
    const brief = join(dir, 'en.yaml');
    const long = Array.from(
      { length: 40 },
      (_, i) => `      - Achievement number ${i + 1} of the water board, told at length`,
    );
    writeFileSync(
      brief,
      `lang: en\nmeeting: { title: Meeting, date: 2025-03-15 }\nunits:\n  - name: Water Board\n    achievements:\n${long.join('\n')}\n`,
    );
    const { slides, notes } = await build(brief);
    const continued = slides.flatMap((s, i) => (s.startsWith('Water Board (continued)') ? [i] : []));
    expect(continued.length).toBeGreaterThan(0);
    expect(notes[continued[0]! - 1]).toContain('Achievement number 40');
    for (const i of continued) expect(notes[i]).toBe('Water Board (continued)');
  });

  it('keeps the notes of a huge item to about its own size, not once per slide', async () => {
    const dir = tmp();
    const brief = join(dir, 'huge.yaml');
    const item = '推进城市更新和基础设施建设，'.repeat(3000); // 42,000 characters
    writeFileSync(
      brief,
      `meeting: { title: 会议, date: 2025-03-15 }\nunits:\n  - name: 甲单位\n    achievements:\n      - ${item}\n`,
    );
    const { slides, notesBytes } = await build(brief);
    expect(slides.filter((s) => s.startsWith('甲单位（续）')).length).toBeGreaterThan(10);
    expect(notesBytes).toBeLessThan(2 * Buffer.byteLength(item));
  });
});
