/**
 * The theme file's schema. Every key is optional in a file: a theme `extends` another (by
 * default the built-in `default`), and values deep-merge. The resolved theme is complete.
 * One definition gives the validator and `schema/theme.schema.json`.
 */
import * as z from '../zod.js';
import { got } from '../brief/schema.js';
import { msg, zodText, type Msg } from '../messages/catalogue.js';

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
  'leaderPoints',
  'by',
] as const;
const COVER_STYLES = ['banded', 'centered'] as const;
const POINT_NUMBERINGS = ['arabic', 'paren-chinese', 'yishi'] as const;
export const TEMPLATE_KEYS = ['footer', 'slideNumber', 'unitTitle', 'leaderTitle'] as const;

/** The longest label and template, in characters. */
const MAX_LABEL = 40;
const MAX_TEMPLATE = 200;

/** Made on first use: a build with a built-in theme never validates a theme file, and making
 * the schema costs every start a few milliseconds. */
function makeThemeFileSchema() {
  const text = (what: Msg) =>
    z
      .string({ error: (iss) => zodText(msg('brief.expectedText', { what, got: got(iss.input) })) })
      .refine((s) => s.trim().length > 0, { message: zodText(msg('brief.emptyText', { what }), true) });

  /** `#RRGGBB` or `RRGGBB`; normalised to `RRGGBB` upper case when the theme is resolved. */
  const Color = z
    .string({ error: (iss) => zodText(msg('theme.colorType', { got: got(iss.input) })) })
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
      latin: text(msg('what.fontName'))
        .optional()
        .meta({ description: 'Face for Latin letters and digits, e.g. Arial' }),
      eastAsian: text(msg('what.fontName'))
        .optional()
        .meta({ description: 'Face for Chinese text, e.g. Microsoft YaHei, SimHei, FangSong' }),
    })
    .meta({ description: 'A Latin and an East Asian face' });

  const sizeType = (iss: { input: unknown }) => zodText(msg('theme.sizeType', { got: got(iss.input) }));
  const size = (what: Msg) =>
    z
      .number({ error: sizeType })
      .min(6, { message: zodText(msg('theme.sizeMin', { what }), true) })
      .max(96, { message: zodText(msg('theme.sizeMax', { what }), true) });

  const Sizes = z
    .strictObject({
      title: size(msg('size.title')).optional(),
      heading: size(msg('size.heading')).optional(),
      body: size(msg('size.body'))
        .optional()
        .meta({ description: 'The size body text starts at; the layout shrinks towards the minimum' }),
      minimum: z
        .number({ error: sizeType })
        .min(10, { message: zodText(msg('theme.minimumMin'), true) })
        .max(96, { message: zodText(msg('theme.minimumMax'), true) })
        .optional()
        .meta({ description: 'A floor the layout never goes under (10 pt or more)' }),
    })
    .meta({ description: 'Font sizes in points' });

  const imagePath = (what: string) =>
    text(msg('what.filePath')).meta({ description: `${what}: PNG, JPEG or SVG, relative to the theme file` });

  const Images = z.strictObject({
    logo: imagePath('Logo on the cover and the top right of content slides').optional(),
    coverBackground: imagePath('Full-slide picture behind the cover').optional(),
    background: imagePath('Full-slide picture behind content slides').optional(),
  });

  /** Labels are words set as headings; templates make a title or a footer line. */
  const atMost = (max: number) => (s: string) => s.length <= max || [...s].length <= max;
  const Label = z
    .string({ error: (iss) => zodText(msg('brief.expectedText', { what: msg('what.text'), got: got(iss.input) })) })
    .refine(atMost(MAX_LABEL), {
      message: zodText(msg('theme.labelLength', { max: MAX_LABEL }), true),
    });
  const LabelSet = z.strictObject(
    Object.fromEntries(LABEL_KEYS.map((k) => [k, Label.optional()])) as Record<
      (typeof LABEL_KEYS)[number],
      z.ZodOptional<typeof Label>
    >,
  );

  const templateText = text(msg('what.template')).refine(atMost(MAX_TEMPLATE), {
    message: zodText(msg('theme.templateLength', { max: MAX_TEMPLATE }), true),
  });
  const Template = z
    .union([templateText, z.strictObject({ 'zh-CN': templateText.optional(), en: templateText.optional() })])
    .meta({ description: 'A handlebars template producing plain text; or one per language: { zh-CN: …, en: … }' });

  return z
    .strictObject({
      description: text(msg('what.description'))
        .optional()
        .meta({ description: 'One line shown by `briefdeck themes`' }),
      extends: text(msg('what.themeName')).optional().meta({
        description:
          'A built-in theme (default, government-red, high-contrast) or a theme file, relative to this one; default: default',
      }),
      template: text(msg('what.filePath')).optional().meta({
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
      style: z
        .strictObject({
          cover: z
            .enum(COVER_STYLES, { error: () => `expected ${COVER_STYLES.join(' or ')}` })
            .optional()
            .meta({
              description:
                'The cover: banded (title, subtitle and organizer on a band of the primary colour, at the left) or centered (the official cover: everything centred, the organizer under the band with the date)',
            }),
          pointNumbering: z
            .enum(POINT_NUMBERINGS, { error: () => `expected ${POINT_NUMBERINGS.join(', ')}` })
            .optional()
            .meta({
              description:
                "How a leader's directive points are numbered: arabic (1. 2. 3.), paren-chinese (（一）（二）（三）) or yishi (一是 二是 三是); an English brief always gets 1. 2. 3.",
            }),
        })
        .optional()
        .meta({ description: 'How the deck is laid out where offices differ: the cover, the numbering of points' }),
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
