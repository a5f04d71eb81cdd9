/** The default theme: clean and neutral, navy with a warm accent. */
import { LABELS } from './labels.js';
import { compileTemplate } from './templates.js';
import type { Theme } from './types.js';
import type { Lang } from '../layout/plan.js';

const YAHEI = 'Microsoft YaHei';

export function defaultTheme(lang: Lang = 'zh-CN'): Theme {
  return {
    name: 'default',
    description: 'Clean and neutral: navy titles, tinted panels, Microsoft YaHei',
    size: '16:9',
    colors: {
      primary: '1F3A5F',
      accent: 'C8102E',
      text: '1F2933',
      muted: '5F6B7A',
      background: 'FFFFFF',
      onPrimary: 'FFFFFF',
      surface: 'F4F6F9',
      achievements: '1F6F43',
      shortcomings: 'B4441C',
      directives: '1F4E8C',
      figure: 'C8102E',
    },
    fonts: {
      title: { latin: 'Arial', eastAsian: YAHEI },
      heading: { latin: 'Arial', eastAsian: YAHEI },
      body: { latin: 'Arial', eastAsian: YAHEI },
    },
    sizes: { title: 28, heading: 18, body: 16, minimum: 12 },
    labels: LABELS[lang],
    templates: {
      footer: compileTemplate('{{meeting.title}} · {{date meeting.date}}'),
      slideNumber: compileTemplate('{{slide.number}} / {{slide.count}}'),
      unitTitle: compileTemplate('{{unit.name}}'),
      leaderTitle: compileTemplate(
        lang === 'en' ? '{{labels.leaderDirectives}}: {{leader.speaker}}{{#if leader.role}}, {{leader.role}}{{/if}}' : '{{leader.role}}{{leader.speaker}}{{labels.leaderDirectives}}',
      ),
    },
    images: {},
  };
}
