/**
 * `draftBrief`: a meeting report's text → a brief YAML draft for a secretary to review.
 * Pure: no I/O. The recognisers run in a fixed order, each marking the sentences it
 * places, so that whatever is left over is kept verbatim as a comment:
 *
 *   page furniture out → meeting (title, chair) → attendees → units → leaders' directives →
 *   date → leftovers
 *
 * Every string in the draft is a span of the report as given (see text.ts), except `lang`,
 * the date (normalised to YYYY-MM[-DD], or a placeholder that fails validation) and comments.
 */
import { recogniseAttendees } from './attendees.js';
import { DATE_PLACEHOLDER, findDate } from './dates.js';
import { recogniseDirectives, type LeaderDraft } from './directives.js';
import { emitYaml, type Comment, type YamlPath } from './emit.js';
import { stripFurniture, type Furniture } from './furniture.js';
import { recogniseMeeting, type MeetingDraft } from './meeting.js';
import { readDoc, type Doc } from './paragraphs.js';
import { mentions } from './people.js';
import { suggester } from './suggest.js';
import { normalise, normOf, source, verbatim, type Span, type Text } from './text.js';
import { recogniseUnits, type UnitsDraft } from './units.js';

export interface DraftOptions {
  /** The meeting date (YYYY-MM-DD or YYYY-MM), as `--date` gives it; wins over the report. */
  date?: string;
  /** Suggest unit directives from the leaders' points (default true; `--no-suggest`). */
  suggest?: boolean;
  /** The report's file name, for the draft's header comment. */
  source?: string;
  /** Where the brief JSON Schema is, relative to the draft (default ../schema/brief.schema.json). */
  schema?: string;
}

export interface DraftResult {
  /** The brief draft. */
  yaml: string;
  /** Things to check, as `path: message`; each is also a `# 请核对: …` comment in the YAML. */
  notes: string[];
  /** Report text the drafter could not place, verbatim; each is also a comment in the YAML. */
  unplaced: string[];
  /**
   * What the draft lacks to be a brief — reporting units, the meeting's title (none found, or
   * only the report's first clause in its place), the date — in the order a brief gives them.
   */
  missing: ('title' | 'date' | 'units')[];
}

export function draftBrief(report: string, options: DraftOptions = {}): DraftResult {
  const cleaned = stripFurniture(report);
  const doc = readDoc(normalise(cleaned.text));
  const t = doc.t; // hard-wrapped lines joined back: use this text's spans from here on
  const people = mentions(doc);
  const meeting = recogniseMeeting(doc, people);
  const known = new Set(people.map((p) => p.name));
  if (meeting.chair) known.add(meeting.chair.nameText);
  const attendees = recogniseAttendees(doc, known);
  // Read for attendees too ("…主持会议，县长…出席"), the chair's sentence is placed now.
  if (meeting.chairSentence !== undefined) doc.sentences[meeting.chairSentence]!.used = true;
  const units = recogniseUnits(doc, known, meeting.organizer && t.norm.slice(meeting.organizer.s, meeting.organizer.e));
  // No one 主持 and no one named as reviewing: the leader who reviewed the units in turn.
  if (!meeting.chair && units.reviewer) {
    const nameText = t.norm.slice(units.reviewer.s, units.reviewer.e);
    meeting.chair = { name: units.reviewer, nameText };
  }
  const leaders = recogniseDirectives(doc, people, meeting.chair?.nameText);
  const date = findDate(doc, options.date);

  const out = new Assembly(t);
  const src = (span: Span | undefined) => (span ? source(t, span) : '');
  out.header.push(
    `briefdeck draft 起草${options.source ? `自 ${options.source}` : ''}：所有文字均摘自报道原文，未改写。`,
  );
  out.header.push('标有“请核对”之处需要人工确认；“建议”是按关键词匹配的领导讲话要点。');
  if (cleaned.pinyin) out.header.push('网页在汉字后加注的拼音（如“会(huì)”）已删去。');
  if (meeting.headline) out.header.push(`报道标题：${src(meeting.headline)}`);

  const m: Record<string, unknown> = {};
  if (meeting.title) m.title = src(meeting.title);
  else out.note(['meeting'], '报道中未找到会议名称，请填写 title', 'before');
  if (meeting.titleUnsure) out.note(['meeting', 'title'], '标题取自报道首句，请改为会议名称');
  if (meeting.subtitle) m.subtitle = src(meeting.subtitle);
  m.date = date.value;
  if (date.note) out.note(['meeting', 'date'], date.note);
  if (meeting.organizer) m.organizer = src(meeting.organizer);
  if (meeting.location) m.location = src(meeting.location);
  if (meeting.chair) {
    m.chair = { name: src(meeting.chair.name), ...(meeting.chair.role ? { role: src(meeting.chair.role) } : {}) };
    if (meeting.chairRemark)
      out.comment(['meeting', 'chair'], `主持人讲话（原文，未列入要点）：${verbatim(t, meeting.chairRemark)}`);
  }
  if (meeting.summary) m.summary = src(meeting.summary);
  const names = attendeeNames(t, meeting, leaders, attendees.names, units.reviewer);
  if (names.length) {
    m.attendees = names;
    if (leaders.some((l) => l.nameText !== meeting.chair?.nameText && l.nameText !== '会议')) {
      out.comment(['meeting', 'attendees'], '作部署、讲话的领导（主持人除外）与出席名单，按报道顺序');
    }
  }
  for (const o of attendees.others)
    out.comment(['meeting', names.length ? 'attendees' : 'date'], `另：${verbatim(t, o)}`);

  const brief: Record<string, unknown> = {
    lang: 'zh-CN',
    meeting: m,
    units: unitsOut(out, units, leaders, options.suggest !== false),
  };
  if (!units.units.length)
    out.note(['units'], '报道中未找到发言单位（“会上，A、B先后发言”或“逐一点评”），请手工填写 units', 'before');
  if (leaders.length) brief.directives = leadersOut(out, leaders);

  // A span across a hard line break keeps it (it is the report's text): flag it for a human.
  for (const path of wrapped(brief)) out.note(path, '原文在此折行，文字中含换行，请核对并删去换行', 'before');
  const missing: DraftResult['missing'] = [];
  if (!meeting.title || meeting.titleUnsure) missing.push('title');
  if (date.value === DATE_PLACEHOLDER) missing.push('date');
  if (!units.units.length) missing.push('units');
  // A draft the genre was not found in keeps the whole report, for a person to work from.
  const unplaced = leftovers(doc, out, cleaned.furniture, missing.includes('units') || missing.includes('title'));
  const yaml = emitYaml({
    header: out.header,
    brief,
    comments: out.comments,
    trailer: out.trailer,
    ...(options.schema ? { schema: options.schema } : {}),
  });
  return { yaml, notes: out.notes, unplaced, missing };
}

/** Comments and notes gathered while the brief object is built. */
class Assembly {
  header: string[] = [];
  comments: Comment[] = [];
  notes: string[] = [];
  trailer: string[] = [];
  constructor(readonly t: Text) {}
  comment(path: YamlPath, text: string, where: 'before' | 'after' = 'before') {
    this.comments.push({ path, [where]: text });
  }
  note(path: YamlPath, message: string, where: 'before' | 'after' = 'after') {
    this.notes.push(`${pathText(path)}: ${message}`);
    this.comment(path, `请核对: ${message}`, where);
  }
}

function pathText(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/**
 * Leaders who spoke or reviewed the units (except the chair), then those named as attending, in
 * report order.
 */
function attendeeNames(
  t: Text,
  meeting: MeetingDraft,
  leaders: LeaderDraft[],
  listed: Span[],
  reviewer: Span | undefined,
): string[] {
  const spans = [
    ...leaders.filter((l) => l.nameText !== meeting.chair?.nameText && l.nameText !== '会议').map((l) => l.name),
    ...listed,
    ...[meeting.reviewer?.name, reviewer].filter((s): s is Span => s !== undefined),
  ];
  spans.sort((a, b) => a.s - b.s);
  const seen = new Set<string>();
  const chair = meeting.chair ? source(t, meeting.chair.name) : undefined;
  const out: string[] = [];
  for (const s of spans) {
    const name = source(t, s);
    if (name && name !== chair && !seen.has(name)) {
      out.push(name);
      seen.add(name);
    }
  }
  return out;
}

function unitsOut(
  out: Assembly,
  units: UnitsDraft,
  leaders: LeaderDraft[],
  suggesting: boolean,
): Record<string, unknown>[] {
  const t = out.t;
  const list = (spans: Span[]) => spans.map((s) => source(t, s)).filter((s) => s.length > 0);
  const reviewer = units.reviewer ? source(t, units.reviewer) : undefined;
  const suggest = suggester(
    leaders.flatMap((l) =>
      l.points.map((p) => ({ point: { text: source(t, p), by: source(t, l.name) }, text: normOf(t, p) })),
    ),
  );
  return units.units.map((u, i) => {
    const unit: Record<string, unknown> = { name: source(t, u.name) };
    if (u.speaker) unit.speaker = source(t, u.speaker);
    if (u.achievements.length) unit.achievements = list(u.achievements);
    if (u.shortcomings.length) unit.shortcomings = list(u.shortcomings);
    if (u.note) out.note(['units', i], u.note, 'before');
    for (const k of u.kept) out.comment(['units', i], `原文（未归入成绩或不足）：${verbatim(t, k)}`);
    if (u.directives.length) {
      unit.directives = list(u.directives).map((text) => (reviewer ? { text, by: reviewer } : text));
    } else if (suggesting && u.shortcomings.length) {
      const picks = suggest(u.shortcomings.map((s) => normOf(t, s)));
      if (picks.length) {
        // Data, not only a comment: `build` names every one still marked, until a person deletes
        // the mark to confirm it.
        unit.directives = picks.map((p) => ({ ...p.point, suggested: true }));
        const shared = [...new Set(picks.flatMap((p) => p.shared))].join('、');
        out.comment(
          ['units', i, 'directives'],
          `建议, 请核对：领导讲话中与本单位不足相关的要点（共同关键词：${shared}）；确认一条即删去它的 suggested: true`,
        );
      }
    }
    return unit;
  });
}

function leadersOut(out: Assembly, leaders: LeaderDraft[]): Record<string, unknown>[] {
  const t = out.t;
  return leaders.map((l, i) => {
    const d: Record<string, unknown> = { speaker: source(t, l.name) };
    if (l.role) d.role = source(t, l.role);
    if (l.topic) d.topic = source(t, l.topic);
    d.points = l.points.map((p) => source(t, p)).filter((s) => s.length > 0);
    if (l.note) out.note(['directives', i], l.note, 'before');
    for (const k of l.kept) out.comment(['directives', i], `原文（未列入要点）：${verbatim(t, k)}`);
    return d;
  });
}

/** Paths of the strings that contain a line break. */
function wrapped(v: unknown, path: (string | number)[] = []): YamlPath[] {
  if (typeof v === 'string') return v.includes('\n') ? [path] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => wrapped(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => wrapped(x, [...path, k]));
  return [];
}

/**
 * Paragraphs and sentences no recogniser placed, and page furniture (taken out before, or told
 * apart by the paragraph reader): kept as comments, in the report's order.
 */
function leftovers(doc: Doc, out: Assembly, stripped: Furniture[], whole: boolean): string[] {
  const t = doc.t;
  const unplaced: string[] = [];
  const all: string[] = [];
  const furniture: Furniture[] = [...stripped];
  for (const p of doc.paras) {
    if (p.kind === 'credit' || p.kind === 'dateline' || p.kind === 'chrome') {
      furniture.push({ at: t.map[p.s] ?? 0, text: verbatim(t, p) });
      continue;
    }
    all.push(verbatim(t, p));
    if (p.kind !== 'body') continue;
    const free = p.sentences.map((i) => doc.sentences[i]!).filter((s) => !s.used);
    if (free.length === 0) continue;
    if (free.length === p.sentences.length) unplaced.push(verbatim(t, p));
    else unplaced.push(...free.map((s) => verbatim(t, s)));
  }
  const kept = unplaced.filter((s) => s.length > 0);
  if (whole) {
    out.notes.push('(文末注释): 草稿不完整，报道的每一段已原样保留在文末注释中，供手工填写');
    out.trailer.push(['请核对: 草稿不完整，以下是报道的每一段，原样保留：', ...all.filter(Boolean)].join('\n'));
  } else if (kept.length) {
    out.notes.push(`(文末注释): ${kept.length} 段原文未能归类，已原样保留为注释，请核对是否需要`);
    out.trailer.push(['请核对: 以下原文未能归类，原样保留：', ...kept].join('\n'));
  }
  furniture.sort((a, b) => a.at - b.at);
  if (furniture.length) out.trailer.push(['报道的版面信息（未用）：', ...furniture.map((f) => f.text)].join('\n'));
  return kept;
}
