/**
 * Writing the .pptx zip: parts compressed by a Compressor (native zlib, here or on a helper
 * thread), fixed timestamps and order, so the same deck gives the same bytes. Plain zip: no
 * zip64, which a deck never needs.
 */
import type { Compressor, PartOut } from './deflate.js';

/** Bytes of parts handed over and not yet written out: bounds memory on a big deck. Past it,
 * parts are written out down to half of it, not just below it: waiting for one part at a time
 * would send the compressor one part at a time too (a 1,000-slide deck: 959 batches instead of
 * 186, and ~35 ms more). */
const PENDING_BYTES = 2 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  /** XML as text, or bytes. */
  data: string | Uint8Array;
  /** Deflate it (XML) or store it (pictures, already compressed). */
  compress: boolean;
}

/** DOS date and time of a UTC instant (2-second resolution, 1980–2107). */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

interface Pending {
  name: string;
  /** Characters or bytes handed over, for the memory bound. */
  weight: number;
  part: Promise<PartOut>;
}

/** A zip written entry by entry: each part is handed to the compressor as it is added and let
 * go when compressed, so only the compressed package and a few parts are held in memory. */
export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  /** Each part's local header and where it is: the central directory is made from them. */
  private readonly centrals: Array<{ header: Buffer; offset: number }> = [];
  private readonly pending: Pending[] = [];
  private pendingBytes = 0;
  private offset = 0;
  private count = 0;
  private readonly time: number;
  private readonly date: number;

  constructor(
    when: Date,
    private readonly compressor: Compressor,
  ) {
    ({ time: this.time, date: this.date } = dosDateTime(when));
  }

  /** Add a part; resolves when the writer is ready for the next (not when this one is done). */
  async add(e: ZipEntry): Promise<void> {
    const part = this.compressor.encode({ data: e.data, compress: e.compress });
    part.catch(() => undefined); // seen when it is settled, in order; not an unhandled rejection meanwhile
    this.pending.push({ name: e.name, weight: e.data.length, part });
    this.pendingBytes += e.data.length;
    if (this.pendingBytes > PENDING_BYTES) while (this.pendingBytes > PENDING_BYTES / 2) await this.settle();
  }

  /** Write out the oldest pending part, in order. */
  private async settle(): Promise<void> {
    const p = this.pending.shift()!;
    this.pendingBytes -= p.weight;
    this.compressor.flush();
    this.write(p.name, await p.part);
  }

  private write(fileName: string, { crc, size, method, body }: PartOut): void {
    const name = Buffer.from(fileName, 'utf8');
    // allocUnsafe: from Node's pool, not zeroed; every byte of the header is written below.
    const local = Buffer.allocUnsafe(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(this.time, 10);
    local.writeUInt16LE(this.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    name.copy(local, 30);
    this.chunks.push(local, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    // The central directory repeats the header's fields from "version needed" to the name's
    // length; it is written at the end, from these.
    this.centrals.push({ header: local, offset: this.offset });
    this.offset += local.length + body.length;
    this.count++;
  }

  async finish(): Promise<Buffer> {
    while (this.pending.length) await this.settle();
    let cdSize = 0;
    for (const { header } of this.centrals) cdSize += 46 + header.length - 30;
    const cd = Buffer.alloc(cdSize);
    let at = 0;
    for (const { header, offset } of this.centrals) {
      cd.writeUInt32LE(0x02014b50, at);
      cd.writeUInt16LE(20, at + 4); // made by: 2.0, MS-DOS
      header.copy(cd, at + 6, 4, 30); // version needed … name length, and extra length (0)
      cd.writeUInt32LE(offset, at + 42); // comment, disk, attributes: 0
      header.copy(cd, at + 46, 30);
      at += 46 + header.length - 30;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, cd, end]);
  }
}
