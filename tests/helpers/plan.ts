/** Reading a DeckPlan back as a user would see it: which texts are in which boxes. */
import type { DeckPlan, Paragraph, SlidePlan, TextShape } from '../../src/layout/plan.js';

export const paraText = (p: Paragraph) => p.runs.map((r) => r.text).join('');
export const textBoxes = (s: SlidePlan) => s.shapes.filter((x): x is TextShape => x.kind === 'text');
export const boxesByRole = (s: SlidePlan, role: string) => textBoxes(s).filter((b) => b.role === role);

/**
 * The items of one panel over all the slides of a subject, pieces of a split item joined
 * again (a continued paragraph has bullet kind 'continued').
 */
export function panelItems(plan: DeckPlan, subject: string, key: string): string[] {
  const items: string[] = [];
  for (const s of plan.slides.filter((x) => x.subject === subject)) {
    for (const b of boxesByRole(s, `panel:${key}`)) {
      for (const p of b.paragraphs) {
        if (p.bullet?.kind === 'continued' && items.length) items[items.length - 1] += paraText(p);
        else items.push(paraText(p));
      }
    }
  }
  return items;
}

export function overlaps(
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
  eps = 1e-6,
): boolean {
  return a.x < b.x + b.w - eps && b.x < a.x + a.w - eps && a.y < b.y + b.h - eps && b.y < a.y + a.h - eps;
}
