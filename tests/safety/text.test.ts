/**
 * Issue 6, item 2: text is text. A brief full of characters that XML, slide programs or the
 * layout might mangle is built by the CLI; the deck is read back from the .pptx, and
 * - `& < > " '`, emoji (ZWJ sequences, flags, skin tones, keycaps), combining marks,
 *   right-to-left text and a 5,000-character line come out exactly as written;
 * - characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/U+FFFF), whether written
 *   raw or as YAML escapes, are removed, with one warning per scalar naming file:line:column;
 * - every XML part of the package is well-formed and holds none of them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { isWellFormed, paragraphsOf, readDeck, slideText, type DeckParts } from '../helpers/deck.js';
import { xmlForbidden } from '../../src/xml-chars.js';

// Text that must come out exactly as written.
const SPECIAL = `R&D <Q1> > "quoted" & 'single'`;
const MARKUP = `<script>alert("x")</script> ]]> <!-- --> &amp; &#x41; &lt;`;
const EMOJI = '家庭👨‍👩‍👧‍👦 程序员👩🏽‍💻 彩虹旗🏳️‍🌈 国旗🇨🇳🇺🇳🇪🇺 键帽1️⃣ 点赞👍🏽 庆祝🎉';
const COMBINING =
  'Tie\u0302\u0301ng Vie\u0323\u0302t, Zoe\u0308, man\u0303ana, क्षत्रिय, ก้ำ, \u1112\u1161\u11AB\u1100\u116E\u11A8, Z\u0324\u0308';
const HEBREW = 'שלום עולם: הושלמו 202 יחידות';
const ARABIC = 'مرحبا بالعالم، تم إنجاز ٢٠٢ وحدة';
const MIXED_RTL = 'Phase 2 — المرحلة الثانية — שלב 2 (done) 第二阶段';
const PAIR = 'escaped pair \u{1F600} ok';
const LONG = Array.from({ length: 300 }, (_, i) => `第${i}项 Item-${i} ok；`)
  .join('')
  .slice(0, 4990)
  .padEnd(5000, '。');

interface Forbidden {
  /** The YAML line, verbatim (raw characters in it are written to the file as they are). */
  line: string;
  /** Column of the scalar on that line (1-based), where the warning must point. */
  column: number;
  removed: number;
  /** The text once the forbidden characters are gone. */
  clean: string;
}

// Characters XML 1.0 forbids, one scalar per line: as YAML escapes, and raw in the file.
const F = {
  escC0: { line: '      - "before\\u0001after"', column: 9, removed: 1, clean: 'beforeafter' },
  escVt: { line: '      - "vertical\\vtab\\x0Bend"', column: 9, removed: 2, clean: 'verticaltabend' },
  escLoneHigh: { line: '      - "lone\\ud800high"', column: 9, removed: 1, clean: 'lonehigh' },
  escLoneLow: { line: '      - "lone\\udfffLow"', column: 9, removed: 1, clean: 'loneLow' },
  escNonchars: { line: '      - "non\\uFFFEchar\\uFFFF"', column: 9, removed: 2, clean: 'nonchar' },
  rawC0: { line: '      - raw\u0007bell\u001Fend', column: 9, removed: 2, clean: 'rawbellend' },
  rawNonchars: { line: '      - raw\uFFFEnon\uFFFFchar', column: 9, removed: 2, clean: 'rawnonchar' },
  unitName: { line: '  - name: "单位\\u0002名称"', column: 11, removed: 1, clean: '单位名称' },
  by: { line: '      - { text: 着力维护社会稳定, by: "龚正\\b" }', column: 31, removed: 1, clean: '龚正' },
  attendee: { line: '    - "李\\f明"', column: 7, removed: 1, clean: '李明' },
  point: { line: '      - "要点\\u001B[31m一"', column: 9, removed: 1, clean: '要点[31m一' },
} satisfies Record<string, Forbidden>;

const q = (s: string) => JSON.stringify(s);

const LINES = [
  'lang: zh-CN',
  'meeting:',
  `  title: ${q(SPECIAL)}`,
  `  subtitle: ${q(HEBREW)}`,
  `  organizer: ${q(ARABIC)}`,
  `  location: ${q(MIXED_RTL)}`,
  '  date: 2025-01-06',
  `  chair: { name: ${q('Zoë 🇫🇷')}, role: ${q('主席 & "CEO"')} }`,
  `  summary: ${q(COMBINING)}`,
  '  attendees:',
  '    - 王建国',
  `    - ${q('👩🏽‍💻 Ada')}`,
  '    - דוד',
  F.attendee.line,
  'units:',
  `  - name: ${q(`R&D <Lab> "A" 'B'`)}`,
  '    achievements:',
  `      - ${q(SPECIAL)}`,
  `      - ${q(EMOJI)}`,
  `      - ${q(COMBINING)}`,
  `      - ${q(HEBREW)}`,
  `      - ${q(ARABIC)}`,
  `      - ${q(MIXED_RTL)}`,
  '      - "escaped pair \\ud83d\\ude00 ok"',
  '    shortcomings:',
  `      - ${q(MARKUP)}`,
  '    directives:',
  `      - { text: ${q('“引号” & <b>粗体</b>')}, by: ${q("O'Brien")} }`,
  '  - name: 长句',
  '    achievements:',
  `      - ${LONG}`,
  F.unitName.line,
  '    achievements:',
  F.escC0.line,
  F.escVt.line,
  F.escLoneHigh.line,
  F.escLoneLow.line,
  F.escNonchars.line,
  F.rawC0.line,
  F.rawNonchars.line,
  '    directives:',
  F.by.line,
  'directives:',
  `  - speaker: ${q('حسن')}`,
  `    role: ${q('Mayor & "Chief"')}`,
  `    topic: ${q('🎯 目标 <2025>')}`,
  '    points:',
  `      - ${q(EMOJI)}`,
  F.point.line,
];

describe('text is text: a hostile brief, built, read back from the .pptx', () => {
  let file: string;
  let code: number;
  let stderr: string[];
  let deck: DeckParts;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-text-'));
    file = join(dir, 'text.yaml');
    writeFileSync(file, LINES.join('\n') + '\n');
    const io = bufferIO();
    code = await run(['build', file, '--out', join(dir, 'out')], io);
    stderr = io.stderr;
    deck = await readDeck(readFileSync(join(dir, 'out', 'text.pptx')));
  });

  const allText = () => deck.slides.map((x) => paragraphsOf(x).join('\n')).join('\n');

  it('builds (exit 0), warning once per scalar that had forbidden characters, at its file:line:column', () => {
    expect(code, stderr.join('\n')).toBe(0);
    const expected = Object.values(F as Record<string, Forbidden>)
      .map((f) => ({ ...f, lineNo: LINES.indexOf(f.line) + 1 }))
      .sort((a, b) => a.lineNo - b.lineNo)
      .map(
        (f) =>
          `warning: ${file}:${f.lineNo}:${f.column}: removed ${f.removed} control character${f.removed > 1 ? 's' : ''} that a deck cannot hold`,
      );
    expect(stderr).toEqual(expected);
    expect(stderr.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('has every XML part well-formed, with no character XML 1.0 forbids and no replacement character', () => {
    const forbidden = new RegExp(`${xmlForbidden().source}|\uFFFD`);
    for (const [name, xml] of deck.xml) {
      expect(isWellFormed(xml), name).toBe(true);
      const m = forbidden.exec(xml);
      expect(m && `U+${m[0].codePointAt(0)!.toString(16).toUpperCase()} at ${m.index}`, name).toBe(null);
    }
  });

  it('has at most one <a:pPr> in a paragraph, as its first child (two make PowerPoint offer a repair)', () => {
    const bad: string[] = [];
    deck.slides.forEach((xml, i) => {
      for (const p of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) {
        const n = (p.match(/<a:pPr[\s>/]/g) ?? []).length;
        if (n > 1 || (n === 1 && !p.startsWith('<a:p><a:pPr'))) bad.push(`slide ${i + 1}: ${paragraphsOf(p).join('')}`);
      }
    });
    expect(bad).toEqual([]);
  });

  it('keeps & < > " \' and markup-looking text exactly, escaped once', () => {
    expect(paragraphsOf(deck.slides[0]!)).toContain(SPECIAL); // the cover title
    const unit = paragraphsOf(deck.slides[2]!);
    expect(unit[0]).toBe(`R&D <Lab> "A" 'B'`);
    expect(unit).toContain(SPECIAL);
    expect(unit).toContain(MARKUP);
    expect(unit).toContain("“引号” & <b>粗体</b>（O'Brien）");
    // Escaped exactly once: a literal "&amp;" in the brief is "&amp;amp;" in the XML.
    expect(deck.slides[2]).toContain(`R&amp;D &lt;Lab&gt; &quot;A&quot; 'B'`); // an apostrophe needs no escaping in text
    expect(deck.slides[2]).toContain('&amp;amp; &amp;#x41; &amp;lt;');
    expect(deck.slides[2]).not.toContain('<script>');
    expect(deck.slides[2]).not.toContain('<b>');
    // The footer carries the title too.
    expect(slideText(deck.slides[1]!)).toContain(SPECIAL);
  });

  it('keeps emoji (ZWJ families, flags, skin tones, keycaps) and escaped surrogate pairs whole', () => {
    const unit = paragraphsOf(deck.slides[2]!);
    expect(unit).toContain(EMOJI);
    expect(unit).toContain(PAIR);
    expect(paragraphsOf(deck.slides[0]!).join('\n')).toContain('Zoë 🇫🇷');
    expect(allText()).toContain('👩🏽‍💻 Ada');
  });

  it('never starts a new run (a change of colour or weight) inside a character: a keycap, flag or ZWJ emoji, or a letter with its marks', () => {
    const seg = new Intl.Segmenter('und', { granularity: 'grapheme' });
    const split: string[] = [];
    for (const xml of deck.slides) {
      for (const p of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) {
        // Each run's text, decoded (paragraphsOf on a one-run paragraph).
        const runs = [...p.matchAll(/<a:t>[\s\S]*?<\/a:t>/g)].map((m) => paragraphsOf(`<a:p>${m[0]}</a:p>`)[0] ?? '');
        const text = runs.join('');
        const bounds = new Set([...seg.segment(text)].map((g) => g.index));
        let at = 0;
        for (const r of runs.slice(0, -1)) {
          at += r.length;
          if (!bounds.has(at))
            split.push(`${[...text.slice(0, at)].slice(-4).join('')} | ${[...text.slice(at)].slice(0, 4).join('')}`);
        }
      }
    }
    expect(split).toEqual([]);
  });

  it('keeps combining marks and right-to-left text exactly (no normalisation, no reordering)', () => {
    const unit = paragraphsOf(deck.slides[2]!);
    for (const s of [COMBINING, HEBREW, ARABIC, MIXED_RTL]) expect(unit, s).toContain(s);
    const cover = slideText(deck.slides[0]!);
    for (const s of [HEBREW, ARABIC, MIXED_RTL]) expect(cover, s).toContain(s);
    expect(slideText(deck.slides[1]!)).toContain(COMBINING); // the overview's summary
    expect(allText()).toContain('حسن');
  });

  it('keeps a 5,000-character line whole, over as many slides as it takes', () => {
    expect([...LONG].length).toBe(5000);
    const footer = `${SPECIAL} · 2025年1月6日`;
    const slides = deck.slides.map((x) => paragraphsOf(x)).filter((p) => p[0] === '长句' || p[0] === '长句（续）');
    expect(slides.length).toBeGreaterThan(1);
    const body = slides.flatMap((p) =>
      // The label on every slide: 主要成绩, then 主要成绩（续） where it continues.
      p.slice(1).filter((t) => !/^主要成绩(（续）)?$/.test(t) && t !== footer && !/^\d+ \/ \d+$/.test(t)),
    );
    expect(body.join('')).toBe(LONG);
  });

  it('removes only the forbidden characters, keeping the text around them', () => {
    const text = allText();
    for (const f of Object.values(F as Record<string, Forbidden>)) expect(text, f.line).toContain(f.clean);
    expect(text).toContain('着力维护社会稳定（龚正）');
    const unit = deck.slides.map((x) => paragraphsOf(x)).find((p) => p[0] === '单位名称');
    expect(unit, 'the slide of unit 单位名称').toBeDefined();
    for (const f of [F.escC0, F.escVt, F.escLoneHigh, F.escLoneLow, F.escNonchars, F.rawC0, F.rawNonchars])
      expect(unit, f.line).toContain(f.clean);
  });

  it('puts the same clean text in the speaker notes', () => {
    const notes = deck.notes.map((x) => slideText(x)).join('\n');
    for (const s of [SPECIAL, EMOJI, COMBINING, HEBREW, ARABIC, MIXED_RTL, MARKUP]) expect(notes, s).toContain(s);
    for (const f of [F.escC0, F.rawNonchars]) expect(notes, f.line).toContain(f.clean);
  });
});

describe('text is text wherever it falls in a part', () => {
  // The .pptx writer encodes each part to UTF-8 in 16 KiB pieces; an emoji or a CJK Extension B
  // character (two UTF-16 code units) must not be cut in two where a piece ends. The same notes,
  // shifted by one code unit, put a character across any such boundary in one of the two.
  it('keeps every astral character (emoji, 𠮷) whole in a long part', async () => {
    const a = '😀'.repeat(9000);
    const b = 'x' + '𠮷'.repeat(9000);
    const dir = mkdtempSync(join(tmpdir(), 'briefdeck-text-'));
    const file = join(dir, 'astral.yaml');
    writeFileSync(
      file,
      [
        'meeting:',
        '  title: 会议',
        '  date: 2025-01',
        'units:',
        '  - name: 甲',
        '    achievements: [一]',
        `    notes: ${a}`,
        '  - name: 乙',
        '    achievements: [二]',
        `    notes: ${b}`,
        '',
      ].join('\n'),
    );
    const io = bufferIO();
    expect(await run(['build', file, '--out', join(dir, 'out')], io), io.text()).toBe(0);
    const deck = await readDeck(readFileSync(join(dir, 'out', 'astral.pptx')));
    const notes = deck.notes.map((x) => slideText(x));
    // Compact failures: where the replacement characters are, not 40,000 characters of notes.
    const broken = notes.flatMap((n, i) => [...n.matchAll(/\uFFFD/g)].map((m) => `notes ${i + 1} at ${m.index}`));
    expect(broken, 'U+FFFD where a character was cut in two').toEqual([]);
    expect(
      notes.some((n) => n.includes(a)),
      'the 😀 notes, whole',
    ).toBe(true);
    expect(
      notes.some((n) => n.includes(b)),
      'the 𠮷 notes, whole',
    ).toBe(true);
  });
});
