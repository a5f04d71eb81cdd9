/** Dates and numbers as the deck's language writes them (templates and the cover use them). */
import type { Lang } from '../brief/schema.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2025-01-06` → 2025年1月6日 / January 6, 2025; `2025-01` → 2025年1月 / January 2025. */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m) return date;
  if (lang === 'en') return d ? `${MONTHS[m - 1]} ${d}, ${y}` : `${MONTHS[m - 1]} ${y}`;
  return d ? `${y}年${m}月${d}日` : `${y}年${m}月`;
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN').format(n);
}
