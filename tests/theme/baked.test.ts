/**
 * The built-in themes are kept already validated (`npm run generate` writes
 * src/theme/builtin-layers.ts). What it carries is used only while the file holds the same text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const baked = vi.hoisted(() => ({ layers: {} as Record<string, { text: string; json: string }> }));
vi.mock('../../src/theme/builtin-layers.js', () => ({
  get BUILTIN_LAYERS() {
    return baked.layers;
  },
}));

const { bakeBuiltinLayers } = await import('../../src/theme/load.js');
const { clearThemeCache, resolveTheme } = await import('../../src/theme/resolve.js');
const { builtinPath } = await import('../../src/theme/files.js');

describe('built-in themes baked into the bundle', () => {
  const real = bakeBuiltinLayers();
  const marked = (text: string) => {
    const data = JSON.parse(real.default!.json) as { colors: Record<string, string> };
    data.colors.primary = '#123456';
    return { default: { text, json: JSON.stringify(data) } };
  };

  it('bakes every built-in theme with the text it was made from', () => {
    expect(Object.keys(real).sort()).toEqual(['default', 'government-red', 'high-contrast']);
    for (const [name, { text }] of Object.entries(real)) expect(text).toBe(readFileSync(builtinPath(name), 'utf8'));
  });

  it('is used while the theme file holds the same text', () => {
    baked.layers = marked(real.default!.text);
    clearThemeCache();
    expect(resolveTheme('default', 'zh-CN').colors.primary).toBe('123456');
    // A theme extending it inherits what was baked.
    clearThemeCache();
    expect(resolveTheme('government-red', 'zh-CN').colors.primary).not.toBe('123456'); // sets its own
    expect(resolveTheme('high-contrast', 'zh-CN').fonts.body).toEqual(resolveTheme('default', 'zh-CN').fonts.body);
  });

  it('is ignored once the file has changed: the file is read and validated', () => {
    baked.layers = marked(real.default!.text + '\n# edited\n');
    clearThemeCache();
    expect(resolveTheme('default', 'zh-CN').colors.primary).not.toBe('123456');
    baked.layers = {};
    clearThemeCache();
  });
});
