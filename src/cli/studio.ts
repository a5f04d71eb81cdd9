/** `briefdeck studio [folder]`: start the local web app, print its address, open the browser,
 * and serve until interrupted (Ctrl-C) or, in tests, until `signal` aborts. */
import { existsSync, statSync } from 'node:fs';
import { BriefdeckError } from '../errors.js';
import { EXIT } from './commands.js';
import type { CliIO } from './io.js';

export interface StudioArgs {
  folder: string;
  port?: number;
  open: boolean;
}

export async function studioCommand(args: StudioArgs, io: CliIO, signal?: AbortSignal): Promise<number> {
  if (!existsSync(args.folder) || !statSync(args.folder).isDirectory())
    throw new BriefdeckError({ file: args.folder, message: 'not a folder; give the folder that holds briefs/' });
  // The server is loaded only for this command.
  const { startStudio } = await import('../studio/server.js');
  let studio;
  try {
    studio = await startStudio({ folder: args.folder, ...(args.port !== undefined ? { port: args.port } : {}) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new BriefdeckError({
        message: `--port ${args.port}: ${code === 'EADDRINUSE' ? 'already in use' : 'not allowed'}; leave --port out to take a free one`,
      });
    throw e;
  }
  io.out(`briefdeck studio: ${studio.url}`);
  io.out('Open that address in your browser (it carries the key to this studio). Ctrl-C stops it.');
  if (args.open) openBrowser(studio.url);
  await new Promise<void>((done) => {
    const stop = () => done();
    signal?.addEventListener('abort', stop, { once: true });
    if (!signal) process.once('SIGINT', stop).once('SIGTERM', stop);
  });
  await studio.close();
  return EXIT.ok;
}

/** The system's way to open an address; nothing said when there is none (the address is printed). */
function openBrowser(url: string): void {
  const [cmd, ...args] =
    process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '""', url.replace(/&/g, '^&')]
        : ['xdg-open', url];
  try {
    // Loaded here, not at start: no other command starts a process.
    const { spawn } = process.getBuiltinModule('node:child_process');
    const child = spawn(cmd!, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    /* the address is printed; the user opens it */
  }
}
