import { describe, expect, it } from 'vitest';
import { builtinThemeNames } from '../../src/theme/files.js';
import { builtinTheme } from '../../src/theme/builtin.js';
import { checkContrast, contrastRatio } from '../../src/theme/contrast.js';

describe('WCAG contrast', () => {
  it('computes ratios as WCAG defines them', () => {
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('FFFFFF', 'FFFFFF')).toBeCloseTo(1, 5);
    expect(contrastRatio('777777', 'FFFFFF')).toBeCloseTo(4.48, 2);
  });

  for (const name of builtinThemeNames()) {
    it(`${name}: every text colour meets AA on what it stands on`, () => {
      const failing = checkContrast(builtinTheme(name))
        .filter((c) => !c.ok)
        .map((c) => `${c.what}: ${c.fg} on ${c.bg} is ${c.ratio.toFixed(2)}, needs ${c.required}`);
      expect(failing).toEqual([]);
    });
  }

  it('high-contrast goes further: 7:1 (AAA) for all text', () => {
    for (const c of checkContrast(builtinTheme('high-contrast'))) expect(c.ratio, c.what).toBeGreaterThanOrEqual(7);
  });
});
