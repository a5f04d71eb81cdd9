/**
 * The sample brief is copied from the seed report, never paraphrased or invented: every text in
 * it is a span of the report, every figure of a unit's paragraph is in that unit's items, and
 * nothing the report does not say (such as a meeting day) is added.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBrief } from '../../src/brief/load.js';

const report = readFileSync('tests/fixtures/draft/shanghai-2025-01.txt', 'utf8');
const { brief } = loadBrief('briefs/2025-01-shanghai-quarterly.yaml');

describe('the seed report kept with the fixtures', () => {
  it('is the shared seed, when the shared folder is there', async () => {
    const { existsSync } = await import('node:fs');
    const shared = '../shared/seeds/000_3e8774fd0b4dda31.txt';
    if (existsSync(shared)) expect(readFileSync(shared, 'utf8')).toBe(report);
  });
});

describe('the sample brief against the seed report', () => {
  it('copies every achievement, shortcoming, directive and attendee verbatim from the report', () => {
    const texts = [
      brief.meeting.title,
      brief.meeting.subtitle!,
      brief.meeting.summary!,
      ...brief.meeting.attendees,
      ...brief.units.flatMap((u) => [...u.achievements, ...u.shortcomings, ...u.directives.map((d) => d.text)]),
      ...brief.directives.flatMap((d) => [d.speaker, d.role ?? '', d.topic ?? '', ...d.points]),
    ];
    for (const t of texts) expect(report.includes(t), t).toBe(true);
  });

  it('lists the units in speaking order, with three shortcomings each (two for 市公安局)', () => {
    const order = /会上，(.+?)先后发言/.exec(report)![1]!.split('、');
    expect(brief.units.map((u) => u.name)).toEqual(order);
    const found = [...report.matchAll(/但在(.+?)等方面仍存不足/g)].map((m) => m[1]!.split('、'));
    expect(brief.units.map((u) => u.shortcomings)).toEqual(found);
  });

  it("keeps every figure of each unit's paragraph in that unit's items", () => {
    const paragraph = report.slice(report.indexOf('陈吉宁逐一作工作点评。'), report.indexOf('陈吉宁结合过去一年'));
    const starts = [
      '浦东新区新建',
      '金山区实现',
      '青浦区组建',
      '崇明区创新',
      '市公安局完善',
      '市司法局服务',
      '市应急管理局有力',
    ].map((s) => paragraph.indexOf(s));
    brief.units.forEach((u, i) => {
      const text = paragraph.slice(starts[i]!, starts[i + 1] ?? paragraph.length);
      const items = u.achievements.join('|');
      for (const fig of text.match(/\d+(?:\.\d+)?/g) ?? []) expect(items, `${u.name}: ${fig}`).toContain(fig);
      for (const fig of text.match(/[全郊][市区国][第首][一个家批]/g) ?? [])
        expect(items, `${u.name}: ${fig}`).toContain(fig);
    });
  });

  it('gives every unit directives from the two leaders, and does not invent a meeting day', () => {
    for (const u of brief.units) {
      expect(u.directives.length).toBeGreaterThan(0);
      for (const d of u.directives) expect(['陈吉宁', '龚正']).toContain(d.by);
    }
    expect(brief.meeting.date).toBe('2025-01');
    expect(brief.meeting.chair).toEqual({ name: '陈吉宁', role: '市委书记' });
  });
});
