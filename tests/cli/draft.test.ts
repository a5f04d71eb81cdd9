import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftCommand } from '../../src/cli/draft.js';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

const SEED = 'tests/fixtures/draft/shanghai-2025-01.txt';
const tmp = () => mkdtempSync(join(tmpdir(), 'briefdeck-draft-'));

async function cli(...argv: string[]) {
  const io = bufferIO();
  const code = await run(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('briefdeck draft', () => {
  it('drafts the seed report to a file that validates and builds', async () => {
    const dir = tmp();
    const out = join(dir, 'brief.yaml');
    const r = await cli('draft', SEED, '--date', '2025-01', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^.*brief\.yaml {2}drafted; \d+ places? to check/);
    const brief = parse(readFileSync(out, 'utf8')) as { units: Array<{ name: string }> };
    expect(brief.units.map((u) => u.name)).toEqual([
      '浦东新区区委',
      '金山区委',
      '青浦区委',
      '崇明区委',
      '市公安局',
      '市司法局',
      '市应急管理局',
    ]);
    expect((await cli('validate', out)).code).toBe(0);
    const built = await cli('build', out, '--out', join(dir, 'decks'));
    expect(built.code).toBe(0);
    expect(existsSync(join(dir, 'decks', 'brief.pptx'))).toBe(true);
  });

  it('prints to stdout without --out; without a date it says so and fails, and validation refuses the placeholder', async () => {
    const r = await cli('draft', SEED);
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter((l) => l.startsWith('error:'))).toEqual([
      `error: ${SEED}: the report gives no meeting date: pass --date 2025-01-06 (or --date 2025-01), or write it in meeting.date`,
    ]);
    expect(r.out.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/brief.schema.json');
    expect(r.out).toContain('# 请核对');
    const f = join(tmp(), 'undated.yaml');
    writeFileSync(f, r.out);
    const v = await cli('validate', f);
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/meeting\.date: expected a date as YYYY-MM-DD/);
  });

  it('never overwrites a brief unless --force', async () => {
    const out = join(tmp(), 'b.yaml');
    writeFileSync(out, 'edited by hand\n');
    const r = await cli('draft', SEED, '--date', '2025-01', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('already exists; a draft never overwrites');
    expect(readFileSync(out, 'utf8')).toBe('edited by hand\n');
    expect((await cli('draft', SEED, '--date', '2025-01', '--out', out, '--force')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('浦东新区区委');
  });

  it('turns suggestions off with --no-suggest', async () => {
    const on = await cli('draft', SEED, '--date', '2025-01');
    const off = await cli('draft', SEED, '--date', '2025-01', '--no-suggest');
    expect(on.out).toContain('# 建议, 请核对');
    expect(off.out).not.toContain('# 建议, 请核对');
  });

  it('reads the report from stdin with -', async () => {
    const io = bufferIO();
    const code = await draftCommand({ report: '-', suggest: true, date: '2025-01' }, io, async function* () {
      yield readFileSync(SEED);
    });
    expect(code).toBe(0);
    expect(io.stdout.join('\n')).toContain('起草自 stdin');
  });

  it('refuses a date that does not exist, a missing report and binary input, with exit 1', async () => {
    expect((await cli('draft', SEED, '--date', '2025-02-30')).err).toBe(
      'error: --date 2025-02-30: expected a date that exists, as YYYY-MM-DD or YYYY-MM',
    );
    const missing = await cli('draft', 'nope.txt');
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('error: nope.txt: cannot read report: no such file');
    const bin = join(tmp(), 'x.txt');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0, 1]));
    expect((await cli('draft', bin)).err).toMatch(/this is binary data, not a text file/);
  });
});

describe('draft: input without end', () => {
  it('stops reading standard input at the size limit (`yes | briefdeck draft -`), and stops the stream', async () => {
    let read = 0;
    let stopped = false;
    async function* yes() {
      try {
        for (;;) {
          read += 64 * 1024;
          yield Buffer.alloc(64 * 1024, 'y\n');
        }
      } finally {
        stopped = true;
      }
    }
    const io = bufferIO();
    await expect(draftCommand({ report: '-', suggest: true }, io, yes)).rejects.toThrow(
      '<stdin>: is over 5 MB; the limit for a report is 5 MB (5,242,880 bytes)',
    );
    expect(stopped).toBe(true);
    expect(read).toBeLessThan(6 * 1024 * 1024);
  });
});

describe('draft --out into a new folder', () => {
  it("creates the folder and points the schema line at briefdeck's schema from there", async () => {
    const dir = tmp();
    const out = join(dir, 'team', 'briefs', 'q.yaml');
    const r = await cli('draft', SEED, '--date', '2025-01', '--out', out);
    expect(r.code).toBe(0);
    const first = readFileSync(out, 'utf8').split('\n')[0]!;
    const schema = first.replace('# yaml-language-server: $schema=', '');
    expect(existsSync(join(dir, 'team', 'briefs', schema))).toBe(true);
  });
});

describe('never silent: a draft that is not yet a brief', () => {
  const kept = 'every paragraph of the report is kept in the draft, as data or as a comment';

  it('with no units says so, fails, and is written all the same with every paragraph kept', async () => {
    const paragraphs = [
      '市委季度工作会议今天下午举行，部署一季度重点工作。',
      '市委书记陈吉宁主持会议并讲话。',
      '各区汇报了一季度工作进展，浦东新区新建街区党组织202个，金山区实现“居村一体化信息平台”一口办理。',
      '市领导龚正、朱忠明出席会议。',
    ];
    const report = join(tmp(), 'no-units.txt');
    writeFileSync(report, paragraphs.join('\n\n'));
    const out = join(tmp(), 'no-units.yaml');
    const r = await cli('draft', report, '--date', '2025-01-06', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter((l) => l.startsWith('error:'))).toEqual([
      `error: ${report}: found no reporting units (such as “会上，A、B先后发言”) in the report: write them in units; ${kept}`,
    ]);
    expect(r.err).not.toMatch(/\n\s+at /);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('# 请核对: 报道中未找到发言单位');
    for (const p of paragraphs)
      for (const sentence of p.split(/[。，]/).filter(Boolean)) expect(yaml, sentence).toContain(sentence);
  });

  it('with no title, no date and no units names all three, in the order of a brief', async () => {
    const report = join(tmp(), 'not-a-report.txt');
    writeFileSync(report, '今天天气很好，阳光明媚。\n\n我们去公园散步。\n');
    const r = await cli('draft', report);
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter((l) => l.startsWith('error:'))).toEqual([
      `error: ${report}: found no meeting title (such as 市委季度工作会议) in the report: write it in meeting.title; ${kept}`,
      `error: ${report}: the report gives no meeting date: pass --date 2025-01-06 (or --date 2025-01), or write it in meeting.date`,
      `error: ${report}: found no reporting units (such as “会上，A、B先后发言”) in the report: write them in units; ${kept}`,
    ]);
    expect(r.out).toContain('# 今天天气很好，阳光明媚。');
    expect(r.out).toContain('# 我们去公园散步。');
  });

  it('a complete draft exits 0 with no error', async () => {
    const r = await cli('draft', SEED, '--date', '2025-01');
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('error:');
  });
});

describe('suggested directives: data a person confirms', () => {
  async function drafted() {
    const dir = tmp();
    const out = join(dir, 'brief.yaml');
    expect((await cli('draft', SEED, '--date', '2025-01', '--out', out)).code).toBe(0);
    return { dir, out };
  }
  const warnings = (err: string) => err.split('\n').filter((l) => l.startsWith('warning:'));

  it('are marked suggested: true in the draft', async () => {
    const { out } = await drafted();
    const d = parse(readFileSync(out, 'utf8')) as { units: { directives?: { suggested?: boolean }[] }[] };
    const all = d.units.flatMap((u) => u.directives ?? []);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((x) => x.suggested === true)).toBe(true);
  });

  it('build names every one still marked, by unit and line, and puts them on the slide', async () => {
    const { dir, out } = await drafted();
    const lines = readFileSync(out, 'utf8').split('\n');
    const r = await cli('build', out, '--out', join(dir, 'decks'));
    expect(r.code).toBe(0);
    const w = warnings(r.err);
    expect(w).toHaveLength(7);
    // The first unit's block, exactly: its directives' lines in the file.
    const first = lines.findIndex((l) => l.trim() === 'directives:') + 2; // 1-based line of the first item
    const items = [first, first + 3, first + 6];
    expect(items.map((n) => lines[n - 1]!.trim().startsWith('- text:'))).toEqual([true, true, true]);
    const start = r.err.indexOf(w[0]!);
    expect(r.err.slice(start, r.err.indexOf('\nwarning:', start))).toBe(
      [
        `warning: ${out}:${first}:9: units[0].directives: 浦东新区区委: 3 suggested directives not yet confirmed (delete \`suggested: true\` to confirm, or the directive to leave it out):`,
        `  - line ${items[0]}: 各层各级要力戒官僚主义、形式主义，在改进作风中不断强化工作的…（陈吉宁）`,
        `  - line ${items[1]}: 着力培育新动能、更新旧动能，抓好高水平科技供给、产业转型升级…（龚正）`,
        `  - line ${items[2]}: 着力推进民心工程、办好民生实事，加快“两旧一村”改造，加强污…（龚正）`,
      ].join('\n'),
    );
    const { readDeck, slideText } = await import('../helpers/deck.js');
    const deck = await readDeck(readFileSync(join(dir, 'decks', 'brief.pptx')));
    expect(deck.slides.map(slideText).join('\n')).toContain('加快发展新质生产力');
    // validate says the same
    expect(warnings((await cli('validate', out)).err)).toEqual(w);
  });

  it('deleting the mark confirms a directive: the warning goes, the directive stays', async () => {
    const { dir, out } = await drafted();
    const text = readFileSync(out, 'utf8');
    // Confirm all of the first unit's suggestions (those before the second unit).
    const second = text.indexOf('\n  - name:', text.indexOf('\n  - name:') + 1);
    writeFileSync(out, text.slice(0, second).replace(/\n {8}suggested: true/g, '') + text.slice(second));
    const r = await cli('build', out, '--out', join(dir, 'decks'));
    expect(r.code).toBe(0);
    const w = warnings(r.err);
    expect(w).toHaveLength(6);
    expect(w.some((l) => l.includes('浦东新区区委'))).toBe(false);
    const d = parse(readFileSync(out, 'utf8')) as { units: { directives?: object[] }[] };
    expect(d.units[0]!.directives).toHaveLength(3);
    writeFileSync(out, text.replace(/\n {8}suggested: true/g, ''));
    expect(warnings((await cli('build', out, '--out', join(dir, 'decks'))).err)).toEqual([]);
  });

  it('suggested takes true or false; anything else is refused at its line', async () => {
    const { out } = await drafted();
    writeFileSync(out, readFileSync(out, 'utf8').replace(/^( +)suggested: true$/m, '$1suggested: yes'));
    const r = await cli('validate', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^error: .*brief\.yaml:\d+:20: units\[0\]\.directives\[0\]\.suggested: expected true or false, got text "yes" \(delete the line to confirm the directive\)$/m,
    );
  });
});
