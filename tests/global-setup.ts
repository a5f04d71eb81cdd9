/**
 * Before the tests: compile the sources to dist/ when they are newer than it. Code run by path,
 * not imported (the compressing helper thread), runs from dist/ even in the tests, so it must be
 * what the sources say.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mtime = (file: string): number => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

export default function setup(): void {
  const newest = Math.max(
    ...readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => mtime(join('src', f))),
  );
  if (mtime('dist/index.js') < newest)
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
      stdio: 'inherit',
    });
}
