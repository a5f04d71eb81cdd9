/**
 * A fast well-formedness check: one pass over the text, balanced tags, quoted attributes, known
 * entities, no characters XML forbids. It checks the parts pptxgenjs makes for the skeleton (once
 * per process, or when the CLI is bundled); the tests check every part of every fixture deck
 * again with a full parser (fast-xml-parser).
 */

import { xmlForbidden } from '../xml-chars.js';
const NAME = /^[A-Za-z_][\w.:-]*$/;
const ATTRS = /^(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/;
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const ENTITY_AT = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
const SUSPECT =
  // eslint-disable-next-line no-control-regex -- control characters are part of what it finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const FORBIDDEN = xmlForbidden();

/** Every "&" in xml[from, to) starts a known entity. */
function entitiesOk(xml: string, from: number, to: number): number {
  for (let amp = xml.indexOf('&', from); amp >= 0 && amp < to; amp = xml.indexOf('&', amp + 1)) {
    ENTITY_AT.lastIndex = amp;
    if (!ENTITY_AT.test(xml)) return amp;
  }
  return -1;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** `true`, or what is wrong and where. */
export function wellFormed(xml: string): true | string {
  // Surrogates are fine in pairs (emoji): look closer only when something suspect is there.
  if (SUSPECT.test(xml) && FORBIDDEN.test(xml)) return `a character XML forbids at offset ${xml.search(FORBIDDEN)}`;
  const stack: string[] = [];
  let i = 0;
  let roots = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? xml.length : lt;
    const cdataEnd = xml.indexOf(']]>', i);
    if (cdataEnd >= 0 && cdataEnd < end) return `"]]>" in text at offset ${cdataEnd}`;
    const amp = entitiesOk(xml, i, end);
    if (amp >= 0) return `a bare "&" in text at offset ${amp}`;
    if (stack.length === 0)
      for (let k = i; k < end; k++)
        if (!isSpace(xml.charCodeAt(k))) return `text outside the root element at offset ${i}`;
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return `unclosed <? at offset ${lt}`;
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return `unclosed comment at offset ${lt}`;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0) return `unclosed CDATA at offset ${lt}`;
      i = end + 3;
    } else {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) return `unclosed tag at offset ${lt}`;
      const tag = xml.slice(lt + 1, gt);
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const open = stack.pop();
        if (open !== name) return `</${name}> closes <${open ?? 'nothing'}> at offset ${lt}`;
      } else {
        const selfClosing = tag.endsWith('/');
        const body = selfClosing ? tag.slice(0, -1) : tag;
        const space = body.search(/\s/);
        const name = space < 0 ? body : body.slice(0, space);
        if (!NAME.test(name)) return `bad tag name "${name}" at offset ${lt}`;
        const attrs = space < 0 ? '' : body.slice(space);
        if (!ATTRS.test(attrs) || ENTITY.test(attrs)) return `bad attributes in <${name}> at offset ${lt}`;
        if (stack.length === 0) roots++;
        if (!selfClosing) stack.push(name);
      }
      i = gt + 1;
    }
  }
  if (stack.length) return `<${stack[stack.length - 1]}> is never closed`;
  if (roots !== 1) return `${roots} root elements`;
  return true;
}
