/**
 * Issue 6, item 4: property tests. Generated briefs — random Unicode (CJK, emoji, right-to-left,
 * combining marks, controls, lone surrogates), texts from empty to long, 1 to ~60 units, panels
 * randomly empty, lang zh-CN or en, now and then a wrong type or a date that does not exist —
 * are written as YAML with the `yaml` package and go through `parseBrief`. Each one either
 * - fails validation with a BriefdeckError whose every problem has a message, the file and a
 *   line:column (never any other exception), or
 * - builds a deck (`buildDeckWithPlan`) whose every XML part is well-formed and whose slides
 *   hold every input item's text, normalised as the loader does (control characters removed,
 *   trimmed, line breaks joined), each on its own unit's or leader's slides, in order.
 *
 * `npm test` runs a few dozen briefs; `npm run test:property` runs 500
 * (BRIEFDECK_PROPERTY_RUNS=n for any other number; BRIEFDECK_PROPERTY_SEED=s to replay a failure).
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { oneParagraph, parseBrief } from '../../src/brief/load.js';
import type { Brief } from '../../src/brief/types.js';
import { BriefdeckError } from '../../src/errors.js';
import { buildDeckWithPlan } from '../../src/index.js';
import { listName } from '../../src/layout/attendees.js';
import type { DeckPlan, TextShape } from '../../src/layout/plan.js';
import { stripXmlForbidden } from '../../src/yaml/source.js';
import { isWellFormed, paragraphsOf, readDeck, type DeckParts } from '../helpers/deck.js';

const RUNS = Number(process.env.BRIEFDECK_PROPERTY_RUNS) || 40;
const SEED = process.env.BRIEFDECK_PROPERTY_SEED ? Number(process.env.BRIEFDECK_PROPERTY_SEED) : undefined;
const FILE = 'generated.yaml';

/** What the loader makes of a text: forbidden characters removed, trimmed, line breaks joined. */
const normal = (s: string) => oneParagraph(stripXmlForbidden(s).text);

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

const ch = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));
/** Characters a reader sees: the schema's "visible" (letter, number, punctuation, symbol). */
const visible = fc.oneof(
  { arbitrary: ch(0x4e00, 0x9fff), weight: 6 }, // CJK
  { arbitrary: ch(0x41, 0x5a), weight: 2 },
  { arbitrary: ch(0x61, 0x7a), weight: 3 },
  { arbitrary: ch(0x30, 0x39), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '，',
      '。',
      '、',
      '；',
      '：',
      '？',
      '！',
      '（',
      '）',
      '《',
      '》',
      '「',
      '」',
      '“',
      '”',
      '…',
      '—',
      '％',
    ),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom(
      '&',
      '<',
      '>',
      '"',
      "'",
      '&amp;',
      ']]>',
      '<!--',
      '{{x}}',
      '\\',
      '#',
      '- ',
      ': ',
      '*',
      '!',
      '%',
      '@',
      '`',
    ),
    weight: 2,
  },
  { arbitrary: fc.constantFrom('🎉', '👨‍👩‍👧‍👦', '🇨🇳', '🇺🇳', '👍🏽', '🏳️‍🌈', '😀', '🧑‍🚀', '❤️'), weight: 1 },
  { arbitrary: fc.constantFrom('שלום', 'مرحبا', 'ש', 'م', '٢٠٢'), weight: 1 },
  {
    arbitrary: fc.constantFrom('202个', '2,304', '3.5%', '全市第一', '1.2万家', '三分之一', '12.3 pp', '99.2%'),
    weight: 2,
  },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 }, // anything at all
);
/** Characters that are not visible on their own, or that XML cannot hold. */
const invisible = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      ' ',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\u3000',
      '\u00A0',
      '\u2028',
      '\u2029',
      '\u200B',
      '\u200F',
      '\uFEFF',
    ),
    weight: 4,
  },
  { arbitrary: ch(0x0300, 0x036f), weight: 1 }, // combining marks
  { arbitrary: ch(0x00, 0x1f), weight: 1 }, // C0 controls
  {
    arbitrary: fc.constantFrom('\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u007F', '\u0085'),
    weight: 1,
  },
);
const chunk = fc.oneof({ arbitrary: visible, weight: 5 }, { arbitrary: invisible, weight: 1 });

const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const codePoints = (s: string) => [...normal(s)].length;

/** Text of `min` to `max` chunks (fast-check keeps arrays small unless told otherwise). */
const chunks = (min: number, max: number) =>
  fc.array(chunk, { minLength: min, maxLength: max, size: 'max' }).map((a) => a.join(''));
/** `min` to `max` chunks with a visible one somewhere among them, at most `limit` characters once normalised (a name, a title). */
const visibleText = (min: number, max: number, limit = Infinity) =>
  fc
    .tuple(fc.array(chunk, { minLength: min, maxLength: max, size: 'max' }), visible, fc.nat())
    .map(([a, v, at]) => [...a.slice(0, at % (a.length + 1)), v, ...a.slice(at % (a.length + 1))].join(''))
    .filter((s) => VISIBLE.test(normal(s)) && codePoints(s) <= limit);
/** Anything, empty and invisible included. */
const anyText = chunks(0, 8);

/** A name, title or role: short, and valid. */
const name = fc.oneof(
  { arbitrary: visibleText(0, 4, 60), weight: 8 },
  { arbitrary: visibleText(5, 15, 60), weight: 1 },
);
/** An item: mostly a line, sometimes a paragraph, now and then very long. */
const item = fc.oneof(
  { arbitrary: visibleText(0, 16), weight: 30 },
  { arbitrary: visibleText(40, 160), weight: 3 },
  { arbitrary: visibleText(500, 2000), weight: 1 },
);
/** A list that is missing, empty, or has items. */
const list = <T>(arb: fc.Arbitrary<T>, max: number) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constant([]), weight: 1 },
    { arbitrary: fc.array(arb, { minLength: 1, maxLength: max }), weight: 4 },
  );

// ---------------------------------------------------------------------------------------------
// Briefs: valid ones, and valid ones with one mistake
// ---------------------------------------------------------------------------------------------

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const pad = (n: number) => String(n).padStart(2, '0');

const date = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${pad(m)}`),
    weight: 1,
  },
);

const directive = fc.oneof(item, fc.record({ text: item, by: opt(name) }, { requiredKeys: ['text'] }));

const unit = fc.record(
  {
    name,
    speaker: opt(name),
    achievements: list(item, 8),
    shortcomings: list(item, 6),
    directives: list(directive, 4),
    notes: opt(item),
  },
  { requiredKeys: ['name'] },
);

const leader = fc.record(
  {
    speaker: name,
    role: opt(name),
    topic: opt(visibleText(0, 6, 80)),
    points: fc.array(item, { minLength: 1, maxLength: 6 }),
  },
  { requiredKeys: ['speaker', 'points'] },
);

const validBrief = fc.record(
  {
    lang: fc.constantFrom('zh-CN', 'en'),
    meeting: fc.record(
      {
        title: name,
        subtitle: opt(name),
        date,
        organizer: opt(name),
        location: opt(name),
        chair: opt(fc.record({ name, role: opt(name) }, { requiredKeys: ['name'] })),
        summary: opt(item),
        attendees: list(name, 30),
      },
      { requiredKeys: ['title', 'date'] },
    ),
    // Mostly a few units, sometimes dozens.
    units: fc.oneof(
      { arbitrary: fc.array(unit, { minLength: 1, maxLength: 6 }), weight: 6 },
      { arbitrary: fc.array(unit, { minLength: 7, maxLength: 60, size: 'max' }), weight: 1 },
    ),
    directives: list(leader, 3),
  },
  { requiredKeys: ['lang', 'meeting', 'units'] },
);

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One mistake a person could make, applied to a valid brief. */
const mistakes: Array<[string, (b: Data, n: number, junk: unknown) => void]> = [
  [
    'text that is empty or invisible',
    (b, n, junk) => void (b.units[n % b.units.length].name = typeof junk === 'string' ? junk : ''),
  ],
  [
    'a number, null or boolean where text belongs',
    (b, _n, junk) => void (b.meeting.title = typeof junk === 'string' ? 2025 : junk),
  ],
  ['a title too long', (b, n) => void (b.meeting.title = '长'.repeat(101 + n))],
  ['a date that does not exist', (b, n) => void (b.meeting.date = `2025-${pad(n % 14)}-${pad(29 + (n % 4))}`)],
  ['no units', (b) => void (b.units = [])],
  ['text where a list belongs', (b, n) => void (b.units[n % b.units.length].achievements = '一项成绩')],
  ['a misspelt key', (b, n) => void (b.units[n % b.units.length].achievments = ['x'])],
  ['a leader without points', (b) => void (b.directives = [{ speaker: '龚正', points: [] }])],
  ['an unknown language', (b) => void (b.lang = 'fr')],
  ['a list where a unit belongs', (b, n) => void (b.units[n % b.units.length] = ['x'])],
];
const junk = fc.oneof(anyText, fc.integer(), fc.constant(null), fc.boolean());
const wrongBrief = fc
  .tuple(validBrief, fc.integer({ min: 0, max: mistakes.length - 1 }), fc.nat({ max: 1000 }), junk)
  .map(([b, k, n, j]) => {
    const copy = structuredClone(clean(b)) as Data;
    mistakes[k]![1](copy, n, j);
    return copy;
  });

const brief = fc.oneof(
  { arbitrary: validBrief.map((b) => clean(b) as Data), weight: 4 },
  { arbitrary: wrongBrief, weight: 1 },
);

/** Drop `undefined` (YAML has no such thing; an absent key is what it means). */
function clean<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clean) as T;
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k, clean(x)]),
    ) as T;
  return v;
}

const yamlStyle = fc.constantFrom<NonNullable<Parameters<typeof stringify>[2]>>(
  {},
  { defaultStringType: 'QUOTE_DOUBLE' },
  { lineWidth: 0 },
  { defaultStringType: 'BLOCK_LITERAL' },
  { collectionStyle: 'flow' },
);

// ---------------------------------------------------------------------------------------------
// Reading the deck back
// ---------------------------------------------------------------------------------------------

/**
 * The XML paragraphs of every text box of a slide, with the box's role from the plan. The
 * renderer writes one <p:txBody> per text shape, in plan order.
 */
function boxesOf(plan: DeckPlan, deck: DeckParts, i: number): Array<{ role: string; paras: string[] }> {
  const shapes = plan.slides[i]!.shapes.filter((s): s is TextShape => s.kind === 'text');
  const bodies = deck.slides[i]!.match(/<p:txBody>[\s\S]*?<\/p:txBody>/g) ?? [];
  expect(bodies.length, `slide ${i + 1}: text boxes in the XML vs the plan`).toBe(shapes.length);
  return shapes.map((s, k) => ({ role: s.role, paras: paragraphsOf(bodies[k]!) }));
}

/** The panel text of one subject's slides, per panel key: the paragraphs joined, pieces of split items rejoined. */
function panelsOf(plan: DeckPlan, deck: DeckParts, slides: number[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of slides) {
    for (const b of boxesOf(plan, deck, i)) {
      if (!b.role.startsWith('panel:')) continue;
      const key = b.role.slice('panel:'.length);
      out.set(key, (out.get(key) ?? '') + b.paras.join(''));
    }
  }
  return out;
}

/** Compare long texts, reporting where they part (a whole 5,000-character item helps nobody). */
function expectSameText(got: string, want: string, what: string): void {
  if (got === want) return;
  let i = 0;
  while (i < got.length && got[i] === want[i]) i++;
  const show = (t: string) => JSON.stringify(t.slice(Math.max(0, i - 12), i + 12));
  expect.fail(
    `${what}: differs at ${i} of ${want.length}: got ${show(got)}, want ${show(want)}${got.includes('\uFFFD') && !want.includes('\uFFFD') ? ' (U+FFFD: a character was cut in two)' : ''}`,
  );
}

/** The slides of each subject of a kind, in order (subjects are unique in the generated briefs). */
function slidesBySubject(plan: DeckPlan, kind: string): Map<string, number[]> {
  const m = new Map<string, number[]>();
  plan.slides.forEach((s, i) => {
    if (s.kind === kind) m.set(s.subject!, [...(m.get(s.subject!) ?? []), i]);
  });
  return m;
}

/** Make unit names and leaders unique once normalised, so each one's slides can be found. */
function uniqueSubjects(data: Data): void {
  for (const [list, key] of [
    [data.units, 'name'],
    [data.directives, 'speaker'],
  ] as const) {
    const seen = new Set<string>();
    (Array.isArray(list) ? (list as Data[]) : []).forEach((x, i) => {
      if (typeof x?.[key] !== 'string') return;
      while (seen.has(normal(x[key]))) x[key] = `${x[key]} ${i}`;
      seen.add(normal(x[key]));
    });
  }
}

// ---------------------------------------------------------------------------------------------

const tally = { refused: 0, built: 0, slides: 0, units: 0, maxUnits: 0, longestItem: 0, slowestMs: 0 };

/** The property, for one generated brief written in one YAML style. */
async function check(generated: Data, style: NonNullable<Parameters<typeof stringify>[2]>): Promise<void> {
  const data = structuredClone(generated);
  uniqueSubjects(data);
  let text = stringify(data, null, style);
  // yaml 2.9's stringify now and then folds a double-quoted string wrongly (a line holding one
  // space after a line break comes back as a backslash); JSON is YAML too, and always exact.
  if (!isDeepStrictEqual(parse(text), data)) text = JSON.stringify(data, null, 2);
  // The harness's own check: the YAML says exactly what was generated.
  expect(parse(text)).toEqual(data);

  let loaded: { brief: Brief };
  try {
    loaded = parseBrief(text, FILE);
  } catch (e) {
    // Refused: only ever a BriefdeckError, every problem with a message and a position.
    if (!(e instanceof BriefdeckError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) {
      expect(p.message, JSON.stringify(p)).toMatch(/\S/);
      expect(p.file, JSON.stringify(p)).toBe(FILE);
      expect(p.line, JSON.stringify(p)).toBeGreaterThanOrEqual(1);
      expect(p.column, JSON.stringify(p)).toBeGreaterThanOrEqual(1);
    }
    tally.refused++;
    return;
  }

  const input = data as {
    meeting: { title: string; attendees?: string[] };
    units: Array<{
      name: string;
      achievements?: string[];
      shortcomings?: string[];
      directives?: Array<string | { text: string; by?: string }>;
    }>;
    directives?: Array<{ speaker: string; points: string[] }>;
  };
  const b = loaded.brief;
  // The loader's normalisation, item by item.
  expect(b.units.map((u) => u.name)).toEqual(input.units.map((u) => normal(u.name)));
  input.units.forEach((u, i) => {
    expect(b.units[i]!.achievements).toEqual((u.achievements ?? []).map(normal));
    expect(b.units[i]!.shortcomings).toEqual((u.shortcomings ?? []).map(normal));
    expect(b.units[i]!.directives.map((d) => d.text)).toEqual(
      (u.directives ?? []).map((d) => normal(typeof d === 'string' ? d : d.text)),
    );
  });

  const { bytes, plan } = await buildDeckWithPlan(b);
  const deck = await readDeck(bytes);
  for (const [part, xml] of deck.xml) expect(isWellFormed(xml), part).toBe(true);
  expect(deck.slides.length).toBe(plan.slides.length);

  // Every item on its own unit's slides, in order, nothing cut, nothing added.
  const unitSlides = slidesBySubject(plan, 'unit');
  input.units.forEach((u, i) => {
    const slides = unitSlides.get(b.units[i]!.name);
    expect(slides, `the slides of unit ${i}`).toBeDefined();
    const panels = panelsOf(plan, deck, slides!);
    expectSameText(
      panels.get('achievements') ?? '',
      (u.achievements ?? []).map(normal).join(''),
      `units[${i}].achievements`,
    );
    expectSameText(
      panels.get('shortcomings') ?? '',
      (u.shortcomings ?? []).map(normal).join(''),
      `units[${i}].shortcomings`,
    );
    const directives = panels.get('directives') ?? '';
    let from = 0;
    for (const d of u.directives ?? []) {
      const t = normal(typeof d === 'string' ? d : d.text);
      const at = directives.indexOf(t, from);
      if (at < 0)
        expect.fail(
          `units[${i}].directives: ${JSON.stringify(t)} is not on the unit's slides after ${from}${directives.includes('\uFFFD') ? ' (the panel has U+FFFD: a character was cut in two)' : ''}`,
        );
      from = at + t.length;
    }
  });
  const leaderSlides = slidesBySubject(plan, 'directives');
  (input.directives ?? []).forEach((l, i) => {
    const slides = leaderSlides.get(b.directives[i]!.speaker);
    expect(slides, `the slides of leader ${i}`).toBeDefined();
    expectSameText(
      panelsOf(plan, deck, slides!).get('points') ?? '',
      l.points.map(normal).join(''),
      `directives[${i}].points`,
    );
  });
  const attendees = plan.slides.flatMap((s, i) => (s.kind === 'attendees' ? paragraphsOf(deck.slides[i]!) : []));
  // A name of two Chinese characters is shown padded to three with U+3000 between them.
  for (const a of input.meeting.attendees ?? [])
    expect(attendees, `attendee ${JSON.stringify(a)}`).toContain(listName(normal(a)));
  expect(paragraphsOf(deck.slides[0]!).join('')).toContain(normal(input.meeting.title));

  tally.built++;
  tally.slides += plan.slides.length;
  tally.units += b.units.length;
  tally.maxUnits = Math.max(tally.maxUnits, b.units.length);
  tally.longestItem = Math.max(tally.longestItem, ...b.units.flatMap((u) => u.achievements.map((a) => a.length)));
}

describe('generated briefs: refused with positioned problems, or built into a deck holding every item', () => {
  const timeout = Math.max(60_000, RUNS * 1_000);
  it(`holds for ${RUNS} generated briefs`, { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(brief, yamlStyle, async (generated, style) => {
        const t0 = performance.now();
        try {
          await check(generated, style);
        } finally {
          tally.slowestMs = Math.max(tally.slowestMs, Math.round(performance.now() - t0));
        }
      }),
      {
        numRuns: RUNS,
        ...(SEED !== undefined ? { seed: SEED } : {}),
        // Shrinking a brief of dozens of units can take long: report what it has by then.
        interruptAfterTimeLimit: timeout - 15_000,
        ...(process.env.BRIEFDECK_PROPERTY_NOSHRINK ? { endOnFailure: true } : {}),
      },
    );
    if (process.env.BRIEFDECK_PROPERTY_TALLY) console.log(JSON.stringify(tally));
    // Not vacuous: most generated briefs are valid and make it to a deck.
    expect(tally.built, JSON.stringify(tally)).toBeGreaterThanOrEqual(Math.ceil(RUNS * 0.4));
  });
});
