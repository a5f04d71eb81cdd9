/**
 * The parts of a deck that do not depend on its slides — theme, slide master and layout, notes
 * master, presentation properties — as pptxgenjs writes them. They are made once per process
 * (from a one-slide deck) and shared by every deck built in it; the slides themselves are
 * written by `slide.ts`.
 */
import type * as PptxModule from 'pptxgenjs';
import { wellFormed } from './wellformed.js';

/** Part name → XML. `ppt/presentation.xml` is a template: its slide list and size are replaced. */
export type Skeleton = ReadonlyMap<string, string>;

/** Parts a deck's own slides decide, written per deck rather than taken from pptxgenjs. */
const PER_DECK =
  /^(\[Content_Types\]\.xml|docProps\/.*|ppt\/_rels\/presentation\.xml\.rels|ppt\/(slides|notesSlides|media)\/.*)$/;

/**
 * The bundled CLI carries the skeleton, made by pptxgenjs when the bundle was built (see
 * scripts/bundle.mjs), so a cold start need not load pptxgenjs at all. From the sources, it is
 * made on first use.
 */
declare const __BRIEFDECK_SKELETON__: Record<string, string> | undefined;

let made: Promise<Skeleton> | undefined;

export function skeleton(): Promise<Skeleton> {
  if (typeof __BRIEFDECK_SKELETON__ === 'object' && __BRIEFDECK_SKELETON__)
    made ??= Promise.resolve(new Map(Object.entries(__BRIEFDECK_SKELETON__)));
  made ??= generateSkeleton().catch((e: unknown) => {
    made = undefined;
    throw e;
  });
  return made;
}

/** The skeleton as the installed pptxgenjs writes it. */
export async function generateSkeleton(): Promise<Skeleton> {
  // Loaded on demand: the heaviest module, needed once per process.
  const mod = (await import('pptxgenjs')) as unknown as { default: new () => PptxModule.default };
  const pptx = new mod.default();
  pptx.layout = 'LAYOUT_WIDE';
  // One slide with notes, so the package has its notes master too.
  pptx.addSlide().addNotes(' ');
  const raw = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  const { strFromU8, unzipSync } = await import('fflate');
  const parts = new Map<string, string>();
  for (const [name, bytes] of Object.entries(unzipSync(raw))) {
    if (name.endsWith('/') || PER_DECK.test(name)) continue;
    parts.set(name, strFromU8(bytes));
  }
  for (const [name, xml] of parts) {
    const ok = wellFormed(xml);
    if (ok !== true) throw new Error(`briefdeck bug: pptxgenjs wrote ${name} that does not parse: ${ok}`);
  }
  for (const need of [
    'ppt/presentation.xml',
    'ppt/theme/theme1.xml',
    'ppt/slideMasters/slideMaster1.xml',
    'ppt/slideLayouts/slideLayout1.xml',
    'ppt/notesMasters/notesMaster1.xml',
  ]) {
    if (!parts.has(need)) throw new Error(`briefdeck bug: pptxgenjs wrote no ${need}`);
  }
  return parts;
}
