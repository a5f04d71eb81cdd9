/**
 * A built-in theme with pictures is not baked into the bundle: picture paths are resolved (and
 * checked) where the package is installed, not where it was bundled.
 */
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const TEAM = resolve('tests/fixtures/themes/team');

vi.mock('../../src/theme/files.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/theme/files.js')>();
  return {
    ...real,
    builtinThemeNames: () => ['default', 'bureau'],
    builtinPath: (name: string) => (name === 'bureau' ? resolve(TEAM, 'bureau.yaml') : real.builtinPath(name)),
  };
});

const { bakeBuiltinLayers } = await import('../../src/theme/load.js');

describe('baking built-in themes', () => {
  it('leaves out a theme with pictures, and bakes the others', () => {
    const baked = bakeBuiltinLayers();
    expect(Object.keys(baked)).toEqual(['default']);
    expect(JSON.parse(baked.default!.json)).not.toHaveProperty('images');
  });
});
