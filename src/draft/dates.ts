/**
 * The meeting date. `--date` wins (with a note when the opening gives another full date).
 * Otherwise the report's own words, in this order: a full date in the opening paragraph
 * ("2025年3月12日"); a day in the opening ("1月6日下午") with the year of the date line; the date
 * line ("2025-01-07 18:23 来源：…", usually the publishing day); a year and month anywhere
 * ("2025年1月"). Each carries a 请核对 note saying where it came from.
 *
 * When the report gives none (the seed says only "今天下午"), the draft gets a placeholder that
 * is NOT a date, so `briefdeck validate`/`build` refuse the draft with a message at
 * meeting.date until the secretary fills it in: a deck never carries a made-up date.
 */
import type { Doc } from './paragraphs.js';

export const DATE_PLACEHOLDER = '请填写会议日期';

export interface DateDraft {
  value: string;
  /** Why a human should check it; absent for --date and a full date in the opening. */
  note?: string;
}

const pad = (n: string) => n.padStart(2, '0');
const valid = (m: string, d?: string) =>
  Number(m) >= 1 && Number(m) <= 12 && (d === undefined || (Number(d) >= 1 && Number(d) <= 31));

export function findDate(doc: Doc, given?: string): DateDraft {
  const n = doc.t.norm;
  const first = doc.paras.find((p) => p.kind === 'body');
  const opening = first ? n.slice(first.s, first.e) : '';
  const full = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(opening);
  const own = full && valid(full[2]!, full[3]) ? `${full[1]}-${pad(full[2]!)}-${pad(full[3]!)}` : undefined;
  if (given) {
    // --date wins, but not in silence over a date the report itself gives.
    return own && !own.startsWith(given)
      ? { value: given, note: `报道写的是“${full![0]}”，已按 --date 填 ${given}，请核对` }
      : { value: given };
  }
  if (own) return { value: own }; // the report says so: nothing to check
  const datelines = doc.paras.filter((p) => p.kind === 'dateline').map((p) => n.slice(p.s, p.e));
  const line = datelines
    .map((l) => /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(l))
    .find((m) => m && valid(m[2]!, m[3]));
  const day = /(?<![\d年])(\d{1,2})月(\d{1,2})日/.exec(opening);
  if (day && line && valid(day[1]!, day[2])) {
    return {
      value: `${line[1]}-${pad(day[1]!)}-${pad(day[2]!)}`,
      note: `月日取自报道“${day[0]}”，年份取自日期行“${line[0]}”`,
    };
  }
  if (line) {
    const relative = /昨天|昨日/.test(opening) ? '；报道称“昨天”，会议可能在前一天' : '';
    return {
      value: `${line[1]}-${pad(line[2]!)}-${pad(line[3]!)}`,
      note: `取自报道的日期行“${line[0]}”，那是发布日期${relative}`,
    };
  }
  for (const text of [opening, n]) {
    const ym = /(\d{4})年(\d{1,2})月(?![\d\-—至到])/.exec(text);
    if (ym && valid(ym[2]!))
      return { value: `${ym[1]}-${pad(ym[2]!)}`, note: `只有年月，取自报道“${ym[0]}”；知道具体日期请写成 YYYY-MM-DD` };
  }
  const hint = day ? `（报道只说“${day[0]}”，没有年份）` : '';
  return {
    value: DATE_PLACEHOLDER,
    note: `报道未给出会议日期${hint}，请填写 YYYY-MM-DD 或 YYYY-MM；不填则 validate/build 报错`,
  };
}
