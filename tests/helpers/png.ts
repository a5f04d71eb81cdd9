/** Reading the pixels of a PNG as resvg writes them (8-bit RGBA or RGB, not interlaced). */
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Uint8Array;
}

export function pngPixels(png: Uint8Array): Pixels {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const [depth, colour, interlace] = [b[24], b[25], b[28]];
  const channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
  if (depth !== 8 || !channels || interlace !== 0)
    throw new Error(`pngPixels reads 8-bit RGB(A) only (${depth}, ${colour})`);
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length;) {
    const length = b.readUInt32BE(at);
    if (b.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = rows.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels]! : 0;
      const c = x >= channels ? up[x - channels]! : 0;
      const u = up[x]!;
      const paeth = () => {
        const p = a + u - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - u), Math.abs(p - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? u : c;
      };
      const add = [0, a, u, (a + u) >> 1, paeth()][filter]!;
      row[x] = (src[x]! + add) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(rows.subarray(i * channels, i * channels + channels), i * 4);
    if (channels === 3) rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

/** How many pixels are opaque enough and close to a colour. */
export function countPixels(p: Pixels, [r, g, b]: [number, number, number], tolerance = 40): number {
  let n = 0;
  for (let i = 0; i < p.rgba.length; i += 4) {
    if (p.rgba[i + 3]! < 128) continue;
    if (Math.abs(p.rgba[i]! - r) + Math.abs(p.rgba[i + 1]! - g) + Math.abs(p.rgba[i + 2]! - b) <= tolerance) n++;
  }
  return n;
}
