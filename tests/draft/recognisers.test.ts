/** The small recognisers: unit names, achievements, shortcomings, directive points, suggestions. */
import { describe, expect, it } from 'vitest';
import { achievementItems } from '../../src/draft/achievements.js';
import { points } from '../../src/draft/directives.js';
import { findShortcomings, lacking } from '../../src/draft/shortcomings.js';
import { suggestFor } from '../../src/draft/suggest.js';
import { normalise, source } from '../../src/draft/text.js';
import { orgPrefix, shortForms, unitItem } from '../../src/draft/unitnames.js';

const whole = (raw: string) => {
  const t = normalise(raw);
  return { t, span: { s: 0, e: t.norm.length } };
};

describe('unit names', () => {
  it('short forms a report uses for a listed unit', () => {
    expect(shortForms('浦东新区区委')).toContain('浦东新区');
    expect(shortForms('金山区委')).toContain('金山区');
    expect(shortForms('金山区委')).not.toContain('金山');
    expect(shortForms('青石镇党委')).toContain('青石镇');
    expect(shortForms('江湾街道党工委')).toContain('江湾街道');
    expect(shortForms('市公安局')).toEqual(['市公安局', '公安局']);
  });

  it('a body named at the start of a sentence', () => {
    expect(orgPrefix('浦东新区新建街区党组织202个')).toBe('浦东新区');
    expect(orgPrefix('金山区实现“居村一体化信息平台”')).toBe('金山区');
    expect(orgPrefix('市应急管理局有力推进')).toBe('市应急管理局');
    expect(orgPrefix('区市场监管局开展')).toBe('区市场监管局');
    expect(orgPrefix('江川路街道完成')).toBe('江川路街道');
    expect(orgPrefix('但在全面从严治党')).toBeNull();
    expect(orgPrefix('社区门诊首诊率全市第一')).toBeNull();
    expect(orgPrefix('城乡融合发展')).toBeNull();
  });

  it('a list entry with its speaker', () => {
    expect(unitItem('浦东新区区委书记朱芝松')).toEqual({ name: [0, 6], speaker: [8, 11] });
    expect(unitItem('市公安局主要负责同志')).toEqual({ name: [0, 4] });
  });
});

describe('achievements', () => {
  const items = (raw: string) => {
    const { t, span } = whole(raw);
    return achievementItems(t, span).map((s) => source(t, s));
  };

  it('split at ， where a new claim starts', () => {
    expect(items('新建街区党组织202个，推动全区2304个小区组建业委会')).toEqual([
      '新建街区党组织202个',
      '推动全区2304个小区组建业委会',
    ]);
  });

  it('keep a lead-in clause with its claim, and a qualifier with its figure', () => {
    expect(items('引入首家外资证券公司，结合制定浦东新区法规，推动临港新片区加快改革发展')).toEqual([
      '引入首家外资证券公司',
      '结合制定浦东新区法规，推动临港新片区加快改革发展',
    ]);
    expect(items('完成投资120亿元，同比增长8%，居全市第一')).toEqual(['完成投资120亿元，同比增长8%，居全市第一']);
    expect(items('2023年，我村新建了两座桥涵')).toEqual(['2023年，我村新建了两座桥涵']);
    expect(items('以走访、座谈等方式，打破原有的区域隔阂')).toEqual(['以走访、座谈等方式，打破原有的区域隔阂']);
  });

  it('do not split inside quotes', () => {
    expect(items('推出“一网通办，全程网办”服务，办件量增长12%')).toEqual([
      '推出“一网通办，全程网办”服务',
      '办件量增长12%',
    ]);
  });
});

describe('shortcomings', () => {
  const find = (raw: string) => {
    const { t, span } = whole(raw);
    const m = findShortcomings(t, span);
    return m ? m.items.map((s) => source(t, s)) : null;
  };

  it.each([
    [
      '但在全面从严治党、加快产业转型升级、公共服务优质均衡供给等方面仍存不足',
      ['全面从严治党', '加快产业转型升级', '公共服务优质均衡供给'],
    ],
    ['但存在社区治理精细化不够、物业管理矛盾较多等不足', ['社区治理精细化不够', '物业管理矛盾较多']],
    ['但也存在产业能级不高、农村集体经济薄弱等问题', ['产业能级不高', '农村集体经济薄弱']],
    ['在乡村产业融合、农民持续增收方面还有差距', ['乡村产业融合', '农民持续增收']],
    ['仍需加强项目储备、要素保障', ['项目储备', '要素保障']],
    ['但在人才引育、数字化转型等方面有待加强', ['人才引育', '数字化转型']],
    [
      '但在交通管理综合施策、队伍建设特别是提高基层执法规范性等方面仍存不足',
      ['交通管理综合施策', '队伍建设特别是提高基层执法规范性'],
    ],
  ])('%s', (raw, expected) => {
    expect(find(raw)).toEqual(expected);
  });

  it.each([
    [
      '区科委积极探索，科技引领医药健康产业稳步发展，但理论学习形式较为单一，科技创新助推产业发展还有短板',
      ['理论学习形式较为单一', '科技创新助推产业发展还有短板'],
    ],
    ['推进有力，但基层治理不够深入，应急物资仍不充足', ['基层治理不够深入', '应急物资仍不充足']],
    ['但民生领域还有短板弱项，安全防线仍未筑牢', ['民生领域还有短板弱项', '安全防线仍未筑牢']],
    [
      '但干部队伍建设有欠缺，政策宣传不充分，监督执纪需要加强',
      ['干部队伍建设有欠缺', '政策宣传不充分', '监督执纪需要加强'],
    ],
    [
      '但“四风”问题较突出，好评率不高，文化产业发展滞后，棚改进度慢',
      ['“四风”问题较突出', '好评率不高', '文化产业发展滞后', '棚改进度慢'],
    ],
  ])('after 但 without the formula: %s', (raw, expected) => {
    expect(find(raw)).toEqual(expected);
  });

  it('leave achievements alone', () => {
    expect(find('在解决群众急难愁盼问题方面取得新进展')).toBeNull();
    expect(find('新建街区党组织202个')).toBeNull();
    expect(find('疏解退出一般性制造业力度较大，但补齐了民生短板')).toBeNull();
  });
});

describe('directive points', () => {
  const split = (raw: string) => {
    const { t, span } = whole(raw);
    return points(t, span).map((s) => source(t, s));
  };

  it('a sentence each; 要…，要… and 一是…；二是… series split; enumerators dropped', () => {
    expect(split('要抓早抓实。要压茬推进。')).toEqual(['要抓早抓实', '要压茬推进']);
    expect(split('要扩大投资，要稳定外需，要提振消费。')).toEqual(['要扩大投资', '要稳定外需', '要提振消费']);
    expect(split('今年要抓好以下工作：一是扩大投资；二是稳定外需。')).toEqual(['扩大投资', '稳定外需']);
    expect(split('一要盯紧项目，加快进度；二要守牢底线。')).toEqual(['要盯紧项目，加快进度', '要守牢底线']);
  });

  it('leave out the lead-in before 一要… or after 要求，', () => {
    expect(split('提出四点要求：一要抓实工作作风；二要坚持比学赶超。')).toEqual(['要抓实工作作风', '要坚持比学赶超']);
    expect(split('提出五点要求，一是加强政策理论学习，二是壮大集体经济。')).toEqual([
      '加强政策理论学习',
      '壮大集体经济',
    ]);
  });

  it('keep a sentence whole when only its first clause starts with 要', () => {
    expect(split('要强化正向激励，形成制度安排，完善考核评价体系。')).toEqual([
      '要强化正向激励，形成制度安排，完善考核评价体系',
    ]);
  });
});

describe('suggestions', () => {
  const points = [
    '力戒官僚主义、形式主义',
    '着力抓牢安全生产、维护社会稳定',
    '加快老旧住房更新',
    '深化改革、扩大开放',
  ].map((text) => ({ point: text, text }));

  it("match by theme, one point per shortcoming, in the shortcomings' order", () => {
    const s = suggestFor(['增强安全生产监管精准性', '全面从严治党', '提升涉外法律服务水平'], points);
    expect(s.map((x) => x.point)).toEqual([
      '着力抓牢安全生产、维护社会稳定',
      '力戒官僚主义、形式主义',
      '深化改革、扩大开放',
    ]);
  });

  it('match by shared words no theme lists', () => {
    expect(suggestFor(['老旧住房更新'], points)).toEqual([{ point: '加快老旧住房更新', shared: ['“老旧住房更新”'] }]);
  });

  it('suggest nothing when nothing is shared', () => {
    expect(suggestFor(['提高普法宣传质效'], points)).toEqual([]);
  });
});

describe('a clause that says something is lacking', () => {
  it.each([
    '我还没有牢固树立‘抓好党建就是最大的政绩’的理念',
    '对从严管党治党没有真正做到一以贯之',
    '导致一些问题依然存在。”',
    '不足之处是‘两新’组织和非公企业党建力度有待加大……”',
    '“开展工作总体上还停留在完成任务层面”',
    '“对村组干部的管理过于松散”',
    '没有发挥主观能动性',
  ])('%s', (clause) => {
    expect(lacking(clause)).toBe(true);
  });

  it.each([
    '全年没有发生一起安全生产事故',
    '没有一家企业因疫情停产',
    '存在问题全部整改到位',
    '“作为镇党委书记',
    '还认真分析了工作上的问题与不足',
    '深入查摆短板',
  ])('not: %s', (clause) => {
    expect(lacking(clause)).toBe(false);
  });
});
