/** Where the CLI prints: the process's streams, or buffers in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** A line that replaces itself while work runs (terminals only); '' clears it. */
  progress?(text: string): void;
}

/** A progress line only on a terminal, never in CI or pipes; plain when NO_COLOR is set. */
function terminalProgress(): CliIO['progress'] {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  const dim = process.env.NO_COLOR ? (t: string) => t : (t: string) => `\x1b[2m${t}\x1b[22m`;
  let shown = false;
  return (t) => {
    if (!t && !shown) return;
    process.stderr.write(`\r\x1b[2K${t ? dim(t) : ''}`);
    shown = !!t;
  };
}

const progress = terminalProgress();

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  ...(progress ? { progress } : {}),
};

export function bufferIO(): CliIO & { stdout: string[]; stderr: string[]; text(): string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(t.replace(/\n$/, '')),
    err: (t) => void stderr.push(t.replace(/\n$/, '')),
    text: () => [...stdout, ...stderr].join('\n'),
  };
}
