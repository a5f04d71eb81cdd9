/**
 * The small pieces every part is written with: escaping and units. Every piece of text that
 * reaches a part goes through `esc` (element text) or `attr` (attribute values), so a part is
 * well-formed by construction; the tests parse every part of every fixture deck to prove it.
 */

import { xmlForbidden } from '../xml-chars.js';
const NEEDS_WORK =
  // eslint-disable-next-line no-control-regex -- control characters are part of what it finds
  /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const FORBIDDEN = xmlForbidden('g');
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text as XML character data (also safe inside a double-quoted attribute). Characters XML
 * cannot hold are dropped: a brief's were removed with a warning when it was read, so this
 * only guards text made elsewhere (templates, labels).
 */
export function esc(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(FORBIDDEN, '').replace(/[&<>"]/g, (c) => ENTITY[c]!);
}

/** An attribute `name="value"`, escaped. */
export const attr = (name: string, value: string) => ` ${name}="${esc(value)}"`;

const EMU_PER_INCH = 914400;
/** Inches → EMU, as whole numbers (what every program expects). */
export const emu = (inches: number) => Math.round(inches * EMU_PER_INCH);
/** Points → hundredths of a point (font sizes, spacing). */
export const centiPt = (pt: number) => Math.round(pt * 100);

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** A relationships part. */
export function relsXml(rels: Relationship[]): string {
  let out = `${XML_HEAD}<Relationships xmlns="${NS_PKG_RELS}">`;
  for (const r of rels) out += `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`;
  return out + '</Relationships>';
}
