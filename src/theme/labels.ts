/** Label packs: the words on the slides, per brief language. A theme may override any label. */
import type { Lang } from '../brief/schema.js';
import type { Labels } from './types.js';

export const LABELS: Record<Lang, Labels> = {
  'zh-CN': {
    achievements: '主要成绩',
    shortcomings: '存在不足',
    directives: '领导指示',
    overview: '目录',
    summary: '会议主旨',
    units: '发言单位',
    attendees: '出席领导',
    chair: '主持',
    continued: '（续）',
    leaderDirectives: '讲话要点',
    leaderPoints: '领导指示',
    by: '（{{by}}）',
  },
  en: {
    achievements: 'Achievements',
    shortcomings: 'Shortcomings',
    directives: 'Directives',
    overview: 'Overview',
    summary: 'Purpose',
    units: 'Reporting units',
    attendees: 'Attending',
    chair: 'Chair',
    continued: ' (continued)',
    leaderDirectives: 'Directives',
    leaderPoints: 'Directives',
    by: '({{by}})',
  },
};
