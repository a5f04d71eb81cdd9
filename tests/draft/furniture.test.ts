/**
 * Page furniture in text copied out of a browser: taken out before the genre is read, so it
 * never becomes the title or a unit, and kept verbatim as a comment, so nothing is lost.
 */
import { describe, expect, it } from 'vitest';
import { draftBrief } from '../../src/draft/index.js';
import { stripFurniture, withoutPinyin } from '../../src/draft/furniture.js';
import { commentLines, data, strings } from './fixtures.js';

const REPORT = [
  '8月27日上午，北京市委召开2024年第三季度工作会议，总结前一阶段工作，部署下一阶段任务。市委书记尹力主持会议并讲话。',
  '会上，东城区委、西城区委先后发言。东城区新建口袋公园12处，完成老旧小区改造30个。但在背街小巷精细化治理、养老服务供给等方面仍存不足。西城区引进金融机构15家，营商环境评价全市第一。但在产业结构调整、基层减负等方面仍存不足。',
  '市领导殷勇、刘伟出席会议。',
];

/** The report as copied from a news site, with the page around it. */
const PASTED = [
  '首页 > 国内资讯 > 北京新闻',
  '分享:',
  '',
  `来源：北京日报 编辑：张三 ${REPORT[0]}`,
  '',
  REPORT[1],
  '',
  REPORT[2],
  '查看原文',
  '其他',
  '【打印本页】【关闭窗口】',
  '相关新闻',
  '北京市委常委会召开会议 研究部署下一阶段工作',
  '尹力调研城市副中心建设',
  '',
].join('\n');

describe('page furniture', () => {
  it('never reaches the draft: the same brief as the report without it', () => {
    const clean = draftBrief(REPORT.join('\n\n'), { date: '2024-08-27' });
    const pasted = draftBrief(PASTED, { date: '2024-08-27' });
    expect(data(pasted.yaml)).toEqual(data(clean.yaml));
    expect(data(pasted.yaml).meeting.title).toBe('2024年第三季度工作会议');
    expect(data(pasted.yaml).units.map((u) => u.name)).toEqual(['东城区委', '西城区委']);
    expect(pasted.unplaced).toEqual(clean.unplaced);
  });

  it('is kept verbatim as a comment, in the order of the page', () => {
    const { yaml } = draftBrief(PASTED, { date: '2024-08-27' });
    const comments = commentLines(yaml).map((c) => c.trim());
    const at = comments.indexOf('报道的版面信息（未用）：');
    expect(at).toBeGreaterThan(0);
    expect(comments.slice(at + 1)).toEqual([
      '首页 > 国内资讯 > 北京新闻',
      '分享:',
      '来源：北京日报 编辑：张三',
      '查看原文',
      '其他',
      '【打印本页】【关闭窗口】',
      '相关新闻',
      '北京市委常委会召开会议 研究部署下一阶段工作',
      '尹力调研城市副中心建设',
    ]);
  });

  it('leaves every string of the draft a span of the report as pasted', () => {
    const { yaml } = draftBrief(PASTED);
    for (const [path, s] of strings(data(yaml)))
      if (path !== 'lang' && path !== 'meeting.date') expect(PASTED.includes(s), `${path}: ${s}`).toBe(true);
  });

  it("keeps a dated information line, before the lead or on the lead's line, for the date", () => {
    for (const report of [
      `2024-08-27 18:30 来源：北京日报\n${REPORT.join('\n')}`,
      `发布时间：2024-08-27 18:30 来源：北京日报 ${REPORT.join('\n')}`,
    ]) {
      const d = data(draftBrief(report).yaml);
      expect(d.meeting.date).toBe('2024-08-27');
      expect(d.meeting.title).toBe('2024年第三季度工作会议');
    }
  });

  it('takes out only what is furniture: report lines that look alike stay', () => {
    const furniture = [
      '首页 > 国内资讯 > 北京新闻',
      '当前位置：首页 > 要闻动态',
      '分享到：微信 微博 QQ空间',
      '分享:',
      '查看原文',
      '阅读原文',
      '其他',
      '【打印本页】【关闭窗口】',
      '字号：大 中 小',
      '【字体：大 中 小】',
      '打印 | 关闭',
      '上一篇：市委常委会召开会议',
      '来源：北京日报 编辑：张三',
      '责任编辑：李四',
      '浏览次数：1024',
      '扫一扫在手机打开当前页',
    ];
    const report = [
      '其他区县要对标先进、查找不足。',
      '一、主要成绩',
      '市领导张三、李四出席会议',
      '（完）',
      '东城区 > 西城区',
      '2025-01-07 18:23 来源：上海发布',
      '来源：解放日报 2025-01-07',
      '大',
      '分享经验、共同提高。',
    ];
    const { text, furniture: out } = stripFurniture([...furniture, ...report].join('\n'));
    expect(out.map((f) => f.text)).toEqual(furniture);
    expect(text.split('\n').filter(Boolean)).toEqual(report);
  });
});

describe('a mirror site’s pinyin', () => {
  it('is taken out when the page glosses character after character', () => {
    expect(withoutPinyin('會(huì)議(yì)由鎮黨(dǎng)委書(shū)記魏晨主持')).toBe('會議由鎮黨委書記魏晨主持');
  });

  it('stays when a report glosses a rare character or two, and brackets that are not pinyin stay', () => {
    expect(withoutPinyin('翀(chōng)阳村党支部书记介绍，全村共有党员(党员)48名')).toBe(
      '翀(chōng)阳村党支部书记介绍，全村共有党员(党员)48名',
    );
    expect(withoutPinyin('会(huì)议(yì)听取了A(a)、B(b)两个单位的汇报')).toBe(
      '会(huì)议(yì)听取了A(a)、B(b)两个单位的汇报',
    );
  });
});
