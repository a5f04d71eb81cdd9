/**
 * A look inside a zip (a .docx) before any library unpacks it: the entries from the central
 * directory, and each one inflated with a ceiling, so a zip bomb — declared sizes that are
 * huge, or small sizes that lie — is refused before it can fill memory. Node's zlib does the
 * inflating (`maxOutputLength` stops it at the ceiling); the zip format itself is PKWARE's
 * APPNOTE: end of central directory, central directory headers, local headers.
 */
import { inflateRawSync } from 'node:zlib';

/**
 * What a report's .docx may unpack to, all parts together. A long report is a few MB of XML, and
 * its pictures are no bigger unpacked than packed (the file itself is at most 5 MB); mammoth holds
 * the document's XML as a tree of about 50 times its size, so this also bounds its memory.
 */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;
/** More parts than any Word file has. */
const MAX_ENTRIES = 5000;

interface ZipEntry {
  name: string;
}

/** Why a zip is not read; the caller words the message. */
type ZipProblem =
  { kind: 'damaged'; detail: string } | { kind: 'encrypted' } | { kind: 'too-big'; bytes: number; entry: string };

export type ZipCheck = { ok: true; entries: ZipEntry[] } | ({ ok: false } & ZipProblem);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip, after checking that every one unpacks within the ceiling. */
export function checkZip(b: Uint8Array, limit = MAX_UNPACKED_BYTES): ZipCheck {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const damaged = (detail: string): ZipCheck => ({ ok: false, kind: 'damaged', detail });

  // The end-of-central-directory record: the last 22 bytes, or before a comment of up to 64 KB.
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return damaged('its end record is missing: the file is cut short or not a zip');
  const count = u16(end + 10);
  const cdSize = u32(end + 12);
  const cdStart = u32(end + 16);
  // ZIP64 (over 4 GB or 65,535 entries): never a Word file of a report.
  if (count === 0xffff || cdStart === 0xffffffff) return damaged('it is a ZIP64 archive');
  if (count > MAX_ENTRIES) return damaged(`it has ${count} parts`);
  if (cdStart + cdSize > end) return damaged('its directory points outside the file');

  const entries: ZipEntry[] = [];
  let declared = 0;
  const parts: { name: string; method: number; data: Uint8Array; size: number }[] = [];
  for (let i = 0, at = cdStart; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL) return damaged('its directory is broken');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const packed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    if (next > end) return damaged('its directory is broken');
    const name = new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength));
    at = next;
    if (flags & 1) return { ok: false, kind: 'encrypted' };
    declared += size;
    if (declared > limit) return { ok: false, kind: 'too-big', bytes: declared, entry: name };
    if (local + 30 > b.length || u32(local) !== LOCAL) return damaged(`part ${name} is missing`);
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataStart + packed > b.length) return damaged(`part ${name} is cut short`);
    if (method !== 0 && method !== 8) return damaged(`part ${name} is packed in a way Word does not use`);
    entries.push({ name });
    parts.push({ name, method, data: b.subarray(dataStart, dataStart + packed), size });
  }

  // The declared sizes can lie: inflate each part, stopping at what is left of the ceiling.
  let unpacked = 0;
  for (const p of parts) {
    let size = p.data.length;
    if (p.method === 8) {
      try {
        size = inflateRawSync(p.data, { maxOutputLength: Math.max(1, limit - unpacked) }).length;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          return { ok: false, kind: 'too-big', bytes: limit + 1, entry: p.name };
        return damaged(`part ${p.name} cannot be unpacked`);
      }
    }
    if (size !== p.size) return damaged(`part ${p.name} is not the size its directory says`);
    unpacked += size;
  }
  return { ok: true, entries };
}
