import { describe, expect, it } from 'vitest';
import { loadBrief, parseBrief } from '../../src/brief/load.js';
import { listName } from '../../src/layout/attendees.js';
import { planDeck } from '../../src/layout/deck.js';
import type { DeckPlan, SlidePlan, TextShape } from '../../src/layout/plan.js';
import { resolveTheme } from '../../src/theme/resolve.js';
import { boxesByRole, overlaps, paraText } from '../helpers/plan.js';

const planOf = (file: string, theme = 'default') => {
  const { brief } = loadBrief(file);
  return { brief, plan: planDeck(brief, resolveTheme(theme, brief.lang)) };
};
const withAttendees = (names: string[], theme = 'default'): DeckPlan =>
  planDeck(
    parseBrief(
      `meeting:\n  title: 市委季度工作会议\n  date: 2025-01-06\n  attendees: [${names.join(', ')}]\nunits:\n  - name: 甲区委\n`,
      'b.yaml',
    ).brief,
    resolveTheme(theme, 'zh-CN'),
  );
const attendeeSlides = (plan: DeckPlan) => plan.slides.filter((s) => s.kind === 'attendees');
const names = (s: SlidePlan) => boxesByRole(s, 'attendees');
const centre = (b: TextShape) => b.x + b.w / 2;
/** The distinct values, in order, to a hundredth. */
const distinct = (xs: number[]) => [...new Set(xs.map((x) => Math.round(x * 100) / 100))].sort((a, b) => a - b);
const sizeOf = (b: TextShape) => b.paragraphs[0]!.runs[0]!.sizePt;

describe('names in the list', () => {
  it('pads a name of exactly two Chinese characters to three with a full-width space, and nothing else', () => {
    expect(listName('龚正')).toBe('龚\u3000正');
    expect(listName('吴伟')).toBe('吴\u3000伟');
    for (const n of ['朱忠明', '欧阳明华', '龚', '龚 正', 'A正', '龚\u3000正', 'Wei Zhang', '阿不都热依木·卡德尔'])
      expect(listName(n), n).toBe(n);
  });
});

describe('the attendees slide', () => {
  it('the sample: one centred grid of equal columns, names in the order given, row by row, two-character names padded', () => {
    const { brief, plan } = planOf('briefs/2025-01-shanghai-quarterly.yaml');
    const [slide, ...more] = attendeeSlides(plan);
    expect(more).toEqual([]);
    const boxes = names(slide!);
    expect(boxes.map((b) => paraText(b.paragraphs[0]!))).toEqual(brief.meeting.attendees.map(listName));
    expect(paraText(boxes[0]!.paragraphs[0]!)).toBe('龚\u3000正');
    // Row by row: reading the boxes top to bottom, then left to right, gives the brief's order.
    const read = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
    expect(read).toEqual(boxes);
    // 19 names: 7, 7 and 5 in three rows; every column's names share one centre.
    const rows = distinct(boxes.map((b) => b.y));
    expect(rows).toHaveLength(3);
    expect(rows.map((y) => boxes.filter((b) => Math.abs(b.y - y) < 0.01).length)).toEqual([7, 7, 5]);
    const columns = distinct(boxes.map(centre));
    expect(columns).toHaveLength(7);
    // The grid is centred on the slide, each name centred in its column, all at one size.
    expect((columns[0]! + columns[columns.length - 1]!) / 2).toBeCloseTo(plan.widthIn / 2, 1);
    for (const b of boxes) expect(b.paragraphs[0]!.align).toBe('center');
    expect(new Set(boxes.map(sizeOf)).size).toBe(1);
    // Room between the rows: a line and more than half another.
    const pt = sizeOf(boxes[0]!);
    expect((rows[1]! - rows[0]!) * 72).toBeGreaterThanOrEqual(pt * 2.1);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });

  it('fills the last row as well as the rows allow: 22 names in 6 columns (6/6/6/4), not 7 (7/7/7/1)', () => {
    const list = Array.from(
      { length: 22 },
      (_, i) => `张${'一二三四五六七八九十'[i % 10]}${'甲乙丙'[Math.floor(i / 10)]}`,
    );
    const boxes = names(attendeeSlides(withAttendees(list))[0]!);
    const rows = distinct(boxes.map((b) => b.y));
    expect(rows.map((y) => boxes.filter((b) => Math.abs(b.y - y) < 0.01).length)).toEqual([6, 6, 6, 4]);
  });

  it('a lone attendee is not left at the top of an empty slide: the list sits about the middle of the body', () => {
    const plan = withAttendees(['龚正']);
    const [box] = names(attendeeSlides(plan)[0]!);
    expect(centre(box!)).toBeCloseTo(plan.widthIn / 2, 1);
    const footer = boxesByRole(attendeeSlides(plan)[0]!, 'footer')[0]!;
    const title = boxesByRole(attendeeSlides(plan)[0]!, 'title')[0]!;
    const middle = (title.y + title.h + footer.y) / 2;
    expect(Math.abs(box!.y + box!.h / 2 - middle)).toBeLessThan(0.6);
  });

  it('a name far longer than the rest spans two columns or more rather than widening every column', () => {
    const list = ['龚正', '朱忠明', '李仰哲', '阿不都热依木·卡德尔', '吴伟', '陈通', '张为', '陈金山', '李政', '华源'];
    const boxes = names(attendeeSlides(withAttendees(list))[0]!);
    const long = boxes.find((b) => paraText(b.paragraphs[0]!).startsWith('阿不都'))!;
    const short = boxes.find((b) => paraText(b.paragraphs[0]!) === '朱忠明')!;
    expect(long.w).toBeGreaterThan(short.w * 1.8);
    expect(short.w * 72).toBeLessThan(sizeOf(short) * 6.5); // a column of about four characters and its gaps
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });

  for (const theme of ['default', 'high-contrast']) {
    it(`${theme}: more names than fit continue on slides titled 出席领导（续）, the same grid on each, every name once, in order`, () => {
      const { brief, plan } = planOf('tests/fixtures/stress/attendees.yaml', theme);
      const slides = attendeeSlides(plan);
      expect(slides.length).toBeGreaterThan(1);
      slides.forEach((s, i) =>
        expect(paraText(boxesByRole(s, 'title')[0]!.paragraphs[0]!)).toBe(i === 0 ? '出席领导' : '出席领导（续）'),
      );
      expect(slides.flatMap((s) => names(s).map((b) => paraText(b.paragraphs[0]!)))).toEqual(
        brief.meeting.attendees.map(listName),
      );
      expect(slides.map((s) => s.notes)).toEqual(
        slides.map((s) =>
          names(s)
            .map((b) => paraText(b.paragraphs[0]!).replace('\u3000', ''))
            .join('、'),
        ),
      );
      // One size, one set of columns, the first row at the same height on every slide.
      const t = resolveTheme(theme, 'zh-CN');
      const sizes = new Set(slides.flatMap((s) => names(s).map(sizeOf)));
      expect(sizes.size).toBe(1);
      expect([...sizes][0]).toBeGreaterThanOrEqual(t.sizes.minimum);
      const short = (s: SlidePlan) => names(s).filter((b) => [...paraText(b.paragraphs[0]!)].length <= 3);
      expect(distinct(short(slides[1]!).map(centre))).toEqual(
        expect.arrayContaining(distinct(short(slides[slides.length - 1]!).map(centre))),
      );
      expect(Math.min(...names(slides[1]!).map((b) => b.y))).toBeCloseTo(
        Math.min(...names(slides[0]!).map((b) => b.y)),
        5,
      );
      // Rows shared out evenly: no slide has a lone row left over while another is full.
      const rowCounts = slides.map((s) => distinct(names(s).map((b) => b.y)).length);
      expect(Math.max(...rowCounts) - Math.min(...rowCounts)).toBeLessThanOrEqual(1);
      const entry = plan.fit.find((f) => f.kind === 'attendees')!;
      expect(entry.continuationSlides).toBe(slides.length - 1);
      for (const s of slides)
        for (const b of names(s)) {
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.x + b.w).toBeLessThanOrEqual(plan.widthIn);
          expect(b.y + b.h).toBeLessThanOrEqual(boxesByRole(s, 'footer')[0]!.y);
        }
    });
  }
});
