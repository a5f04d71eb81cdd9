import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

const SAMPLE = 'briefs/2025-01-shanghai-quarterly.yaml';
const tmp = () => mkdtempSync(join(tmpdir(), 'briefdeck-cli-'));

async function cli(...argv: string[]) {
  const io = bufferIO();
  const code = await run(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const BAD = `meeting:
  titel: 会议
  date: 2025-02-30
units:
  - name: 甲
    achievments: [x]
`;

describe('briefdeck build', () => {
  it('builds the sample into --out, one line per deck with its slide count', async () => {
    const out = tmp();
    const r = await cli('build', SAMPLE, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(
      new RegExp(
        `^${join(out, '2025-01-shanghai-quarterly.pptx').replace(/[.]/g, '\\.')}  12 slides  \\d+ ms  fit: \\d+ shrunk$`,
      ),
    );
    expect(statSync(join(out, '2025-01-shanghai-quarterly.pptx')).size).toBeGreaterThan(20_000);
    expect(r.err).toBe('');
  });

  it('reports once the size all unit slides share and which units set it; per slide only what goes beyond it', async () => {
    const r = await cli('build', SAMPLE, 'tests/fixtures/stress/fifteen-achievements.yaml', '--out', tmp());
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}unit slides: body 16→1[2-5] pt, one size for all \(\d of 7, 浦东新区区委, [^)]*need 1[2-5] pt\)$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}leaders' slides: body 16→1[2-5] pt, one size for all \(陈吉宁 needs 1[2-5] pt\)$/),
    );
    // Units at the shared size have no line of their own; one that continues has.
    expect(lines.filter((l) => l.startsWith('  浦东新区区委:'))).toEqual([]);
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}东湖区委: (body 16→1[2-5] pt, )?\d continuation slides?$/),
    );
    // The unit with nothing to show is warned of, at its line.
    expect(r.err).toMatch(
      /^warning: tests\/fixtures\/stress\/fifteen-achievements\.yaml:\d+:5: units\[2\]: 北港区委 has no achievements/m,
    );
  });

  it('builds every brief of a folder, and creates --out when missing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(SAMPLE));
    writeFileSync(join(dir, 'b.yml'), readFileSync(SAMPLE));
    writeFileSync(join(dir, 'notes.txt'), 'not a brief');
    const out = join(tmp(), 'new', 'decks');
    const r = await cli('build', dir, '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['a.pptx', 'b.pptx']);
  });

  it('lists every problem of a bad brief as file:line:column, exits 1, writes no deck, no stack trace', async () => {
    const dir = tmp();
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, BAD);
    const out = join(dir, 'out');
    const r = await cli('build', f, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      `error: ${f}:2:3: meeting.title: missing required key "title"`,
      `error: ${f}:2:3: meeting.titel: unknown key "titel"; did you mean "title"?`,
      `error: ${f}:3:9: meeting.date: this date does not exist`,
      `error: ${f}:6:5: units[0].achievments: unknown key "achievments"; did you mean "achievements"?`,
    ]);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, 'bad.pptx'))).toBe(false);
  });

  it('keeps the previous deck when the brief turns bad, and builds the good briefs beside a bad one', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'a.yaml'), readFileSync(SAMPLE));
    expect((await cli('build', dir, '--out', out)).code).toBe(0);
    const before = readFileSync(join(out, 'a.pptx'));
    writeFileSync(join(dir, 'a.yaml'), BAD);
    writeFileSync(join(dir, 'b.yaml'), readFileSync(SAMPLE));
    const r = await cli('build', dir, '--out', out);
    expect(r.code).toBe(1);
    expect(readFileSync(join(out, 'a.pptx')).equals(before)).toBe(true);
    expect(existsSync(join(out, 'b.pptx'))).toBe(true);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the fit report as JSON with --json', async () => {
    const r = await cli('build', SAMPLE, '--out', tmp(), '--json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as Array<{
      slides: number;
      fit: Array<{ subject: string; fromPt: number; toPt: number }>;
    }>;
    expect(data[0]!.slides).toBe(12);
    expect(data[0]!.fit.map((f) => f.subject)).toContain('浦东新区区委');
  });

  it('says clearly when an input is missing or a folder has no briefs', async () => {
    const empty = tmp();
    const r = await cli('build', join(empty, 'nope.yaml'), empty, '--out', tmp());
    expect(r.code).toBe(1);
    expect(r.err).toContain(`error: ${join(empty, 'nope.yaml')}: no such file or folder`);
    expect(r.err).toContain(`error: ${empty}: this folder has no briefs (*.yaml or *.yml files)`);
  });

  it('refuses an --out that is a file, or that cannot be written', async () => {
    const dir = tmp();
    const file = join(dir, 'file');
    writeFileSync(file, 'x');
    let r = await cli('build', SAMPLE, '--out', file);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`error: ${file}: the output path exists and is not a folder`);
    r = await cli('build', SAMPLE, '--out', join(file, 'sub'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/a part of the path is a file, not a folder/);
    if (process.getuid?.() !== 0) {
      const ro = join(dir, 'ro');
      mkdirSync(ro);
      chmodSync(ro, 0o555);
      r = await cli('build', SAMPLE, '--out', ro);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/permission denied/);
    }
  });

  it('names an unknown theme with a suggestion', async () => {
    const r = await cli('build', SAMPLE, '--out', tmp(), '--theme', 'defualt');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown theme "defualt"; did you mean "default"\?/);
  });
});

describe('build: hard cases get an answer, not a stack trace', () => {
  it('reports a broken link in a folder of briefs and builds the others', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(SAMPLE));
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'link.yaml'));
    const r = await cli('build', dir, '--out', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`error: ${join(dir, 'link.yaml')}: cannot be read (a broken link?)`);
    expect(existsSync(join(dir, 'out', 'a.pptx'))).toBe(true);
  });

  it('refuses two briefs that would write the same deck', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.yaml'), readFileSync(SAMPLE));
    writeFileSync(join(dir, 'a.yml'), readFileSync(SAMPLE));
    const out = join(dir, 'out');
    const r = await cli('build', dir, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`error: ${join(out, 'a.pptx')}: would be written by 2 briefs`);
    expect(existsSync(join(out, 'a.pptx'))).toBe(false);
  });

  it('says what is wrong with SOURCE_DATE_EPOCH', async () => {
    const before = process.env.SOURCE_DATE_EPOCH;
    try {
      for (const bad of ['99999999999999', 'yesterday', '-5']) {
        process.env.SOURCE_DATE_EPOCH = bad;
        const r = await cli('build', SAMPLE, '--out', tmp());
        expect(r.code, bad).toBe(1);
        expect(r.err).toContain(`SOURCE_DATE_EPOCH=${bad} is not a time briefdeck can write`);
      }
      process.env.SOURCE_DATE_EPOCH = '1700000000';
      const out = tmp();
      expect((await cli('build', SAMPLE, '--out', out)).code).toBe(0);
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = before;
    }
  });
});

describe('briefdeck validate', () => {
  it('checks the theme a brief names, pointing at its theme: line', async () => {
    const f = join(tmp(), 't.yaml');
    writeFileSync(f, readFileSync(SAMPLE, 'utf8').replace('lang: zh-CN', 'lang: zh-CN\ntheme: fancy'));
    const r = await cli('validate', f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^error: ${f.replace(/[.]/g, '\\.')}:5:8: theme: unknown theme "fancy"`));
  });
  it('says ok for the sample', async () => {
    const r = await cli('validate', SAMPLE);
    expect(r).toEqual({ code: 0, out: `${SAMPLE}: ok (7 units, 2 leaders)`, err: '' });
  });
  it('exits 1 with positioned problems', async () => {
    const f = join(tmp(), 'bad.yaml');
    writeFileSync(f, BAD);
    const r = await cli('validate', f);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${f}:3:9: meeting.date: this date does not exist`);
  });
});

describe('usage', () => {
  it('prints the schema', async () => {
    const r = await cli('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).properties.units.type).toBe('array');
  });
  it('has help with examples, and a version', async () => {
    const h = await cli('--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('briefdeck build [inputs..]');
    expect(h.out).toContain('Examples:');
    const b = await cli('build', '--help');
    expect(b.out).toContain('--out');
    expect(b.out).toContain('--theme');
    const v = await cli('--version');
    expect(v.out).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
  it('exits 2 on wrong usage: no command, unknown command, unknown option', async () => {
    for (const argv of [[], ['bogus'], ['build', '--nope']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/^error: .+\nRun "briefdeck --help" for usage\.$/);
    }
  });
});
