/**
 * What holds for every draft: nothing invented (every string is a span of the report),
 * nothing lost (unplaced text is kept as comments), notes mirrored as 请核对 comments, the schema
 * line first, validation with and without a date, and suggestions on and off.
 */
import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../src/brief/load.js';
import { BriefdeckError, formatProblem } from '../../src/errors.js';
import { DATE_PLACEHOLDER, draftBrief } from '../../src/draft/index.js';
import { commentLines, data, fixture, fixtureNames, seedReport, strings } from './fixtures.js';

const reports = fixtureNames().map((name) => [name, fixture(name)] as const);

describe('every fixture', () => {
  it('has the six kinds the issue asks for', () => {
    expect(reports.length).toBeGreaterThanOrEqual(6);
  });

  it.each(reports)('%s: every string in the draft is a span of the report as given', (_name, report) => {
    const { yaml } = draftBrief(report);
    for (const [path, s] of strings(data(yaml))) {
      // Not from the report by design: the language and the (normalised) date.
      if (path === 'lang' || path === 'meeting.date') continue;
      expect(s, path).toBe(s.trim());
      expect(s.length, path).toBeGreaterThan(0);
      expect(report.includes(s), `${path}: ${s}`).toBe(true);
    }
  });

  it.each(reports)('%s: unplaced text and notes appear as comments', (_name, report) => {
    const { yaml, unplaced, notes } = draftBrief(report);
    const comments = commentLines(yaml).join('\n');
    for (const u of unplaced) for (const line of u.split('\n')) expect(comments).toContain(line.trim());
    for (const n of notes.filter((x) => !x.startsWith('(文末注释)')))
      expect(comments).toContain(`请核对: ${n.slice(n.indexOf(': ') + 2)}`);
  });

  it.each(reports)('%s: starts with the schema line and validates as a brief once dated', (_name, report) => {
    const { yaml } = draftBrief(report, { date: '2025-06-30' });
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/brief.schema.json');
    expect(data(yaml).lang).toBe('zh-CN');
    const { brief } = parseBrief(yaml, 'draft.yaml');
    expect(brief.meeting.date).toBe('2025-06-30');
    expect(brief.units.length).toBeGreaterThan(0);
  });
});

describe('the meeting date', () => {
  it('without --date and a report that gives none: a placeholder that validation refuses at meeting.date', () => {
    const { yaml, notes } = draftBrief(seedReport());
    expect(data(yaml).meeting.date).toBe(DATE_PLACEHOLDER);
    expect(yaml).toMatch(/date: "请填写会议日期" # 请核对: 报道未给出会议日期/);
    expect(notes[0]).toMatch(/^meeting\.date: 报道未给出会议日期/);
    let messages: string[] = [];
    try {
      parseBrief(yaml, 'draft.yaml');
    } catch (e) {
      if (!(e instanceof BriefdeckError)) throw e;
      messages = e.problems.map(formatProblem);
    }
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^draft\.yaml:\d+:\d+: meeting\.date: expected a date/);
  });

  it('--date wins over the report, with a note when the report gives another date', () => {
    const { yaml, notes } = draftBrief(fixture('district-linjiang.txt'), { date: '2025-03-13' });
    expect(data(yaml).meeting.date).toBe('2025-03-13');
    expect(notes.filter((n) => n.startsWith('meeting.date'))).toEqual([
      'meeting.date: 报道写的是“2025年3月12日”，已按 --date 填 2025-03-13，请核对',
    ]);
    // The same day, or its month: nothing to check.
    for (const date of ['2025-03-12', '2025-03'])
      expect(
        draftBrief(fixture('district-linjiang.txt'), { date }).notes.some((n) => n.startsWith('meeting.date')),
      ).toBe(false);
  });

  it('a year and month in the report gives YYYY-MM, with a note', () => {
    const report = fixture('unplaced-paragraph.txt').replace('2025年5月20日上午', '2025年5月');
    const { yaml, notes } = draftBrief(report);
    expect(data(yaml).meeting.date).toBe('2025-05');
    expect(notes.some((n) => n.startsWith('meeting.date: 只有年月'))).toBe(true);
  });
});

describe('suggested unit directives', () => {
  it('are marked suggested: true and "建议, 请核对", and name who said them', () => {
    const { yaml } = draftBrief(seedReport());
    expect(yaml).toContain(
      '# 建议, 请核对：领导讲话中与本单位不足相关的要点（共同关键词：作风建设、产业转型、民生）；确认一条即删去它的 suggested: true',
    );
    for (const u of data(yaml).units)
      for (const x of u.directives ?? []) expect(typeof x === 'object' && x.by && x.suggested).toBe(true);
  });

  it('are left out with suggest: false (--no-suggest)', () => {
    const { yaml } = draftBrief(seedReport(), { suggest: false });
    expect(yaml).not.toContain('建议, 请核对');
    expect(data(yaml).units.every((u) => u.directives === undefined)).toBe(true);
  });

  it('never replace what a reviewing leader said to the unit', () => {
    const { d } = { d: data(draftBrief(fixture('monthly-review.txt')).yaml) };
    expect(d.units[0]!.directives).toEqual([{ text: '下一步要加快楼宇招商，盘活存量商务楼宇', by: '邵文韬' }]);
  });
});

describe('what a draft lacks to be a brief', () => {
  it('is nothing for the seed with a date, the date without one, everything for an empty report', () => {
    expect(draftBrief(seedReport(), { date: '2025-01' }).missing).toEqual([]);
    expect(draftBrief(seedReport()).missing).toEqual(['date']);
    expect(draftBrief('').missing).toEqual(['title', 'date', 'units']);
  });

  it('a title that is only the first clause is a title still missing', () => {
    expect(draftBrief('今天天气很好，阳光明媚。', { date: '2025-01' }).missing).toEqual(['title', 'units']);
  });

  it('without units, keeps every paragraph of the report verbatim at the end', () => {
    const report = '市委季度工作会议今天下午举行。\n\n市委书记陈吉宁主持会议并讲话。\n\n各区汇报了工作。';
    const { yaml } = draftBrief(report, { date: '2025-01' });
    const tail = yaml.slice(yaml.indexOf('# 请核对: 草稿不完整'));
    expect(tail.split('\n').slice(1, 4)).toEqual([
      '# 市委季度工作会议今天下午举行。',
      '# 市委书记陈吉宁主持会议并讲话。',
      '# 各区汇报了工作。',
    ]);
  });
});

describe('odd input', () => {
  it('an empty report gives a draft that says what is missing instead of inventing it', () => {
    const { yaml, notes } = draftBrief('');
    expect(notes.some((n) => n.startsWith('units:'))).toBe(true);
    expect(() => parseBrief(yaml, 'x.yaml')).toThrow(BriefdeckError);
  });

  it('text that is not a report is kept whole as comments; its first clause is only a title to check', () => {
    const { unplaced, yaml, notes } = draftBrief('今天天气很好，阳光明媚。\n\n我们去公园散步。');
    expect(unplaced).toEqual(['今天天气很好，阳光明媚。', '我们去公园散步。']);
    expect(yaml).toContain('# 我们去公园散步。');
    expect(data(yaml).meeting.title).toBe('今天天气很好');
    expect(notes).toContain('meeting.title: 标题取自报道首句，请改为会议名称');
  });

  it('reads hard-wrapped text across its line breaks, and flags the strings that keep one', () => {
    const report =
      '新年首次市委季度工作会议今天下午举行。\n\n会上，浦东新区区委、金山区委先后发言。浦东新区新建街区党组织202个，推动全区2304\n个小区组建业委会。但在全面从严治党、加快产业转型\n升级等方面仍存不足。金山区实现一口办理。';
    const { yaml, notes } = draftBrief(report, { date: '2025-01' });
    const d = data(yaml);
    expect(d.units.map((u) => u.name)).toEqual(['浦东新区区委', '金山区委']);
    expect(d.units[0]!.achievements).toEqual(['新建街区党组织202个', '推动全区2304\n个小区组建业委会']);
    expect(d.units[0]!.shortcomings).toEqual(['全面从严治党', '加快产业转型\n升级']);
    expect(notes).toContain('units[0].shortcomings[1]: 原文在此折行，文字中含换行，请核对并删去换行');
  });

  it("reads a leader's points given a paragraph each, keeping the lead-in as a comment", () => {
    const report =
      '市委工作会议今天举行。\n\n会上，甲区、乙区先后发言。甲区完成2项。乙区完成3项。\n\n市长龚正指出，今年要重点抓好以下工作：\n\n一是扩大内需，提振消费。\n\n二是深化改革。\n\n（三）守牢安全底线。';
    const { yaml, unplaced } = draftBrief(report, { date: '2025-01' });
    expect(data(yaml).directives).toEqual([
      { speaker: '龚正', role: '市长', points: ['扩大内需，提振消费', '深化改革', '守牢安全底线'] },
    ]);
    expect(yaml).toContain('# 原文（未列入要点）：今年要重点抓好以下工作：');
    expect(unplaced).toEqual([]);
  });

  it('quotes what YAML would misread', () => {
    const report =
      '会议今天举行。\n\n会上，甲区、乙区先后发言。甲区完成项目: #1 "null" yes。但在a: b、cd等方面仍存不足。乙区完成2项。';
    const { yaml } = draftBrief(report, { date: '2025-01' });
    const d = data(yaml);
    expect(d.units[0]!.achievements).toEqual(['完成项目: #1 "null" yes']);
    expect(d.units[0]!.shortcomings).toEqual(['a: b', 'cd']);
  });
});

describe('forms found by the December 2026 survey of unseen reports', () => {
  const meetingOf = (report: string) => data(draftBrief(report).yaml).meeting;
  const unitNames = (report: string) => (data(draftBrief(report).yaml).units ?? []).map((u) => u.name);

  it('a chair named with 同志, or 在…的主持下', () => {
    const a = meetingOf('那邦镇召开村级党组织书记述职评议考核会。会议由镇党委书记杨增新同志主持，镇班子成员参加会议。');
    expect(a.chair).toEqual({ name: '杨增新', role: '镇党委书记' });
    const b = meetingOf('7月4日，市政府召开工作部门年中述职会。在市长王永礼的主持下，各部门负责人逐一述职。');
    expect(b.chair).toEqual({ name: '王永礼', role: '市长' });
    const c = meetingOf('街道召开述职评议会。党工委书记何追同志逐一点评，肯定特色亮点，指出问题不足。');
    expect(c.chair?.name).toBe('何追');
  });

  it('an opening after a purpose clause or a paper’s byline, and 组织召开', () => {
    const a = meetingOf(
      '为检验各村党总支书记抓基层党建工作成效，2023年1月10日下午，星云街道组织召开2022年度村（社区）党总支书记抓基层党建工作述职评议考核会。会议由星云街道党工委书记周宏斌主持。',
    );
    expect(a.title).toBe('2022年度村（社区）党总支书记抓基层党建工作述职评议考核会');
    expect(a.organizer).toBe('星云街道');
    const b = meetingOf(
      '本报讯（记者王言 通讯员崔红星）8月10日，修武县召开乡镇党委书记抓党建工作述职会。县委书记郭鹏主持会议。',
    );
    expect(b.title).toBe('乡镇党委书记抓党建工作述职会');
  });

  it('units that 现场述职, or 分别就…作了报告 (without the 共 of "共3家")', () => {
    expect(
      unitNames(
        '星云街道召开述职评议考核会。会上，下营社区、浪广社区和土官田村3个村（社区）党总支书记进行现场述职。下营社区新建党群服务中心1个。',
      ),
    ).toEqual(['下营社区', '浪广社区', '土官田村']);
    expect(
      unitNames(
        '市人大常委会召开工作评议大会。会上，市住建局、市财政局及市人社局共3家被评议部门分别就专项工作情况作了报告。市住建局完成老旧小区改造120个。',
      ),
    ).toEqual(['市住建局', '市财政局', '市人社局']);
    expect(
      unitNames(
        '市政府召开督政会。排在后两位的内丘县、临城县政府主要负责人作了情况说明和表态发言。内丘县项目开工率偏低。',
      ),
    ).toEqual(['内丘县', '临城县政府']);
  });

  it('a secretary’s self-criticism is a shortcoming, with the clause that leads into it', () => {
    const { yaml } = draftBrief(
      '县委召开述职评议会。会上，沙州镇、茅坝乡党委书记先后述职。沙州镇新建村级活动阵地12个，作为镇党委书记，我还没有牢固树立抓好党建就是最大政绩的理念，导致一些问题依然存在。茅坝乡累计召开专题党建会议2次。',
    );
    const shazhou = data(yaml).units![0]!;
    expect(shazhou.achievements).toEqual(['新建村级活动阵地12个']);
    expect(shazhou.shortcomings).toEqual([
      '作为镇党委书记，我还没有牢固树立抓好党建就是最大政绩的理念',
      '导致一些问题依然存在',
    ]);
  });

  it('a mirror site’s pinyin is taken out, and the draft says so', () => {
    const report =
      '永樂鎮召(zhào)開(kāi)2021年度黨組織書記抓基層黨建述職評議會(huì)。會(huì)議(yì)由鎮黨(dǎng)委書(shū)記魏晨主持。';
    const { yaml } = draftBrief(report);
    expect(data(yaml).meeting.chair).toEqual({ name: '魏晨', role: '鎮黨委書記' });
    expect(yaml).toContain('网页在汉字后加注的拼音（如“会(huì)”）已删去。');
    expect(yaml).not.toMatch(/\((?:zhào|kāi|dǎng|shū)\)/);
  });

  it('a quotation, then the secretary who said it: that body’s text', () => {
    const { yaml } = draftBrief(
      [
        '修武县召开乡镇党委书记抓党建工作述职会。',
        '“我们建立了积分制管理，实现入党与积分挂钩。不足之处是‘两新’组织党建力度有待加大……”城关镇党委书记李新锋说。',
        '“2023年，我村新建了两座桥涵。”近日，永兴镇高庄村党支部书记熊仁友在述职评议考核会上“晒”成绩。',
      ].join('\n'),
    );
    const units = data(yaml).units!;
    expect(units.map((u) => [u.name, u.speaker])).toEqual([
      ['城关镇党委', '李新锋'],
      ['永兴镇高庄村党支部', '熊仁友'],
    ]);
    expect(units[0]!.achievements).toEqual(['我们建立了积分制管理', '实现入党与积分挂钩']);
    expect(units[0]!.shortcomings).toEqual(['不足之处是‘两新’组织党建力度有待加大']);
    expect(units[1]!.achievements).toEqual(['2023年，我村新建了两座桥涵']);
  });

  it('what a leader 指出 that asks nothing is kept as a comment, not drafted as a directive', () => {
    const { yaml } = draftBrief(
      [
        '县委召开述职评议会。会上，城关镇、周庄镇党委书记先后述职。城关镇新建党群服务中心2个。周庄镇发展集体经济。',
        '县委书记郭鹏指出，一季度各方面工作全面发力，经济呈稳步恢复态势。郭鹏强调，要注重农村后备干部培养。',
      ].join('\n'),
    );
    const leader = data(yaml).directives!.find((d) => d.speaker === '郭鹏')!;
    expect(leader.points).toEqual(['要注重农村后备干部培养']);
    expect(yaml).toContain('# 原文（未列入要点）：一季度各方面工作全面发力，经济呈稳步恢复态势。');
  });

  it('secretaries one after another, between ；: a unit each', () => {
    const { yaml } = draftBrief(
      [
        '寿宁县举办驻村第一书记中期履职述职评议会。',
        '清源镇阳尾村第一书记林文春针对村里的资源禀赋，探索出以龙头企业带动产业发展的路子；芹洋乡九岭村第一书记王联辉通过梳理村民的意见，列出民生项目清单；凤阳镇官田村第一书记马长健以走访、座谈等方式，促进“里外”交流……',
        '成绩有亮点，不足要改进。第一书记们还认真分析了工作上的问题与不足。',
      ].join('\n'),
    );
    const units = data(yaml).units!;
    expect(units.map((u) => [u.name, u.speaker])).toEqual([
      ['清源镇阳尾村', '林文春'],
      ['芹洋乡九岭村', '王联辉'],
      ['凤阳镇官田村', '马长健'],
    ]);
    expect(units[2]!.achievements).toEqual(['以走访、座谈等方式，促进“里外”交流']);
    expect(units.flatMap((u) => u.shortcomings ?? [])).toEqual([]);
  });

  it('a headline runs into neither the byline nor the opening; a bare date is no title', () => {
    const leitai = draftBrief(
      ['擂台赛“硝烟”再起 19个项目同台竞技留坝县项目谋划', '2月23日，19个项目在留坝县同台竞技，各镇依次登台。'].join(
        '\n',
      ),
    ).yaml;
    expect(data(leitai).meeting.title).toBe('擂台赛“硝烟”再起 19个项目同台竞技留坝县项目谋划');
    const shouning = draftBrief(
      [
        '寿宁开展驻村第一书记中期履职述职评议活动二〇一九',
        '宁德网消息（闽东日报记者 龚键荣）7月4日下午，寿宁县委组织部、寿宁县农业农村局举办第五批驻村第一书记中期履职述职评议会。',
      ].join('\n'),
    ).yaml;
    expect(data(shouning).meeting.title).toBe('第五批驻村第一书记中期履职述职评议会');
    expect(data(shouning).meeting.organizer).toBe('寿宁县委组织部、寿宁县农业农村局');
  });

  it('a standing meeting: each body heard is a unit, and what the meeting asks of it its directives', () => {
    const { yaml } = draftBrief(
      [
        '2016年11月2日下午，区委副书记、区长戴斌同志在区府1729会议室主持召开了区政府六届一次常务会议。',
        '会议听取了区绩效办关于《龙岗区2016年度绩效管理工作中期报告》的汇报。会议指出，各责任单位要主动作为，强化工作落实。',
        '会议听取了区督查室《关于督办工作进展情况的报告》的汇报。会议指出，各责任单位按照有关部署要求，较好地完成了大部分工作任务。',
        '会议听取了全区各街道的汇报。',
      ].join('\n'),
    );
    const d = data(yaml);
    expect(d.meeting.chair).toEqual({ name: '戴斌', role: '区委副书记、区长' });
    expect(d.meeting.location).toBe('区府1729会议室');
    expect(d.units!.map((u) => [u.name, u.directives ?? []])).toEqual([
      ['区绩效办', ['各责任单位要主动作为，强化工作落实']],
      ['区督查室', []],
    ]);
    expect(yaml).toContain('# 原文（未归入成绩或不足）：各责任单位按照有关部署要求，较好地完成了大部分工作任务。');
  });

  it('a cue after a clause; 作代表发言; a hearing inside the opening; a person is no unit', () => {
    const kaijiang = data(
      draftBrief(
        '11月12日，县长周建平主持召开县政府第65次常务会议，听取了县自然资源局关于耕地保护工作的汇报。\n在听取完汇报后，周建平要求：要压实耕地保护责任。',
      ).yaml,
    );
    expect(kaijiang.units!.map((u) => u.name)).toEqual(['县自然资源局']);
    expect(kaijiang.directives!.find((d) => d.speaker === '周建平')?.points).toEqual(['要压实耕地保护责任']);
    const wuhan = data(
      draftBrief(
        '（郑汝可）昨晚，全市召开第三次拼搏赶超交流会。东西湖区、汉阳区、武昌区负责人作代表发言。围绕全力拼搏实现全年经济目标，陈一新要求，要抓当前、谋长远。',
      ).yaml,
    );
    expect(wuhan.meeting.title).toBe('拼搏赶超交流会');
    expect(wuhan.meeting.organizer).toBeUndefined();
    expect(wuhan.units!.map((u) => u.name)).toEqual(['东西湖区', '汉阳区', '武昌区']);
    expect(wuhan.directives!.find((d) => d.speaker === '陈一新')?.points).toEqual(['要抓当前、谋长远']);
    const nanan = data(
      draftBrief(
        '市委召开市直机关党委书记抓基层党建工作述职评议会议。市委常委、组织部部长杨远志逐一点评。杨远志充分肯定了建立党委书记抓党建述职评议制度的重要性。',
      ).yaml,
    );
    expect(nanan.units ?? []).toEqual([]);
  });

  it('titles after a site’s byline or time line, and "昨晚，X会举行"', () => {
    const title = (report: string) => data(draftBrief(report).yaml).meeting.title;
    expect(title('红网桂阳站6月12日讯 11日，桂阳县举行项目建设推进会。')).toBe('项目建设推进会');
    expect(title('06-12 14:32\n5月30日晚，县长张建科主持召开县政府2021年第6次县长办公会议，各镇负责人参加。')).toBe(
      '县政府2021年第6次县长办公会议',
    );
    expect(title('本报讯（记者 项乐茹）昨晚，温州市2018年第一次乡镇（街道）党（工）委书记工作交流会举行。')).toBe(
      '温州市2018年第一次乡镇（街道）党（工）委书记工作交流会',
    );
  });

  it('attendees before a group, or before "等县级领导"', () => {
    const taibai = data(
      draftBrief(
        '5月30日晚，县长张建科主持召开县政府2021年第6次县长办公会议，县政府领导刘涛、张宏斌、陆星，各镇及有关部门负责人参加。',
      ).yaml,
    );
    expect(taibai.meeting.attendees).toEqual(['刘涛', '张宏斌', '陆星']);
    const { yaml } = draftBrief(
      '11日，桂阳县举行项目建设推进会。廖桂生、庹登军、赵振等县级领导及各县直机关主要负责人参加。',
    );
    expect(data(yaml).meeting.attendees).toEqual(['廖桂生', '庹登军', '赵振']);
    expect(yaml).toContain('# 另：等县级领导及各县直机关主要负责人参加。');
  });

  it('a meeting named after a quotation; the host’s own secretary is no reporting unit', () => {
    const { yaml } = draftBrief(
      [
        '“让我们把掌声送给获得‘先进村’红旗的公玉村、建东村。希望他们继续发扬优良作风。”4月6日，滨海县滨淮镇举办第一季度工作总结会，表彰先进，激励后进。',
        '滨淮镇党委书记吕博表示，开展“先进村”“落后村”评选工作，是一项重要制度安排。',
      ].join('\n'),
    );
    const d = data(yaml);
    expect(d.meeting.title).toBe('第一季度工作总结会');
    expect(d.meeting.organizer).toBe('滨海县滨淮镇');
    expect(d.units ?? []).toEqual([]);
  });
});
