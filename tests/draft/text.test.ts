/** Normalising for recognition, and reading the report's shape (text.ts, paragraphs.ts; the table: t2s.test.ts). */
import { describe, expect, it } from 'vitest';
import { readDoc } from '../../src/draft/paragraphs.js';
import { normalise, source, verbatim } from '../../src/draft/text.js';

describe('normalise', () => {
  it('maps ASCII punctuation to Chinese, but not inside numbers and times', () => {
    const t = normalise('产值1,286亿元, 同比增长8.5%; 18:30召开(扩大)会议. 下一句');
    expect(t.norm).toBe('产值1,286亿元，同比增长8.5%；18:30召开（扩大）会议。下一句');
  });

  it('turns ASCII double quotes into a pair, corner quotes into curly ones', () => {
    expect(normalise('完成"两旧一村"改造，「15分钟」').norm).toBe('完成“两旧一村”改造，“15分钟”');
  });

  it('drops spaces, keeps line breaks, and maps full-width digits', () => {
    expect(normalise(' 市委 \t季度\r\n１２３').norm).toBe('市委季度\n123');
  });

  it('reads traditional characters as simplified', () => {
    expect(normalise('會議強調，東港區產業轉型升級').norm).toBe('会议强调，东港区产业转型升级');
  });

  it('reads Taiwan and Hong Kong forms, and compatibility ideographs, as OpenCC does', () => {
    expect(normalise('著力加強汙染防治，衞生、綫上辦理，産業集羣，\uf96b與').norm).toBe(
      '着力加强污染防治，卫生、线上办理，产业集群，参与',
    );
    // Characters OpenCC gives as simplified stay as they are: 么 (麼) is not Taiwan's 幺.
    expect(normalise('什么、怎么').norm).toBe('什么、怎么');
  });

  it('slices what it writes from the report as given, through the index map', () => {
    const raw = '會上, 東港區委 先後發言.';
    const t = normalise(raw);
    const at = t.norm.indexOf('东港区委');
    expect(source(t, { s: at, e: at + 4 })).toBe('東港區委');
    expect(source(t, { s: 0, e: t.norm.length })).toBe('會上, 東港區委 先後發言');
    expect(verbatim(t, { s: 0, e: t.norm.length - 1 })).toBe(raw);
  });
});

describe('readDoc', () => {
  it('tells page furniture from body text, and a short first line is the headline', () => {
    const doc = readDoc(
      normalise(
        '某区召开工作会议\n\n会议今天举行。区长讲话。\n\n2025-01-06 18:23 来源：某某发布\n（本文图片 张三 摄）\n责任编辑：李四',
      ),
    );
    expect(doc.paras.map((p) => p.kind)).toEqual(['headline', 'body', 'dateline', 'credit', 'dateline']);
    expect(doc.sentences).toHaveLength(2);
  });

  it('joins hard-wrapped lines back into one paragraph, but not across a blank line', () => {
    const doc = readDoc(normalise('浦东新区新建街区党组织202个，推动全区2304\n个小区组建业委会。\n\n第二段。'));
    expect(doc.paras.filter((p) => p.kind === 'body')).toHaveLength(2);
    expect(doc.sentences).toHaveLength(2);
  });

  it('ends a sentence after its closing quote', () => {
    const t = normalise('他说：“要干。”然后散会。');
    const doc = readDoc(t);
    expect(doc.sentences.map((s) => t.norm.slice(s.s, s.e))).toEqual(['他说：“要干。”', '然后散会']);
  });
});
