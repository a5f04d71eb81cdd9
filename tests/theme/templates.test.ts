import { describe, expect, it } from 'vitest';
import { TemplateRefused } from '../../src/theme/template-rules.js';
import { compileTemplate, describeTemplateError } from '../../src/theme/templates.js';
import { formatDate } from '../../src/theme/format.js';

const ctx = {
  meeting: { title: 'R&D <Q1> "x"', date: '2025-01-06' },
  slide: { number: '2', count: '12' },
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
    // Handlebars joins pieces with +: with numbers in the context, 2 and 12 printed "14".
    const c = { ...ctx, list: ['5', '6'] } as never;
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
  it('refuse at load what would throw or print on a slide, and allow the same helpers used rightly', () => {
    for (const source of [
      '{{> footer}}',
      '{{#> layout}}x{{/layout}}',
      '{{#*inline "p"}}x{{/inline}}',
      '{{log meeting.title}}',
      '{{#if meeting}}{{log "x"}}{{/if}}',
      '{{if meeting}}',
      '{{unless meeting}}',
      '{{each meeting}}',
      '{{#if meeting slide}}x{{/if}}',
      '{{#unless slide}}{{#with}}x{{/with}}{{/unless}}',
      '{{#each}}x{{/each}}',
      '{{lookup meeting}}',
      '{{upper (lookup meeting)}}',
      '{{#lookup meeting "title"}}x{{/lookup}}',
    ])
      expect(() => compileTemplate(source), source).toThrow(TemplateRefused);
    const c = { ...ctx, list: ['5', '6'] } as never;
    expect(compileTemplate('{{#if meeting}}a{{else}}b{{/if}}{{#unless slide}}c{{/unless}}')(c)).toBe('a');
    expect(compileTemplate('{{#each list}}{{this}}{{/each}}{{#with slide}}{{count}}{{/with}}')(c)).toBe('5612');
    expect(compileTemplate('{{upper (lookup meeting "title")}}')(c)).toBe('R&D <Q1> "X"');
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
