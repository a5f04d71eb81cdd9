/** Finding a theme by name. Built-in themes only for now; theme files come with the theme issue. */
import { BriefdeckError } from '../errors.js';
import type { Lang } from '../layout/plan.js';
import { suggest } from '../yaml/validate.js';
import { defaultTheme } from './builtin.js';
import type { Theme } from './types.js';

const BUILTIN: Record<string, (lang: Lang) => Theme> = { default: defaultTheme };

export function builtinThemeNames(): string[] {
  return Object.keys(BUILTIN);
}

export function resolveTheme(name: string | undefined, lang: Lang, from?: string): Theme {
  const key = name ?? 'default';
  const make = BUILTIN[key];
  if (!make) {
    const hint = suggest(key, builtinThemeNames());
    throw new BriefdeckError({ ...(from ? { file: from } : {}), message: `unknown theme "${key}"${hint ? `; did you mean "${hint}"?` : ''} (available: ${builtinThemeNames().join(', ')})` });
  }
  return make(lang);
}
