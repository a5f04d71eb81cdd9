/**
 * SVG pictures: what is drawn, what is refused before resvg sees it. The pixels of the PNG drawn
 * from an SVG show whether a picture outside it got in.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { svgProblem, svgToPng } from '../../src/theme/svg.js';
import { countPixels, pngPixels } from '../helpers/png.js';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const RED_FILE = resolve('tests/fixtures/bad/themes/red.png');
const RED: [number, number, number] = [255, 0, 0];
const GREEN: [number, number, number] = [0, 160, 0];

function png(width: number, height: number, rgb: number[], claim?: { width: number; height: number }): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(claim?.width ?? width, 0);
  header.writeUInt32BE(claim?.height ?? height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.from([0, ...Array.from({ length: width }, () => rgb).flat()]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const dataUri = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;
const svg = (body: string, attrs = `${NS} width="100" height="100"`) => Buffer.from(`<svg ${attrs}>${body}</svg>`);
const image = (href: string, attr = 'href') => `<image ${attr}="${href}" width="100" height="100"/>`;
const drawn = (bytes: Buffer) => {
  const out = svgToPng(bytes);
  if (typeof out === 'string') throw new Error(out);
  return pngPixels(out);
};

describe('pictures inside an SVG come from inside it', () => {
  it('a picture embedded as a data: URI is drawn', () => {
    const p = drawn(svg(image(dataUri('image/png', png(4, 4, GREEN)))));
    expect(countPixels(p, GREEN)).toBe(p.width * p.height);
  });

  it('a picture from a file, by absolute or relative path, file: URL or web address, is refused before resvg reads it', () => {
    for (const href of [
      RED_FILE,
      'tests/fixtures/bad/themes/red.png',
      `file://${RED_FILE}`,
      'https://example.com/x.png',
    ]) {
      const bytes = svg(image(href));
      expect(svgProblem(bytes)).toBe(
        `<image> refers to ${href.length > 80 ? `${href.slice(0, 77)}…` : href}, outside the SVG: a picture inside an SVG must be embedded in it as a data: URI (line 1)`,
      );
      expect(svgToPng(bytes)).toBe(svgProblem(bytes));
    }
  });

  it('however it is written: xlink with any prefix, character references, odd quoting and spacing, white space around it', () => {
    const xlink = `${NS} xmlns:q="http://www.w3.org/1999/xlink" width="100" height="100"`;
    for (const body of [
      `<image q:href="${RED_FILE}" width="100" height="100"/>`,
      `<image href="&#x2F;${RED_FILE.slice(1)}" width="100" height="100"/>`,
      `<image href="&#47;${RED_FILE.slice(1)}" width="100" height="100"/>`,
      `<image title="a>b" href='${RED_FILE}' width="100" height="100"/>`,
      `<image\n  href\n  =\n  "  ${RED_FILE}\n" width="100" height="100"/>`,
      `<g><svg ${NS}><image href="${RED_FILE}" width="100" height="100"/></svg></g>`,
      `<filter id="f"><feImage href="${RED_FILE}"/></filter><rect width="9" height="9" filter="url(#f)"/>`,
      `<filter id="f"><feImage href="#nothing"/></filter><rect width="9" height="9" filter="url(#f)"/>`,
      image('#image1'),
    ])
      expect(svgProblem(svg(body, xlink)), body).toMatch(/^<(image|feImage)> refers to /);
  });

  it('an SVG embedded in an SVG is held to the same rules, to three levels', () => {
    const inner = svg(image(RED_FILE));
    expect(svgProblem(svg(image(dataUri('image/svg+xml', inner))))).toMatch(
      /^<image> holds an SVG that is refused: <image> refers to \//,
    );
    // resvg reads data of no known picture kind as an SVG: so is it read here.
    expect(svgProblem(svg(image(`data:,${encodeURIComponent(inner.toString())}`)))).toMatch(
      /holds an SVG that is refused/,
    );
    const green = svg(image(dataUri('image/png', png(4, 4, GREEN))));
    const twice = svg(image(dataUri('image/svg+xml', green)));
    expect(svgProblem(twice)).toBeUndefined();
    expect(svgProblem(svg(image(dataUri('image/svg+xml', svg(image(dataUri('image/svg+xml', twice)))))))).toMatch(
      /nested more than 3 deep/,
    );
  });

  it('refuses embedded pictures resvg would have to decode at an enormous size, or cannot check', () => {
    const huge = png(1, 1, RED, { width: 30_000, height: 30_000 }); // its header claims 900 million pixels
    expect(svgProblem(svg(image(dataUri('image/png', huge))))).toBe(
      '<image> holds a PNG picture of 30,000 × 30,000 pixels; a picture inside an SVG may have at most 16,000,000 pixels (4,000 × 4,000) (line 1)',
    );
    expect(svgProblem(svg(image(dataUri('image/png', png(4, 4, GREEN).subarray(0, 40)))))).toMatch(
      /holds a PNG picture that is not a whole PNG image/,
    );
    expect(svgProblem(svg(image('data:image/gif;base64,R0lGODlhAQABAAAAACw=')))).toMatch(/holds a GIF picture/);
    expect(svgProblem(svg(image('data:image/png;base64,iVBORw0KG!!')))).toMatch(/base64 is damaged/);
    expect(svgProblem(svg(image('data:image/png;base64')))).toMatch(/no data/);
  });

  it('takes what refers inside the SVG, hyperlinks, and what only looks like a reference', () => {
    for (const body of [
      '<defs><linearGradient id="g"><stop offset="0"/></linearGradient><linearGradient id="h" href="#g"/></defs><rect width="9" height="9" fill="url(#h)"/>',
      '<defs><rect id="r" width="9" height="9"/></defs><use href="#r"/>',
      '<a href="https://www.gov.cn/"><rect width="9" height="9"/></a>',
      `<!-- <image href="${RED_FILE}"/> --><rect width="9" height="9"/>`,
      `<style><![CDATA[ rect { fill: red } /* <image href="${RED_FILE}"/> */ ]]></style><rect width="9" height="9"/>`,
      `<text x="1" y="9">href="${RED_FILE}" &amp; &lt;image&gt;</text>`,
      '<filter id="f"><feImage href="#r"/></filter><rect id="r" width="9" height="9" filter="url(#f)"/>',
      `<image href="" width="9" height="9"/>`,
    ])
      expect(svgProblem(svg(body)), body).toBeUndefined();
    const prefixed = Buffer.from(
      `<s:svg xmlns:s="http://www.w3.org/2000/svg" width="9" height="9"><s:rect width="9" height="9"/></s:svg>`,
    );
    expect(svgProblem(prefixed)).toBeUndefined();
    expect(svgProblem(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), svg('')]))).toBeUndefined();
  });

  it('takes an SVG as Inkscape saves it: a long comment before <svg>, namespaces, metadata, an embedded picture', () => {
    const emblem = readFileSync('tests/fixtures/themes/inkscape/emblem.svg');
    expect(emblem.indexOf('<svg')).toBeGreaterThan(512);
    expect(svgProblem(emblem)).toBeUndefined();
    const p = drawn(emblem);
    expect(countPixels(p, GREEN)).toBeGreaterThan(p.width * p.height * 0.8);
  });
});

describe('an SVG resvg cannot draw, or would crash on, is refused in words', () => {
  const cases: Array<[string, string | Buffer, string]> = [
    [
      'no namespace',
      '<svg width="9" height="9"/>',
      'its <svg> element lacks xmlns="http://www.w3.org/2000/svg"; add it',
    ],
    ['HTML', '<html><body><svg/></body></html>', 'is HTML, not an SVG image'],
    ['HTML with a DOCTYPE', '<!doctype html>\n<html></html>', 'is HTML, not an SVG image'],
    [
      'another XML document',
      '<?xml version="1.0"?><rss/>',
      'is not an SVG image: its first element is <rss>, not <svg>',
    ],
    ['plain text', 'a logo', 'is named .svg but is not an SVG image'],
    ['an empty file', '', 'is named .svg but is not an SVG image'],
    ['a PNG', png(1, 1, RED), 'is named .svg but is a PNG image'],
    ['SVGZ', Buffer.from([0x1f, 0x8b, 8, 0]), 'is compressed (SVGZ); save it as plain SVG'],
    [
      'UTF-16',
      Buffer.from(`\ufeff<svg ${NS}/>`, 'utf16le'),
      'is named .svg but is not an SVG image (it is not UTF-8 text)',
    ],
    [
      'cut short',
      `<svg ${NS} width="9" height="9">\n<g>\n<rect`,
      'is not well-formed XML: the <rect> tag is never closed: the file is cut short (line 3)',
    ],
    [
      'unclosed element',
      `<svg ${NS} width="9" height="9">\n<g>`,
      'ends inside its <g> element: the file is cut short or broken',
    ],
    ['mismatched tags', `<svg ${NS}>\n<g></svg>`, 'is not well-formed XML: </svg> where </g> belongs (line 2)'],
    [
      'a second root',
      `<svg ${NS}/>\n<svg ${NS}/>`,
      'is not well-formed XML: there is an element after the </svg> that ends it (line 2)',
    ],
    [
      'an entity',
      `<svg ${NS}><text>&nbsp;</text></svg>`,
      'uses the entity &nbsp; which only a DOCTYPE could define; an SVG with entities is refused (line 1)',
    ],
    [
      'a bare &',
      `<svg ${NS}><text>R&D</text></svg>`,
      'is not well-formed XML: a & that begins no reference (write &amp;) (line 1)',
    ],
    [
      'a DOCTYPE',
      `<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg ${NS}/>`,
      'has a DOCTYPE: an SVG with a document type (DTD) or entities is refused; save it as plain SVG (Inkscape: Save As, Plain SVG) (line 2)',
    ],
    [
      'no size',
      `<svg ${NS} width="0" height="0"/>`,
      'has no size: give its <svg> a width and a height (or a viewBox) greater than 0',
    ],
    [
      'too tall',
      `<svg ${NS} width="1" height="1000000"/>`,
      'is 1 × 1,000,000: too tall for a picture — its height may be at most 8 times its width',
    ],
    [
      'too wide',
      `<svg ${NS} width="1000000" height="1"/>`,
      'is 1,000,000 × 1: too wide for a picture — its width may be at most 1,000 times its height',
    ],
    [
      'a bad attribute',
      `<svg ${NS} width=9/>`,
      'is not well-formed XML: the value of width in <svg> is not in quotes, or they are never closed (line 1)',
    ],
  ];
  for (const [what, input, message] of cases)
    it(what, () => {
      const bytes = typeof input === 'string' ? Buffer.from(input) : input;
      expect(svgProblem(bytes)).toBe(message);
      expect(svgToPng(bytes)).toBe(message);
    });

  it('takes shapes up to the limits', () => {
    expect(svgProblem(Buffer.from(`<svg ${NS} width="10" height="80"/>`))).toBeUndefined();
    expect(svgProblem(Buffer.from(`<svg ${NS} width="1000" height="1"/>`))).toBeUndefined();
  });
});
