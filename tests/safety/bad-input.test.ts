/**
 * Issue 6, item 1: bad and hostile input gets a clear answer. Every case runs the whole CLI
 * in-process, as `briefdeck build` (into a fresh temporary --out folder) and, for briefs, as
 * `briefdeck validate`, and must give: exit code 1; exactly the expected messages, one per
 * problem, naming the file and line:column where the input has lines; no stack trace; no deck
 * written; an answer in under 5 s.
 *
 * The corpus is tests/fixtures/bad/ (one file per case; the themes the briefs name are in
 * tests/fixtures/bad/themes/). Files too big to commit are made in a temporary folder.
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { bufferIO } from '../../src/cli/io.js';
import { bugResult } from '../../src/cli/build-one.js';
import { reportDeck } from '../../src/cli/report.js';
import { run } from '../../src/cli/run.js';
import { countPixels, pngPixels } from '../helpers/png.js';

const BAD = 'tests/fixtures/bad';
const GOOD = `${BAD}/good.yaml`;
const SAMPLE = 'briefs/2025-01-shanghai-quarterly.yaml';
const REPORT = 'tests/fixtures/draft/shanghai-2025-01.txt';
const tmp = () => mkdtempSync(join(tmpdir(), 'briefdeck-bad-'));
const THEMES = '(available: default, government-red, high-contrast)';

interface Answer {
  code: number;
  out: string;
  err: string;
  ms: number;
}

/** Run the CLI; an exception escaping `run` (a bug) is returned as its stack, so the checks show it. */
async function cli(...argv: string[]): Promise<Answer> {
  const io = bufferIO();
  const t0 = performance.now();
  let code: number;
  try {
    code = await run(argv, io);
  } catch (e) {
    code = -1;
    io.err(`uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n'), ms: performance.now() - t0 };
}

/** Every file under a folder, recursively (a deck or a leftover temporary file). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

/** The checks every refused input must pass; `lines` are the expected stderr lines, exactly. */
function expectRefused(r: Answer, lines: Array<string | RegExp>, out?: string): void {
  const all = `${r.out}\n${r.err}`;
  expect(all, 'no stack trace').not.toMatch(/\n\s+at /);
  expect(all).not.toContain('uncaught:');
  expect(r.code, r.err).toBe(1);
  expect(r.out, 'nothing on stdout').toBe('');
  const got = r.err.split('\n');
  expect(got.length, r.err).toBe(lines.length);
  lines.forEach((want, i) => {
    if (typeof want === 'string') expect(got[i]).toBe(want);
    else expect(got[i]).toMatch(want);
  });
  if (out !== undefined) expect(filesUnder(out), 'no deck written').toEqual([]);
  expect(r.ms, 'answered within 5 s').toBeLessThan(5000);
}

/** Build into a fresh --out folder and validate: both must refuse with the same messages. */
async function expectBriefRefused(file: string, lines: Array<string | RegExp>, extra: string[] = []): Promise<void> {
  const out = join(tmp(), 'out');
  expectRefused(await cli('build', file, '--out', out, ...extra), lines, out);
  expectRefused(await cli('validate', file, ...extra), lines);
}

const err = (file: string, rest: string) => `error: ${file}:${rest}`;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('bad briefs: YAML the parser refuses', () => {
  it('YAML syntax error: an unclosed [ flow list', async () => {
    const f = `${BAD}/syntax-unclosed-flow.yaml`;
    await expectBriefRefused(f, [
      err(f, '7:5: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]'),
    ]);
  });

  it('YAML syntax error: a "key: value: more" line', async () => {
    const f = `${BAD}/syntax-compact-mapping.yaml`;
    await expectBriefRefused(f, [err(f, '2:10: YAML syntax: Nested mappings are not allowed in compact mappings')]);
  });

  it('YAML syntax error: an unclosed quote is reported where the quote opens, not at the end of the file', async () => {
    // The file has 6 lines; the quote opens at 2:10 and swallows the rest of the file.
    const f = `${BAD}/syntax-unclosed-quote.yaml`;
    await expectBriefRefused(f, [err(f, '2:10: this quoted text is never closed: add the closing "')]);
  });

  it('tab indentation', async () => {
    const f = `${BAD}/tab-indent.yaml`;
    await expectBriefRefused(f, [
      err(f, '3:1: a tab used for indentation: YAML needs spaces; replace the tab with two spaces'),
    ]);
  });

  it('a duplicate key', async () => {
    const f = `${BAD}/duplicate-key.yaml`;
    await expectBriefRefused(f, [err(f, '7:5: this key appears twice in the same mapping; keep one')]);
  });

  it('two YAML documents in one file, in words a secretary understands (not the yaml library\'s "use parseAllDocuments()")', async () => {
    const f = `${BAD}/multiple-documents.yaml`;
    await expectBriefRefused(f, [
      err(
        f,
        '6:1: this file holds more than one YAML document (a line of ---); a brief is one document: remove the --- line or split the file',
      ),
    ]);
  });

  it('a YAML alias bomb ("billion laughs") is refused at once, not expanded', async () => {
    const f = `${BAD}/alias-bomb.yaml`;
    await expectBriefRefused(f, [
      err(
        f,
        '1:1: too many YAML aliases (Excessive alias count indicates a resource exhaustion attack); write the text out instead',
      ),
    ]);
  });

  it('30,000 aliases of one anchor: refused at the first over the limit, at once (made at test time)', async () => {
    // Each alias was resolved by walking the document again: 30,000 took 100 s.
    const dir = tmp();
    const f = join(dir, 'aliases.yaml');
    writeFileSync(f, readFileSync(GOOD, 'utf8') + 'x: &a v\ny:\n' + '  - *a\n'.repeat(30_000));
    await expectBriefRefused(f, [err(f, '10009:5: more than 10,000 YAML aliases (*name); write the text out instead')]);
  });

  it('20,000 aliases of as many anchors: refused, not resolved one by one (made at test time)', async () => {
    const dir = tmp();
    const f = join(dir, 'anchors.yaml');
    const n = 20_000;
    const anchors = Array.from({ length: n }, (_, i) => `  - &a${i} v\n`).join('');
    const aliases = Array.from({ length: n }, (_, i) => `  - *a${i}\n`).join('');
    writeFileSync(f, `${readFileSync(GOOD, 'utf8')}x:\n${anchors}y:\n${aliases}`);
    await expectBriefRefused(f, [
      err(f, `${9 + n + 10_000}:5: more than 10,000 YAML aliases (*name); write the text out instead`),
    ]);
  });

  it('an alias with no anchor is named as such, where it is (not as "too many aliases" at 1:1)', async () => {
    const f = `${BAD}/unknown-alias.yaml`;
    await expectBriefRefused(f, [
      err(f, '2:10: *会议名称 names no anchor: define &会议名称 before it, or write the text out'),
    ]);
  });

  it('custom tag !!js/function', async () => {
    const f = `${BAD}/custom-tag-js-function.yaml`;
    await expectBriefRefused(f, [err(f, '2:10: unknown tag !!js/function; tags are not allowed, write plain text')]);
  });

  it('custom tag !include', async () => {
    const f = `${BAD}/custom-tag-include.yaml`;
    await expectBriefRefused(f, [err(f, '4:8: unknown tag !include; tags are not allowed, write plain text')]);
  });

  it('a YAML 1.1 type tag (!!binary) is refused as a tag, not described as "a mapping"', async () => {
    // !!binary resolves to bytes, which the schema then calls "a mapping": name the tag instead.
    const f = `${BAD}/custom-tag-binary.yaml`;
    const out = join(tmp(), 'out');
    for (const r of [await cli('build', f, '--out', out), await cli('validate', f)]) {
      expectRefused(r, [new RegExp(`^${esc(err(f, '2:'))}\\d+: .*!!binary`)], out);
      expect(r.err).not.toContain('a mapping');
    }
  });

  it('nesting deep enough to exhaust the parser: a positioned message, not a crash', async () => {
    const dir = tmp();
    const f = join(dir, 'deep.yaml');
    writeFileSync(f, readFileSync(GOOD, 'utf8') + 'x: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n');
    // One problem, one message (not one per stack overflow the parser ran into), in words; the
    // column is where the parser's stack ran out, which depends on the machine.
    await expectBriefRefused(f, [
      new RegExp(
        `^${esc(err(f, '7:'))}\\d+: the file nests lists or mappings far too deeply; a brief needs four or five levels$`,
      ),
    ]);
  });
});

describe('bad briefs: not a brief at all', () => {
  it('an empty file', async () => {
    const f = `${BAD}/empty.yaml`;
    await expectBriefRefused(f, [err(f, '1:1: the brief is empty; it needs at least meeting and units')]);
  });

  it('a file of comments only', async () => {
    const f = `${BAD}/comments-only.yaml`;
    await expectBriefRefused(f, [err(f, '1:1: the brief is empty; it needs at least meeting and units')]);
  });

  it('a top-level list', async () => {
    const f = `${BAD}/top-level-list.yaml`;
    await expectBriefRefused(f, [err(f, '1:1: a brief is a mapping with meeting and units at the top, not a list')]);
  });

  it('a top-level scalar', async () => {
    const f = `${BAD}/top-level-scalar.yaml`;
    await expectBriefRefused(f, [
      err(f, '1:1: a brief is a mapping with meeting and units at the top, not a single value'),
    ]);
  });

  it('invalid UTF-8 (a file saved as GBK), at the first bad byte', async () => {
    const f = `${BAD}/invalid-utf8.yaml`;
    await expectBriefRefused(f, [err(f, '2:10: invalid UTF-8: save the file as UTF-8 text')]);
  });

  it('binary data (a PNG named .yaml)', async () => {
    const f = `${BAD}/binary.yaml`;
    await expectBriefRefused(f, [err(f, '3:1: this is binary data, not a text file')]);
  });

  it('a brief saved as UTF-16 ("Unicode" in Windows Notepad) is named as UTF-16 text, not binary data', async () => {
    const f = `${BAD}/utf16.yaml`;
    await expectBriefRefused(f, [
      `error: ${f}: this file is saved as UTF-16 text; save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)`,
    ]);
  });

  it('a file over the 5 MB limit, naming the limit (made at test time)', async () => {
    const dir = tmp();
    const f = join(dir, 'huge.yaml');
    writeFileSync(f, readFileSync(GOOD, 'utf8') + '# ' + 'x'.repeat(6 * 1024 * 1024) + '\n');
    await expectBriefRefused(f, [`error: ${f}: is 6.0 MB; the limit for a brief is 5 MB (5,242,880 bytes)`]);
  });

  it('a file just over the limit does not claim to be "5.0 MB" against a 5 MB limit', async () => {
    const dir = tmp();
    const f = join(dir, 'just-over.yaml');
    writeFileSync(f, Buffer.alloc(5 * 1024 * 1024 + 1, '#'));
    await expectBriefRefused(f, [`error: ${f}: is 5,242,881 bytes; the limit for a brief is 5 MB (5,242,880 bytes)`]);
  });
});

describe('inputs that never end: devices, named pipes (made at test time)', () => {
  const fifo = (path: string) => execFileSync('mkfifo', [path]);
  const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

  it.skipIf(!existsSync('/dev/zero'))('a device given as a brief (/dev/zero): refused without reading it', async () => {
    await expectBriefRefused('/dev/zero', ['error: /dev/zero: is a device, not a file; a brief is read from a file']);
  });

  it.skipIf(!existsSync('/dev/urandom'))('a brief and a theme that are links to /dev/urandom', async () => {
    const dir = tmp();
    const brief = join(dir, 'brief.yaml');
    symlinkSync('/dev/urandom', brief);
    await expectBriefRefused(brief, [`error: ${brief}: is a device, not a file; a brief is read from a file`]);
    const withTheme = join(dir, 'themed.yaml');
    writeFileSync(withTheme, `theme: ./theme.yaml\n${readFileSync(GOOD, 'utf8')}`);
    symlinkSync('/dev/urandom', join(dir, 'theme.yaml'));
    // Named by the brief, the link leads out of its folder; allowed out, or given as --theme, it is a device.
    await expectBriefRefused(withTheme, [
      err(
        withTheme,
        "1:8: theme: theme ./theme.yaml is a link to /dev/urandom, outside the brief's folder; move it next to the brief, or pass --allow-outside-files",
      ),
    ]);
    const line = `error: ${join(dir, 'theme.yaml')}: is a device, not a file; a theme is read from a file`;
    await expectBriefRefused(withTheme, [line], ['--allow-outside-files']);
    await expectBriefRefused(GOOD, [line], ['--theme', join(dir, 'theme.yaml')]);
  });

  it.skipIf(!hasMkfifo)('a brief and a theme that are named pipes nobody writes: refused, not waited for', async () => {
    const dir = tmp();
    const brief = join(dir, 'brief.yaml');
    fifo(brief);
    await expectBriefRefused(brief, [
      `error: ${brief}: is a named pipe (FIFO), not a file; a brief is read from a file`,
    ]);
    fifo(join(dir, 'theme.yaml'));
    await expectBriefRefused(
      GOOD,
      [`error: ${join(dir, 'theme.yaml')}: is a named pipe (FIFO), not a file; a theme is read from a file`],
      ['--theme', join(dir, 'theme.yaml')],
    );
  });

  it.skipIf(!existsSync('/dev/zero'))('a device given as a report to draft', async () => {
    expectRefused(await cli('draft', '/dev/zero'), [
      'error: /dev/zero: is a device, not a file; a report is read from a file (or from standard input with -)',
    ]);
  });
});

describe('bad briefs: valid YAML, wrong brief', () => {
  it('wrong types at the top level', async () => {
    const f = `${BAD}/wrong-type-top.yaml`;
    await expectBriefRefused(f, [
      err(f, '1:7: lang: expected zh-CN or en'),
      // A YAML user writes "mappings", not JavaScript "objects" ("Invalid input: expected object, received string").
      err(f, '2:10: meeting: expected a mapping (title: …, date: …), got text "市委季度工作会议"'),
      err(f, '3:8: units: expected a list of units, got text "浦东新区区委"'),
      err(f, '4:13: directives: expected a list of leaders\' directives, got text "龚正"'),
    ]);
  });

  it('wrong types in the meeting', async () => {
    const f = `${BAD}/wrong-type-meeting.yaml`;
    await expectBriefRefused(f, [
      err(f, '2:10: meeting.title: expected a title, got number 2025 (put it in quotes to keep it as written)'),
      err(f, '4:10: meeting.chair: expected a mapping (name: …, role: …), got text "陈吉宁"'),
      err(f, '5:14: meeting.attendees: expected a list of names, got text "李仰哲"'),
    ]);
  });

  it('wrong types in a unit', async () => {
    const f = `${BAD}/wrong-type-unit.yaml`;
    await expectBriefRefused(f, [
      err(f, '5:11: units[0].name: expected a unit name, got a list'),
      err(f, '6:19: units[0].achievements: expected a list of achievements, got text "新建街区党组织202个"'),
      err(
        f,
        '9:9: units[0].shortcomings[1]: expected a shortcoming, got boolean true (put it in quotes to keep it as written)',
      ),
      err(f, '10:5: units[1]: expected a mapping (name: …, achievements: […]), got text "金山区委"'),
    ]);
  });

  it('wrong types in a unit directive', async () => {
    const f = `${BAD}/wrong-type-directive.yaml`;
    await expectBriefRefused(f, [
      err(
        f,
        '7:9: units[0].directives[0]: expected a directive or a mapping { text, by }, got number 5 (put it in quotes to keep it as written)',
      ),
      err(f, '8:9: units[0].directives[1]: expected a directive or a mapping { text, by }, got a list'),
      err(f, '9:31: units[0].directives[2].by: expected a name, got number 7 (put it in quotes to keep it as written)'),
    ]);
  });

  it("wrong types in a leader's directives", async () => {
    const f = `${BAD}/wrong-type-leader.yaml`;
    await expectBriefRefused(f, [
      err(f, '8:13: directives[0].points: expected a list of points, got text "着力扩大内需"'),
      err(f, '9:5: directives[1]: expected a mapping (speaker: …, points: […]), got text "陈吉宁"'),
    ]);
  });

  it('misspelt keys at every level, each with a suggestion', async () => {
    const f = `${BAD}/misspelt-keys.yaml`;
    await expectBriefRefused(f, [
      err(f, '1:1: lnag: unknown key "lnag"; did you mean "lang"?'),
      err(f, '5:3: meeting.attendes: unknown key "attendes"; did you mean "attendees"?'),
      err(f, '8:5: units[0].shortcommings: unknown key "shortcommings"; did you mean "shortcomings"?'),
      err(f, '10:25: units[0].directives[0].bye: unknown key "bye"; did you mean "by"?'),
      err(f, '12:5: directives[0].points: missing required key "points"'),
      err(f, '13:5: directives[0].point: unknown key "point"; did you mean "points"?'),
    ]);
  });

  it('an empty units list', async () => {
    const f = `${BAD}/empty-units.yaml`;
    await expectBriefRefused(f, [err(f, '4:8: units: a brief needs at least one unit')]);
  });

  it('a date that does not exist (29 February 2025)', async () => {
    const f = `${BAD}/date-not-exist.yaml`;
    await expectBriefRefused(f, [err(f, '3:9: meeting.date: this date does not exist')]);
  });
});

describe('briefs far bigger than any meeting (made at test time)', () => {
  const HEAD = 'meeting:\n  title: 市委季度工作会议\n  date: 2025-01\nunits:\n';
  const write = (name: string, text: string) => {
    const f = join(tmp(), name);
    writeFileSync(f, text);
    return f;
  };

  it('more than 10,000 units: refused before any work, at the list', async () => {
    const f = write('units.yaml', HEAD + '  - name: 区委\n'.repeat(10_001));
    await expectBriefRefused(f, [err(f, '5:3: units: more than 10,000 units; split the brief into several')]);
  });

  it('more than 1,000 items in one list, at the list', async () => {
    const f = write(
      'items.yaml',
      `${HEAD}  - name: 区委\n    achievements: [${Array(1001).fill('成绩').join(', ')}]\n`,
    );
    await expectBriefRefused(f, [
      err(
        f,
        '6:19: units[0].achievements: more than 1,000 achievements in one list; a brief is an outline: keep the main points, put the rest in notes',
      ),
    ]);
  });

  it('more than 100,000 items in all: refused at the first one past the limit', async () => {
    // 101 units of 1,000 one-character items: 101 × 67 continuation slides, 10 s of layout, before.
    const unit = `  - name: 区委\n    shortcomings: [${Array(1000).fill('无').join(', ')}]\n`;
    const f = write('all.yaml', HEAD + unit.repeat(101));
    await expectBriefRefused(f, [
      err(f, '206:20: units[100].shortcomings[0]: more than 100,000 items in all; split the brief into several'),
    ]);
  });

  it('millions of tiny items (4 MB): refused before the YAML parser spends seconds and gigabytes on them', async () => {
    const message =
      'the file has more than 300,000 lines and list items, far more than a brief or theme holds (at most 100,000 items in all): is it the right file?';
    const flow = write(
      'flow.yaml',
      `${HEAD}  - name: 区委
    achievements: [${Array(2_000_000).fill('a').join(',')}]
`,
    );
    const block = write(
      'block.yaml',
      `${HEAD}  - name: 区委
    achievements:
${'      - a\n'.repeat(500_000)}`,
    );
    const started = Date.now();
    await expectBriefRefused(flow, [err(flow, `6:600009: ${message}`)]);
    await expectBriefRefused(block, [err(block, `300001:10: ${message}`)]);
    expect(Date.now() - started).toBeLessThan(20_000); // 4 runs; 19 s each before
  });
});

describe('bad themes', () => {
  it('an unknown theme named by the brief, with a suggestion', async () => {
    const f = `${BAD}/unknown-theme.yaml`;
    await expectBriefRefused(f, [
      err(f, `2:8: theme: unknown theme "goverment-red"; did you mean "government-red"? ${THEMES}`),
    ]);
  });

  it('an unknown --theme, with a suggestion', async () => {
    await expectBriefRefused(
      GOOD,
      [`error: unknown theme "goverment-red"; did you mean "government-red"? ${THEMES}`],
      ['--theme', 'goverment-red'],
    );
  });

  it('an unknown --theme is one problem, reported once however many briefs there are', async () => {
    const out = join(tmp(), 'out');
    const line = `error: unknown theme "goverment-red"; did you mean "government-red"? ${THEMES}`;
    expectRefused(await cli('build', GOOD, SAMPLE, '--theme', 'goverment-red', '--out', out), [line], out);
    expectRefused(await cli('validate', GOOD, SAMPLE, '--theme', 'goverment-red'), [line]);
  });

  it('a --theme path that does not exist', async () => {
    await expectBriefRefused(
      GOOD,
      [`error: no theme file at ${resolve(BAD, 'themes/nope.yaml')}`],
      ['--theme', `${BAD}/themes/nope.yaml`],
    );
  });

  it('a theme whose image is missing (from the brief, and as --theme)', async () => {
    const line = `error: ${resolve(BAD, 'themes/missing-image.yaml')}:3:9: images.logo: image logo.png: no such file`;
    await expectBriefRefused(`${BAD}/theme-missing-image.yaml`, [line]);
    await expectBriefRefused(GOOD, [line], ['--theme', `${BAD}/themes/missing-image.yaml`]);
  });

  it('a theme extends cycle, naming the chain', async () => {
    const chain = `${BAD}/themes/cycle-a.yaml → ${BAD}/themes/cycle-b.yaml → ${BAD}/themes/cycle-a.yaml`;
    const line = `error: ${resolve(BAD, 'themes/cycle-b.yaml')}:2:10: extends: extends makes a cycle: ${chain}`;
    await expectBriefRefused(`${BAD}/theme-cycle.yaml`, [line]);
    await expectBriefRefused(GOOD, [line], ['--theme', `${BAD}/themes/cycle-a.yaml`]);
  });

  it('a theme template that does not compile, at its line', async () => {
    const line = `error: ${resolve(BAD, 'themes/bad-template.yaml')}:3:11: templates.footer: the template does not compile: ...{date meeting.date}} -----------------------^ Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'`;
    await expectBriefRefused(`${BAD}/theme-bad-template.yaml`, [line]);
  });

  it('theme templates that compile but could not run on a slide: partials, decorators, log, helpers misused', async () => {
    const theme = resolve(BAD, 'themes/template-cannot-run.yaml');
    await expectBriefRefused(`${BAD}/theme-template-cannot-run.yaml`, [
      err(
        theme,
        '3:11: templates.footer: a theme template cannot include another template ({{> …}}): write its text out (column 19 of the template)',
      ),
      err(
        theme,
        '4:14: templates.unitTitle: {{#with}} needs exactly one value, e.g. {{#with meeting.subtitle}}…{{/with}} (column 13 of the template)',
      ),
      err(
        theme,
        '5:16: templates.leaderTitle: {{log}} writes to the terminal, not to the slide: remove it (column 19 of the template)',
      ),
      err(
        theme,
        '6:16: templates.slideNumber: {{lookup}} needs an object and a key, e.g. {{lookup labels "chair"}} (column 1 of the template)',
      ),
      err(
        theme,
        '9:12: labels.zh-CN.chair: a theme template cannot use decorators ({{* …}}) (column 1 of the template)',
      ),
    ]);
  });
});

describe('bad pictures', () => {
  const theme = (name: string) => resolve(BAD, 'themes', name);

  it('a picture over the 20 MB limit is refused from its size alone: a 3 GiB sparse PNG is never read', async () => {
    const dir = tmp();
    const png = join(dir, 'huge.png');
    writeFileSync(png, readFileSync('tests/fixtures/themes/team/logo.png'));
    truncateSync(png, 3 * 1024 ** 3); // sparse: no disk space, and a read of it would take seconds
    const t = join(dir, 'huge.yaml');
    writeFileSync(t, 'extends: default\nimages:\n  logo: huge.png\n');
    await expectBriefRefused(
      GOOD,
      [`error: ${t}:3:9: images.logo: image huge.png: is 3.0 GB; the limit for a picture is 20 MB (20,971,520 bytes)`],
      ['--theme', t],
    );
  });

  it('PNG and JPEG files cut short or full of garbage after their first bytes', async () => {
    const t = theme('damaged-pictures.yaml');
    await expectBriefRefused(
      GOOD,
      [
        `error: ${t}:3:9: images.logo: image cut.png: is not a whole PNG image: the file is cut short`,
        `error: ${t}:4:15: images.background: image cut.jpg: is not a whole JPEG image: the file is cut short`,
        `error: ${t}:5:20: images.coverBackground: image garbage.jpg: is a damaged JPEG image: it holds bytes that are not part of a JPEG image`,
      ],
      ['--theme', t],
    );
  });
});

describe('bad SVG pictures', () => {
  const theme = (name: string) => resolve(BAD, 'themes', name);
  const refused = (t: string, key: string, at: string, lines: string[]) =>
    lines.map((l, i) => `error: ${t}:${at.split(' ')[i]}: images.${key.split(' ')[i]}: ${l}`);
  const OUTSIDE = (element: string, line: number) =>
    `<${element}> refers to tests/fixtures/bad/themes/red.png, outside the SVG: a picture inside an SVG must be embedded in it as a data: URI (line ${line})`;

  /** Red pixels in the pictures of every deck in a folder: red.png, outside the SVGs, is all red. */
  async function redPixels(dir: string): Promise<number> {
    let red = 0;
    for (const f of filesUnder(dir).filter((f) => f.endsWith('.pptx'))) {
      const zip = await JSZip.loadAsync(readFileSync(join(dir, f)));
      for (const name of Object.keys(zip.files).filter((n) => /^ppt\/media\/.*\.png$/.test(n)))
        red += countPixels(pngPixels(await zip.file(name)!.async('uint8array')), [255, 0, 0]);
    }
    return red;
  }

  it('an SVG that draws a picture from a file: refused, and nothing of the file reaches a deck', async () => {
    const t = theme('svg-outside.yaml');
    const out = join(tmp(), 'out');
    const built = await cli('build', GOOD, '--theme', t, '--out', out);
    expect(await redPixels(out), 'red pixels from the outside file in the deck').toBe(0);
    const lines = [`error: ${t}:3:9: images.logo: image outside.svg: ${OUTSIDE('image', 3)}`];
    expectRefused(built, lines, out);
    expectRefused(await cli('validate', GOOD, '--theme', t), lines);
  });

  it('the same, hidden: an xlink:href with a character reference, an feImage, an SVG inside a data: URI', async () => {
    const t = theme('svg-hidden-outside.yaml');
    const out = join(tmp(), 'out');
    const built = await cli('build', GOOD, '--theme', t, '--out', out);
    expect(await redPixels(out), 'red pixels from the outside file in the deck').toBe(0);
    const lines = refused(t, 'logo background coverBackground', '3:9 4:15 5:20', [
      `image xlink.svg: ${OUTSIDE('image', 2)}`,
      `image feimage.svg: ${OUTSIDE('feImage', 3)}`,
      `image nested.svg: <image> holds an SVG that is refused: ${OUTSIDE('image', 2).replace(' (line 2)', '')} (line 2)`,
    ]);
    expectRefused(built, lines, out);
    expectRefused(await cli('validate', GOOD, '--theme', t), lines);
  });

  it('a broken SVG, one with a DOCTYPE and entities, an HTML page named .svg', async () => {
    const t = theme('svg-broken.yaml');
    await expectBriefRefused(
      GOOD,
      refused(t, 'logo background coverBackground', '3:9 4:15 5:20', [
        'image broken.svg: is not well-formed XML: the <circle> tag is never closed: the file is cut short (line 2)',
        'image doctype.svg: has a DOCTYPE: an SVG with a document type (DTD) or entities is refused; save it as plain SVG (Inkscape: Save As, Plain SVG) (line 2)',
        'image page.svg: is HTML, not an SVG image',
      ]),
      ['--theme', t],
    );
  });

  it('an SVG of no size, one too tall to draw (resvg would abort the process), one too wide', async () => {
    const t = theme('svg-sizes.yaml');
    await expectBriefRefused(
      GOOD,
      refused(t, 'logo background coverBackground', '3:9 4:15 5:20', [
        'image zero.svg: has no size: give its <svg> a width and a height (or a viewBox) greater than 0',
        'image tall.svg: is 1 × 1,000,000: too tall for a picture — its height may be at most 8 times its width',
        'image wide.svg: is 1,000,000 × 1: too wide for a picture — its width may be at most 1,000 times its height',
      ]),
      ['--theme', t],
    );
  });

  it('an SVG that makes resvg abort as it draws (a pattern tile far bigger than the picture): refused, and the process goes on', async () => {
    const t = theme('svg-pattern.yaml');
    await expectBriefRefused(
      GOOD,
      [
        new RegExp(
          `^${esc(`error: ${t}:3:9: images.logo: image pattern.svg: cannot be drawn: resvg stopped (`)}(SIGABRT|exit code \\d+)\\); something in it, such as a pattern, filter or mask far bigger than the picture, needs more memory than there is$`,
        ),
      ],
      ['--theme', t],
    );
  });
});

describe('files outside a brief or theme folder, by name or through a symbolic link', () => {
  const TEAM = 'tests/fixtures/themes/team';
  // The links are made at test time (a committed link would be a link on every checkout):
  // root/elsewhere/ holds a picture and themes; root/briefs/ the brief, its themes/ folder the theme.
  function folders() {
    const root = realpathSync(tmp());
    const elsewhere = join(root, 'elsewhere');
    const briefs = join(root, 'briefs');
    const themes = join(briefs, 'themes');
    mkdirSync(elsewhere);
    mkdirSync(themes, { recursive: true });
    copyFileSync(`${TEAM}/logo.png`, join(elsewhere, 'scan.png'));
    writeFileSync(join(elsewhere, 'base.yaml'), 'colors: { primary: "#000000" }\n');
    writeFileSync(join(elsewhere, 'theme.yaml'), 'extends: default\n');
    const brief = (theme: string) => {
      const f = join(briefs, 'brief.yaml');
      writeFileSync(f, `theme: ${theme}\n` + readFileSync(GOOD, 'utf8'));
      return f;
    };
    return { elsewhere, briefs, themes, brief };
  }
  const logoTheme = (themes: string, logo: string) => {
    writeFileSync(join(themes, 't.yaml'), `extends: default\nimages:\n  logo: ${logo}\n`);
    return join(themes, 't.yaml');
  };
  const allowed = async (f: string) => {
    const r = await cli('build', f, '--out', join(tmp(), 'out'), '--allow-outside-files');
    expect(r.code, r.err).toBe(0);
  };

  it("a theme's picture that is a link to a file outside", async () => {
    const { elsewhere, themes, brief } = folders();
    symlinkSync(join(elsewhere, 'scan.png'), join(themes, 'logo.png'));
    const t = logoTheme(themes, 'logo.png');
    const f = brief('./themes/t.yaml');
    await expectBriefRefused(f, [
      `error: ${t}:3:9: images.logo: logo.png is a link to ${elsewhere}/scan.png, outside this theme's folder; keep images beside the theme (or pass --allow-outside-files)`,
    ]);
    await allowed(f);
  });

  it("a theme's picture in a folder that is a link to a folder outside", async () => {
    const { elsewhere, themes, brief } = folders();
    symlinkSync(elsewhere, join(themes, 'pictures'));
    const t = logoTheme(themes, 'pictures/scan.png');
    const f = brief('./themes/t.yaml');
    await expectBriefRefused(f, [
      `error: ${t}:3:9: images.logo: pictures/scan.png is a link to ${elsewhere}/scan.png, outside this theme's folder; keep images beside the theme (or pass --allow-outside-files)`,
    ]);
    await allowed(f);
  });

  it("a brief's theme that is a link to a theme outside", async () => {
    const { elsewhere, briefs, brief } = folders();
    symlinkSync(join(elsewhere, 'theme.yaml'), join(briefs, 'linked.yaml'));
    const f = brief('./linked.yaml');
    await expectBriefRefused(f, [
      err(
        f,
        `1:8: theme: theme ./linked.yaml is a link to ${elsewhere}/theme.yaml, outside the brief's folder; move it next to the brief, or pass --allow-outside-files`,
      ),
    ]);
    await allowed(f);
  });

  it("a theme's extends that is a link to a theme outside", async () => {
    const { elsewhere, themes, brief } = folders();
    symlinkSync(join(elsewhere, 'base.yaml'), join(themes, 'base.yaml'));
    writeFileSync(join(themes, 't.yaml'), 'extends: ./base.yaml\n');
    const f = brief('./themes/t.yaml');
    await expectBriefRefused(f, [
      `error: ${join(themes, 't.yaml')}:1:10: extends: ./base.yaml is a link to ${elsewhere}/base.yaml, outside this theme's folder; themes may only extend files beside them (or pass --allow-outside-files)`,
    ]);
    await allowed(f);
  });

  it('a --theme whose picture leads outside is one problem, said once, for build and validate alike', async () => {
    const { elsewhere, themes } = folders();
    symlinkSync(join(elsewhere, 'scan.png'), join(themes, 'logo.png'));
    const t = logoTheme(themes, 'logo.png');
    const line = `error: ${t}:3:9: images.logo: logo.png is a link to ${elsewhere}/scan.png, outside this theme's folder; keep images beside the theme (or pass --allow-outside-files)`;
    const out = join(tmp(), 'out');
    expectRefused(await cli('build', GOOD, SAMPLE, '--theme', t, '--out', out), [line], out);
    expectRefused(await cli('validate', GOOD, SAMPLE, '--theme', t), [line]);
  });

  it('links that stay inside, and names that merely begin with "..", are inside', async () => {
    const { themes, brief } = folders();
    mkdirSync(join(themes, 'real'));
    copyFileSync(`${TEAM}/logo.png`, join(themes, 'real', 'logo.png'));
    symlinkSync(join(themes, 'real', 'logo.png'), join(themes, 'logo.png'));
    copyFileSync(`${TEAM}/background.jpg`, join(themes, '..background.jpg'));
    writeFileSync(join(themes, 't.yaml'), 'images:\n  logo: logo.png\n  background: ..background.jpg\n');
    const f = brief('./themes/t.yaml');
    const r = await cli('build', f, '--out', join(tmp(), 'out'));
    expect(r.code, r.err).toBe(0);
    expect((await cli('validate', f)).code).toBe(0);
  });
});

describe('one brief that fails, for whatever reason, fails alone', () => {
  it('a brief whose theme has a bad SVG, or a template that would fail as the deck is made: its line, the others built', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'themes'));
    for (const f of ['template-fails.yaml', 'svg-tall.yaml', 'tall.svg'])
      copyFileSync(join(BAD, 'themes', f), join(dir, 'themes', f));
    const good = readFileSync(GOOD, 'utf8');
    for (const name of ['a', 'c', 'e']) writeFileSync(join(dir, `${name}.yaml`), good);
    writeFileSync(join(dir, 'b.yaml'), 'theme: ./themes/template-fails.yaml\n' + good);
    writeFileSync(join(dir, 'd.yaml'), 'theme: ./themes/svg-tall.yaml\n' + good);
    const out = join(dir, 'out');
    const r = await cli('build', dir, '--out', out);
    expect(r.err).not.toContain('uncaught:');
    expect(r.code, r.err).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['a.pptx', 'c.pptx', 'e.pptx']);
    expect(r.out).toMatch(/^3 decks built, 2 failed in /m);
    const errors = r.err.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual([
      `error: ${join(dir, 'themes', 'template-fails.yaml')}:4:11: templates.footer: {{#if}} needs exactly one value, e.g. {{#if meeting.subtitle}}…{{/if}} (column 16 of the template)`,
      `error: ${join(dir, 'themes', 'svg-tall.yaml')}:3:9: images.logo: image tall.svg: is 1 × 1,000,000: too tall for a picture — its height may be at most 8 times its width`,
    ]);
  });

  it("a bug in briefdeck while building one brief: that brief's line, with the stack to report", () => {
    const lines: string[] = [];
    const io = { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) } as never;
    reportDeck(io, bugResult('b.yaml', new TypeError('x is not a function')));
    expect(lines[0]).toBe(
      'error: b.yaml: could not be built because of a bug in briefdeck (please report it): x is not a function',
    );
    expect(lines[1]).toMatch(/^ {2}TypeError: x is not a function\n {6}at /);
  });
});

describe('themes that leave no room for text', () => {
  const briefWith = (dir: string, theme: string) => {
    const f = join(dir, 'brief.yaml');
    writeFileSync(f, `theme: ./theme.yaml\n${readFileSync(GOOD, 'utf8')}`);
    writeFileSync(join(dir, 'theme.yaml'), theme);
    return f;
  };

  it('sizes too big for one line under the longest title: refused at the minimum size, naming the largest that works', async () => {
    const line = `error: ${resolve(BAD, 'themes/sizes-no-room.yaml')}:2:29: sizes.minimum: at 64 pt a slide has no room for a line of text between the longest title and footer a brief may have (a 100-character unit name and meeting title); the largest minimum size that leaves room is 24 pt`;
    await expectBriefRefused(`${BAD}/theme-sizes-no-room.yaml`, [line]);
    await expectBriefRefused(GOOD, [line], ['--theme', `${BAD}/themes/sizes-no-room.yaml`]);
  });

  it('a footer that fills the slide with the longest meeting title: refused at the footer, not at the size', async () => {
    await expectBriefRefused(`${BAD}/theme-footer-no-room.yaml`, [
      `error: ${resolve(BAD, 'themes/footer-no-room.yaml')}:3:11: templates.footer: with the longest names and titles a brief may have (100 characters), this footer (18 lines) leaves no room on the slides for a line of text at 12 pt; make it shorter`,
    ]);
  });

  it('a 3,000-character footer and a 2,000-character label: refused by their length limits (made at test time)', async () => {
    const dir = tmp();
    const footer = briefWith(dir, `extends: default\ntemplates:\n  footer: "${'页脚'.repeat(1500)}"\n`);
    await expectBriefRefused(footer, [
      `error: ${join(dir, 'theme.yaml')}:3:11: templates.footer: a template is at most 200 characters: it makes a title or the footer`,
    ]);
    const label = briefWith(dir, `extends: default\nlabels:\n  zh-CN:\n    achievements: "${'成绩'.repeat(1000)}"\n`);
    await expectBriefRefused(label, [
      `error: ${join(dir, 'theme.yaml')}:4:19: labels.zh-CN.achievements: a label is at most 40 characters: it is set as a heading`,
    ]);
  });

  it('titles wider than Chinese text at their length limits: a message naming the slide, not a bug', async () => {
    // The theme leaves room under the longest Chinese titles; these letters are half again as wide.
    const f = `${BAD}/no-room-wide-title.yaml`;
    const out = join(tmp(), 'out');
    expectRefused(
      await cli('build', f, '--out', out),
      [
        `error: ${f}: directives[0]: at the theme's minimum size (24 pt) this slide's title (5 lines) and footer leave no room for a line of text; shorten the title, or use a theme with a smaller minimum size`,
      ],
      out,
    );
  });
});

describe('bad paths', () => {
  it('a missing input path', async () => {
    const f = `${BAD}/no-such-brief.yaml`;
    await expectBriefRefused(f, [`error: ${f}: no such file or folder`]);
  });

  it('a folder with no briefs', async () => {
    const d = `${BAD}/no-briefs`;
    await expectBriefRefused(d, [`error: ${d}: this folder has no briefs (*.yaml or *.yml files)`]);
  });

  it('an --out that is a file: the file is left alone, nothing written beside it', async () => {
    const dir = tmp();
    const file = join(dir, 'decks');
    writeFileSync(file, 'not a folder');
    expectRefused(await cli('build', GOOD, '--out', file), [
      `error: ${file}: the output path exists and is not a folder`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
    expect(filesUnder(dir)).toEqual(['decks']);
  });

  it('an --out under a file', async () => {
    const dir = tmp();
    const file = join(dir, 'decks');
    writeFileSync(file, 'not a folder');
    const out = join(file, 'q1');
    expectRefused(await cli('build', GOOD, '--out', out), [
      `error: ${out}: cannot use as output folder: a part of the path is a file, not a folder`,
    ]);
    expect(filesUnder(dir)).toEqual(['decks']);
  });

  it.skipIf(!existsSync('/proc/self'))('an --out folder /proc cannot have: a message, not a hang', async () => {
    const out = '/proc/briefdeck-no-such/decks';
    const line = `error: ${out}: cannot create the output folder: this file system does not take new folders here`;
    expectRefused(await cli('build', GOOD, '--out', out), [line]);
    expectRefused(await cli('themes', 'preview', 'default', '--out', out), [line]);
  });

  it('a draft --out under a file: the file is named, nothing written', async () => {
    const dir = tmp();
    const file = join(dir, 'afile');
    writeFileSync(file, 'not a folder');
    for (const out of [join(file, 'x.yaml'), join(file, 'a', 'b', 'x.yaml')])
      expectRefused(await cli('draft', REPORT, '--out', out), [
        `error: ${out}: cannot write the draft: ${file} is a file, not a folder`,
      ]);
    expect(filesUnder(dir)).toEqual(['afile']);
  });

  // /proc refuses a new folder with "no such file", which Node's recursive mkdir retried forever.
  it.skipIf(!existsSync('/proc/self'))(
    'a draft --out in a folder /proc cannot have: a message, not a hang',
    async () => {
      expectRefused(await cli('draft', REPORT, '--out', '/proc/briefdeck-no-such/x.yaml'), [
        'error: /proc/briefdeck-no-such/x.yaml: cannot create the folder /proc/briefdeck-no-such: this file system does not take new folders here',
      ]);
    },
  );

  // As root, a read-only folder can still be written: this check needs an ordinary user.
  it.skipIf(process.getuid?.() === 0)('an --out folder that cannot be written', async () => {
    const dir = tmp();
    const out = join(dir, 'ro');
    mkdirSync(out);
    chmodSync(out, 0o555);
    try {
      expectRefused(
        await cli('build', GOOD, '--out', out),
        [
          `error: ${join(out, 'good.pptx')}: cannot write the deck: permission denied (is the folder read-only, or the deck open in PowerPoint?)`,
        ],
        out,
      );
    } finally {
      chmodSync(out, 0o755);
    }
  });
});
