/**
 * The theme file's schema. Every key is optional in a file: a theme `extends` another (by
 * default the built-in `default`), and values deep-merge. The resolved theme is complete.
 * One definition gives the validator and `schema/theme.schema.json`.
 */
import * as z from '../zod.js';
import { describe } from '../brief/schema.js';

const COLOR_KEYS = {
  primary: 'Titles, the cover band, the overview label',
  accent: 'The rule under titles, the cover stripe, the units label',
  text: 'Body text',
  muted: 'Footer, who said a directive, the chair line',
  background: 'Slide background',
  onPrimary: 'Text on the primary colour (the cover)',
  surface: 'The tint behind panels',
  achievements: 'The 主要成绩 panel: strip, label and bullets',
  shortcomings: 'The 存在不足 panel',
  directives: 'The 领导指示 panel and directive slides',
  figure: 'Key figures emphasised in achievements',
} as const;
export type ColorKey = keyof typeof COLOR_KEYS;
export const COLOR_NAMES = Object.keys(COLOR_KEYS) as ColorKey[];

const LABEL_KEYS = [
  'achievements',
  'shortcomings',
  'directives',
  'overview',
  'summary',
  'units',
  'attendees',
  'chair',
  'continued',
  'leaderDirectives',
  'by',
] as const;
export const TEMPLATE_KEYS = ['footer', 'slideNumber', 'unitTitle', 'leaderTitle'] as const;

/** The longest label and template, in characters. */
const MAX_LABEL = 40;
const MAX_TEMPLATE = 200;

/** Made on first use: a build with a built-in theme never validates a theme file, and making
 * the schema costs every start a few milliseconds. */
function makeThemeFileSchema() {
  const text = (what: string) =>
    z
      .string({ error: (iss) => `expected ${what}, got ${describe(iss.input)}` })
      .refine((s) => s.trim().length > 0, { message: `${what} is empty` });

  /** `#RRGGBB` or `RRGGBB`; normalised to `RRGGBB` upper case when the theme is resolved. */
  const Color = z
    .string({ error: (iss) => `expected a colour as #RRGGBB, got ${describe(iss.input)}` })
    .regex(/^#?[0-9a-fA-F]{6}$/, { message: 'expected a colour as #RRGGBB or RRGGBB (six hex digits)' })
    .meta({ description: 'A colour: #RRGGBB or RRGGBB', examples: ['#C8102E'] });

  const Colors = z.strictObject(
    Object.fromEntries(COLOR_NAMES.map((k) => [k, Color.optional().meta({ description: COLOR_KEYS[k] })])) as Record<
      ColorKey,
      z.ZodOptional<typeof Color>
    >,
  );

  const Font = z
    .strictObject({
      latin: text('a font name').optional().meta({ description: 'Face for Latin letters and digits, e.g. Arial' }),
      eastAsian: text('a font name')
        .optional()
        .meta({ description: 'Face for Chinese text, e.g. Microsoft YaHei, SimHei, FangSong' }),
    })
    .meta({ description: 'A Latin and an East Asian face' });

  const size = (what: string) =>
    z
      .number({ error: (iss) => `expected a size in points, got ${describe(iss.input)}` })
      .min(6, { message: `${what} must be at least 6 pt` })
      .max(96, { message: `${what} must be at most 96 pt` });

  const Sizes = z
    .strictObject({
      title: size('the title size').optional(),
      heading: size('the heading size').optional(),
      body: size('the body size')
        .optional()
        .meta({ description: 'The size body text starts at; the layout shrinks towards the minimum' }),
      minimum: z
        .number({ error: (iss) => `expected a size in points, got ${describe(iss.input)}` })
        .min(10, {
          message: 'the minimum size cannot be below 10 pt: text under that cannot be read in a meeting room',
        })
        .max(96, { message: 'the minimum size must be at most 96 pt' })
        .optional()
        .meta({ description: 'A floor the layout never goes under (10 pt or more)' }),
    })
    .meta({ description: 'Font sizes in points' });

  const imagePath = (what: string) =>
    text('a file path').meta({ description: `${what}: PNG, JPEG or SVG, relative to the theme file` });

  const Images = z.strictObject({
    logo: imagePath('Logo on the cover and the top right of content slides').optional(),
    coverBackground: imagePath('Full-slide picture behind the cover').optional(),
    background: imagePath('Full-slide picture behind content slides').optional(),
  });

  /** Labels are words set as headings; templates make a title or a footer line. */
  const atMost = (max: number) => (s: string) => s.length <= max || [...s].length <= max;
  const Label = z.string({ error: (iss) => `expected text, got ${describe(iss.input)}` }).refine(atMost(MAX_LABEL), {
    message: `a label is at most ${MAX_LABEL} characters: it is set as a heading`,
  });
  const LabelSet = z.strictObject(
    Object.fromEntries(LABEL_KEYS.map((k) => [k, Label.optional()])) as Record<
      (typeof LABEL_KEYS)[number],
      z.ZodOptional<typeof Label>
    >,
  );

  const templateText = text('a template').refine(atMost(MAX_TEMPLATE), {
    message: `a template is at most ${MAX_TEMPLATE} characters: it makes a title or the footer`,
  });
  const Template = z
    .union([templateText, z.strictObject({ 'zh-CN': templateText.optional(), en: templateText.optional() })])
    .meta({ description: 'A handlebars template producing plain text; or one per language: { zh-CN: …, en: … }' });

  return z
    .strictObject({
      description: text('a description').optional().meta({ description: 'One line shown by `briefdeck themes`' }),
      extends: text('a theme name or path').optional().meta({
        description:
          'A built-in theme (default, government-red, high-contrast) or a theme file, relative to this one; default: default',
      }),
      template: text('a file path').optional().meta({
        description:
          "The office's own PowerPoint template (.potx or .pptx) beside this file: decks use its masters, layouts, backgrounds and pictures, and its slide size",
      }),
      size: z
        .enum(['16:9', '4:3'], { error: () => 'expected 16:9 or 4:3' })
        .optional()
        .meta({ description: 'Slide size' }),
      colors: Colors.optional(),
      fonts: z.strictObject({ title: Font.optional(), heading: Font.optional(), body: Font.optional() }).optional(),
      sizes: Sizes.optional(),
      images: Images.optional(),
      labels: z
        .strictObject({ 'zh-CN': LabelSet.optional(), en: LabelSet.optional() })
        .optional()
        .meta({ description: 'Words on the slides per language; each is a template (e.g. by: "（{{by}}）")' }),
      templates: z
        .strictObject(
          Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, Template.optional()])) as Record<
            (typeof TEMPLATE_KEYS)[number],
            z.ZodOptional<typeof Template>
          >,
        )
        .optional(),
    })
    .meta({
      title: 'briefdeck theme',
      description: 'A briefdeck theme: colours, fonts, sizes, images, labels and templates; extends another theme',
    });
}

let schema: ReturnType<typeof makeThemeFileSchema> | undefined;
export const themeFileSchema = () => (schema ??= makeThemeFileSchema());

export type ThemeFile = z.output<ReturnType<typeof makeThemeFileSchema>>;

export function themeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(themeFileSchema(), { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
