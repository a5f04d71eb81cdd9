import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBrief, normaliseBrief, parseBrief } from '../../src/brief/load.js';
import { BriefdeckError, formatProblem } from '../../src/errors.js';
import { planDeck } from '../../src/layout/deck.js';
import type { SlidePlan } from '../../src/layout/plan.js';
import { defaultTheme } from '../../src/theme/builtin.js';
import { boxesByRole, overlaps, panelItems, paraText, textBoxes } from '../helpers/plan.js';

const theme = defaultTheme('zh-CN');
const plan = (file: string) => {
  const { brief } = loadBrief(file);
  return { brief, plan: planDeck(brief, defaultTheme(brief.lang)) };
};
const briefOf = (units: string) =>
  parseBrief(`meeting:\n  title: 测试会议\n  date: 2025-01-06\nunits:\n${units}`, 'b.yaml').brief;

describe('unit slides', () => {
  it('the sample: one slide per unit, three labelled panels, one body size per slide, fitting without continuation', () => {
    const { brief, plan: p } = plan('briefs/2025-01-shanghai-quarterly.yaml');
    const units = p.slides.filter((s) => s.kind === 'unit');
    expect(units.map((s) => s.subject)).toEqual(brief.units.map((u) => u.name));
    for (const s of units) {
      for (const key of ['achievements', 'shortcomings', 'directives'])
        expect(boxesByRole(s, `label:${key}`), `${s.subject} ${key}`).toHaveLength(1);
      const sizes = new Set(
        textBoxes(s)
          .filter((b) => b.role.startsWith('panel:'))
          .flatMap((b) => b.paragraphs.flatMap((q) => q.runs.map((r) => r.sizePt))),
      );
      expect(sizes.size).toBe(1);
      expect([...sizes][0]).toBeGreaterThanOrEqual(14);
    }
    expect(p.fit.every((f) => f.continuationSlides === 0)).toBe(true);
  });

  it('gives a long achievements list more room than the short panels beside it', () => {
    const { plan: p } = plan('briefs/2025-01-shanghai-quarterly.yaml');
    const pudong = p.slides.find((s) => s.subject === '浦东新区区委')!;
    const ach = boxesByRole(pudong, 'panel:achievements')[0]!;
    const sc = boxesByRole(pudong, 'panel:shortcomings')[0]!;
    const dir = boxesByRole(pudong, 'panel:directives')[0]!;
    expect(sc.x).toBeGreaterThan(ach.x + ach.w);
    expect(dir.y).toBeGreaterThan(sc.y + sc.h); // stacked in the right column
    expect(sc.h).toBeLessThan(dir.h); // three short items need less height than three long ones
  });

  it('leaves an empty panel out and lets the others take its room', () => {
    const frameW = 13.333 - 2 * 0.6;
    const one = planDeck(briefOf('  - name: 甲\n    achievements: [新建街区党组织202个]\n'), theme).slides[2]!;
    expect(boxesByRole(one, 'label:shortcomings')).toEqual([]);
    expect(boxesByRole(one, 'label:directives')).toEqual([]);
    const card = one.shapes.find((s) => s.kind === 'rect' && s.w > 10)!;
    expect(card.w).toBeCloseTo(frameW, 1);
    const two = planDeck(
      briefOf('  - name: 甲\n    shortcomings: [全面从严治党]\n    directives: [着力抓牢安全生产]\n'),
      theme,
    ).slides[2]!;
    const [sc, dir] = [boxesByRole(two, 'panel:shortcomings')[0]!, boxesByRole(two, 'panel:directives')[0]!];
    expect(sc.y).toBeCloseTo(dir.y, 5); // side by side
    expect(dir.x + dir.w - sc.x).toBeCloseTo(frameW - 0.0, 0);
  });

  it('continues a unit that does not fit at the minimum: （续） titles, labels on every slide, nothing lost, numbering and order kept', () => {
    const { brief, plan: p } = plan('tests/fixtures/stress/long-unit.yaml');
    const unit = brief.units[0]!;
    const slides = p.slides.filter((s) => s.subject === unit.name);
    expect(slides.length).toBeGreaterThan(1);
    slides.forEach((s, i) => {
      const title = paraText(boxesByRole(s, 'title')[0]!.paragraphs[0]!);
      expect(title).toBe(i === 0 ? unit.name : `${unit.name}（续）`);
      for (const b of textBoxes(s).filter((x) => x.role.startsWith('panel:')))
        expect(boxesByRole(s, b.role.replace('panel:', 'label:'))).toHaveLength(1);
    });
    expect(panelItems(p, unit.name, 'achievements')).toEqual(unit.achievements);
    expect(panelItems(p, unit.name, 'shortcomings')).toEqual(unit.shortcomings);
    expect(panelItems(p, unit.name, 'directives').length).toBe(unit.directives.length);
    const entry = p.fit.find((f) => f.subject === unit.name)!;
    expect(entry.continuationSlides).toBe(slides.length - 1);
    // Fewest slides first, then one size for all of them, never under the minimum.
    const sizes = new Set(
      slides.flatMap((s) =>
        textBoxes(s)
          .filter((b) => b.role.startsWith('panel:'))
          .flatMap((b) => b.paragraphs.map((q) => q.runs[0]!.sizePt)),
      ),
    );
    expect(sizes.size).toBe(1);
    expect([...sizes][0]).toBeGreaterThanOrEqual(12);
  });

  it('splits an item only when it alone cannot fit, and the pieces join back to the item', () => {
    const long = loadBrief('tests/fixtures/stress/single-800.yaml').brief.units[0]!.achievements[0]!.repeat(2);
    const brief = briefOf(
      `  - name: 南湖新区党工委\n    achievements:\n      - ${long}\n    shortcomings: [产业链条延展不够]\n`,
    );
    const p = planDeck(brief, theme);
    const unit = brief.units[0]!;
    expect(panelItems(p, unit.name, 'achievements')).toEqual(unit.achievements);
    expect(p.fit.find((f) => f.subject === unit.name)!.splitItems).toBe(1);
    const pieces = p.slides
      .filter((s) => s.subject === unit.name)
      .flatMap((s) => boxesByRole(s, 'panel:achievements').flatMap((b) => b.paragraphs));
    expect(pieces[0]!.bullet?.kind).toBe('bullet');
    expect(pieces.slice(1).every((q) => q.bullet?.kind === 'continued')).toBe(true);
  });

  it('shrinks a long title, then wraps it to two lines, inside the title area', () => {
    const long = '江城市长江经济带绿色低碳高质量发展示范区暨临港产业新城建设管理委员会党工委（筹）';
    const p = planDeck(briefOf(`  - name: ${long}\n    achievements: [好]\n`), theme);
    const title = boxesByRole(p.slides[2]!, 'title')[0]!;
    expect(title.paragraphs[0]!.runs[0]!.sizePt).toBeLessThan(theme.sizes.title);
    expect(title.paragraphs[0]!.runs[0]!.sizePt).toBeGreaterThanOrEqual(theme.sizes.minimum);
    const huge = planDeck(briefOf(`  - name: ${long.repeat(2)}\n    achievements: [好]\n`), theme);
    const t2 = huge.fit.find((f) => f.kind === 'unit')!;
    expect(t2.titleLines).toBeGreaterThanOrEqual(2);
    const s = huge.slides[2]!;
    const tb = boxesByRole(s, 'title')[0]!;
    for (const b of textBoxes(s).filter((x) => x.role !== 'title')) expect(overlaps(tb, b), b.role).toBe(false);
  });
});

/** The body size of every panel text of a slide. */
const bodySizes = (s: SlidePlan) =>
  textBoxes(s)
    .filter((b) => b.role.startsWith('panel:'))
    .flatMap((b) => b.paragraphs.flatMap((q) => q.runs.map((r) => r.sizePt)));
const labelOf = (s: SlidePlan, key: string) => boxesByRole(s, `label:${key}`).map((b) => paraText(b.paragraphs[0]!));
const FIFTEEN = 'tests/fixtures/stress/fifteen-achievements.yaml';

describe('continuation: only the panel that overflows', () => {
  it('15 long achievements continue; the 3 short shortcomings and 2 directives stay whole on the first slide', () => {
    const { brief, plan: p } = plan(FIFTEEN);
    const unit = brief.units[0]!;
    const slides = p.slides.filter((s) => s.subject === unit.name);
    expect(slides.length).toBeGreaterThan(1);
    const [first, ...rest] = slides;
    // Whole, once: every shortcoming and directive on the first slide, none on the others.
    expect(boxesByRole(first!, 'panel:shortcomings').flatMap((b) => b.paragraphs.map(paraText))).toEqual(
      unit.shortcomings,
    );
    expect(boxesByRole(first!, 'panel:directives').flatMap((b) => b.paragraphs)).toHaveLength(2);
    for (const s of rest) {
      expect(boxesByRole(s, 'panel:shortcomings')).toEqual([]);
      expect(boxesByRole(s, 'panel:directives')).toEqual([]);
    }
    // The achievements begin on the first slide and go on, in order, on every continuation
    // slide, which says so in its title and in the panel's label.
    expect(labelOf(first!, 'achievements')).toEqual(['主要成绩']);
    expect(paraText(boxesByRole(first!, 'title')[0]!.paragraphs[0]!)).toBe('东湖区委');
    for (const s of rest) {
      expect(labelOf(s, 'achievements')).toEqual(['主要成绩（续）']);
      expect(paraText(boxesByRole(s, 'title')[0]!.paragraphs[0]!)).toBe('东湖区委（续）');
    }
    expect(panelItems(p, unit.name, 'achievements')).toEqual(unit.achievements);
    // Shared out evenly over the continuation slides: none of them is a line or two.
    const counts = rest.map((s) => boxesByRole(s, 'panel:achievements').flatMap((b) => b.paragraphs).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(p.fit.find((f) => f.subject === unit.name)!.continuationSlides).toBe(rest.length);
  });

  it('a long panel that fits on a slide of its own is not dealt out: each panel of the long unit is whole, or begins with more than one item', () => {
    const { brief, plan: p } = plan('tests/fixtures/stress/long-unit.yaml');
    const unit = brief.units[0]!;
    const slides = p.slides.filter((s) => s.subject === unit.name);
    for (const key of ['achievements', 'shortcomings', 'directives']) {
      const per = slides.map((s) => boxesByRole(s, `panel:${key}`).flatMap((b) => b.paragraphs).length).filter(Boolean);
      if (per.length > 1) expect(per[0], key).toBeGreaterThan(1);
    }
    // Eight long shortcomings do not fit beside the achievements on the first slide, and do on one slide.
    expect(slides.filter((s) => boxesByRole(s, 'panel:shortcomings').length > 0)).toHaveLength(1);
    expect(panelItems(p, unit.name, 'shortcomings')).toEqual(unit.shortcomings);
  });

  it("a leader's points continue numbered on, shared evenly over the slides", () => {
    const { brief, plan: p } = plan('tests/fixtures/stress/long-unit.yaml');
    const leader = brief.directives[0]!;
    const slides = p.slides.filter((s) => s.subject === leader.speaker);
    expect(slides.length).toBe(2);
    const paras = slides.map((s) => boxesByRole(s, 'panel:points').flatMap((b) => b.paragraphs));
    expect(Math.abs(paras[0]!.length - paras[1]!.length)).toBeLessThanOrEqual(1);
    const second = paras[1]![0]!.bullet;
    expect(second?.kind === 'number' && second.startAt).toBe(paras[0]!.length + 1);
  });
});

describe("the deck's rhythm", () => {
  it('one body size for every unit slide of the sample, and one split: the column edge stays put', () => {
    const { plan: p } = plan('briefs/2025-01-shanghai-quarterly.yaml');
    const units = p.slides.filter((s) => s.kind === 'unit');
    expect(new Set(units.flatMap(bodySizes)).size).toBe(1);
    const edges = new Set(units.map((s) => boxesByRole(s, 'panel:shortcomings')[0]!.x));
    expect(edges.size).toBe(1);
    const entries = p.fit.filter((f) => f.kind === 'unit');
    const size = bodySizes(units[0]!)[0]!;
    // The fit report says so: each unit at the group's size, and which of them set it.
    for (const f of entries) expect([f.toPt, f.groupPt]).toEqual([size, size]);
    expect(entries.some((f) => f.ownPt === size)).toBe(true);
    expect(entries.every((f) => f.ownPt! >= size)).toBe(true);
    // The leaders' slides likewise share one size.
    const leaders = p.slides.filter((s) => s.kind === 'directives');
    expect(new Set(leaders.flatMap(bodySizes)).size).toBe(1);
  });

  it('the stress fixture: every unit slide, continuation slides too, at one size', () => {
    for (const file of [FIFTEEN, 'tests/fixtures/stress/english.yaml', 'tests/fixtures/stress/many-units.yaml']) {
      const { plan: p } = plan(file);
      const sizes = new Set(p.slides.filter((s) => s.kind === 'unit').flatMap(bodySizes));
      expect(sizes.size, file).toBe(1);
    }
  });

  it('a unit that continues is set at the deck size or below, never above', () => {
    const { plan: p } = plan('tests/fixtures/stress/long-unit.yaml');
    for (const f of p.fit.filter((x) => x.kind === 'unit')) expect(f.toPt).toBeLessThanOrEqual(f.groupPt!);
  });
});

describe("a unit's speaker, and sparse slides", () => {
  it('shows the speaker beside the title on every slide of the unit, and in its notes', () => {
    const { brief, plan: p } = plan(FIFTEEN);
    for (const unit of brief.units.filter((u) => u.speaker && u.achievements.length)) {
      for (const s of p.slides.filter((x) => x.subject === unit.name)) {
        const [who] = boxesByRole(s, 'speaker');
        const [title] = boxesByRole(s, 'title');
        expect(paraText(who!.paragraphs[0]!)).toBe(unit.speaker);
        expect(who!.paragraphs[0]!.align).toBe('right');
        expect(overlaps(who!, title!)).toBe(false);
        expect(who!.x).toBeGreaterThan(title!.x + title!.w);
        expect(who!.y + who!.h).toBeLessThanOrEqual(title!.y + title!.h + 1e-6);
      }
      const first = p.slides.find((x) => x.subject === unit.name)!;
      expect(first.notes!.split('\n').slice(0, 2)).toEqual([unit.name, `发言：${unit.speaker}`]);
    }
  });

  it('a unit with no items: a warning at the unit, and a slide with its name in the middle, not an empty frame', () => {
    const { brief, warnings } = loadBrief(FIFTEEN);
    expect(warnings.map(formatProblem)).toEqual([
      `${FIFTEEN}:66:5: units[2]: 北港区委 has no achievements, shortcomings or directives: its slide shows only its name; add what it reported, or leave the unit out`,
    ]);
    const p = planDeck(brief, theme);
    const [s] = p.slides.filter((x) => x.subject === '北港区委');
    expect(textBoxes(s!).filter((b) => b.role.startsWith('panel:') || b.role.startsWith('label:'))).toEqual([]);
    const [name] = boxesByRole(s!, 'title');
    expect(paraText(name!.paragraphs[0]!)).toBe('北港区委');
    expect(name!.paragraphs[0]!.align).toBe('center');
    expect(name!.y).toBeGreaterThan(p.heightIn / 4);
    // The quick reader and the full one warn alike (a comment sends a brief to the full one).
    const again = parseBrief(`${readFileSync(FIFTEEN, 'utf8')}\n# 注释`, FIFTEEN).warnings;
    expect(again.map(formatProblem)).toEqual(warnings.map(formatProblem));
  });

  it('one short line stands in the middle of the body, not at the top of an empty slide; so does a lone attendee', () => {
    const { plan: p } = plan(FIFTEEN);
    const middle = (b: { y: number; h: number }) => b.y + b.h / 2;
    const one = p.slides.find((s) => s.subject === '南湖新区党工委')!;
    const card = one.shapes.find((s) => s.kind === 'rect' && s.w > 10)!;
    const busy = p.slides.find((s) => s.subject === '西山县委')!;
    const full = busy.shapes.find((s) => s.kind === 'rect' && s.w > 5)!;
    expect(card.h).toBeLessThan(full.h / 2);
    expect(Math.abs(middle(card) - middle(full))).toBeLessThan(0.05);
    const [name] = p.slides.filter((s) => s.kind === 'attendees').flatMap((s) => boxesByRole(s, 'attendees'));
    expect(Math.abs(middle(name!) - middle(full))).toBeLessThan(0.3);
    expect(name!.paragraphs[0]!.align).toBe('center');
  });
});

describe('every deck of the fixtures', () => {
  const files = [
    'briefs/2025-01-shanghai-quarterly.yaml',
    ...readdirSync('tests/fixtures/stress').map((f) => join('tests/fixtures/stress', f)),
  ];
  for (const file of files) {
    it(`${file}: shapes inside the slide, text boxes never overlap, nothing under the minimum, every item present`, () => {
      const { brief, plan: p } = plan(file);
      const min = defaultTheme(brief.lang).sizes.minimum;
      for (const [i, s] of p.slides.entries()) {
        for (const sh of s.shapes) {
          expect(sh.x, `slide ${i + 1}`).toBeGreaterThanOrEqual(0);
          expect(sh.y).toBeGreaterThanOrEqual(0);
          expect(sh.x + sh.w).toBeLessThanOrEqual(p.widthIn + 1e-6);
          expect(sh.y + sh.h).toBeLessThanOrEqual(p.heightIn + 1e-6);
        }
        const boxes = textBoxes(s);
        for (const b of boxes)
          for (const q of b.paragraphs)
            for (const r of q.runs) expect(r.sizePt, `${b.role} ${r.text}`).toBeGreaterThanOrEqual(min);
        for (let a = 0; a < boxes.length; a++)
          for (let b = a + 1; b < boxes.length; b++)
            expect(overlaps(boxes[a]!, boxes[b]!), `slide ${i + 1}: ${boxes[a]!.role} × ${boxes[b]!.role}`).toBe(false);
      }
      for (const u of brief.units) {
        expect(panelItems(p, u.name, 'achievements')).toEqual(u.achievements);
        expect(panelItems(p, u.name, 'shortcomings')).toEqual(u.shortcomings);
        expect(panelItems(p, u.name, 'directives').map((t) => t.replace(/ ?[（(][^（(]*[）)]$/, ''))).toEqual(
          u.directives.map((d) => (d.by ? d.text : d.text.replace(/ ?[（(][^（(]*[）)]$/, ''))),
        );
      }
      for (const d of brief.directives) expect(panelItems(p, d.speaker, 'points')).toEqual(d.points);
      const names = p.slides
        .filter((s) => s.kind === 'attendees')
        .flatMap((s) => boxesByRole(s, 'attendees').flatMap((b) => b.paragraphs.map(paraText)));
      expect(new Set(names)).toEqual(new Set(brief.meeting.attendees));
    });
  }
});

describe('the footer', () => {
  it('takes the lines a long meeting title needs, inside the slide, and the body gives way', () => {
    const title = '上海市第十二届市委季度工作会议暨全市优化营商环境、推进高质量发展、加强基层治理和安全生产工作推进大会'
      .repeat(2)
      .slice(0, 100);
    const b = parseBrief(
      `meeting:\n  title: ${title}\n  date: 2025-01-06\nunits:\n  - name: 甲\n    achievements: [好]\n`,
      'b.yaml',
    ).brief;
    const p = planDeck(b, theme);
    for (const s of p.slides.slice(1)) {
      const footer = boxesByRole(s, 'footer')[0]!;
      expect(footer.y + footer.h).toBeLessThanOrEqual(p.heightIn);
      for (const box of textBoxes(s).filter((x) => x.role !== 'footer' && x.role !== 'slide-number'))
        expect(box.y + box.h, box.role).toBeLessThanOrEqual(footer.y);
    }
  });
});

describe('the most slides a deck may have', () => {
  it('stops laying out past 15,000 slides, naming where, instead of a zip the writer cannot make', () => {
    // Past the schema's limits only through continuation slides; 15,001 empty units get there fastest.
    const units = Array.from({ length: 15_001 }, (_, i) => ({ name: `第${i + 1}区区委` }));
    const brief = normaliseBrief({ meeting: { title: '测试会议', date: '2025-01' }, units }, 'many.yaml');
    let problem: unknown;
    try {
      planDeck(brief, theme);
    } catch (e) {
      problem = e;
    }
    expect(problem).toBeInstanceOf(BriefdeckError);
    expect((problem as BriefdeckError).message).toMatch(
      /^many\.yaml: units\[\d+\]: the deck has more than 15,000 slides by here, the most a deck may have; split the brief into several$/,
    );
  });
});
