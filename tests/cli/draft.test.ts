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

  it('prints to stdout without --out, and leaves a date placeholder that validation refuses', async () => {
    const r = await cli('draft', SEED);
    expect(r.code).toBe(0);
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
    const r = await cli('draft', SEED, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('already exists; a draft never overwrites');
    expect(readFileSync(out, 'utf8')).toBe('edited by hand\n');
    expect((await cli('draft', SEED, '--out', out, '--force')).code).toBe(0);
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
