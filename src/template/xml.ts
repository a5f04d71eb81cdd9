/**
 * A small XML reader for a template's masters, layouts, themes and relationships, when their
 * shapes are read in drawing order and groups nest (the preview draws them): elements with their
 * attributes, children and text, nothing more. It never throws and never fetches or expands
 * anything: a DOCTYPE (with any entities it declares) is skipped, only the five XML entities
 * and character references are read, and what does not read as markup is left out.
 */

export interface XmlElement {
  /** As written, with its prefix: `p:sp`, `a:off`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities read. */
  text: string;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The document's root element; an empty one named `""` when there is none. */
export function parseXml(xml: string): XmlElement {
  const top: XmlElement = { name: '', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [top];
  for (const m of xml.matchAll(TOKEN)) {
    const current = stack[stack.length - 1]!;
    if (m[3] !== undefined) {
      const attrs = Object.create(null) as Record<string, string>;
      for (const a of m[4]!.matchAll(ATTR)) attrs[a[1]!] = unescape(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name: m[3], attrs, children: [], text: '' };
      current.children.push(el);
      if (!m[5]) stack.push(el);
    } else if (m[2] !== undefined) {
      // Close the element named (and any left open inside it); a stray end tag is ignored.
      const at = stack.findLastIndex((e) => e.name === m[2]);
      if (at > 0) stack.length = at;
    } else if (m[6] !== undefined) {
      if (stack.length > 1) current.text += unescape(m[6]);
    } else if (m[1] !== undefined) {
      if (stack.length > 1) current.text += m[1];
    }
  }
  return top.children[0] ?? top;
}

/** The first child of that name. */
export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el?.children.find((c) => c.name === name);

/** Down a path of first children: `path(sp, 'p:spPr', 'a:xfrm', 'a:off')`. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let at = el;
  for (const name of names) at = child(at, name);
  return at;
}

/** Every child of that name. */
export const children = (el: XmlElement | undefined, name: string): XmlElement[] =>
  el ? el.children.filter((c) => c.name === name) : [];
