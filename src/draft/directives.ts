/**
 * Leaders' directives: from the sentence led by "X指出 / 强调 / 要求 / 就…指出" to the next cue or
 * the end of the paragraph, split into points — a sentence each, and "要…，要…" / "一是…，二是…"
 * series split further. A paragraph without a cue that goes on with "一是…" or "着力…" right after
 * a leader's paragraph continues that leader. What a paragraph says before its cue
 * ("陈吉宁结合过去一年…") is kept as a comment on that leader.
 */
import { cueAt } from './cues.js';
import { sentenceSpans, splitAt, type Doc } from './paragraphs.js';
import type { Mention } from './people.js';
import { normOf, type Span, type Text } from './text.js';

export interface LeaderDraft {
  name: Span;
  nameText: string;
  role?: Span;
  topic?: Span;
  points: Span[];
  /** Source text about this leader that is not a point: kept as a comment. */
  kept: Span[];
  /** Why a human should look (speaker not named elsewhere, "会议"…). */
  note?: string;
}

const SERIES_HEAD = /^(?:要|[一二三四五六七八九十]+(?:是|要)|第[一二三四五六七八九十]+|首先|其次|再次|最后)/;
const CONTINUATION =
  /^(?:要|[一二三四五六七八九十]+(?:是|要)|第[一二三四五六七八九十]+|（[一二三四五六七八九十\d]+）|\d+[.、]|着力|坚持|加快|推动|强化|深化|持续|必须)/;
const ENUMERATOR =
  /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、：]?|（[一二三四五六七八九十\d]+）|\d+[.、．]|[一二三四五六七八九十]+、|[一二三四五六七八九十](?=要))/;

/** A cue that reports a finding ("指出", "认为", "表示"), not one that asks ("强调", "要求"). */
const ASSESSES = /^[^，。]*?(?:指出|认为|表示)[：，]?$/;
/** Words that ask something of someone (not "部署要求", a noun). */
const ASK_WORDS =
  /要(?!求)|(?:^|，)要求|必须|务必|应当|应该|需|须|希望|确保|切实|着力|坚持|进一步|力争|不能|不得|严禁|加快|推动|抓好|做好/;

/**
 * "会议指出，…取得了阶段性成果，但…还存在一定差距": what a cue ("会议指出，") introduces only finds
 * something and asks nothing of anyone, so it is no directive.
 */
export const findsOnly = (cue: string, text: string): boolean => ASSESSES.test(cue) && !ASK_WORDS.test(text);

export function recogniseDirectives(doc: Doc, people: Mention[], chair?: string): LeaderDraft[] {
  const t = doc.t;
  const known = new Set(people.map((p) => p.name));
  if (chair) known.add(chair);
  const leaders = new Map<string, LeaderDraft>();
  let last: LeaderDraft | null = null; // for 他/她 and continuation paragraphs
  let lastParaHadLeader = false;
  for (const para of doc.paras) {
    if (para.kind !== 'body') continue;
    let current: LeaderDraft | null = null;
    const pending: number[] = []; // sentences before the paragraph's first cue
    for (const [k, i] of para.sentences.entries()) {
      const s = doc.sentences[i]!;
      if (s.used) {
        current = null;
        continue;
      }
      const cue = cueAt(t, s, known);
      if (cue) {
        const speaker: LeaderDraft | null =
          cue.whoText === '他' || cue.whoText === '她'
            ? (subjectBefore(i) ?? last ?? nearestBefore(cue.who.s))
            : leaderFor(cue.whoText, cue.who);
        if (!speaker) continue;
        if (!speaker.role && cue.role) speaker.role = cue.role;
        if (!speaker.topic && cue.topic) speaker.topic = cue.topic;
        for (const j of pending) {
          speaker.kept.push(doc.sentences[j]!);
          doc.sentences[j]!.used = true;
        }
        pending.length = 0;
        // What a leader only finds is kept as a comment on that leader.
        if (findsOnly(t.norm.slice(cue.who.e, cue.rest), t.norm.slice(cue.rest, s.e)))
          speaker.kept.push({ s: cue.rest, e: s.e });
        else speaker.points.push(...points(t, { s: cue.rest, e: s.e }, speaker));
        s.used = true;
        current = last = speaker;
      } else if (current) {
        current.points.push(...points(t, s, current));
        s.used = true;
      } else if (k === 0 && lastParaHadLeader && last && CONTINUATION.test(normOf(t, s))) {
        current = last;
        current.points.push(...points(t, s, current));
        s.used = true;
      } else pending.push(i);
    }
    lastParaHadLeader = current !== null;
  }
  return [...leaders.values()].filter((l) => l.points.length > 0);

  function leaderFor(name: string, span: Span): LeaderDraft {
    let l = leaders.get(name);
    if (!l) {
      const mention = people.find((p) => p.name === name);
      l = { name: mention?.nameSpan ?? span, nameText: name, points: [], kept: [] };
      if (mention) {
        l.role = mention.role;
        const topic = /^部署了?([^，。；]{2,40})/.exec(t.norm.slice(mention.after, mention.after + 60));
        if (topic)
          l.topic = { s: mention.after + topic[0].length - topic[1]!.length, e: mention.after + topic[0].length };
      } else if (name === '会议') l.note = '讲话人是“会议”（报道写“会议指出/强调”），请核对或改为具体领导';
      else if (name !== chair) l.note = `报道别处未出现“${name}”的职务，请核对讲话人`;
      leaders.set(name, l);
    }
    return l;
  }

  /**
   * 他/她: the subject of the sentence before ("点评中，陈明客观总结…。他指出" → 陈明), a known
   * name among its first words; null when it opens with no one.
   */
  function subjectBefore(i: number): LeaderDraft | null {
    const prev = doc.sentences[i - 1];
    if (!prev) return null;
    const head = t.norm.slice(prev.s, Math.min(prev.e, prev.s + 16));
    let best: { at: number; name: string } | null = null;
    for (const name of known) {
      const at = head.indexOf(name);
      if (at >= 0 && (!best || at < best.at || (at === best.at && name.length > best.name.length))) best = { at, name };
    }
    return best ? leaderFor(best.name, { s: prev.s + best.at, e: prev.s + best.at + best.name.length }) : null;
  }

  /** 他/她 with no leader yet: the person last named before it. */
  function nearestBefore(pos: number): LeaderDraft | null {
    const m = [...people].reverse().find((p) => p.nameSpan.e <= pos);
    return m ? leaderFor(m.name, m.nameSpan) : null;
  }
}

/** A leader's text → points: sentences, then 要…，要… and 一是…，二是… series; enumerators dropped. */
export function points(t: Text, span: Span, leader?: LeaderDraft): Span[] {
  const out: Span[] = [];
  for (const sentence of sentenceSpans(t, span)) {
    for (const piece of splitAt(t, sentence, '；')) {
      let p = piece;
      // "今年要抓好以下工作：一是…", "提出四点要求：一要…", "五点要求，一是…" — the lead-in is not a point.
      const colon = normOf(t, p).search(
        /(?:：|(?<=要求|意见|建议|希望)，)(?=[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+|（[一二三四五六七八九十\d]+）)/,
      );
      if (colon > 0) {
        leader?.kept.push({ s: p.s, e: p.s + colon });
        p = { s: p.s + colon + 1, e: p.e };
      }
      // "…抓好以下工作：" closing the paragraph: the points follow in the next paragraphs.
      if (leader && t.norm[p.e] === '：' && /^(?:\n|$)/.test(t.norm.slice(p.e + 1, p.e + 2))) {
        leader.kept.push(p);
        continue;
      }
      for (const item of series(t, p)) {
        const m = ENUMERATOR.exec(normOf(t, item));
        const s = m ? { s: item.s + m[0].length, e: item.e } : item;
        if (s.e - s.s >= 2) out.push(s);
      }
    }
  }
  return out;
}

/** Split "要A，要B，要C" (or 一是…，二是…) into its members; anything else stays whole. */
function series(t: Text, span: Span): Span[] {
  const parts = splitAt(t, span, '，');
  if (parts.length < 2 || !SERIES_HEAD.test(normOf(t, parts[0]!))) return [span];
  const heads = parts.filter((p) => SERIES_HEAD.test(normOf(t, p)));
  if (heads.length < 2) return [span];
  const out: Span[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev && !SERIES_HEAD.test(normOf(t, p))) prev.e = p.e;
    else out.push({ ...p });
  }
  return out;
}
