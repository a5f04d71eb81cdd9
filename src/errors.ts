/**
 * The one error type for problems a user can cause: a bad brief, a bad theme, a missing file,
 * an unwritable output folder. Each problem carries where it is (file, line, column, YAML path)
 * so the CLI prints `file:line:column: path: message`. Only the CLI's top level catches it;
 * any other exception is a bug and keeps its stack.
 *
 * `message` is always English (the library's callers and its tests read it); a problem worded
 * from the message catalogue also carries `msg`, from which the CLI words it in the user's
 * language.
 */
import { word, type Lang, type Msg } from './messages/catalogue.js';

export interface Problem {
  file?: string;
  line?: number;
  column?: number;
  /** YAML path in the users' words, e.g. `units[2].shortcomings`. */
  path?: string;
  message: string;
  /** The message in the catalogue, when it is there. */
  msg?: Msg;
}

/** A problem whose message is in the catalogue: its English text, and the message itself. */
export function problem(where: Omit<Problem, 'message' | 'msg'>, m: Msg): Problem {
  return { ...where, message: word(m, 'en'), msg: m };
}

export function formatProblem(p: Problem): string {
  return formatProblemIn(p, 'en');
}

/** `file:line:column: path: message`, the message in `lang` when the catalogue has it. (The
 * position part is the same in every language.) */
export function formatProblemIn(p: Problem, lang: Lang): string {
  let where = p.file ?? '';
  if (p.file && p.line !== undefined) where += `:${p.line}:${p.column ?? 1}`;
  const head = [where, p.path].filter((s) => s && s.length > 0).join(': ');
  const message = p.msg ? word(p.msg, lang) : p.message;
  return head ? `${head}: ${message}` : message;
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
