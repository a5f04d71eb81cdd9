/**
 * PDF and pictures of a deck, through LibreOffice: good for sending the deck to a phone or a
 * printer. LibreOffice runs with a profile of its own, so it works beside an open LibreOffice
 * and never asks questions; results are written atomically next to the deck.
 */
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BriefdeckError } from '../errors.js';
import { writeFileAtomic } from './write.js';

export interface ExportOptions {
  pdf?: boolean;
  png?: boolean;
  /** Path to soffice; default: found on PATH. */
  soffice?: string;
  /** Pixels per inch of the pictures. */
  dpi?: number;
}

const INSTALL =
  'install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-impress; macOS: brew install --cask libreoffice; Windows: libreoffice.org), or pass --soffice PATH';

export function findProgram(name: string, given?: string): string | undefined {
  if (given) return existsSync(given) ? given : undefined;
  const exts = process.platform === 'win32' ? ['.exe', '.com', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    for (const ext of exts) if (dir && existsSync(join(dir, name + ext))) return join(dir, name + ext);
  const mac = `/Applications/LibreOffice.app/Contents/MacOS/${name}`;
  return existsSync(mac) ? mac : undefined;
}

/** A path as an argument another program cannot take for an option: a deck named --version.pptx is a file. */
const fileArgument = (path: string) => resolve(path);

/** Write DECK.pdf and/or DECK-01.png… beside the deck; returns the files written. */
export async function exportDeck(deck: string, opts: ExportOptions): Promise<string[]> {
  const soffice = findProgram('soffice', opts.soffice);
  if (!soffice)
    throw new BriefdeckError({
      file: deck,
      message: `cannot write ${opts.pdf ? 'a PDF' : 'pictures'}: LibreOffice (soffice) was not found${opts.soffice ? ` at ${opts.soffice}` : ''}; ${INSTALL}`,
    });
  const work = mkdtempSync(join(tmpdir(), 'briefdeck-export-'));
  try {
    // Loaded only now: child_process costs every other start ~5 ms.
    const { spawnSync } = process.getBuiltinModule('node:child_process');
    const run = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        fileArgument(deck),
      ],
      { timeout: 300_000, encoding: 'utf8' },
    );
    const pdf = join(work, basename(deck).replace(/\.pptx$/i, '.pdf'));
    if (run.status !== 0 || !existsSync(pdf)) {
      throw new BriefdeckError({
        file: deck,
        message: `LibreOffice could not convert the deck to PDF${run.error ? ` (${run.error.message})` : ''}: ${(run.stderr || run.stdout || '').trim().split('\n').slice(-2).join(' ')}`,
      });
    }
    const written: string[] = [];
    const stem = deck.replace(/\.pptx$/i, '');
    if (opts.pdf) {
      writeFileAtomic(`${stem}.pdf`, readFileSync(pdf), 'the PDF');
      written.push(`${stem}.pdf`);
    }
    if (opts.png) {
      const pdftoppm = findProgram('pdftoppm');
      if (!pdftoppm)
        throw new BriefdeckError({
          file: deck,
          message:
            'cannot write pictures: pdftoppm (poppler) was not found; install poppler-utils (macOS: brew install poppler)',
        });
      const ppm = spawnSync(pdftoppm, ['-png', '-r', String(opts.dpi ?? 96), pdf, join(work, 'slide')], {
        timeout: 300_000,
        encoding: 'utf8',
      });
      if (ppm.status !== 0)
        throw new BriefdeckError({
          file: deck,
          message: `pdftoppm could not draw the slides: ${(ppm.stderr ?? '').trim()}`,
        });
      const pages = readdirSync(work)
        .filter((f) => /^slide-\d+\.png$/.test(f))
        .sort();
      const width = String(pages.length).length;
      for (const page of pages) {
        const n = Number(/(\d+)/.exec(page)![1]);
        const target = `${stem}-${String(n).padStart(Math.max(2, width), '0')}.png`;
        writeFileAtomic(target, readFileSync(join(work, page)), 'the picture');
        written.push(target);
      }
      removeOldPictures(stem, written);
    }
    return written;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Remove the pictures of slides the deck no longer has (a rebuild with fewer slides, or more
 * digits in the numbers): files named exactly as this deck's pictures are, `STEM-NN.png`, that
 * this export did not write. Nothing else in the folder is touched.
 */
function removeOldPictures(stem: string, written: string[]): void {
  const dir = dirname(stem);
  const prefix = `${basename(stem)}-`;
  const keep = new Set(written.map((f) => basename(f)));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (keep.has(name) || !name.startsWith(prefix) || !/^\d{2,}\.png$/.test(name.slice(prefix.length))) continue;
    try {
      if (lstatSync(join(dir, name)).isFile()) unlinkSync(join(dir, name));
    } catch {
      /* gone already, or not ours to remove: the new pictures are written all the same */
    }
  }
}
