/** The draft fixtures: report texts in tests/fixtures/draft, and the seed report. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const FIXTURES = 'tests/fixtures/draft';
/** The seed report, as kept with the fixtures (tests/brief/sample.test.ts checks the copy). */
export function seedReport(): string {
  return readFileSync(join(FIXTURES, 'shanghai-2025-01.txt'), 'utf8');
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export const fixtureNames = (): string[] =>
  readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort();

/** The draft as plain data (comments dropped). */
export interface DraftData {
  lang: string;
  meeting: {
    title?: string;
    subtitle?: string;
    date: string;
    organizer?: string;
    location?: string;
    chair?: { name: string; role?: string };
    summary?: string;
    attendees?: string[];
  };
  units: {
    name: string;
    speaker?: string;
    achievements?: string[];
    shortcomings?: string[];
    directives?: (string | { text: string; by?: string; suggested?: boolean })[];
  }[];
  directives?: { speaker: string; role?: string; topic?: string; points: string[] }[];
}

export const data = (yaml: string) => parse(yaml) as DraftData;

/** Every string value in a parsed YAML tree, with its path. */
export function strings(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

/** The comment text of a YAML document, one entry per comment line, "#" removed. */
export function commentLines(yaml: string): string[] {
  return yaml
    .split('\n')
    .map((l) => /(?:^|\s)#\s?(.*)$/.exec(l)?.[1])
    .filter((c): c is string => c !== undefined);
}
