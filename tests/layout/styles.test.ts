import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBrief, parseBrief } from '../../src/brief/load.js';
import { BriefdeckError } from '../../src/errors.js';
import { planDeck } from '../../src/layout/deck.js';
import { chineseNumeral } from '../../src/layout/numbering.js';
import type { DeckPlan, Paragraph, SlidePlan } from '../../src/layout/plan.js';
import { resolveTheme } from '../../src/theme/resolve.js';
import { boxesByRole, panelItems, paraText, textBoxes } from '../helpers/plan.js';

const SAMPLE = 'briefs/2025-01-shanghai-quarterly.yaml';
const OFFICIAL = 'tests/fixtures/themes/official/official.yaml';
const YISHI = 'tests/fixtures/themes/official/yishi.yaml';

const planOf = (file: string, theme: string) => {
  const { brief } = loadBrief(file);
  return { brief, plan: planDeck(brief, resolveTheme(theme, brief.lang)) };
};

/** The points of one leader, over all their slides, as paragraphs. */
const pointsOf = (plan: DeckPlan, speaker: string): Paragraph[] =>
  plan.slides
    .filter((s) => s.subject === speaker)
    .flatMap((s) => boxesByRole(s, 'panel:points').flatMap((b) => b.paragraphs));

/** A theme file of these lines, written to a folder of its own. */
function themeFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'briefdeck-style-')), 'style.yaml');
  writeFileSync(file, text);
  return file;
}

describe('Chinese numerals for （一） and 一是', () => {
  it('writes numbers as Chinese text does', () => {
    const cases: Array<[number, string]> = [
      [1, '一'],
      [9, '九'],
      [10, '十'],
      [11, '十一'],
      [20, '二十'],
      [21, '二十一'],
      [99, '九十九'],
      [100, '一百'],
      [101, '一百零一'],
      [110, '一百一十'],
      [1000, '一千'],
      [1001, '一千零一'],
      [1010, '一千零一十'],
    ];
    for (const [n, text] of cases) expect(chineseNumeral(n), String(n)).toBe(text);
    expect(() => chineseNumeral(0)).toThrow(RangeError);
  });
});

describe("numbering of a leader's points", () => {
  it('arabic (the default): the program numbers the list, 1. 2. 3., the text as written', () => {
    const { brief, plan } = planOf(SAMPLE, 'default');
    const leader = brief.directives[0]!;
    const points = pointsOf(plan, leader.speaker);
    expect(points.map((p) => p.bullet)).toEqual(
      leader.points.map((_, i) => expect.objectContaining({ kind: 'number', startAt: i + 1 })),
    );
    expect(points.map(paraText)).toEqual(leader.points);
  });

  for (const [theme, labels] of [
    [OFFICIAL, ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '（十）']],
    [YISHI, ['一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是']],
  ] as const) {
    it(`${labels[0]}: a bold label in the points' colour before each point, the lines after it indented by its width`, () => {
      const { brief, plan } = planOf(SAMPLE, theme);
      const leader = brief.directives[0]!;
      const points = pointsOf(plan, leader.speaker);
      expect(points.map(paraText)).toEqual(leader.points);
      const t = resolveTheme(theme, 'zh-CN');
      points.forEach((p, i) => {
        expect(p.bullet?.kind).toBe('label');
        if (p.bullet?.kind !== 'label') return;
        expect(p.bullet.label).toMatchObject({ text: labels[i], bold: true, color: t.colors.directives });
        expect(p.bullet.label.sizePt).toBe(p.runs[0]!.sizePt);
        // Full-width characters, one em each: the text of the lines after the first starts
        // where the first line's text does.
        expect(p.bullet.indentPt).toBeCloseTo([...labels[i]!].length * p.runs[0]!.sizePt, 1);
      });
      // The speaker notes number the points the same way.
      const notes = plan.slides.find((s) => s.subject === leader.speaker)!.notes!.split('\n');
      expect(notes.slice(1)).toEqual(leader.points.map((text, i) => `${labels[i]}${text}`));
    });
  }

  it('numbers on across continuation slides: 七是 on the second slide, after 六是', () => {
    const { brief, plan } = planOf('tests/fixtures/stress/long-unit.yaml', YISHI);
    const leader = brief.directives[0]!;
    const slides = plan.slides.filter((s) => s.subject === leader.speaker);
    expect(slides.length).toBeGreaterThan(1);
    const labels = pointsOf(plan, leader.speaker).map((p) => (p.bullet?.kind === 'label' ? p.bullet.label.text : ''));
    expect(labels).toEqual(leader.points.map((_, i) => `${chineseNumeral(i + 1)}是`));
    expect(panelItems(plan, leader.speaker, 'points')).toEqual(leader.points);
  });

  it('an English brief is numbered 1. 2. 3. whatever the theme says', () => {
    const { brief, plan } = planOf('tests/fixtures/stress/english.yaml', YISHI);
    expect(resolveTheme(YISHI, 'en').style.pointNumbering).toBe('arabic');
    for (const d of brief.directives)
      for (const p of pointsOf(plan, d.speaker)) expect(['number', 'continued']).toContain(p.bullet?.kind);
  });

  it('a wrong value is refused, naming the three', () => {
    const file = themeFile('style: { pointNumbering: roman }\n');
    expect(() => resolveTheme(file, 'zh-CN')).toThrow(BriefdeckError);
    try {
      resolveTheme(file, 'zh-CN');
    } catch (e) {
      expect((e as BriefdeckError).message).toMatch(/style\.pointNumbering: expected arabic, paren-chinese, yishi/);
    }
  });
});

describe('labels: the unit panel and the leaders’ slides apart', () => {
  const brief = parseBrief(
    [
      'meeting: { title: 市委季度工作会议, date: 2025-01-06 }',
      'units:',
      '  - name: 浦东新区区委',
      '    directives: [着力抓牢安全生产]',
      'directives:',
      '  - speaker: 陈吉宁',
      '    role: 市委书记',
      '    points: [要切实把思想和行动统一到市委对今年工作部署上来]',
      '  - speaker: 龚正',
      '    topic: 一季度经济社会发展重点工作',
      '    points: [着力扩大内需、稳定外需]',
    ].join('\n'),
    'b.yaml',
  ).brief;
  const labelOn = (s: SlidePlan, key: string) => paraText(boxesByRole(s, `label:${key}`)[0]!.paragraphs[0]!);

  it('renaming 领导指示 to 市领导要求 renames the unit panel only: a leader without a topic keeps 领导指示', () => {
    const plan = planDeck(brief, resolveTheme(OFFICIAL, 'zh-CN'));
    expect(
      labelOn(
        plan.slides.find((s) => s.kind === 'unit')!,
        'directives',
      ),
    ).toBe('市领导要求');
    const [chen, gong] = plan.slides.filter((s) => s.kind === 'directives');
    expect(labelOn(chen!, 'points')).toBe('领导指示');
    expect(labelOn(gong!, 'points')).toBe('一季度经济社会发展重点工作');
    expect(textBoxes(chen!).some((b) => b.paragraphs.some((p) => paraText(p).includes('市领导要求')))).toBe(false);
  });

  it('and the leaders’ label has a name of its own, leaderPoints, that leaves the unit panel alone', () => {
    const theme = themeFile('labels: { zh-CN: { leaderPoints: 讲话内容 } }\n');
    const plan = planDeck(brief, resolveTheme(theme, 'zh-CN'));
    expect(
      labelOn(
        plan.slides.find((s) => s.kind === 'unit')!,
        'directives',
      ),
    ).toBe('领导指示');
    expect(
      labelOn(
        plan.slides.find((s) => s.kind === 'directives')!,
        'points',
      ),
    ).toBe('讲话内容');
  });
});

describe('the centred cover', () => {
  const BAND = 4.7;
  const cover = (theme: string) => planOf(SAMPLE, theme).plan.slides[0]!;

  for (const theme of ['government-red', OFFICIAL]) {
    it(`${theme}: every line centred on the slide; title and subtitle on the band, organizer, date and chair under it, in that order`, () => {
      const s = cover(theme);
      const boxes = textBoxes(s);
      expect(boxes.map((b) => b.role)).toEqual([
        'cover:title',
        'cover:subtitle',
        'cover:organizer',
        'cover:date',
        'cover:chair',
      ]);
      for (const b of boxes) {
        expect(b.paragraphs[0]!.align, b.role).toBe('center');
        expect(b.x + b.w / 2, b.role).toBeCloseTo(13.333 / 2, 1);
      }
      for (let i = 1; i < boxes.length; i++)
        expect(boxes[i]!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.h);
      const [title, subtitle, organizer] = boxes;
      expect(subtitle!.y + subtitle!.h).toBeLessThanOrEqual(BAND);
      expect(organizer!.y).toBeGreaterThan(BAND);
      expect(paraText(organizer!.paragraphs[0]!)).toBe('中共上海市委');
      // The title block sits in the middle of the band (under the emblem when there is one).
      const top = theme === OFFICIAL ? 0.45 + 1 + 0.2 : 0.4;
      const above = title!.y - top;
      const under = BAND - 0.35 - (subtitle!.y + subtitle!.h);
      expect(Math.abs(above - under)).toBeLessThan(0.05);
      const logo = s.shapes.find((x) => x.kind === 'image');
      if (theme === OFFICIAL) {
        expect(logo!.x + logo!.w / 2).toBeCloseTo(13.333 / 2, 2);
        expect(logo!.y + logo!.h).toBeLessThanOrEqual(title!.y);
      } else expect(logo).toBeUndefined();
    });
  }

  it('the default theme keeps its banded cover, at the left', () => {
    const s = cover('default');
    for (const b of textBoxes(s)) expect(b.paragraphs[0]!.align, b.role).toBe('left');
    expect(paraText(boxesByRole(s, 'cover:organizer')[0]!.paragraphs[0]!)).toBe('中共上海市委');
    expect(boxesByRole(s, 'cover:organizer')[0]!.y).toBeLessThan(BAND);
  });

  it('a long title wraps centred and the block stays on the band', () => {
    const long = parseBrief(
      `meeting: { title: ${'全市优化营商环境暨高质量发展推进大会'.repeat(3)}, subtitle: 新年首次, organizer: 中共上海市委, date: 2025-01 }\nunits:\n  - name: 甲\n`,
      'b.yaml',
    ).brief;
    const s = planDeck(long, resolveTheme(OFFICIAL, 'zh-CN')).slides[0]!;
    const title = boxesByRole(s, 'cover:title')[0]!;
    const subtitle = boxesByRole(s, 'cover:subtitle')[0]!;
    expect(title.paragraphs[0]!.align).toBe('center');
    expect(subtitle.y + subtitle.h).toBeLessThanOrEqual(BAND);
  });

  it('a wrong cover style is refused, naming both', () => {
    try {
      resolveTheme(themeFile('style: { cover: middle }\n'), 'zh-CN');
      expect.fail('expected the theme to be refused');
    } catch (e) {
      expect((e as BriefdeckError).message).toMatch(/style\.cover: expected banded or centered/);
    }
  });
});
