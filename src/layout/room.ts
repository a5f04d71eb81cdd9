/**
 * Whether a theme leaves room for text: at its minimum size, every content slide must hold a
 * panel's label and one line of text between the longest title and the longest footer a brief
 * can make (names and titles at their limits, in Chinese characters). The layout shrinks and
 * continues everything else, so a theme that passes this can lay out any brief of such text.
 * The same functions as the layout measure it, so the two cannot disagree.
 */
import { COUNT_LIMITS, TEXT_LIMITS } from '../limits.js';
import type { Labels, TemplateContext, Theme } from '../theme/types.js';
import { listStyle } from './deck.js';
import { fitTitle, frameFor, placeFooter } from './frame.js';
import { arrange } from './panels.js';
import { listItem } from './text.js';

/** A slide with no room for text, and what was on it. */
export interface NoRoom {
  slide: 'overview' | 'unit' | 'leader';
  /** The label of the panel that did not fit. */
  label: keyof Labels | 'topic';
  titleLines: number;
  footerLines: number;
}

const longest = (n: number) => '国'.repeat(n);

/** The template context with every text a brief gives at its longest. */
export function longestContext(theme: Theme, lang: TemplateContext['lang']): TemplateContext {
  const { title, name, topic } = TEXT_LIMITS;
  return {
    meeting: {
      title: longest(title),
      subtitle: longest(title),
      date: '2025-09-30',
      organizer: longest(title),
      location: longest(title),
      chair: { name: longest(name), role: longest(name) },
    },
    unit: { name: longest(title), index: String(COUNT_LIMITS.units) },
    leader: { speaker: longest(name), role: longest(name), topic: longest(topic) },
    // As the layout measures the footer (deck.ts).
    slide: { number: '9999', count: '9999' },
    lang,
    labels: theme.labels,
  };
}

/** The first content slide that has no room for a line of text, or undefined when all have. */
export function noRoom(theme: Theme, lang: TemplateContext['lang']): NoRoom | undefined {
  const ctx = longestContext(theme, lang);
  const frame = placeFooter(frameFor(theme), theme, theme.templates.footer(ctx), theme.templates.slideNumber(ctx));
  const footerLines = frame.footerLines ?? 1;
  const slides: Array<{ slide: NoRoom['slide']; title: string; labels: Array<NoRoom['label']> }> = [
    { slide: 'overview', title: theme.labels.overview, labels: ['summary', 'units'] },
    { slide: 'unit', title: theme.templates.unitTitle(ctx), labels: ['achievements', 'shortcomings', 'directives'] },
    { slide: 'leader', title: theme.templates.leaderTitle(ctx), labels: ['topic', 'leaderPoints'] },
  ];
  for (const { slide, title, labels } of slides) {
    // A continued slide's title is longer: the lower of the two titles bounds the text.
    const heads = [title, title + theme.labels.continued].map((t) =>
      fitTitle(t, frame.title, theme, theme.colors.primary),
    );
    const head = heads[0]!.bottom >= heads[1]!.bottom ? heads[0]! : heads[1]!;
    const top = Math.max(frame.body.y, head.bottom + 0.2);
    const region = { ...frame.body, y: top, h: frame.body.y + frame.body.h - top };
    for (const key of labels) {
      const label = key === 'topic' ? ctx.leader!.topic! : theme.labels[key];
      const panel = {
        key,
        label,
        color: theme.colors.text,
        items: [listItem([{ text: '国' }])],
        style: listStyle(theme, 'number', theme.colors.text),
      };
      if (!arrange([panel], region, theme.sizes.minimum, theme))
        return { slide, label: key, titleLines: head.lines, footerLines };
    }
  }
  return undefined;
}
