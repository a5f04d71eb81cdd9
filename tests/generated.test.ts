/** The committed generated files (src/generate.ts) are what the code and data make now. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../src/generate.js';

describe('generated files', async () => {
  const files = await generatedFiles();
  it.each([...files.keys()])(
    '%s is up to date (run `npm run generate` after changing what it is made from)',
    (path) => {
      expect(readFileSync(path, 'utf8')).toBe(files.get(path));
    },
  );
});
