/**
 * The one error type for problems a user can cause: a bad brief, a bad theme, a missing file,
 * an unwritable output folder. Each problem carries where it is (file, line, column, YAML path)
 * so the CLI prints `file:line:column: path: message`. Only the CLI's top level catches it;
 * any other exception is a bug and keeps its stack.
 */
export interface Problem {
  file?: string;
  line?: number;
  column?: number;
  /** YAML path in the users' words, e.g. `units[2].shortcomings`. */
  path?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  let where = p.file ?? '';
  if (p.file && p.line !== undefined) where += `:${p.line}:${p.column ?? 1}`;
  const head = [where, p.path].filter((s) => s && s.length > 0).join(': ');
  return head ? `${head}: ${p.message}` : p.message;
}

export class BriefdeckError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | Problem | string) {
    const list =
      typeof problems === 'string' ? [{ message: problems }] : Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'BriefdeckError';
    this.problems = list;
  }
}

export function isBriefdeckError(e: unknown): e is BriefdeckError {
  return e instanceof BriefdeckError;
}
