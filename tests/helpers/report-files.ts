/**
 * Reports in the other forms a secretary has them, made from text in the tests: a Word .docx
 * (a zip of a few XML parts, built with jszip), text in GB18030 or Big5, and zips made to be
 * refused (a bomb, one whose sizes lie).
 */
import JSZip from 'jszip';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A Word document with one paragraph per item, as Word writes them: each in runs of at most
 * `run` characters (Word splits a paragraph wherever its formatting or editing history changes).
 */
export function documentXml(paragraphs: string[], run = 40): string {
  const body = paragraphs
    .map((p) => {
      const runs: string[] = [];
      for (let i = 0; i < p.length; i += run)
        runs.push(
          `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${xml(p.slice(i, i + run))}</w:t></w:r>`,
        );
      return `<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>${runs.join('')}</w:p>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A .docx of these parts besides the package's own: `word/document.xml` and anything else. */
export async function makeZip(parts: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A .docx with one paragraph per item. */
export const makeDocx = (paragraphs: string[]) => makeZip({ 'word/document.xml': documentXml(paragraphs) });

/**
 * A zip whose central directory says `name` unpacks to `size` bytes, whatever it really does:
 * the sizes a zip bomb lies about.
 */
export function patchDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const encoded = Buffer.from(name);
  for (
    let at = out.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'));
    at >= 0;
    at = out.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'), at - 1)
  ) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.subarray(at + 46, at + 46 + nameLength).equals(encoded)) {
      out.writeUInt32LE(size, at + 24);
      return out;
    }
  }
  throw new Error(`no ${name} in the zip`);
}

const tables = new Map<string, Map<string, number[]>>();

/** Text in a two-byte Chinese encoding, from the decoder's own table (Node has no encoder). */
export function encode(text: string, encoding: 'gb18030' | 'big5'): Buffer {
  let table = tables.get(encoding);
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder(encoding, { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        try {
          const ch = decoder.decode(Uint8Array.of(lead, trail));
          if (!table.has(ch)) table.set(ch, [lead, trail]);
        } catch {
          // not a character in this encoding
        }
      }
    tables.set(encoding, table);
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`${ch} (U+${ch.codePointAt(0)!.toString(16)}) has no ${encoding} form`);
      bytes.push(...b);
    }
  }
  return Buffer.from(bytes);
}
