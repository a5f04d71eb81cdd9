import { describe, expect, it } from 'vitest';
import { loadBrief, parseBrief } from '../../src/brief/load.js';
import { planDeck } from '../../src/layout/deck.js';
import { splitFigures } from '../../src/layout/figures.js';
import { breakLines } from '../../src/layout/linebreak.js';
import { latinMetricsFor } from '../../src/layout/metrics.js';
import type { Paragraph, TextShape } from '../../src/layout/plan.js';
import { listItem } from '../../src/layout/text.js';
import { resolveTheme } from '../../src/theme/resolve.js';
import { boxesByRole, paraText } from '../helpers/plan.js';

const FIGURES = 'tests/fixtures/stress/figures.yaml';

/** A paragraph's lines as the layout set them: the text between its line breaks. */
function linesOf(p: Paragraph): string[] {
  const lines: string[] = [''];
  for (const r of p.runs) {
    if (r.breakBefore) lines.push('');
    lines[lines.length - 1] += r.text;
  }
  return lines;
}

/** The width in em the paragraph's text has in its box, as the fit measures it. */
const widthEm = (box: TextShape, p: Paragraph) =>
  Math.floor(
    (((box.w - box.insets.left - box.insets.right) * 72 - (p.bullet?.indentPt ?? 0)) / p.runs[0]!.sizePt) * 1000,
  ) / 1000;

describe('key figures held whole by line breaks the layout places', () => {
  for (const name of ['default', 'government-red', 'high-contrast']) {
    it(`${name}: a wrapped item with a figure has a line break at each line's end, each line fits, and every figure is one run on one line`, () => {
      const { brief } = loadBrief(FIGURES);
      const plan = planDeck(brief, resolveTheme(name, 'zh-CN'));
      let placed = 0;
      for (const unit of brief.units) {
        const figures = unit.achievements.flatMap((a) =>
          splitFigures(a)
            .filter((s) => s.emphasis)
            .map((s) => s.text),
        );
        const runs: string[] = [];
        for (const s of plan.slides.filter((x) => x.subject === unit.name))
          for (const box of boxesByRole(s, 'panel:achievements'))
            for (const p of box.paragraphs) {
              const lines = linesOf(p);
              placed += lines.length - 1;
              const latin = latinMetricsFor(
                p.runs[0]!.font.latin,
                p.runs.some((r) => r.bold),
              );
              for (const line of lines) expect(breakLines(line, widthEm(box, p), latin)).toHaveLength(1);
              // Exactly as many lines as the layout measured, figures held whole: no line ended early.
              const held = listItem(splitFigures(paraText(p))).text;
              expect(lines.length).toBe(breakLines(held, widthEm(box, p), latin).length);
              for (const r of p.runs) {
                expect(r.text).not.toMatch(/\u2060/);
                if (r.bold) runs.push(r.text);
              }
            }
        expect(runs).toEqual(figures);
      }
      expect(placed).toBeGreaterThan(5);
    });
  }

  it('leaves a paragraph without a figure, or one that fits on a line, to flow as it will', () => {
    const { brief } = parseBrief(
      [
        'meeting: { title: 测试会议, date: 2025-01-06 }',
        'units:',
        '  - name: 甲区委',
        '    achievements:',
        '      - 新建街区党组织202个',
        `      - ${'统筹推进旧区改造、城中村改造和旧住房成套改造工作'.repeat(4)}`,
        '    shortcomings:',
        `      - ${'加快产业转型升级，'.repeat(12)}`,
      ].join('\n'),
      'b.yaml',
    );
    const slide = planDeck(brief, resolveTheme('default', 'zh-CN')).slides[2]!;
    for (const key of ['achievements', 'shortcomings'])
      for (const p of boxesByRole(slide, `panel:${key}`)[0]!.paragraphs)
        expect(p.runs.some((r) => r.breakBefore)).toBe(false);
  });

  it('holds text joined by U+2060 in a brief together, in a title too', () => {
    const phrase = '临港产业新城管委会';
    let movedWhole = 0;
    for (let n = 24; n <= 44; n++) {
      const name = `${'江城市长江经济带绿色低碳高质量发展示范区'.repeat(3).slice(0, n)}${[...phrase].join('\u2060')}`;
      const { brief } = parseBrief(
        `meeting: { title: 测试会议, date: 2025-01-06 }\nunits:\n  - name: ${name}\n    achievements: [好]\n`,
        'b.yaml',
      );
      const title = boxesByRole(planDeck(brief, resolveTheme('default', 'zh-CN')).slides[2]!, 'title')[0]!;
      const lines = linesOf(title.paragraphs[0]!);
      expect(lines.join('')).toBe(name);
      const held = [...phrase].join('\u2060');
      expect(lines.some((l) => l.includes(held))).toBe(true);
      if (lines.length > 1 && lines.some((l) => l.startsWith(held))) movedWhole++;
    }
    expect(movedWhole).toBeGreaterThan(0);
  });

  it('holds text joined by U+2060 together in an item without a figure', () => {
    const phrase = [...'临港产业新城管委会'].join('\u2060');
    let movedWhole = 0;
    // The one panel spans the slide: a line holds about 45 characters.
    for (let n = 34; n <= 48; n++) {
      const item = `${'统筹推进旧区改造城中村改造和旧住房成套改造工作'.repeat(3).slice(0, n)}${phrase}${'加快推进'.repeat(3)}`;
      const { brief } = parseBrief(
        `meeting: { title: 测试会议, date: 2025-01-06 }\nunits:\n  - name: 甲区委\n    shortcomings:\n      - ${item}\n`,
        'b.yaml',
      );
      const box = boxesByRole(planDeck(brief, resolveTheme('default', 'zh-CN')).slides[2]!, 'panel:shortcomings')[0]!;
      const lines = linesOf(box.paragraphs[0]!);
      expect(lines.join('')).toBe(item);
      expect(lines.some((l) => l.includes(phrase))).toBe(true);
      if (lines.length > 1 && lines.some((l) => l.startsWith(phrase))) movedWhole++;
    }
    expect(movedWhole).toBeGreaterThan(0);
  });
});
