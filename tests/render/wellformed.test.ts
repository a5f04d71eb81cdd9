import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { wellFormed } from '../../src/render/wellformed.js';

const good = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:p xmlns:a="x"><a:r><a:t>R&amp;D &lt;Q1&gt; &#x2022; &#8226;</a:t></a:r><a:br/></a:p>',
  '<root attr=\'1\' b="2"><!-- c --><![CDATA[ <x> & ]]><e/></root>',
];
const bad: Array<[string, RegExp]> = [
  ['<a><b></a></b>', /closes/],
  ['<a>x &y</a>', /bare "&"/],
  ['<a x="1></a>', /bad attributes|unclosed/],
  ['<a x=1></a>', /bad attributes/],
  ['<a>', /never closed/],
  ['<a/><b/>', /2 root elements/],
  ['<a>\u0001</a>', /forbids/],
  ['<a>\ud800</a>', /forbids/],
  ['<1a/>', /bad tag name/],
  ['text<a/>', /outside the root/],
];

describe('the self-check well-formedness scanner', () => {
  it('accepts what a full parser accepts', () => {
    for (const x of good) {
      expect(XMLValidator.validate(x)).toBe(true);
      expect(wellFormed(x)).toBe(true);
    }
  });
  for (const [x, why] of bad) {
    it(`refuses ${JSON.stringify(x)}`, () => {
      expect(wellFormed(x)).toMatch(why);
    });
  }
});
