/**
 * Writing the .pptx zip with Node's own zlib: one pass, native deflate, fixed timestamps and
 * order, so the same deck gives the same bytes. (JavaScript deflate was the slowest step of a
 * build.) Plain zip: no zip64, which a deck never needs.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
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

/** A zip written entry by entry: each is compressed as it is added, so only the compressed
 * package and one part at a time are held in memory. */
export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly centrals: Buffer[] = [];
  private offset = 0;
  private count = 0;
  private readonly time: number;
  private readonly date: number;

  constructor(when: Date) {
    ({ time: this.time, date: this.date } = dosDateTime(when));
  }

  add(e: ZipEntry): void {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.compress ? deflateRawSync(e.data, { level: 6 }) : e.data;
    const crc = crc32(e.data);
    const method = e.compress ? 8 : 0;
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(this.time, 10);
    local.writeUInt16LE(this.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    name.copy(local, 30);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(this.time, 12);
    central.writeUInt16LE(this.date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(this.offset, 42);
    name.copy(central, 46);
    this.chunks.push(local, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    this.centrals.push(central);
    this.offset += local.length + body.length;
    this.count++;
  }

  finish(): Buffer {
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
