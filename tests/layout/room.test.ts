/**
 * The room check themes pass (src/layout/room.ts): at its minimum size a theme must leave room
 * for a line of text under the longest titles and over the longest footer a brief can give.
 */
import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../src/brief/load.js';
import { TEXT_LIMITS } from '../../src/limits.js';
import { BriefdeckError } from '../../src/errors.js';
import { planDeck } from '../../src/layout/deck.js';
import { noRoom } from '../../src/layout/room.js';
import { builtinTheme } from '../../src/theme/builtin.js';
import { builtinThemeNames } from '../../src/theme/files.js';
import type { Theme } from '../../src/theme/types.js';

const L = (n: number) => '国'.repeat(n);
const { title, name, topic } = TEXT_LIMITS;
/** Every title and name at its limit, and enough text for continuation slides everywhere. */
const longest = (lang: 'zh-CN' | 'en') =>
  parseBrief(
    [
      `lang: ${lang}`,
      'meeting:',
      ...['title', 'subtitle', 'organizer', 'location'].map((k) => `  ${k}: ${L(title)}`),
      '  date: 2025-09-30',
      `  chair: { name: ${L(name)}, role: ${L(name)} }`,
      `  summary: ${L(400)}`,
      `  attendees: [${L(name)}, ${L(name)}]`,
      'units:',
      `  - name: ${L(title)}`,
      `    achievements: [${Array(30).fill(L(120)).join(', ')}]`,
      `    shortcomings: [${L(500)}]`,
      `    directives: [{ text: ${L(800)}, by: ${L(name)} }]`,
      'directives:',
      `  - { speaker: ${L(name)}, role: ${L(name)}, topic: ${L(topic)}, points: [${Array(20).fill(L(150)).join(', ')}] }`,
    ].join('\n'),
    'longest.yaml',
  ).brief;

const withMinimum = (t: Theme, minimum: number): Theme => ({ ...t, sizes: { ...t.sizes, minimum } });

describe('room for text', () => {
  it('every built-in theme leaves room, in both languages (they are not measured when loaded)', () => {
    for (const name of builtinThemeNames())
      for (const lang of ['zh-CN', 'en'] as const) expect(noRoom(builtinTheme(name, lang), lang), name).toBeUndefined();
  });

  it('the largest minimum size the check accepts lays out the longest brief, every slide with its text', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const base = builtinTheme('default', lang);
      for (const theme of [base, { ...base, size: '4:3' as const }]) {
        let pt = theme.sizes.minimum;
        while (!noRoom(withMinimum(theme, pt + 1), lang)) pt++;
        expect(pt, 'well above any minimum in use').toBeGreaterThan(18);
        const roomy = { ...theme, sizes: { ...theme.sizes, body: pt, minimum: pt } };
        const plan = planDeck(longest(lang), roomy);
        for (const s of plan.slides.filter((s) => s.kind === 'unit' || s.kind === 'directives'))
          expect(s.shapes.some((sh) => sh.kind === 'text' && sh.role.startsWith('panel:'))).toBe(true);
        // …and no larger: the check measures what the layout does, it is not a rough margin.
        const tight = { ...theme, sizes: { ...theme.sizes, body: pt + 1, minimum: pt + 1 } };
        expect(() => planDeck(longest(lang), tight)).toThrow(BriefdeckError);
      }
    }
  });
});
