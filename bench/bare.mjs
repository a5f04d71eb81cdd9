#!/usr/bin/env node
// The baseline: a bare pptxgenjs script writing a deck of the same slide count and similar
// content as briefdeck would for a brief: a title, three text panels per slide, plain runs.
// Usage: node bench/bare.mjs SLIDES OUT.pptx
import { writeFileSync } from 'node:fs';
import PptxGenJS from 'pptxgenjs';

const slides = Number(process.argv[2] ?? 12);
const out = process.argv[3] ?? '/tmp/bare.pptx';
const item = '新建街区党组织202个，推动全区2304个小区组建业委会，1-11月签约落地重点项目600个';
const pptx = new PptxGenJS();
pptx.layout = 'LAYOUT_WIDE';
for (let i = 0; i < slides; i++) {
  const s = pptx.addSlide();
  s.addText(`第${i + 1}区区委`, {
    x: 0.6,
    y: 0.3,
    w: 12,
    h: 0.9,
    fontSize: 28,
    bold: true,
    fontFace: 'Microsoft YaHei',
  });
  s.addShape(pptx.ShapeType.rect, { x: 0.6, y: 1.5, w: 6, h: 5.3, fill: { color: 'F3F5F8' } });
  s.addText(
    Array.from({ length: 6 }, (_, k) => ({
      text: `${item}（${k}）`,
      options: { bullet: true, breakLine: true, fontSize: 16, fontFace: 'Microsoft YaHei' },
    })),
    { x: 0.7, y: 1.6, w: 5.8, h: 5.1, valign: 'top' },
  );
  s.addText(
    Array.from({ length: 3 }, () => ({
      text: '全面从严治党',
      options: { bullet: true, breakLine: true, fontSize: 16 },
    })),
    { x: 6.9, y: 1.6, w: 5.8, h: 2.4, valign: 'top' },
  );
  s.addText(
    Array.from({ length: 3 }, () => ({
      text: '着力抓牢安全生产、维护社会稳定，全面排查整治风险隐患',
      options: { bullet: true, breakLine: true, fontSize: 16 },
    })),
    { x: 6.9, y: 4.2, w: 5.8, h: 2.5, valign: 'top' },
  );
  s.addNotes(item);
}
writeFileSync(out, await pptx.write({ outputType: 'nodebuffer' }));
