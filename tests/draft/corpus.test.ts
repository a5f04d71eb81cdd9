/**
 * The drafter scored on real reports of the genre (tests/fixtures/reports, and the reports of a
 * later survey in tests/fixtures/reports-2026-12), against labels a
 * person made by reading each text (labels.yaml). Prints the score table and fails below the
 * thresholds. How things are matched:
 *
 * - units: a label and a drafted unit name match when, read as simplified text and with their
 *   level and party endings taken off (区委, 党委, 党组, 政府, 社区, 村, 镇, 区, 市…), one equals or ends
 *   with the other ("石景山" = "石景山区", "文山市平坝镇" = "平坝镇党委"); matched in speaking order
 *   (党支部 and 党总支 are endings too; a drafted unit is used once, and only after the one matched before it);
 * - shortcomings: a labelled span counts when a shortcoming item of the matched unit contains
 *   it (or equals it);
 * - shortcomings as achievements: an achievement item (of any unit) that contains a labelled
 *   shortcoming span, or a 但… clause ending like a shortcoming ("但理论学习形式较为单一"), is
 *   one; there must be none;
 * - chair: the drafted chair's name is the label's (or one of its names);
 * - attendees: a labelled name counts when the drafted attendee list has it exactly.
 * Extra units and attendees (drafted, not labelled) are shown too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftBrief } from '../../src/draft/index.js';
import { stripPinyin, withoutPinyin } from '../../src/draft/furniture.js';
import { normalise } from '../../src/draft/text.js';
import { data, strings, type DraftData } from './fixtures.js';

interface Label {
  source: string;
  place: string;
  script: 'simplified' | 'traditional';
  units: { name: string; shortcomings?: string[] }[];
  chair: string | string[] | null;
  attendees: string[];
}

const readLabels = (dir: string) =>
  (parse(readFileSync(join(dir, 'labels.yaml'), 'utf8')) as { reports: Record<string, Label> }).reports;

/** Simplified, and without the pinyin a mirror site adds after characters, as the drafter reads. */
const simplified = (s: string) => normalise(stripPinyin(s)).norm;
const ENDINGS = [
  '主要负责同志',
  '政府',
  '负责同志',
  '党工委',
  '党总支',
  '党支部',
  '党委',
  '党组',
  '工委',
  '区委',
  '县委',
  '市委',
  '社区',
  '街道',
  '区',
  '县',
  '市',
  '镇',
  '乡',
  '村',
];
/** A unit name as compared: simplified, its level and party endings off. */
function unitKey(name: string): string {
  let k = simplified(name);
  for (let again = true; again;) {
    again = false;
    for (const e of ENDINGS)
      if (k.endsWith(e) && k.length - e.length >= 2) {
        k = k.slice(0, -e.length);
        again = true;
      }
  }
  return k;
}
const sameUnit = (a: string, b: string) => {
  const [x, y] = [unitKey(a), unitKey(b)];
  return x === y || x.endsWith(y) || y.endsWith(x);
};

/** A 但… clause that ends like a shortcoming: on an achievements panel it is misfiled. */
const BUT_SHORT =
  /但[^，。；]*?(?:不足|不够|短板|弱项|欠缺|不充分|不高|不强|滞后|进度慢|偏慢|较突出|需要加强|需加强|有待|仍未|尚未|差距|薄弱|单一|不到位|不平衡|问题)/;

interface Score {
  report: string;
  units: [number, number];
  extraUnits: number;
  shortcomings: [number, number];
  misfiled: string[];
  chair: [number, number];
  attendees: [number, number];
  extraAttendees: number;
  invented: string[];
}

function score(dir: string, name: string, label: Label): Score {
  const report = withoutPinyin(readFileSync(join(dir, name), 'utf8'));
  const { yaml } = draftBrief(report, { date: '2025-01', source: name });
  const d: DraftData = data(yaml);
  const drafted = d.units ?? [];
  // In speaking order: each labelled unit takes the first matching drafted unit after the last one taken.
  const pairs: [Label['units'][number], DraftData['units'][number]][] = [];
  let from = 0;
  for (const u of label.units) {
    const at = drafted.findIndex((x, i) => i >= from && sameUnit(x.name, u.name));
    if (at < 0) continue;
    pairs.push([u, drafted[at]!]);
    from = at + 1;
  }
  const squeeze = (s: string) => stripPinyin(s).replace(/\s+/g, '');
  let shortFound = 0;
  let shortExpected = 0;
  for (const u of label.units) shortExpected += u.shortcomings?.length ?? 0;
  for (const [u, x] of pairs)
    for (const span of u.shortcomings ?? [])
      if ((x.shortcomings ?? []).some((s) => squeeze(s).includes(squeeze(span)))) shortFound++;
  // A matched unit is checked against its own shortcomings (another unit's "全面从严治党" may be
  // this one's achievement); a drafted unit matching no label, against all of them.
  const all = label.units.flatMap((u) => u.shortcomings ?? []);
  const misfiled: string[] = [];
  for (const x of drafted) {
    const own = pairs.find(([, y]) => y === x)?.[0].shortcomings ?? all;
    for (const a of x.achievements ?? [])
      if (own.some((s) => squeeze(a).includes(squeeze(s))) || BUT_SHORT.test(simplified(a)))
        misfiled.push(`${x.name}: ${a}`);
  }
  const chairs = label.chair === null ? [] : [label.chair].flat();
  const chairName = d.meeting.chair?.name;
  const chairOk = chairName !== undefined && chairs.some((c) => simplified(c) === simplified(chairName));
  const drafedAttendees = d.meeting.attendees ?? [];
  // Labels copy names as the page writes them, a site's pinyin included; the drafter reads without it.
  const labelled = label.attendees.map(stripPinyin);
  const attFound = labelled.filter((a) => drafedAttendees.includes(a)).length;
  const known = new Set([...labelled, ...chairs.map(stripPinyin)]);
  const invented = strings(d)
    .filter(([path]) => path !== 'lang' && path !== 'meeting.date')
    .filter(([, s]) => !report.includes(s))
    .map(([path, s]) => `${path}: ${s}`);
  return {
    report: name,
    units: [pairs.length, label.units.length],
    extraUnits: drafted.length - pairs.length,
    shortcomings: [shortFound, shortExpected],
    misfiled,
    chair: [chairOk ? 1 : 0, chairs.length ? 1 : 0],
    attendees: [attFound, label.attendees.length],
    extraAttendees: drafedAttendees.filter((a) => !known.has(a)).length,
    invented,
  };
}

/**
 * One set of labelled reports, scored; `floor` is what the drafter must reach on it (a rate of
 * found/expected, and the least number of reports the set holds).
 */
function scoreSet(
  dir: string,
  what: string,
  floor: { reports: number; units: number; shortcomings: number; chair: number; attendees: number },
) {
  const labels = readLabels(dir);
  const names = Object.keys(labels).sort();
  const scores = names.map((n) => score(dir, n, labels[n]!));
  const sum = (f: (s: Score) => [number, number]) =>
    scores.reduce<[number, number]>((acc, s) => [acc[0] + f(s)[0], acc[1] + f(s)[1]], [0, 0]);
  const rate = ([a, b]: [number, number]) => (b === 0 ? 1 : a / b);
  const cell = ([a, b]: [number, number]) => `${a}/${b}`;

  describe(what, () => {
    it('prints the score table', () => {
      const rows = scores.map((s) => ({
        report: s.report.replace(/\.txt$/, ''),
        units: cell(s.units) + (s.extraUnits ? ` +${s.extraUnits}` : ''),
        shortcomings: cell(s.shortcomings),
        'as achievements': s.misfiled.length,
        chair: s.chair[1] ? cell(s.chair) : s.chair[0] ? '1/0' : '-',
        attendees: cell(s.attendees) + (s.extraAttendees ? ` +${s.extraAttendees}` : ''),
      }));
      const total = {
        report: `ALL (${scores.length})`,
        units: `${cell(sum((s) => s.units))} ${(rate(sum((s) => s.units)) * 100).toFixed(0)}%`,
        shortcomings: `${cell(sum((s) => s.shortcomings))} ${(rate(sum((s) => s.shortcomings)) * 100).toFixed(0)}%`,
        'as achievements': scores.reduce((n, s) => n + s.misfiled.length, 0),
        chair: `${cell(sum((s) => s.chair))} ${(rate(sum((s) => s.chair)) * 100).toFixed(0)}%`,
        attendees: `${cell(sum((s) => s.attendees))} ${(rate(sum((s) => s.attendees)) * 100).toFixed(0)}%`,
      };
      console.log(`\n${what}: ${scores.length} reports (found/expected, +extra)`);
      console.table([...rows, total]);
      for (const s of scores) for (const m of s.misfiled) console.log(`shortcoming as achievement: ${s.report}: ${m}`);
      expect(scores.length).toBeGreaterThanOrEqual(floor.reports);
    });

    it(`finds at least ${floor.units * 100}% of the units`, () => {
      expect(rate(sum((s) => s.units))).toBeGreaterThanOrEqual(floor.units);
    });

    it(`finds at least ${floor.shortcomings * 100}% of the shortcomings`, () => {
      expect(rate(sum((s) => s.shortcomings))).toBeGreaterThanOrEqual(floor.shortcomings);
    });

    it('never puts a shortcoming on an achievements panel', () => {
      expect(scores.flatMap((s) => s.misfiled.map((m) => `${s.report}: ${m}`))).toEqual([]);
    });

    it(`finds the chair or reviewing leader in at least ${floor.chair * 100}% of the reports`, () => {
      expect(rate(sum((s) => s.chair))).toBeGreaterThanOrEqual(floor.chair);
    });

    it(`finds at least ${floor.attendees * 100}% of the attending leaders`, () => {
      expect(rate(sum((s) => s.attendees))).toBeGreaterThanOrEqual(floor.attendees);
    });

    it.each(names)('%s: every string in the draft is a span of the report', (name) => {
      expect(scores.find((s) => s.report === name)!.invented).toEqual([]);
    });
  });
}

scoreSet('tests/fixtures/reports', 'the drafter on real reports', {
  reports: 25,
  units: 0.95,
  shortcomings: 0.95,
  chair: 0.9,
  attendees: 0.9,
});

scoreSet('tests/fixtures/reports-2026-12', 'the drafter on the reports of the December 2026 survey', {
  reports: 39,
  units: 0.51,
  shortcomings: 0.51,
  chair: 0.68,
  attendees: 0.73,
});
