import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ARABIC, arabicMatches, splitFigures, type Segment } from '../../src/layout/figures.js';

const emphasised = (segs: Segment[]): string[] => segs.filter((s) => s.emphasis).map((s) => s.text);

function check(text: string, expected: string[]): void {
  const segs = splitFigures(text);
  expect(segs.map((s) => s.text).join('')).toBe(text);
  expect(emphasised(segs)).toEqual(expected);
  // Adjacent segments alternate: equal neighbours would have been merged.
  for (let i = 1; i < segs.length; i++) expect(segs[i]?.emphasis).not.toBe(segs[i - 1]?.emphasis);
  for (const s of segs) expect(s.text).not.toBe('');
}

describe('splitFigures: real achievement lines', () => {
  const cases: Array<[string, string[]]> = [
    ['浦东新区新建街区党组织202个，推动全区2304个小区组建业委会', ['202个', '2304个']],
    [
      '城中村改造新启动项目占全市三分之一，保障性租赁住房供应量、培训中级以上护理员等6个为老服务实事项目完成量居全市第一',
      ['三分之一', '6个', '全市第一'],
    ],
    ['1-11月规上服务业营收同比增长全市第一', ['全市第一']],
    ['揭牌运行全市首个低空协同管理示范区', ['全市首个']],
    ['前三季度居民人均可支配收入同比增长郊区第一', ['郊区第一']],
    ['公众安全感和公安工作满意度连续12年“双提升”', ['12年']],
    ['对全市2.3万家生产经营单位开展“信用+风险”监管', ['2.3万家']],
    ['编制发布全国首个防汛防台人员转移和场所运行地方标准', ['全国首个']],
    ['农业绿色发展指数蝉联全国第一', ['全国第一']],
    ['引入全国首家外商独资证券公司、首批中外合资银行理财公司', ['全国首家', '首批']],
    // "1份" is the slogan's rhetoric, "41个" the achievement (quantity of one inside quotes stays plain).
    ['“1份报告替代41个执法领域证明”等入选国务院办公厅优化营商环境典型经验案例', ['41个']],
  ];
  for (const [text, expected] of cases) {
    it(text, () => check(text, expected));
  }
});

describe('splitFigures: units and multipliers', () => {
  it('emphasises numbers with multipliers and units', () => {
    check('完成10项、15项和5项改革，新增41个、16个、600个、47个点位', [
      '10项',
      '15项',
      '5项',
      '41个',
      '16个',
      '600个',
      '47个',
    ]);
    check('实现营收3.5亿元，总投资1.2万亿元，占比50%，增长5.2％', ['3.5亿元', '1.2万亿元', '50%', '5.2％']);
    check('提高2.3个百分点，服务200余个社区、2万余人，历时3个月', ['2.3个百分点', '200余个', '2万余人', '3个月']);
    check('占比百分之十，覆盖三分之一', ['百分之十', '三分之一']);
    check('建成5-10个示范点', ['5-10个']);
  });

  it('takes the whole unit: counts of times, weights, working days, a multiplier before a unit', () => {
    check('举办活动1.2万场次，服务3.2万户次，保障航班500架次', ['1.2万场次', '3.2万户次', '500架次']);
    check('PM2.5平均浓度28微克/立方米，另一处为28微克', ['28微克/立方米', '28微克']);
    check('提前15个工作日，培训3000课时', ['15个工作日', '3000课时']);
    // 万 then 千瓦, not 万千 then nothing; 余 before the multiplier.
    check('新增装机120万千瓦，发电15亿千瓦时，惠及10余万人，新增1.8万户', [
      '120万千瓦',
      '15亿千瓦时',
      '10余万人',
      '1.8万户',
    ]);
    // A multiplier alone, or two, is still a figure; 千米 is a unit, not 千 and 米.
    check('规模超3万亿，总投资1.2万亿元，新建道路5千米', ['3万亿', '1.2万亿元', '5千米']);
  });

  it('leaves dates, periods, ordinals and codes plain', () => {
    check('2024年1-11月，前三季度，11月5日，3季度', []);
    check('2021-2025年规划，第七届进博会，全国第12届运动会', []);
    check('12345热线9:30开通，5G基站覆盖G60科创走廊', []);
    check('《2024年政府工作报告》', []);
  });

  it('leaves numbers in quoted names and codes plain', () => {
    check('推进“五个中心”建设，落实“十四五”规划和“1210”工程', []);
    // Short quotations are names: nothing inside is a figure.
    check('实施“3个100”计划', []);
    // Long quotations describe a measure: figures with units count, except a quantity of one.
    check('推行“1个窗口受理12项跨部门事项”改革', ['12项']);
  });
});

describe('splitFigures: rankings', () => {
  it('needs a scope to count as a ranking', () => {
    check('居全市第一', ['全市第一']);
    check('蝉联全国第一', ['全国第一']);
    check('位列全市前三', ['全市前三']);
    check('全市首批、全国首家、全国首创、全国率先', ['全市首批', '全国首家', '全国首创', '全国率先']);
    check('第一次会议，首次召开', []);
  });

  it('carries the scope only within the clause', () => {
    check('全国首家A、首批B，首批C', ['全国首家', '首批']);
  });
});

describe('splitFigures: English', () => {
  it('emphasises numbers with unit words and currency', () => {
    check('2,304 residential compounds over 12 years', ['2,304', '12 years']);
    check('up 45%, or 3 times, to $3.5 billion', ['45%', '3 times', '$3.5 billion']);
    check('a 7.2 percent rise', ['7.2 percent']);
  });

  it('emphasises ranking phrases', () => {
    check('Pudong ranked first in the city', ['ranked first in the city']);
    check('first in China for green farming', ['first in China']);
    check('ranked first', ['ranked first']);
    check('No. 1 nationwide', ['No. 1']);
  });

  it('leaves years, ordinals, codes and plain "first" alone', () => {
    check('In 2024 the first phase of G60 and 5G networks opened on the 7th', []);
  });
});

describe('splitFigures: edge cases', () => {
  it('handles empty and figure-only strings', () => {
    expect(splitFigures('')).toEqual([]);
    expect(splitFigures('202个')).toEqual([{ text: '202个', emphasis: true }]);
    expect(splitFigures('无数字')).toEqual([{ text: '无数字', emphasis: false }]);
  });

  it('merges adjacent emphasis', () => {
    expect(splitFigures('全国第一12年')).toEqual([{ text: '全国第一12年', emphasis: true }]);
  });

  it('keeps astral characters intact', () => {
    check('𠀀𠀀完成12项😀', ['12项']);
  });
});

describe('arabicMatches', () => {
  it('finds exactly what matchAll finds, trying the pattern only where a figure can begin', () => {
    const piece = fc.constantFrom(
      '1',
      '23',
      '４',
      '2,304',
      '3.5',
      ',',
      '.',
      '-',
      '至',
      ' ',
      '万',
      '亿',
      '余',
      '多',
      '个',
      '个百分点',
      '%',
      '％',
      'US$',
      'USD ',
      'RMB',
      'R',
      'U',
      '$',
      '¥',
      '€',
      '年',
      '月',
      '全市',
      'percent',
      ' million',
      'times',
      'a',
      '“',
      '”',
      '🎉',
      '\uD83D',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        const slow = [...text.matchAll(ARABIC)].map((m) => [m.index, ...m]);
        const quick = arabicMatches(text).map((m) => [m.index, ...m]);
        expect(quick).toEqual(slow);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
