/** What both of the preview's drawers write SVG with: numbers and escaped text. */
import { xmlForbidden } from '../xml-chars.js';

/** Points to two decimals: enough for a screen, and a small page. */
export const n = (v: number): string => String(Math.round(v * 100) / 100);

const NOT_XML = xmlForbidden('g');
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as XML character data or a double-quoted attribute value. */
export function esc(s: string): string {
  return s.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITY[c]!);
}
