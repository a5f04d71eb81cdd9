/**
 * `briefdeck themes import`: an office template → a theme that names it, with the colours and
 * fonts read from its colour and font schemes written out, each with where it came from, so a
 * team sees them and can change them. The layout's sizes come from the template's title and body
 * styles, within what briefdeck's panels can use.
 */
import { contrast, mix, readableOn } from './color.js';
import type { FontPair, OfficeTemplate } from './package.js';

/** A face for Chinese text when the template's scheme names none. */
const FALLBACK_EA = 'Microsoft YaHei';

const q = (s: string) => JSON.stringify(s);
const clamp = (n: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, n)));

export function importedTheme(t: OfficeTemplate, templateFile: string, source: string): string {
  const sc = t.scheme.colors;
  const text = t.content.bodyLook.color;
  // The slide's ground: the master's background when it is one colour; else light or dark, as
  // the template's body text asks.
  const background = t.background ?? (contrast(text, 'FFFFFF') >= contrast(text, '1A1A1A') ? 'FFFFFF' : '1A1A1A');
  const readableText = readableOn(text, background, 7);
  const surface = mix(background, readableText, 0.06);
  const on = (c: string, ratio = 4.5) => readableOn(c, surface, ratio);
  const primary = on(sc.accent1!);
  const colors: Array<[string, string, string]> = [
    ['primary', primary, 'accent1'],
    ['accent', on(sc.accent2!, 3), 'accent2'],
    ['text', readableText, "the body text's colour"],
    ['muted', on(mix(readableText, background, 0.4)), 'the text, lighter'],
    ['background', background, t.background ? "the master's background" : 'behind the pictures'],
    ['onPrimary', contrast('FFFFFF', primary) >= contrast('000000', primary) ? 'FFFFFF' : '000000', 'on primary'],
    ['surface', surface, 'behind panels: the background, tinted'],
    ['achievements', on(sc.accent1!), 'accent1'],
    ['shortcomings', on(sc.accent2!), 'accent2'],
    ['directives', on(sc.accent3!), 'accent3'],
    ['figure', on(sc.accent2!), 'accent2'],
  ];
  const face = (f: FontPair, what: string) =>
    `{ latin: ${q(f.latin || 'Arial')}, eastAsian: ${q(f.eastAsian || FALLBACK_EA)} }   # ${what}${f.eastAsian ? '' : ` (the scheme names no East Asian face: ${FALLBACK_EA})`}`;
  const title = clamp(t.content.titleLook.sizePt, 20, 40);
  const body = clamp(t.content.bodyLook.sizePt, 14, 20);
  const heading = Math.max(body + 2, clamp(body * 1.15, 14, 24));
  const w = Math.max(...colors.map(([k]) => k.length));
  return [
    '# yaml-language-server: $schema=../../schema/theme.schema.json',
    `# Imported from ${source} by \`briefdeck themes import\`. Decks on this theme use the template's`,
    '# own masters, layouts, backgrounds and pictures; the colours and fonts below were read from its',
    '# colour and font schemes (ppt/theme): change them here. Check it with: briefdeck themes preview NAME',
    `description: ${q(`Office template ${source}`)}`,
    'extends: default',
    `template: ${q(templateFile)}   # cover: layout "${t.cover.name}"; other slides: layout "${t.content.name}"`,
    'colors:',
    ...colors.map(([k, v, from]) => `  ${(k + ':').padEnd(w + 1)} "#${v}"   # ${from}`),
    'fonts:',
    `  title:   ${face(t.scheme.major, 'headings font (major)')}`,
    `  heading: ${face(t.scheme.major, 'headings font (major)')}`,
    `  body:    ${face(t.scheme.minor, 'body font (minor)')}`,
    'sizes:',
    `  title: ${title}     # the template's title style: ${t.content.titleLook.sizePt} pt`,
    `  heading: ${heading}`,
    `  body: ${body}      # the template's body text: ${t.content.bodyLook.sizePt} pt; panels start here and shrink to the minimum`,
    '',
  ].join('\n');
}
