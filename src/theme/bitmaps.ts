/**
 * PNG and JPEG files, read far enough to know each is a whole picture and how many pixels it has:
 * a PNG's chunks from its header to its end, a JPEG's segments to its frame header and through
 * its scans to its end. Nothing is decoded. A problem is returned in words.
 */

export interface PixelSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const isPng = (b: Uint8Array) => PNG_SIGNATURE.every((v, i) => b[i] === v);
export const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** Bit depths PNG allows for each colour type. */
const PNG_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/**
 * A PNG's size, after walking its chunks from the header (IHDR, whose values must be ones PNG
 * allows) through its picture data (IDAT) to its end (IEND); or what is wrong.
 */
export function pngSize(b: Uint8Array): PixelSize | string {
  if (!isPng(b)) return 'is named .png but is not a PNG image';
  const cut = 'is not a whole PNG image: the file is cut short';
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const type = (at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
  if (b.length < 33) return cut;
  if (view.getUint32(8) !== 13 || type(12) !== 'IHDR')
    return 'is a damaged PNG image: it does not begin with its header';
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const [depth, colour, compression, filter, interlace] = [b[24]!, b[25]!, b[26]!, b[27]!, b[28]!];
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff)
    return `is a damaged PNG image: its header gives a size of ${width} × ${height} pixels`;
  if (!PNG_DEPTHS[colour]?.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1)
    return 'is a damaged PNG image: its header holds values PNG does not allow';
  let at = 33;
  let data = false;
  for (;;) {
    if (at + 12 > b.length) return cut;
    const length = view.getUint32(at);
    const name = type(at + 4);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(name))
      return 'is a damaged PNG image: a chunk of it is unreadable';
    if (at + 12 + length > b.length) return cut;
    if (name === 'IDAT') data = true;
    if (name === 'IEND') return data ? { width, height } : 'is a damaged PNG image: it holds no picture data';
    at += 12 + length;
  }
}

/**
 * A JPEG's size, from its frame header (SOF), after walking its segments from the start, and on
 * through its scans to the end-of-image marker — a file cut short ends before it; or what is wrong.
 */
export function jpegSize(b: Uint8Array): PixelSize | string {
  if (!isJpeg(b)) return 'is named .jpg but is not a JPEG image';
  const cut = 'is not a whole JPEG image: the file is cut short';
  const damaged = (why: string) => `is a damaged JPEG image: ${why}`;
  let size: PixelSize | undefined;
  let at = 2;
  for (;;) {
    if (at >= b.length) return cut;
    if (b[at] !== 0xff) return damaged('a segment does not begin where the one before it ends');
    while (b[at] === 0xff) at++; // fill bytes before a marker
    if (at >= b.length) return cut;
    const marker = b[at++]!;
    if (marker < 0xc0 && marker !== 0x01) return damaged('it holds bytes that are not part of a JPEG image');
    if (marker === 0xd9) return size ?? damaged('it ends before it gives its size');
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // markers without a segment
    if (marker === 0xd8) return damaged('a segment does not begin where the one before it ends');
    if (at + 2 > b.length) return cut;
    const length = (b[at]! << 8) | b[at + 1]!;
    if (length < 2) return damaged('a segment of it is unreadable');
    if (at + length > b.length) return cut;
    const frame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (frame && !size) {
      if (length < 8) return damaged('its frame header is unreadable');
      const height = (b[at + 3]! << 8) | b[at + 4]!;
      const width = (b[at + 5]! << 8) | b[at + 6]!;
      if (width === 0 || height === 0) return damaged(`its frame header gives a size of ${width} × ${height} pixels`);
      size = { width, height };
    }
    at += length;
    if (marker === 0xda) {
      if (!size) return damaged('its picture data begins before it gives its size');
      // The scan's data runs to the next marker: a 0xFF not followed by 0x00 (an escaped 0xFF)
      // or by a restart marker.
      for (;;) {
        at = b.indexOf(0xff, at);
        if (at < 0 || at + 1 >= b.length) return cut;
        const next = b[at + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 2;
        else break;
      }
    }
  }
}
