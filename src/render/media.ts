/**
 * The pictures of a deck: each distinct file stored once in ppt/media, however many slides show
 * it. An SVG is stored with a PNG drawn from it, which programs without SVG support show.
 */
import { BriefdeckError } from '../errors.js';
import type { DeckPlan } from '../layout/plan.js';
import { readPicture } from '../theme/pictures.js';
import { svgToPng } from '../theme/svg.js';

export interface MediaPart {
  /** Part name under ppt/media/ of the picture every program shows (PNG or JPEG). */
  name: string;
  /** The SVG itself, for programs that draw it. */
  svg?: string;
}

interface MediaFile {
  name: string;
  data: Uint8Array;
}

export interface DeckMedia {
  /** By the path the plan names. */
  parts: Map<string, MediaPart>;
  files: MediaFile[];
}

/** Read every picture the plan shows. The theme checked them when it was loaded; they are read
 * through the same checks, in case a file changed since. */
export async function collectMedia(plan: DeckPlan, prefix = 'image'): Promise<DeckMedia> {
  const parts = new Map<string, MediaPart>();
  const files: MediaFile[] = [];
  const byContent = new Map<string, MediaPart>();
  for (const slide of plan.slides) {
    for (const shape of slide.shapes) {
      if (shape.kind !== 'image' || parts.has(shape.path)) continue;
      const read = readPicture(shape.path, { checkSvg: false });
      if ('problem' in read) throw new BriefdeckError({ file: shape.path, message: read.problem });
      const { bytes: data, kind: ext } = read;
      // crypto is loaded only for a deck with pictures: it costs every other start ~4 ms.
      const key = `${ext}:${process.getBuiltinModule('node:crypto').createHash('sha256').update(data).digest('hex')}`;
      let part = byContent.get(key);
      if (!part) {
        const n = byContent.size + 1;
        if (ext === 'svg') {
          // The PNG drawn when the theme was loaded (or now, after the same checks).
          const png = svgToPng(data);
          if (typeof png === 'string') throw new BriefdeckError({ file: shape.path, message: png });
          part = { name: `${prefix}${n}.png`, svg: `${prefix}${n}.svg` };
          files.push({ name: part.name, data: png }, { name: part.svg!, data });
        } else {
          part = { name: `${prefix}${n}.${ext}` };
          files.push({ name: part.name, data });
        }
        byContent.set(key, part);
      }
      parts.set(shape.path, part);
    }
  }
  return { parts, files };
}
