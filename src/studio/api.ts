/**
 * What the studio's page asks of the folder: the briefs, one brief, a preview of YAML text, a
 * save, a deck, a draft. Each answer is plain data; server.ts turns it into HTTP.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, parseDocument } from 'yaml';
import { loadBrief, parseBrief } from '../brief/load.js';
import { briefThemeOptions, buildDeckWithPlan } from '../build.js';
import { isBriefdeckError, type Problem } from '../errors.js';
import { word } from '../messages/catalogue.js';
import { planDeck } from '../layout/deck.js';
import { exportDeck, findProgram } from '../output/export.js';
import type { FitEntry } from '../layout/plan.js';
import { previewDeck, type PreviewSlide } from '../preview/svg.js';
import { builtinThemeNames, themeNamesIn } from '../theme/files.js';
import { resolveTheme, type ThemeOptions } from '../theme/resolve.js';
import { briefNames, briefPath, briefsDir, StudioError } from './files.js';

export interface BriefEntry {
  name: string;
  meeting?: string;
  date?: string;
  valid: boolean;
  problems: number;
}

/** Themes are looked up in the studio's folder, as `briefdeck build` run there does. */
const themeOptions = (folder: string): ThemeOptions => ({ cwd: folder, allowOutsideFiles: false });

export function listBriefs(folder: string): BriefEntry[] {
  return briefNames(folder).map((name) => {
    const file = join(briefsDir(folder), name);
    try {
      const { brief } = loadBrief(file);
      resolveTheme(brief.theme, brief.lang, briefThemeOptions(brief, themeOptions(folder)));
      return { name, meeting: brief.meeting.title, date: brief.meeting.date, valid: true, problems: 0 };
    } catch (e) {
      if (!isBriefdeckError(e)) throw e;
      // What can still be read of a brief with problems, for the list.
      let meeting: unknown;
      let date: unknown;
      try {
        const doc = parseDocument(readFileSync(file, 'utf8'));
        meeting = doc.getIn(['meeting', 'title']);
        date = doc.getIn(['meeting', 'date']);
      } catch {
        /* nothing more to show */
      }
      return {
        name,
        ...(typeof meeting === 'string' ? { meeting } : {}),
        ...(typeof date === 'string' ? { date } : {}),
        valid: false,
        problems: e.problems.length,
      };
    }
  });
}

export function listThemes(folder: string): string[] {
  return [...new Set([...builtinThemeNames(), ...themeNamesIn(join(folder, 'themes'))])];
}

export interface PreviewRequest {
  /** The brief being edited (for its theme's folder and in messages); a new brief has none yet. */
  name?: string;
  text: string;
  /** Set the brief's `theme:` / `lang:` in the text first (comments and order kept). */
  theme?: string;
  lang?: 'zh-CN' | 'en';
  /** The ids of the template artwork the page already holds: left out of the answer. */
  art?: readonly string[];
}

export interface PreviewAnswer {
  /** The text previewed: the request's, with theme and lang set when they were asked for. */
  text: string;
  slides: PreviewSlide[];
  /** A template's artwork the slides refer to (`<use href="#id" data-art="id"/>`), by id: each
   * once, and none the request said the page holds. */
  art: Record<string, string>;
  /** The brief as plain data, for the form; absent while the YAML does not read. */
  data?: unknown;
  fit: FitEntry[];
  problems: Problem[];
  warnings: Problem[];
  ms: number;
}

export function preview(folder: string, req: PreviewRequest, images: ImageCache): PreviewAnswer {
  const start = performance.now();
  const text = withSettings(req.text, req.theme, req.lang);
  const data = plainData(text);
  const file = req.name ? briefPath(folder, req.name) : join(briefsDir(folder), 'new.yaml');
  const answer = (a: Partial<PreviewAnswer>): PreviewAnswer => ({
    text,
    slides: [],
    art: {},
    fit: [],
    problems: [],
    warnings: [],
    ...(data !== undefined ? { data } : {}),
    ...a,
    ms: Math.round(performance.now() - start),
  });
  try {
    const { brief, warnings } = parseBrief(text, file);
    const theme = resolveTheme(brief.theme, brief.lang, briefThemeOptions(brief, themeOptions(folder)));
    const plan = planDeck(brief, theme);
    const art: Record<string, string> = {};
    const slides = previewDeck(plan, { imageHref: (p) => images.href(p), art });
    for (const id of req.art ?? []) delete art[id];
    return answer({
      slides,
      art,
      fit: plan.fit,
      warnings: [...warnings, ...(theme.warnings ?? [])].map(shown(folder)),
    });
  } catch (e) {
    if (!isBriefdeckError(e)) throw e;
    return answer({ problems: e.problems.map(shown(folder)) });
  }
}

/** The text as plain data for the form, when it reads as YAML. */
function plainData(text: string): unknown {
  try {
    const doc = parseDocument(text);
    return doc.errors.length ? undefined : (doc.toJS() as unknown);
  } catch {
    return undefined; // too many aliases and the like: the preview's problems say so
  }
}

/** A problem as the page shows it: files by their name in the folder. */
const shown =
  (folder: string) =>
  (p: Problem): Problem =>
    p.file ? { ...p, file: relative(folder, p.file).split(sep).join('/') } : p;

/** The text with `theme:` and `lang:` set, through the yaml library's Document (comments kept);
 * text that is not YAML is left as it is, for the preview to report. */
function withSettings(text: string, theme: string | undefined, lang: string | undefined): string {
  if (theme === undefined && lang === undefined) return text;
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents)) return text;
  const items = doc.contents.items;
  let changed = false;
  for (const [key, value] of [
    ['lang', lang],
    ['theme', theme],
  ] as const) {
    if (value === undefined || doc.get(key) === value) continue;
    if (doc.has(key)) doc.set(key, value);
    // A new key goes at the top, where a brief says them (theme after lang), not at the end.
    else {
      const at = key === 'theme' ? items.findIndex((p) => isScalar(p.key) && p.key.value === 'lang') + 1 : 0;
      (items as unknown[]).splice(at, 0, doc.createPair(key, value));
    }
    changed = true;
  }
  return changed ? doc.toString() : text;
}

/** The deck of a saved brief: what `briefdeck build` run in the folder writes. */
export async function deckOf(folder: string, name: unknown): Promise<{ bytes: Buffer; file: string }> {
  const file = briefPath(folder, name);
  try {
    statSync(file);
  } catch {
    throw new StudioError(404, 'not-found', `${String(name)}: no such brief; save it first`);
  }
  const { brief } = loadBrief(file);
  const { bytes } = await buildDeckWithPlan(brief, { themeOptions: themeOptions(folder) });
  return { bytes, file: String(name).replace(/\.ya?ml$/, '.pptx') };
}

/** Whether a PDF can be made here: LibreOffice's soffice is installed. */
export const pdfAvailable = (): boolean => findProgram('soffice') !== undefined;

/** The saved brief's deck as a PDF, made by LibreOffice as `briefdeck build --pdf` makes it. */
export async function pdfOf(folder: string, name: unknown): Promise<{ bytes: Buffer; file: string }> {
  const { bytes, file } = await deckOf(folder, name);
  const work = mkdtempSync(join(tmpdir(), 'briefdeck-studio-pdf-'));
  try {
    const deck = join(work, 'deck.pptx');
    writeFileSync(deck, bytes);
    const [pdf] = await exportDeck(deck, { pdf: true });
    return { bytes: readFileSync(pdf!), file: file.replace(/\.pptx$/, '.pdf') };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const SCHEMA_FILE = fileURLToPath(new URL('../../schema/brief.schema.json', import.meta.url));

export async function draft(folder: string, report: string, date?: string): Promise<{ text: string; notes: string[] }> {
  // Loaded when first asked for: the drafter is not needed to edit or preview.
  const { draftBrief } = await import('../draft/index.js');
  const schema = relative(briefsDir(folder), SCHEMA_FILE).split(sep).join('/');
  const result = draftBrief(report, { suggest: true, source: 'pasted', schema, ...(date ? { date } : {}) });
  return { text: result.yaml, notes: result.notes };
}

/** A report file's text (.txt in UTF-8 or GBK/Big5, .docx, a saved web page), read by the
 * drafter's own reader: parsed, never run. */
export async function reportText(name: string, base64: string): Promise<{ text: string; notes: string[] }> {
  const { readReport } = await import('../draft/index.js');
  const bytes = Buffer.from(base64, 'base64');
  const { text, notes } = await readReport(bytes, name.replace(/^.*[\\/]/, '') || 'report.txt');
  return { text, notes: notes.map((n) => (typeof n === 'string' ? n : word(n, 'en'))) };
}

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', svg: 'image/svg+xml' };

/**
 * Pictures of the themes (a logo, a background), for the preview to draw by address rather than
 * as a data: URI in every slide: each file read once per change of it, and kept under a hash of
 * its bytes, which the address names (the studio serves it at `/api/picture/<hash>`, for the
 * browser to keep: other bytes, another address). Only files a theme has already checked reach
 * here: the plan names them.
 */
export class ImageCache {
  private readonly byPath = new Map<string, { mtime: number; size: number; hash: string }>();
  private readonly byHash = new Map<string, { bytes: Buffer; type: string }>();
  /** `address` makes a picture's address from its hash (the server adds its token). */
  constructor(private readonly address: (hash: string) => string = (hash) => `/api/picture/${hash}`) {}

  href(path: string): string | undefined {
    try {
      const { mtimeMs, size } = statSync(path);
      const hit = this.byPath.get(path);
      if (hit && hit.mtime === mtimeMs && hit.size === size && this.byHash.has(hit.hash)) return this.address(hit.hash);
      const type = TYPES[path.replace(/^.*\./, '').toLowerCase()];
      if (!type) return undefined;
      const bytes = readFileSync(path);
      const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
      // The file's earlier bytes are no longer drawn (unless another file has them).
      if (hit && hit.hash !== hash && ![...this.byPath.values()].some((e) => e !== hit && e.hash === hit.hash))
        this.byHash.delete(hit.hash);
      this.byPath.set(path, { mtime: mtimeMs, size, hash });
      this.byHash.set(hash, { bytes, type });
      return this.address(hash);
    } catch {
      return undefined;
    }
  }

  /** The picture an address names, when a preview gave that address. */
  picture(hash: string): { bytes: Buffer; type: string } | undefined {
    return this.byHash.get(hash);
  }
}
