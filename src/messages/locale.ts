/**
 * The language the CLI speaks: `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG: the first
 * one set decides, as for any POSIX program), Chinese when it starts with zh; English otherwise.
 */
import { formatProblemIn, type Problem } from '../errors.js';
import { msg, word, type Lang, type Msg } from './catalogue.js';

export function localeLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

/** `--lang`'s value as a language, or undefined when it names none we speak. */
export function langOption(value: string): Lang | undefined {
  if (/^zh(?:[-_](?:CN|Hans|SG))?$/i.test(value)) return 'zh-CN';
  if (/^en(?:[-_]\w+)?$/i.test(value)) return 'en';
  return undefined;
}

/** The language of this run of the CLI (set by `run`). */
let current: Lang = 'en';
export const setMessageLang = (lang: Lang): void => {
  current = lang;
};

/** A catalogue message in the CLI's language. */
export const say = (m: Msg): string => word(m, current);

/** `error: file:line:column: path: message`, in the CLI's language. */
export const errorLine = (p: Problem): string => say(msg('label.error')) + formatProblemIn(p, current);
export const warningLine = (p: Problem): string => say(msg('label.warning')) + formatProblemIn(p, current);
