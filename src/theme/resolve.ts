/** From theme files to the Theme the layout uses: merged, checked, templates compiled, one language. */
import { basename } from 'node:path';
import { BriefdeckError } from '../errors.js';
import type { Lang } from '../brief/schema.js';
import { LABELS } from './labels.js';
import { findTheme, loadLayers, mergeLayers, setterOf, type ThemeLayer, type ThemeOptions } from './load.js';
import { COLOR_NAMES, TEMPLATE_KEYS, type ThemeFile } from './schema.js';
import { compileTemplate } from './templates.js';
import type { Labels, Theme, ThemeColors } from './types.js';

export type { ThemeOptions };

const cache = new Map<string, Theme>();

/** Resolve a theme reference (name or path; default `default`) for a brief's language. */
export function resolveTheme(ref: string | undefined, lang: Lang, opts: ThemeOptions = {}): Theme {
  const file = findTheme(ref, opts);
  const key = `${file}\u0000${lang}\u0000${opts.allowOutsideFiles ? 1 : 0}`;
  let theme = cache.get(key);
  if (!theme) {
    theme = themeFromLayers(loadLayers(file, opts), lang);
    cache.set(key, theme);
  }
  return theme;
}

/** Forget loaded themes (a watcher calls this when a theme file changes). */
export function clearThemeCache(): void {
  cache.clear();
}

const pick = (t: ThemeFile['templates'], key: (typeof TEMPLATE_KEYS)[number], lang: Lang): string | undefined => {
  const v = t?.[key];
  return typeof v === 'string' ? v : (v?.[lang] ?? v?.['zh-CN'] ?? v?.en);
};

function themeFromLayers(layers: ThemeLayer[], lang: Lang): Theme {
  const m = mergeLayers(layers);
  const top = layers[layers.length - 1]!;
  const missing: string[] = [];
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) missing.push(what);
    return v as T;
  };
  const colors = Object.fromEntries(
    COLOR_NAMES.map((k) => [k, need(m.colors?.[k], `colors.${k}`)?.replace('#', '').toUpperCase()]),
  ) as unknown as ThemeColors;
  const font = (role: 'title' | 'heading' | 'body') => ({
    latin: need(m.fonts?.[role]?.latin, `fonts.${role}.latin`),
    eastAsian: need(m.fonts?.[role]?.eastAsian, `fonts.${role}.eastAsian`),
  });
  const fonts = { title: font('title'), heading: font('heading'), body: font('body') };
  const sizes = {
    title: need(m.sizes?.title, 'sizes.title'),
    heading: need(m.sizes?.heading, 'sizes.heading'),
    body: need(m.sizes?.body, 'sizes.body'),
    minimum: need(m.sizes?.minimum, 'sizes.minimum'),
  };
  const templates = Object.fromEntries(
    TEMPLATE_KEYS.map((k) => [k, compileTemplate(need(pick(m.templates, k, lang), `templates.${k}`) ?? '')]),
  ) as Omit<Theme['templates'], 'by'>;
  // The built-in default sets every key, and every theme extends it: a gap is a packaging bug.
  if (missing.length) throw new Error(`briefdeck bug: the resolved theme ${top.file} lacks ${missing.join(', ')}`);
  if (sizes.minimum > sizes.body) {
    throw new BriefdeckError({
      ...setterOf(layers, ['sizes', 'minimum']),
      message: `the minimum size (${sizes.minimum} pt) is above the body size (${sizes.body} pt)`,
    });
  }
  const raw: Labels = {
    ...LABELS[lang],
    ...(Object.fromEntries(
      Object.entries(m.labels?.[lang] ?? {}).filter(([, v]) => v !== undefined),
    ) as Partial<Labels>),
  };
  // Labels are templates too; all but `by` have nothing to fill in, so they become plain text now.
  const ctx = { lang, labels: raw, meeting: { title: '', date: '' }, slide: { number: '0', count: '0' } };
  const labels = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, k === 'by' ? v : compileTemplate(v, { trim: false })(ctx)]),
  ) as Labels;
  // The package's own themes have nothing to mend (and a checked one is never parsed again).
  const warnings = layers.flatMap((l) => (l.builtin ? [] : l.src.warnings));
  return {
    name: basename(top.file).replace(/\.ya?ml$/i, ''),
    description: m.description ?? '',
    size: m.size ?? '16:9',
    colors,
    fonts,
    sizes,
    labels,
    templates: { ...templates, by: compileTemplate<{ by: string }>(raw.by, { trim: false }) },
    files: [
      ...layers.map((l) => l.file),
      ...Object.values(m.images ?? {}).filter((v): v is string => typeof v === 'string'),
    ],
    images: {
      ...(m.images?.logo ? { logo: m.images.logo } : {}),
      ...(m.images?.coverBackground ? { coverBackground: m.images.coverBackground } : {}),
      ...(m.images?.background ? { background: m.images.background } : {}),
    },
    ...(warnings.length ? { warnings } : {}),
  };
}
