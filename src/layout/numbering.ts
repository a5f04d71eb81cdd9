/** How a leader's points are numbered: 1. 2. 3., （一）（二）（三） or 一是 二是 三是. */
import type { PointNumbering } from '../theme/types.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const POWERS = ['', '十', '百', '千'];

/** A number as it is written in Chinese text: 一, 十, 十一, 二十, 一百零一, 一千零一十. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`no Chinese numeral for ${n}`);
  if (n >= 10 && n < 20) return `十${n > 10 ? DIGITS[n - 10]! : ''}`;
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const power = digits.length - 1 - i;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + POWERS[power]!;
  });
  return out;
}

/** The label of point `n`, or undefined for arabic numbering (the program's own list numbers). */
export function pointLabel(n: number, numbering: PointNumbering): string | undefined {
  if (numbering === 'paren-chinese') return `（${chineseNumeral(n)}）`;
  if (numbering === 'yishi') return `${chineseNumeral(n)}是`;
  return undefined;
}

/** A point as one line of the speaker notes: "1. …", "（一）…", "一是…". */
export function numberedLine(n: number, numbering: PointNumbering, text: string): string {
  const label = pointLabel(n, numbering);
  return label === undefined ? `${n}. ${text}` : `${label}${text}`;
}
