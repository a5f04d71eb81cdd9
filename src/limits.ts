/** How long and how many: the limits of a brief and a deck, in one place (the README states them). */

/** The longest texts set as titles and labels, in characters: themes are checked against them
 * (a theme must leave room for a line of text under the longest title a brief can give). */
export const TEXT_LIMITS = { title: 100, name: 60, topic: 80 } as const;

/** How much a brief may hold, far above any meeting: a few dozen units of a few dozen items.
 * Past these a build takes minutes and gigabytes, and a deck more slides than a package holds. */
export const COUNT_LIMITS = {
  units: 10_000,
  leaders: 1_000,
  /** Items in one list: achievements, shortcomings, directives, points, attendees. */
  list: 1_000,
  /** Items in all the lists of a brief. */
  items: 100_000,
  /** Line breaks, commas and opening brackets in a YAML file: places a node can begin. A brief
   * of 10,000 units runs to ~100,000 lines. */
  yamlNodes: 300_000,
  /** Slides in a deck (a zip without zip64 holds 65,535 parts; a slide takes four). */
  slides: 15_000,
} as const;
