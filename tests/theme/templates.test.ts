import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileTemplate,
  describeTemplateError,
  formatDate,
  handlebarsTemplate,
  simpleTemplate,
} from '../../src/theme/templates.js';

const ctx = {
  meeting: { title: 'R&D <Q1> "x"', date: '2025-01-06' },
  slide: { number: 2, count: 12 },
  lang: 'zh-CN' as const,
  labels: {} as never,
};

describe('templates', () => {
  it('produce plain text: no HTML escaping', () => {
    expect(compileTemplate('{{meeting.title}}')(ctx)).toBe('R&D <Q1> "x"');
  });
  it('format dates in both languages, with or without a day', () => {
    expect(formatDate('2025-01-06', 'zh-CN')).toBe('2025年1月6日');
    expect(formatDate('2025-01', 'zh-CN')).toBe('2025年1月');
    expect(formatDate('2025-01-06', 'en')).toBe('January 6, 2025');
    expect(formatDate('2025-01', 'en')).toBe('January 2025');
    expect(compileTemplate('{{date meeting.date}}')({ ...ctx, lang: 'en' })).toBe('January 6, 2025');
  });
  it('format numbers', () => {
    expect(compileTemplate('{{number 12345}}')(ctx)).toBe('12,345');
  });
  it('print two values side by side as text, not as their sum', () => {
    // Handlebars joins pieces with +: unchecked, 2 and 12 printed "14".
    const c = { ...ctx, list: [5, 6] } as never;
    expect(compileTemplate('{{slide.number}}{{slide.count}}')(c)).toBe('212');
    expect(compileTemplate(' {{~slide.number}}{{slide.count}}')(c)).toBe('212');
    expect(compileTemplate('{{{slide.number}}}{{slide.count}}')(c)).toBe('212');
    expect(compileTemplate('{{#with slide}}{{number}}{{count}}{{count}}{{/with}}')(c)).toBe('1212');
    expect(compileTemplate('{{lookup slide "number"}}{{lookup slide "count"}}')(c)).toBe('212');
    expect(compileTemplate('{{#if slide}}{{slide.number}}{{/if}}{{slide.count}}')(c)).toBe('212');
    expect(compileTemplate('{{this.slide.number}}{{@root.slide.count}}')(c)).toBe('212');
    expect(compileTemplate('{{#each list}}{{this}}{{@index}}{{/each}}')(c)).toBe('5061');
    expect(compileTemplate('{{number slide.count}}{{slide.count}}')(c)).toBe('1212');
  });
  it('print nothing for a helper given nothing to work on', () => {
    expect(compileTemplate('a{{upper}}{{date}}{{number}}b')(ctx)).toBe('ab');
  });
  it('still refuse a built-in helper used without what it needs', () => {
    for (const source of ['{{if}}', '{{each}}', '{{#if}}x{{/if}}'])
      expect(() => compileTemplate(source), source).toThrow();
  });
  it('have no access to prototypes', () => {
    expect(compileTemplate('{{meeting.constructor}}{{meeting.__proto__}}')(ctx)).toBe('');
    expect(compileTemplate('{{#with meeting}}{{constructor.name}}{{/with}}')(ctx)).toBe('');
  });
  it('explain compile errors and unknown helpers', () => {
    expect(() => compileTemplate('{{#if}}')).toThrow();
    let msg = '';
    try {
      compileTemplate('{{shout meeting.title}}');
    } catch (e) {
      msg = describeTemplateError(e);
    }
    expect(msg).toBe('the template names an unknown helper "shout" (available: date, number, upper)');
  });
});

describe('templates run without handlebars', () => {
  it('give exactly what handlebars gives, on generated templates and contexts (fast-check)', () => {
    const piece = fc.constantFrom(
      '{{meeting.title}}',
      '{{ meeting.date }}',
      '{{date meeting.date}}',
      '{{number slide.number}}',
      '{{upper meeting.title}}',
      '{{slide.number}}',
      '{{slide.count}}',
      '{{unit.name}}',
      '{{unit.index}}',
      '{{leader.role}}',
      '{{meeting.chair.name}}',
      '{{meeting.title.length}}',
      '{{meeting.constructor}}',
      '{{meeting.toString}}',
      '{{missing.deep.path}}',
      '{{lang}}',
      '{{by}}',
      '{{number meeting.title}}',
      '{{date slide.number}}',
      '{{upper missing}}',
      '{{upper}}',
      '{{date}}',
      '{{this}}',
      '{{else}}',
      '{{if}}',
      '{{lookup}}',
      '{{each}}',
      '{{log}}',
      '{{true}}',
      '{{{meeting.title}}}',
      '{{~slide.number~}}',
      '{{!note}}',
      '\\{{slide.number}}',
      '{{#if unit}}x{{/if}}',
      '{{meeting/title}}',
      ' · ',
      '第',
      '（续）',
      ' ',
      '\n',
      '}',
      '{',
      '{{',
      '}}',
      'a',
      '&<>"',
    );
    const value = fc.oneof(
      fc.constantFrom('市委 会议', '2025-01-06', '2025-01', 'R&D <Q1>', '', ' x '),
      fc.integer({ min: -5, max: 12345 }),
      fc.constant(null),
      fc.constant(undefined),
      fc.double({ noNaN: false }),
      fc.boolean(),
    );
    const context = fc.record({
      meeting: fc.record({
        title: value,
        date: value,
        chair: fc.option(fc.record({ name: value }), { nil: undefined }),
      }),
      slide: fc.record({ number: value, count: value }),
      unit: fc.option(fc.record({ name: value, index: value }), { nil: undefined }),
      leader: fc.option(fc.record({ role: value }), { nil: undefined }),
      lang: fc.constantFrom('zh-CN', 'en', undefined),
      by: value,
    });
    let simple = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), context, (pieces, ctx) => {
        const source = pieces.join('');
        const quick = simpleTemplate(source);
        if (!quick) return;
        simple++;
        expect(quick(ctx as never), source).toBe(handlebarsTemplate(source)(ctx as never));
      }),
      { numRuns: Number(process.env.TPL_RUNS ?? 2000), seed: Number(process.env.TPL_SEED ?? 5) },
    );
    expect(simple).toBeGreaterThan(300);
  });

  it('leave to handlebars what is not plain paths and helpers', () => {
    for (const source of [
      '{{if}}',
      'a {{if}} b',
      '{{lookup}}',
      '{{each}}',
      '{{with}}',
      '{{unless}}',
      '{{log}}',
      '{{helperMissing}}',
      '{{#if unit}}x{{/if}}',
      '{{this}}',
      '{{else}}',
      '{{upper}}',
      '{{{meeting.title}}}',
      '{{~slide.number}}',
      '{{!c}}',
      '\\{{x}}',
      '{{shout x}}',
      '{{meeting/title}}',
      '{{date meeting.date "x"}}',
      'a}b',
    ]) {
      expect(simpleTemplate(source), source).toBeUndefined();
    }
    for (const source of [
      '{{meeting.title}} · {{date meeting.date}}',
      '{{slide.number}} / {{slide.count}}',
      '（{{by}}）',
      'plain',
    ])
      expect(simpleTemplate(source), source).toBeDefined();
  });
});
