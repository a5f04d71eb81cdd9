import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { briefJsonSchema } from '../../src/brief/schema.js';

describe('schema/brief.schema.json', () => {
  it('is the schema the code generates (run `npm run generate` after changing src/brief/schema.ts)', () => {
    const committed = JSON.parse(readFileSync('schema/brief.schema.json', 'utf8'));
    expect(committed).toEqual(briefJsonSchema());
  });
  it('is referenced by the sample brief for editor completion', () => {
    expect(readFileSync('briefs/2025-01-shanghai-quarterly.yaml', 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/brief.schema.json',
    );
  });
  it('refuses unknown keys, as the validator does', () => {
    const s = briefJsonSchema() as {
      additionalProperties?: boolean;
      properties: { units: { items: { additionalProperties?: boolean } } };
    };
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.units.items.additionalProperties).toBe(false);
  });
});

describe('schema/theme.schema.json', () => {
  it('is the schema the code generates (run `npm run generate`)', async () => {
    const { themeJsonSchema } = await import('../../src/theme/schema.js');
    expect(JSON.parse(readFileSync('schema/theme.schema.json', 'utf8'))).toEqual(themeJsonSchema());
  });
  it('is referenced by every built-in theme', () => {
    for (const t of ['default', 'government-red', 'high-contrast'])
      expect(readFileSync(`themes/${t}.yaml`, 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=../schema/theme.schema.json',
      );
  });
});
