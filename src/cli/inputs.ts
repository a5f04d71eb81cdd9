/** Which briefs a command works on: files as given, folders' *.yaml / *.yml, sorted. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { problem, type Problem } from '../errors.js';
import { msg } from '../messages/catalogue.js';

export function collectBriefs(inputs: string[]): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      problems.push(problem({ file: input }, msg('file.noSuchInput')));
      continue;
    }
    if (!isDir) {
      files.push(input);
      continue;
    }
    const found: string[] = [];
    for (const name of readdirSync(input)
      .filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.'))
      .sort()) {
      const f = join(input, name);
      try {
        if (statSync(f).isFile()) found.push(f);
      } catch {
        problems.push({ file: f, message: 'cannot be read (a broken link?)' });
      }
    }
    if (found.length === 0) problems.push(problem({ file: input }, msg('file.noBriefs')));
    files.push(...found);
  }
  return { files: [...new Set(files)], problems };
}
