/** Loading a brief: read, parse with positions, validate, normalise. */
import { BriefdeckError, problem, type Problem } from '../errors.js';
import { msg, type Msg } from '../messages/catalogue.js';
import { readQuickYaml, type QuickYaml } from '../yaml/fast.js';
import { MAYBE_CHINESE_QUOTED, parseYaml, readTextFile, toPlain, typingOr, type YamlSource } from '../yaml/source.js';
import { locate, validate } from '../yaml/validate.js';
import { BriefSchema, type BriefInput } from './schema.js';
import type { Brief, Unit, UnitDirective } from './types.js';

export interface LoadedBrief {
  brief: Brief;
  /** Non-fatal problems (e.g. removed control characters), positioned. */
  warnings: Problem[];
}

/** Load and validate a brief file. Throws a BriefdeckError listing every problem. */
export function loadBrief(file: string): LoadedBrief {
  return parseBrief(readTextFile(file, 'brief'), file);
}

/**
 * Validate brief YAML text; `file` names it in messages. Plain YAML that validates is read by
 * the quick reader; anything else — and every problem — goes through `yaml`, which positions
 * each message.
 */
export function parseBrief(text: string, file = '<brief>'): LoadedBrief {
  const quick = readQuickYaml(text);
  const brief = quick && briefFromQuick(quick, file);
  // Unconfirmed suggestions and units with nothing to show are named by line, which only `yaml`
  // knows: such briefs (drafts, mostly) take that path; so do values that may be in Chinese
  // quotes, which are warned about.
  if (
    brief &&
    !brief.units.some((u) => u.directives.some((d) => d.suggested) || isEmpty(u)) &&
    !MAYBE_CHINESE_QUOTED.test(text)
  )
    return { brief, warnings: [] };
  const src = parseYaml(text, file);
  const parsed = briefFromSource(src);
  return { brief: parsed, warnings: [...src.warnings, ...unconfirmed(parsed, src), ...emptyUnits(parsed, src)] };
}

/**
 * One warning per unit whose directives the drafter suggested and nobody has confirmed yet
 * (`suggested: true`), listing each with its line, so none reaches the meeting unseen.
 */
function unconfirmed(brief: Brief, src: YamlSource): Problem[] {
  const lineOf = (path: (string | number)[]) => {
    const { node } = locate(src, path);
    return src.lines.linePos(node?.range?.[0] ?? 0);
  };
  const out: Problem[] = [];
  brief.units.forEach((u, i) => {
    const picks = u.directives.flatMap((d, j) => (d.suggested ? [{ d, j }] : []));
    if (!picks.length) return;
    const at = lineOf(['units', i, 'directives', picks[0]!.j]);
    const n = picks.length;
    // The items as a chain of messages, each holding the ones after it.
    const items = picks.reduceRight<Msg | string>((more, { d, j }) => {
      const text = [...d.text].length > 30 ? [...d.text].slice(0, 30).join('') + '…' : d.text;
      const line = lineOf(['units', i, 'directives', j]).line;
      return msg('brief.unconfirmedItem', { line, text: `${text}${d.by ? `（${d.by}）` : ''}`, more });
    }, '');
    out.push(
      problem(
        { file: src.file, line: at.line, column: at.col, path: `units[${i}].directives` },
        msg(n > 1 ? 'brief.unconfirmedMany' : 'brief.unconfirmedOne', { unit: u.name, n, items }),
      ),
    );
  });
  return out;
}

const isEmpty = (u: Unit) => u.achievements.length + u.shortcomings.length + u.directives.length === 0;

/** A warning for each unit with nothing to show, at the unit. */
function emptyUnits(brief: Brief, src: YamlSource): Problem[] {
  return brief.units.flatMap((unit, i) => {
    if (!isEmpty(unit)) return [];
    const offset = locate(src, ['units', i]).node?.range?.[0];
    const pos = offset === undefined ? undefined : src.lines.linePos(offset);
    return [
      problem(
        { file: src.file, ...(pos ? { line: pos.line, column: pos.col } : {}), path: `units[${i}]` },
        msg(unit.speaker ? 'brief.emptyUnitSpeaker' : 'brief.emptyUnit', { unit: unit.name }),
      ),
    ];
  });
}

/** The brief, if the quickly read data is one; undefined sends the text to `yaml`. */
function briefFromQuick({ value, topLevel }: QuickYaml, file: string): Brief | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const result = BriefSchema.safeParse(value);
  if (!result.success) return undefined;
  const brief = normaliseBrief(result.data, file);
  const at = topLevel.get('theme');
  if (brief.theme && at) brief.themeAt = at;
  return brief;
}

function briefFromSource(src: YamlSource): Brief {
  const data = toPlain(src);
  if (data === null || data === undefined)
    throw new BriefdeckError(problem({ file: src.file, line: 1, column: 1 }, msg('brief.empty')));
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new BriefdeckError({
      file: src.file,
      line: 1,
      column: 1,
      message: `a brief is a mapping with meeting and units at the top, not ${Array.isArray(data) ? 'a list' : 'a single value'}`,
    });
  }
  const { data: input, problems } = validate(BriefSchema, data, src);
  if (!input) throw new BriefdeckError(typingOr(src, problems));
  const brief = normaliseBrief(input, src.file);
  const { node } = locate(src, ['theme']);
  if (brief.theme && node?.range) {
    const pos = src.lines.linePos(node.range[0]);
    brief.themeAt = { line: pos.line, column: pos.col };
  }
  return brief;
}

/**
 * An item is one paragraph on the slide. Line breaks inside it (a `|` block, a pasted line) are
 * joined as the text reads: nothing between Chinese characters, one space between Latin words.
 */
export function oneParagraph(s: string): string {
  return s.trim().replace(/[ \t]*(?:\r\n|[\n\r\u2028\u2029])\s*/g, (_m, offset: number, all: string) => {
    const before = all[offset - 1] ?? '';
    const after = all[offset + _m.length] ?? '';
    return WIDE.test(before) || WIDE.test(after) ? '' : ' ';
  });
}
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

const clean = oneParagraph;
const keepLines = (s: string) => s.trim();
const opt = (s: string | undefined) => (s === undefined ? undefined : clean(s));

/** Trim text, apply defaults, and give every unit its notes. */
export function normaliseBrief(input: BriefInput, file?: string): Brief {
  const m = input.meeting;
  const units: Unit[] = input.units.map((u) => {
    const achievements = (u.achievements ?? []).map(clean);
    const shortcomings = (u.shortcomings ?? []).map(clean);
    const directives: UnitDirective[] = (u.directives ?? []).map((d) =>
      typeof d === 'string'
        ? { text: clean(d) }
        : { text: clean(d.text), ...(d.by ? { by: clean(d.by) } : {}), ...(d.suggested ? { suggested: true } : {}) },
    );
    const name = clean(u.name);
    return {
      name,
      ...(u.speaker ? { speaker: clean(u.speaker) } : {}),
      achievements,
      shortcomings,
      directives,
      notes: u.notes
        ? keepLines(u.notes)
        : defaultNotes(
            name,
            u.speaker && clean(u.speaker),
            achievements,
            shortcomings,
            directives,
            input.lang ?? 'zh-CN',
          ),
    };
  });
  const brief: Brief = {
    lang: input.lang ?? 'zh-CN',
    meeting: {
      title: clean(m.title),
      date: m.date,
      attendees: (m.attendees ?? []).map(clean),
    },
    units,
    directives: (input.directives ?? []).map((d) => ({
      speaker: clean(d.speaker),
      points: d.points.map(clean),
      ...(d.role ? { role: clean(d.role) } : {}),
      ...(d.topic ? { topic: clean(d.topic) } : {}),
    })),
  };
  if (file) brief.file = file;
  if (input.theme) brief.theme = clean(input.theme);
  for (const k of ['subtitle', 'organizer', 'location', 'summary'] as const) {
    const v = opt(m[k]);
    if (v) brief.meeting[k] = v;
  }
  if (m.chair)
    brief.meeting.chair = { name: clean(m.chair.name), ...(m.chair.role ? { role: clean(m.chair.role) } : {}) };
  return brief;
}

/** The unit's full text, for the presenter: everything on its slide, nothing cut. */
function defaultNotes(
  name: string,
  speaker: string | undefined,
  achievements: string[],
  shortcomings: string[],
  directives: UnitDirective[],
  lang: string,
): string {
  const zh = lang !== 'en';
  const parts: string[] = [name];
  if (speaker) parts.push((zh ? '发言：' : 'Speaker: ') + speaker);
  const sep = zh ? '；' : '; ';
  if (achievements.length)
    parts.push((zh ? '主要成绩：' : 'Achievements: ') + achievements.join(sep) + (zh ? '。' : '.'));
  if (shortcomings.length)
    parts.push((zh ? '存在不足：' : 'Shortcomings: ') + shortcomings.join(zh ? '、' : ', ') + (zh ? '。' : '.'));
  if (directives.length) {
    parts.push(
      (zh ? '领导指示：' : 'Directives: ') +
        directives.map((d) => (d.by ? `${d.text}（${d.by}）` : d.text)).join(sep) +
        (zh ? '。' : '.'),
    );
  }
  return parts.join('\n');
}
