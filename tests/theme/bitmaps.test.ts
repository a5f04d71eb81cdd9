import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jpegSize, pngSize } from '../../src/theme/bitmaps.js';

const PNG = readFileSync('tests/fixtures/themes/team/logo.png');
const JPEG = readFileSync('tests/fixtures/themes/team/background.jpg');

describe('PNG and JPEG files are read to their end', () => {
  it('gives the size of whole pictures', () => {
    expect(pngSize(PNG)).toEqual({ width: 120, height: 120 });
    expect(jpegSize(JPEG)).toEqual({ width: 640, height: 360 });
  });

  it('refuses every file cut short, wherever it is cut', () => {
    for (let n = 0; n < PNG.length; n++) expect(typeof pngSize(PNG.subarray(0, n)), `PNG cut at ${n}`).toBe('string');
    for (let n = 0; n < JPEG.length; n++)
      expect(typeof jpegSize(JPEG.subarray(0, n)), `JPEG cut at ${n}`).toBe('string');
  });

  it('takes bytes after the end of a JPEG (cameras leave some), and escaped 0xFF and restart markers in its data', () => {
    expect(jpegSize(Buffer.concat([JPEG, Buffer.from('trailing bytes')]))).toEqual({ width: 640, height: 360 });
    const sos = JPEG.indexOf(Buffer.from([0xff, 0xda]));
    const scan = sos + 2 + JPEG.readUInt16BE(sos + 2);
    const more = Buffer.concat([
      JPEG.subarray(0, scan),
      Buffer.from([1, 0xff, 0x00, 2, 0xff, 0xd0, 3]),
      JPEG.subarray(scan),
    ]);
    expect(jpegSize(more)).toEqual({ width: 640, height: 360 });
  });

  it('never throws on garbage, and never takes it for a picture', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (let i = 0; i < 300; i++) {
      const junk = Buffer.from(Array.from({ length: 1 + (i % 97) * 7 }, random));
      const png = Buffer.concat([PNG.subarray(0, i % 40), junk]);
      const jpeg = Buffer.concat([JPEG.subarray(0, i % 300), junk]);
      expect(typeof pngSize(png)).toBe('string');
      expect(typeof jpegSize(jpeg)).toBe('string');
    }
  });
});
