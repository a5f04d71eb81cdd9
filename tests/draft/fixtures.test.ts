/**
 * The genre's variants, one fixture each: a district meeting, a monthly review where
 * the leader comments unit by unit, ASCII punctuation, traditional characters, and a paragraph
 * the drafter cannot place.
 */
import { describe, expect, it } from 'vitest';
import { draftBrief } from '../../src/draft/index.js';
import { data, fixture } from './fixtures.js';

const draftOf = (name: string) => {
  const r = draftBrief(fixture(name), { source: name });
  return { ...r, d: data(r.yaml) };
};

describe('a district meeting (一要…二要…, 但存在…等不足, …方面还有差距, 仍需加强…)', () => {
  const { d, yaml } = draftOf('district-linjiang.txt');

  it('reads title, organizer, location, date and chair from the opening', () => {
    expect(d.meeting).toMatchObject({
      title: '2025年第一季度重点工作推进会',
      organizer: '临江区委',
      location: '区行政中心',
      date: '2025-03-12',
      chair: { name: '周立群', role: '区委书记' },
    });
    expect(yaml).toContain('# 报道标题：临江区召开2025年第一季度重点工作推进会');
  });

  it('takes units and their speakers from the list, and finds each by a short form', () => {
    expect(d.units.map((u) => [u.name, u.speaker])).toEqual([
      ['江湾街道党工委', '沈晓峰'],
      ['青石镇党委', '韩若愚'],
      ['区发展改革委', undefined],
      ['区住房和城乡建设管理委', undefined],
    ]);
    expect(d.units[0]!.achievements![0]).toBe('街道新建“家门口”服务站12个，覆盖全部38个居民区');
    expect(d.units[1]!.achievements).toContain('村集体经济组织年均收入达到215万元，较上年增长9.8%');
  });

  it('reads every variant of the shortcomings formula', () => {
    expect(d.units.map((u) => u.shortcomings)).toEqual([
      ['社区治理精细化不够', '物业管理矛盾较多'],
      ['乡村产业融合', '农民持续增收'],
      ['项目储备', '要素保障'],
      ['施工安全监管', '建筑市场秩序整治'],
    ]);
  });

  it('splits 一要…；二要… and 着力…；着力… into points, follows 他强调, and reads 就…要求 as the topic', () => {
    const [zhou, shao] = d.directives!;
    expect(zhou!.speaker).toBe('周立群');
    expect(zhou!.points).toEqual([
      '一季度是全年工作的开局，要抓早抓实、压茬推进',
      '要盯紧重大项目，加快形成实物工作量',
      '要守牢安全底线，深入开展建设工程、城镇燃气等领域安全隐患排查整治',
      '要办好民生实事，让群众看到变化、得到实惠',
      '各级干部要转变作风、真抓实干，以钉钉子精神抓好各项工作落实',
    ]);
    expect(shao).toMatchObject({ speaker: '邵文韬', role: '区委副书记、区长', topic: '做好一季度经济工作' });
    expect(shao!.points).toEqual([
      '着力扩大有效投资，确保重大项目按期开工',
      '着力稳住外贸外资基本盘',
      '着力推进乡村全面振兴，拓宽农民增收渠道',
    ]);
  });

  it('lists the attending leaders and keeps groups as a comment', () => {
    expect(d.meeting.attendees).toEqual(['邵文韬', '马骏', '孔令仪', '丁一帆', '顾望舒']);
    expect(yaml).toContain('# 另：各街镇、各部门主要负责同志参加会议。');
  });
});

describe('a monthly review where the leader comments unit by unit (no list)', () => {
  const { d, notes } = draftOf('monthly-review.txt');

  it("finds the units one after another inside one paragraph, each after the last one's shortcomings", () => {
    expect(d.units.map((u) => u.name)).toEqual(['江湾街道', '青石镇', '白沙镇']);
    expect(d.units[2]!.achievements).toEqual(['引进亿元以上产业项目4个', '新能源汽车零部件产业园一期投产']);
    expect(d.units.map((u) => u.shortcomings)).toEqual([
      ['楼宇经济招商', '社区养老服务供给'],
      ['农民集中居住推进偏慢', '镇级财力偏紧'],
      ['安全生产隐患排查', '河道长效管理'],
    ]);
    expect(notes.filter((n) => n.startsWith('units['))).toHaveLength(3);
  });

  it('gives a unit what the reviewer asked of it, by the reviewer', () => {
    expect(d.units[0]!.directives).toEqual([{ text: '下一步要加快楼宇招商，盘活存量商务楼宇', by: '邵文韬' }]);
    expect(d.units[1]!.directives).toEqual([{ text: '要用好市级政策，加快农民集中居住项目落地', by: '邵文韬' }]);
  });

  it("reads the date from the date line, with a note, and the leader's 着力… series", () => {
    expect(d.meeting.date).toBe('2025-03-05');
    expect(notes.some((n) => n.startsWith('meeting.date:') && n.includes('昨天'))).toBe(true);
    expect(d.directives![0]).toMatchObject({ speaker: '邵文韬', role: '区长' });
    expect(d.directives![0]!.points).toHaveLength(4);
    // The leader who reviews the units in turn is the chair ("区长邵文韬逐一点评各街镇…").
    expect(d.meeting.chair).toEqual({ name: '邵文韬', role: '区长' });
    expect(d.meeting.attendees).toEqual(['葛文涛', '欧阳明']);
  });
});

describe('a report with ASCII punctuation, stray spaces and CRLF line ends', () => {
  const { d } = draftOf('ascii-punctuation.txt');

  it('recognises the structure and keeps the ASCII text as written', () => {
    expect(d.meeting).toMatchObject({
      title: '2025年第二季度工作会议',
      date: '2025-04-07',
      organizer: '东川市委',
      chair: { name: '林海峰', role: '市委书记' },
    });
    expect(d.meeting.summary).toBe('总结一季度工作, 部署二季度重点任务');
    expect(d.units.map((u) => u.name)).toEqual(['南湖区委', '北岭区委', '市交通委']);
    expect(d.units[0]!.achievements).toEqual([
      '一季度地区生产总值增长6.2%',
      '规上工业产值1,286亿元, 同比增长8.5%',
      '新开工重大项目32个',
    ]);
    expect(d.units[1]!.achievements![0]).toBe('完成"两旧一村"改造签约4,500户');
    expect(d.units[2]!.shortcomings).toEqual(['交通拥堵治理', '安全生产监管']);
  });

  it('reads "X指出:" and splits "要…; 要…"', () => {
    expect(d.directives!.map((l) => l.speaker)).toEqual(['林海峰', '许文博']);
    expect(d.directives![1]!.points).toEqual(['要扩大有效投资, 加快重大项目建设', '要深化改革开放, 持续优化营商环境']);
    expect(d.meeting.attendees).toEqual(['许文博', '周敏', '吴天佑', '曹雪松']);
  });
});

describe('a report in traditional characters', () => {
  const { d, yaml } = draftOf('traditional.txt');

  it('recognises it through the simplified form but writes the traditional text', () => {
    expect(d.meeting).toMatchObject({
      title: '季度工作會議',
      subtitle: '2025年首次',
      date: '2025-01-08',
      chair: { name: '鄭國強', role: '市委書記' },
    });
    expect(d.units.map((u) => u.name)).toEqual(['東港區委', '北山區委', '市衛生健康委']);
    expect(d.units[0]!.shortcomings).toEqual(['產業轉型升級', '公共服務均衡供給']);
    expect(d.units[1]!.achievements![0]).toBe('建成「15分鐘社區生活圈」示範點20個');
    expect(d.directives![0]!.points).toHaveLength(3);
    expect(d.meeting.attendees).toEqual(['林志遠', '黃美玲']);
    expect(yaml).toContain('（本文圖片 陳小明 攝）');
  });
});

describe('a report with a paragraph the drafter cannot place', () => {
  const { d, yaml, unplaced, notes } = draftOf('unplaced-paragraph.txt');
  const lost = '据了解，今年以来全区已累计举办各类交流活动60余场，参与干部3000余人次，这一做法得到了市里的肯定。';

  it('keeps that paragraph verbatim as a comment and reports it', () => {
    expect(unplaced).toEqual([lost]);
    expect(yaml).toContain(`# ${lost}`);
    expect(notes.some((n) => n.includes('未能归类'))).toBe(true);
  });

  it('still reads the rest: units (依次汇报), 但存在…等问题, 仍需加强…, 会议要求', () => {
    expect(d.units.map((u) => u.name)).toEqual(['湖滨街道', '新桥镇', '区应急管理局']);
    expect(d.units[1]!.shortcomings).toEqual(['产业能级不高', '农村集体经济薄弱']);
    expect(d.units[2]!.shortcomings).toEqual(['应急队伍建设', '基层应急能力']);
    expect(d.directives!.map((l) => l.speaker)).toEqual(['唐一鸣', '会议']);
    expect(notes.some((n) => n.startsWith('directives[1]:'))).toBe(true);
    expect(yaml).toContain('# 本文来源：南湖区融媒体中心');
  });
});
