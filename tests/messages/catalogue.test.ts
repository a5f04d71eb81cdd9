import { describe, expect, it } from 'vitest';
import { CATALOGUE, LANGS, placeholders } from '../../src/messages/catalogue.js';

describe('the message catalogue', () => {
  it('has every message in every language, with the same parameters', () => {
    for (const [key, texts] of Object.entries(CATALOGUE)) {
      const en = placeholders(texts.en);
      for (const lang of LANGS) {
        const text = (texts as Record<string, string | undefined>)[lang];
        expect(text?.trim(), `${key} in ${lang}`).toBeTruthy();
        expect(placeholders(text!), `${key}: the parameters in ${lang}`).toEqual(en);
      }
    }
  });
});
