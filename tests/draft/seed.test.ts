/**
 * The seed report as a golden test: the draft finds all seven units with their names,
 * every shortcoming exactly, each unit's achievements with all their figures, the directives of
 * 陈吉宁 and 龚正 and the attending leaders — as in the hand-made sample brief — and, given a
 * date, it validates and builds a deck.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../src/brief/load.js';
import { draftBrief } from '../../src/draft/index.js';
import { buildDeck } from '../../src/index.js';
import { readDeck, paragraphsOf } from '../helpers/deck.js';
import { data, seedReport } from './fixtures.js';

const report = seedReport();
const draft = draftBrief(report, { date: '2025-01', source: 'seed.txt' });
const d = data(draft.yaml);
/** The sample brief, hand-made from the same report: the draft should come close to it. */
const sample = parseBrief(readFileSync('briefs/2025-01-shanghai-quarterly.yaml', 'utf8'), 'sample.yaml').brief;

describe('drafting the seed report', () => {
  it('finds the meeting: title, subtitle, chair with role, summary', () => {
    expect(d.meeting.title).toBe('市委季度工作会议');
    expect(d.meeting.subtitle).toBe('新年首次');
    expect(d.meeting.chair).toEqual({ name: '陈吉宁', role: '市委书记' });
    expect(d.meeting.summary).toBe('动员全市上下鼓足干劲、抓紧行动，全力推动全年工作开好局、起好步');
    expect(d.meeting.date).toBe('2025-01');
  });

  it('takes the organizer and location from "上海市委书记陈吉宁主持", as spans of 上海市委书记', () => {
    expect(d.meeting.organizer).toBe('上海市委');
    expect(d.meeting.location).toBe('上海');
    expect(report).toContain(`${d.meeting.organizer}书记陈吉宁主持`);
  });

  it('finds all seven units, by their names in the list, in speaking order', () => {
    expect(d.units.map((u) => u.name)).toEqual([
      '浦东新区区委',
      '金山区委',
      '青浦区委',
      '崇明区委',
      '市公安局',
      '市司法局',
      '市应急管理局',
    ]);
    expect(d.units.map((u) => u.name)).toEqual(sample.units.map((u) => u.name));
  });

  it('finds every shortcoming item exactly', () => {
    expect(d.units.map((u) => u.shortcomings)).toEqual(sample.units.map((u) => u.shortcomings));
    expect(d.units[4]!.shortcomings).toEqual(['交通管理综合施策', '队伍建设特别是提高基层执法规范性']);
  });

  it("splits each unit's achievements into claims, as the sample does", () => {
    expect(d.units.map((u) => u.achievements)).toEqual(sample.units.map((u) => u.achievements));
  });

  it("keeps every figure of each unit's text in its achievements", () => {
    const paragraph = report.split('\n').find((l) => l.includes('先后发言'))!;
    const starts = [
      '浦东新区新建',
      '金山区实现',
      '青浦区组建',
      '崇明区创新',
      '市公安局完善',
      '市司法局服务',
      '市应急管理局有力',
    ];
    starts.forEach((start, i) => {
      const from = paragraph.indexOf(start);
      const to = i + 1 < starts.length ? paragraph.indexOf(starts[i + 1]!) : paragraph.length;
      const text = paragraph.slice(from, to).replace(/但在[^。]*仍存不足。/, '');
      const figures = text.match(/\d+(?:[.,-]\d+)*/g) ?? [];
      const joined = d.units[i]!.achievements!.join('\n');
      for (const f of figures) expect(joined, `${d.units[i]!.name}: ${f}`).toContain(f);
    });
    expect(d.units[0]!.achievements).toContain('新建街区党组织202个');
    expect(d.units[6]!.achievements).toContain('对全市2.3万家生产经营单位开展“信用+风险”监管');
  });

  it('finds the directives of 陈吉宁 and 龚正, a point per sentence', () => {
    expect(d.directives!.map((l) => [l.speaker, l.role])).toEqual([
      ['陈吉宁', '市委书记'],
      ['龚正', '市委副书记、市长'],
    ]);
    expect(d.directives!.map((l) => l.points)).toEqual(sample.directives.map((l) => l.points));
    expect(d.directives![1]!.topic).toBe('一季度经济社会发展重点工作');
  });

  it('finds the attending leaders, in the order of the report', () => {
    expect(d.meeting.attendees).toEqual(sample.meeting.attendees);
    expect(d.meeting.attendees).not.toContain('陈吉宁');
  });

  it('keeps the narrative before a cue and the photo credit as comments, and places everything else', () => {
    expect(draft.unplaced).toEqual([]);
    expect(draft.yaml).toContain('# 原文（未列入要点）：陈吉宁结合过去一年');
    expect(draft.yaml).toContain('（本文图片 陈正宝 摄）');
  });

  it("suggests unit directives from the leaders' points that share key terms with the shortcomings", () => {
    const pudong = d.units[0]!.directives as { text: string; by: string }[];
    expect(pudong.map((x) => x.by)).toEqual(['陈吉宁', '龚正', '龚正']);
    expect(pudong[1]!.text).toContain('产业转型升级');
    expect(pudong[2]!.text).toContain('民生实事');
    const emergency = d.units[6]!.directives as { text: string; by: string }[];
    expect(emergency.some((x) => x.text.includes('安全生产'))).toBe(true);
  });

  it('validates as a brief and builds a deck with a slide per unit', async () => {
    const { brief } = parseBrief(draft.yaml, 'draft.yaml');
    expect(brief.units).toHaveLength(7);
    const deck = await readDeck(await buildDeck(brief));
    const text = deck.slides.map((s) => paragraphsOf(s).join('\n')).join('\n');
    for (const u of brief.units) expect(text).toContain(u.name);
    expect(text).toContain('公共服务优质均衡供给');
  });
});
