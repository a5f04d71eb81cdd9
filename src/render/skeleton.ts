/**
 * The parts of a deck that do not depend on its slides — theme, slide master and layout, notes
 * master, presentation properties — as pptxgenjs writes them, kept in skeleton-parts.ts (made by
 * `npm run generate`) and shared by every deck; the slides themselves are written by `slide.ts`.
 */
import { SKELETON_PARTS } from './skeleton-parts.js';

/** Part name → XML. `ppt/presentation.xml` is a template: its slide list and size are replaced. */
export type Skeleton = ReadonlyMap<string, string | Uint8Array>;

/** Parts a deck's own slides decide, written per deck rather than taken from pptxgenjs. */
export const PER_DECK =
  /^(\[Content_Types\]\.xml|docProps\/.*|ppt\/_rels\/presentation\.xml\.rels|ppt\/(slides|notesSlides|media)\/.*)$/;

let made: Skeleton | undefined;

export function skeleton(): Skeleton {
  return (made ??= new Map(Object.entries(SKELETON_PARTS)));
}
