/**
 * Writing the .pptx zip: parts compressed by a Compressor (native zlib, here or on a helper
 * thread), fixed timestamps and order, so the same deck gives the same bytes. Plain zip: no
 * zip64, which a deck never needs.
 */
import type { Compressor, PartOut } from './deflate.js';

/** Bytes of parts handed over and not yet written out: bounds memory on a big deck. */
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
  private readonly centrals: Buffer[] = [];
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
    while (this.pendingBytes > PENDING_BYTES) await this.settle();
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
    // The fields the local header and the central directory share, from version needed to the
    // name's length, at `at` in each.
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed: 2.0
      header.writeUInt16LE(0x0800, at + 2); // names are UTF-8
      header.writeUInt16LE(method, at + 4);
      header.writeUInt16LE(this.time, at + 6);
      header.writeUInt16LE(this.date, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    shared(local, 4);
    name.copy(local, 30);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS
    shared(central, 6);
    central.writeUInt32LE(this.offset, 42);
    name.copy(central, 46);
    this.chunks.push(local, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    this.centrals.push(central);
    this.offset += local.length + body.length;
    this.count++;
  }

  async finish(): Promise<Buffer> {
    while (this.pending.length) await this.settle();
    const cd = Buffer.concat(this.centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, cd, end]);
  }
}
