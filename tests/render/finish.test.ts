import { describe, expect, it } from 'vitest';
import { onePPr } from '../../src/render/finish.js';

describe('onePPr', () => {
  it('keeps the first paragraph properties of each paragraph and drops the rest', () => {
    const xml = '<a:p><a:pPr algn="l"><a:buChar char="x"/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr indent="0"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r><a:pPr/></a:p><a:p><a:pPr algn="r"/><a:r><a:t>c</a:t></a:r></a:p>';
    expect(onePPr(xml)).toBe('<a:p><a:pPr algn="l"><a:buChar char="x"/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p><a:p><a:pPr algn="r"/><a:r><a:t>c</a:t></a:r></a:p>');
  });
});
