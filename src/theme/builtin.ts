/** The built-in themes, by name: what tests, the benchmark and the preview use. */
import type { Lang } from '../brief/schema.js';
import { resolveTheme } from './resolve.js';
import type { Theme } from './types.js';

export const defaultTheme = (lang: Lang = 'zh-CN'): Theme => builtinTheme('default', lang);

export function builtinTheme(name: string, lang: Lang = 'zh-CN'): Theme {
  return resolveTheme(name, lang, { cwd: '/nonexistent-briefdeck-cwd' });
}
