/** From theme files to the Theme the layout uses: merged, checked, templates compiled, one language. */
import { basename, dirname } from 'node:path';
import { BriefdeckError, problem } from '../errors.js';
import { msg, type Msg } from '../messages/catalogue.js';
import type { Lang } from '../brief/schema.js';
import { LABELS } from './labels.js';
import { findTheme, loadLayers, mergeLayers, setterOf, type ThemeLayer, type ThemeOptions } from './load.js';
import { COLOR_NAMES, TEMPLATE_KEYS, type ThemeFile } from './schema.js';
import { compileTemplate } from './templates.js';
import type { Labels, Theme, ThemeColors } from './types.js';
import { TEXT_LIMITS } from '../limits.js';
import { longestContext, noRoom } from '../layout/room.js';
import { builtinPath } from './files.js';
import { recoloredMessage, templateFor } from '../template/load.js';
import { footerColor } from '../template/package.js';

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
  // 一是 and （一） are Chinese: an English brief's points are numbered 1. 2. 3. whatever the theme.
  const numbering = need(m.style?.pointNumbering, 'style.pointNumbering');
  const style = {
    cover: need(m.style?.cover, 'style.cover'),
    pointNumbering: lang === 'en' ? 'arabic' : numbering,
  } as const;
  const templates = Object.fromEntries(
    TEMPLATE_KEYS.map((k) => [k, compileTemplate(need(pick(m.templates, k, lang), `templates.${k}`) ?? '')]),
  ) as Omit<Theme['templates'], 'by'>;
  // The built-in default sets every key, and every theme extends it: a gap is a packaging bug.
  if (missing.length) throw new Error(`briefdeck bug: the resolved theme ${top.file} lacks ${missing.join(', ')}`);
  if (sizes.minimum > sizes.body) {
    throw new BriefdeckError(
      problem(
        setterOf(layers, ['sizes', 'minimum']),
        msg('theme.minimumAboveBody', { min: sizes.minimum, body: sizes.body }),
      ),
    );
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
  const template = m.template ? templateFor(m.template, setterOf(layers, ['template'])) : undefined;
  const warnings = [
    ...layers.flatMap((l) => (l.builtin ? [] : l.src.warnings)),
    // A title or text the template colours too faint for what it stands on, given another colour.
    // The footer too: the theme's muted colour, unless it does not read on the template.
    ...[...(template?.recolored ?? []), ...(template ? [footerColor(template, colors.muted).recolored] : [])]
      .filter((r) => r !== undefined)
      .map((r) => problem(setterOf(layers, ['template']), recoloredMessage(r))),
  ];
  const theme: Theme = {
    name: themeName(top.file),
    description: m.description ?? '',
    size: template ? (template.widthIn / template.heightIn < 1.5 ? '4:3' : '16:9') : (m.size ?? '16:9'),
    colors,
    fonts,
    sizes,
    style,
    labels,
    templates: { ...templates, by: compileTemplate<{ by: string }>(raw.by, { trim: false }) },
    files: [
      ...layers.map((l) => l.file),
      ...Object.values(m.images ?? {}).filter((v): v is string => typeof v === 'string'),
      ...(m.template ? [m.template] : []),
    ],
    ...(template ? { template } : {}),
    images: {
      ...(m.images?.logo ? { logo: m.images.logo } : {}),
      ...(m.images?.coverBackground ? { coverBackground: m.images.coverBackground } : {}),
      ...(m.images?.background ? { background: m.images.background } : {}),
    },
    ...(warnings.length ? { warnings } : {}),
  };
  // The built-in themes leave room (a test checks them): only a team's theme is measured.
  if (!layers.every((l) => l.builtin)) checkRoom(theme, layers, lang);
  return theme;
}

/** A theme's name: its file's, or its folder's for an imported template (themes/office/theme.yaml). */
const themeName = (file: string) =>
  /^theme\.ya?ml$/i.test(basename(file)) ? basename(dirname(file)) : basename(file).replace(/\.ya?ml$/i, '');

/** The smallest minimum size a theme may set (the schema's floor). */
const LOWEST_MINIMUM = 10;

const TEMPLATE_NAMES = {
  slideNumber: msg('theme.roomSlideNumber'),
  unitTitle: msg('theme.roomUnitTitle'),
  leaderTitle: msg('theme.roomLeaderTitle'),
} as const;

/**
 * Refuse a theme that leaves no room for text on some slide at its minimum size, with the longest
 * titles and footer a brief can give: the layout could not place a single line there. Named at
 * the key to change: a template or label of the theme's own that is too long (where the default
 * theme's words would fit), else the minimum size, with the largest one that leaves room.
 */
function checkRoom(theme: Theme, layers: ThemeLayer[], lang: Lang): void {
  const gap = noRoom(theme, lang);
  if (!gap) return;
  const min = theme.sizes.minimum;
  const { title } = TEXT_LIMITS;
  // The theme's words that differ from the default theme's, each with a way to put the
  // default's back.
  const base = resolveTheme(builtinPath('default'), lang);
  const ctx = longestContext(theme, lang);
  type Own = { path: string[]; what: Msg; swap: (t: Theme) => Theme };
  const own: Own[] = [
    ...TEMPLATE_KEYS.filter((k) => theme.templates[k](ctx) !== base.templates[k](ctx)).map((k) => ({
      path: ['templates', k],
      what: k === 'footer' ? msg('theme.roomFooter', { lines: gap.footerLines }) : TEMPLATE_NAMES[k],
      swap: (t: Theme) => ({ ...t, templates: { ...t.templates, [k]: base.templates[k] } }),
    })),
    ...(Object.keys(base.labels) as Array<keyof Labels>)
      .filter((k) => k !== 'by' && theme.labels[k] !== base.labels[k])
      .map((k) => ({
        path: ['labels', lang, k],
        what: msg('theme.roomLabel'),
        swap: (t: Theme) => ({ ...t, labels: { ...t.labels, [k]: base.labels[k] } }),
      })),
  ];
  const swapped = (list: Own[]) => list.reduce((t, o) => o.swap(t), theme);
  // With all of them swapped the slides fit: give back each one that is not needed for that.
  let culprits = noRoom(swapped(own), lang) ? [] : own;
  for (const o of own) {
    const without = culprits.filter((c) => c !== o);
    if (culprits.includes(o) && !noRoom(swapped(without), lang)) culprits = without;
  }
  if (culprits.length)
    throw new BriefdeckError(
      culprits.map((c) => problem(setterOf(layers, c.path), msg('theme.roomOwn', { title, what: c.what, min }))),
    );
  let pt = min - 1;
  while (pt >= LOWEST_MINIMUM && noRoom({ ...theme, sizes: { ...theme.sizes, minimum: pt } }, lang)) pt--;
  throw new BriefdeckError(
    problem(
      setterOf(layers, ['sizes', 'minimum']),
      pt >= LOWEST_MINIMUM ? msg('theme.roomMinimum', { min, title, pt }) : msg('theme.roomNone', { min, title }),
    ),
  );
}
