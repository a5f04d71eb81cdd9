import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBrief, parseBrief } from '../../src/brief/load.js';
import type { Brief } from '../../src/brief/types.js';
import { buildDeck, buildDeckWithPlan } from '../../src/index.js';
import { listName } from '../../src/layout/attendees.js';
import type { DeckPlan } from '../../src/layout/plan.js';
import { isWellFormed, paragraphsOf, readDeck, runsOf, slideText, type DeckParts } from '../helpers/deck.js';
import { countPixels, pngPixels } from '../helpers/png.js';

const SAMPLE = 'briefs/2025-01-shanghai-quarterly.yaml';

describe('the sample deck, read back from the .pptx', () => {
  let brief: Brief;
  let plan: DeckPlan;
  let deck: DeckParts;
  let bytes: Buffer;

  beforeAll(async () => {
    brief = loadBrief(SAMPLE).brief;
    const built = await buildDeckWithPlan(brief);
    plan = built.plan;
    bytes = built.bytes;
    deck = await readDeck(bytes);
  });

  it('has every XML part well-formed and a content type for every part', () => {
    for (const [name, xml] of deck.xml) expect(isWellFormed(xml), name).toBe(true);
    const types = deck.xml.get('[Content_Types].xml')!;
    for (const f of deck.files) {
      if (f === '[Content_Types].xml') continue;
      const ext = f.slice(f.lastIndexOf('.') + 1);
      expect(types.includes(`PartName="/${f}"`) || types.includes(`Extension="${ext}"`), f).toBe(true);
    }
  });

  it('has cover, overview, seven units, two leaders and attendees: 12 slides in order', () => {
    expect(deck.slides).toHaveLength(12);
    expect(plan.slides.map((s) => s.kind)).toEqual([
      'cover',
      'overview',
      ...Array(7).fill('unit'),
      'directives',
      'directives',
      'attendees',
    ]);
    brief.units.forEach((u, i) => expect(paragraphsOf(deck.slides[2 + i]!)[0]).toBe(u.name));
    expect(slideText(deck.slides[9]!)).toContain('陈吉宁');
    expect(slideText(deck.slides[10]!)).toContain('龚正');
  });

  it('shows every achievement, shortcoming and directive text, each as one paragraph', () => {
    brief.units.forEach((u, i) => {
      const paras = paragraphsOf(deck.slides[2 + i]!);
      for (const t of [...u.achievements, ...u.shortcomings]) expect(paras, t).toContain(t);
      for (const d of u.directives) expect(paras).toContain(`${d.text}（${d.by}）`);
      expect(paras).toEqual(expect.arrayContaining(['主要成绩', '存在不足', '领导指示']));
    });
    for (const [i, leader] of brief.directives.entries()) {
      const paras = paragraphsOf(deck.slides[9 + i]!);
      for (const p of leader.points) expect(paras).toContain(p);
    }
    const attendees = paragraphsOf(deck.slides[11]!);
    for (const name of brief.meeting.attendees) expect(attendees).toContain(listName(name));
    expect(attendees).toContain('龚\u3000正');
    expect(deck.slides[11]!.match(/algn="ctr"/g)).toHaveLength(brief.meeting.attendees.length);
  });

  it('emphasises the key figures in achievements', () => {
    const xml = deck.slides[2]!;
    for (const fig of ['202个', '2304个', '600个', '三分之一', '6个', '全市第一', '全国首家']) {
      expect(xml, fig).toMatch(new RegExp(`<a:rPr[^>]*b="1"[^>]*>(?:(?!</a:rPr>).)*</a:rPr><a:t>${fig}</a:t>`, 's'));
    }
  });

  it('tags every run zh-CN, names Microsoft YaHei as its East Asian font, and never goes under 12 pt', () => {
    for (const [i, xml] of deck.slides.entries()) {
      const runs = runsOf(xml);
      expect(runs.length, `slide ${i + 1}`).toBeGreaterThan(0);
      for (const r of runs) {
        expect(r.lang, r.text).toBe('zh-CN');
        expect(r.ea, r.text).toBe('Microsoft YaHei');
        expect(r.latin, r.text).toBe('Arial');
        expect(r.sz, r.text).toBeGreaterThanOrEqual(12);
      }
    }
  });

  it("sets the deck's own font scheme, East Asian faces included", () => {
    const theme = deck.xml.get('ppt/theme/theme1.xml')!;
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Arial"\/><a:ea typeface="Microsoft YaHei"\/>/);
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Arial"\/><a:ea typeface="Microsoft YaHei"\/>/);
  });

  it("puts the unit's full text in the speaker notes of every unit slide", () => {
    plan.slides.forEach((s, i) => {
      if (s.kind !== 'unit') return;
      const unit = brief.units.find((u) => u.name === s.subject)!;
      const notes = slideText(deck.notes[i]!);
      for (const t of [...unit.achievements, ...unit.shortcomings]) expect(notes).toContain(t);
    });
  });

  it('writes the footer with meeting title and slide numbers on every slide but the cover', () => {
    deck.slides.forEach((xml, i) => {
      const text = slideText(xml);
      if (i === 0) return expect(text).not.toContain('1 / 12');
      expect(text).toContain('市委季度工作会议 · 2025年1月');
      expect(text).toContain(`${i + 1} / 12`);
    });
  });

  it('writes autofit off and explicit sizes (no normAutofit anywhere)', () => {
    for (const xml of deck.slides) {
      expect(xml).not.toContain('normAutofit');
      expect(xml).not.toContain('spAutoFit');
    }
  });

  it('is byte-identical when built twice (fixed timestamps, stable order)', async () => {
    const again = await buildDeck(brief);
    expect(again.equals(bytes)).toBe(true);
    expect(deck.xml.get('docProps/core.xml')).toContain('2025-01-01T00:00:00Z');
  });
});

describe('text is text', () => {
  it('keeps & < > quotes, emoji, combining marks and right-to-left text exactly, escaped once', async () => {
    const odd = 'R&D <Q1> "quoted" \'single\' 🎉 e\u0301 שלום';
    const { brief } = parseBrief(
      `meeting:\n  title: ${JSON.stringify(odd)}\n  date: 2025-01-06\nunits:\n  - name: x\n    achievements: [${JSON.stringify(odd)}]\n`,
      'b.yaml',
    );
    const deck = await readDeck(await buildDeck(brief));
    expect(paragraphsOf(deck.slides[2]!)).toContain(odd);
    expect(deck.slides[2]).toContain('R&amp;D &lt;Q1&gt;');
    expect(deck.slides[2]).not.toContain('&amp;amp;');
  });

  it('tags runs en-US for an English brief', async () => {
    const { brief } = parseBrief(
      'lang: en\nmeeting:\n  title: Quarterly review\n  date: 2025-01-06\nunits:\n  - name: Riverside\n    achievements: [Built 202 parks]\n',
      'b.yaml',
    );
    const deck = await readDeck(await buildDeck(brief));
    for (const r of runsOf(deck.slides[2]!)) expect(r.lang).toBe('en-US');
    expect(paragraphsOf(deck.slides[2]!)).toEqual(expect.arrayContaining(['Achievements', 'Built 202 parks']));
  });
});

describe('every fixture deck, read back', () => {
  const files = [
    'briefs/2025-01-shanghai-quarterly.yaml',
    ...readdirSync('tests/fixtures/stress').map((f) => join('tests/fixtures/stress', f)),
  ];
  for (const file of files) {
    it(`${file}: parts parse, no run under the minimum, every item on its own unit's slides`, async () => {
      const { brief } = loadBrief(file);
      const { bytes, plan } = await buildDeckWithPlan(brief);
      const deck = await readDeck(bytes);
      for (const [name, xml] of deck.xml) expect(isWellFormed(xml), name).toBe(true);
      for (const xml of deck.slides) for (const r of runsOf(xml)) expect(r.sz, r.text).toBeGreaterThanOrEqual(12);
      // OOXML, not only XML: a paragraph has at most one <a:pPr>, and it comes first; a run's
      // <a:rPr> comes first in the run. PowerPoint "repairs" a deck that breaks this.
      for (const [name, xml] of deck.xml) {
        for (const p of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) {
          const pprs = p.match(/<a:pPr\b/g)?.length ?? 0;
          expect(pprs, `${name}: ${p.slice(0, 200)}`).toBeLessThanOrEqual(1);
          if (pprs) expect(p.startsWith('<a:p><a:pPr'), name).toBe(true);
        }
        for (const r of xml.match(/<a:r>[\s\S]*?<\/a:r>/g) ?? [])
          expect(/^<a:r>(<a:rPr\b|<a:t>)/.test(r), `${name}: ${r.slice(0, 120)}`).toBe(true);
      }
      // The text of the slides about one subject, a split item's pieces joined again.
      const about = (pred: (s: DeckPlan['slides'][number]) => boolean) =>
        deck.slides
          .filter((_, i) => pred(plan.slides[i]!))
          .map((x) => paragraphsOf(x).join('\n'))
          .join('\n');
      for (const u of brief.units) {
        const paras = about((s) => s.kind === 'unit' && s.subject === u.name).split('\n');
        const joined = paras.join('');
        for (const t of [...u.achievements, ...u.shortcomings, ...u.directives.map((d) => d.text)])
          expect(paras.includes(t) || joined.includes(t), `${u.name}: ${t}`).toBe(true);
        expect(paras[0]).toBe(u.name);
      }
      for (const d of brief.directives) {
        const text = about((s) => s.kind === 'directives' && s.subject === d.speaker).replace(/\n/g, '');
        for (const p of d.points) expect(text.includes(p), p).toBe(true);
      }
      const names = about((s) => s.kind === 'attendees').split('\n');
      for (const n of brief.meeting.attendees) expect(names, n).toContain(listName(n));
    });
  }
});

describe('reproducible builds', () => {
  it('stamps the package with SOURCE_DATE_EPOCH when set, else the meeting date', async () => {
    const { brief } = loadBrief(SAMPLE);
    const { deckDate } = await import('../../src/index.js');
    expect(deckDate(brief, {}).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(deckDate(brief, { SOURCE_DATE_EPOCH: '1736121600' }).toISOString()).toBe('2025-01-06T00:00:00.000Z');
    // 0, as many reproducible builds set it: 1970 in the properties, 1980 (the earliest a zip holds) in the zip.
    const epoch0 = await buildDeck(brief, { date: deckDate(brief, { SOURCE_DATE_EPOCH: '0' }) });
    expect((await readDeck(epoch0)).xml.get('docProps/core.xml')).toContain('>1970-01-01T00:00:00Z<');
    const deck = await readDeck(await buildDeck(brief, { date: new Date('2025-01-06T00:00:00Z') }));
    expect(deck.xml.get('docProps/core.xml')).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-06T00:00:00Z</dcterms:modified>',
    );
  });
});

describe('decks do not depend on where they are built', () => {
  it('a theme with images gives the same bytes from two folders, and no file path in the deck', async () => {
    const { cpSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { brief } = loadBrief(SAMPLE);
    const decks: Buffer[] = [];
    for (let i = 0; i < 2; i++) {
      const dir = mkdtempSync(join(tmpdir(), `briefdeck-where-${i}-`));
      cpSync('tests/fixtures/themes/team', dir, { recursive: true });
      decks.push(await buildDeck(brief, { theme: join(dir, 'child.yaml') }));
    }
    expect(decks[0]!.equals(decks[1]!)).toBe(true);
    const deck = await readDeck(decks[0]!);
    for (const xml of deck.slides) expect(xml).not.toMatch(/descr="[^"]*(tmp|briefdeck-where)/);
    expect(deck.slides[0]).toContain('descr="中共上海市委"'); // the cover's logo speaks for the organizer
    expect(deck.slides[2]).toContain('descr="logo"');
    expect(deck.slides[2]).toContain('descr=""'); // the background picture is decorative
  });

  it('writes speaker notes as lines, and says 4:3 for a 4:3 deck', async () => {
    const { brief } = loadBrief(SAMPLE);
    const deck = await readDeck(await buildDeck(brief, { theme: 'tests/fixtures/themes/four-three.yaml' }));
    expect(deck.notes[2]).toContain('<a:br/>');
    expect(deck.notes[2]).not.toMatch(/<a:t>[^<]*\n/);
    expect(deck.xml.get('docProps/app.xml')).toContain('On-screen Show (4:3)');
  });
});

describe('pictures', () => {
  it("draw an SVG's embedded picture into the PNG stored beside it, for programs without SVG", async () => {
    const JSZip = (await import('jszip')).default;
    const { brief } = loadBrief(SAMPLE);
    const zip = await JSZip.loadAsync(
      await buildDeck(brief, { theme: 'tests/fixtures/themes/inkscape/inkscape.yaml' }),
    );
    const pngs = Object.keys(zip.files).filter((n) => /^ppt\/media\/.*\.png$/.test(n));
    expect(pngs).toHaveLength(2); // emblem.svg and licensed.svg
    for (const name of pngs) {
      const p = pngPixels(await zip.file(name)!.async('uint8array'));
      expect(countPixels(p, [0, 160, 0]), name).toBeGreaterThan(p.width * p.height * 0.8);
    }
  });

  it('are stored once however many slides show them, every relationship still pointing at a part', async () => {
    const { brief } = loadBrief(SAMPLE);
    const deck = await readDeck(await buildDeck(brief, { theme: 'tests/fixtures/themes/team/child.yaml' }));
    const media = deck.files.filter((f) => f.startsWith('ppt/media/'));
    expect(media.length).toBeLessThanOrEqual(4); // background, logo (SVG + its PNG), cover logo
    for (const [name, xml] of deck.xml) {
      if (!name.endsWith('.rels')) continue;
      for (const m of xml.matchAll(/Target="\.\.\/(media\/[^"]+)"/g))
        expect(deck.files, `${name} → ${m[1]}`).toContain(`ppt/${m[1]}`);
    }
  });
});

describe('key figures in the .pptx', () => {
  it('are held whole by line breaks written as <a:br> with the run properties of the text after them, and no word joiner reaches the file', async () => {
    const { brief } = loadBrief('tests/fixtures/stress/figures.yaml');
    const deck = await readDeck(await buildDeck(brief));
    for (const xml of [...deck.slides, ...deck.notes]) expect(xml).not.toMatch(/\u2060/);
    const unit = deck.slides[2]!;
    const breaks = [
      ...unit.matchAll(/<a:br>(<a:rPr [^>]*>[\s\S]*?<\/a:rPr>)<\/a:br><a:r>(<a:rPr [^>]*>[\s\S]*?<\/a:rPr>)<a:t>/g),
    ];
    expect(breaks.length).toBeGreaterThan(3);
    for (const b of breaks) expect(b[1]).toBe(b[2]);
    // The text reads as written: the line breaks sit between runs, never inside a word of the brief.
    expect(paragraphsOf(unit)).toEqual(expect.arrayContaining(brief.units[0]!.achievements));
  });
});

describe("a leader's points numbered （一） and 一是 in the .pptx", () => {
  for (const [theme, first] of [
    ['tests/fixtures/themes/official/official.yaml', '（一）'],
    ['tests/fixtures/themes/official/yishi.yaml', '一是'],
  ] as const) {
    it(`${first}: the label is the paragraph's first run, bold, with a hanging indent of its width and no list number`, async () => {
      const { brief } = loadBrief(SAMPLE);
      const { bytes, plan } = await buildDeckWithPlan(brief, { theme });
      const deck = await readDeck(bytes);
      const i = plan.slides.findIndex((s) => s.kind === 'directives');
      const xml = deck.slides[i]!;
      expect(xml).not.toContain('buAutoNum');
      const leader = brief.directives[0]!;
      expect(paragraphsOf(xml)).toEqual(expect.arrayContaining([`${first}${leader.points[0]}`]));
      const para = xml
        .match(/<a:p><a:pPr[^>]*>(?:(?!<\/a:p>)[\s\S])*?<\/a:p>/g)!
        .find((p) => p.includes(`<a:t>${first}</a:t>`))!;
      const size = plan.slides[i]!.shapes.find((s) => s.kind === 'text' && s.role === 'panel:points');
      const pt = size?.kind === 'text' ? size.paragraphs[0]!.runs[0]!.sizePt : 0;
      const indent = Math.round([...first].length * pt * 12700);
      expect(para).toMatch(new RegExp(`marL="${indent}" indent="-${indent}"`));
      expect(para).toContain('<a:buNone/>');
      expect(para).toMatch(new RegExp(`<a:r><a:rPr [^>]*b="1"[^>]*>.*?</a:rPr><a:t>${first}</a:t></a:r><a:r>`));
    });
  }
});
