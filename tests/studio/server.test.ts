/**
 * The studio's server over real HTTP on 127.0.0.1: who it answers (the token, Host, Origin),
 * what it reads and writes (briefs/ only, atomically, never over a brief changed on disk), and
 * the deck it gives (the bytes `briefdeck build` writes).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { findProgram } from '../../src/output/export.js';
import { startStudio, type Studio } from '../../src/studio/server.js';

const SAMPLE = '2025-01-shanghai-quarterly.yaml';
const SOFFICE = findProgram('soffice') !== undefined;
if (!SOFFICE) console.warn('\n⚠ LibreOffice (soffice) not found: the studio PDF test is SKIPPED.\n');
let folder: string;
let studio: Studio;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json: () => Record<string, unknown>;
}

/** One request, bounded by a timeout; `token: false` leaves the token out. */
function call(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; token?: boolean; raw?: string } = {},
): Promise<Answer> {
  const data = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: studio.port,
        method,
        path,
        timeout: 20_000,
        headers: {
          ...(options.token === false ? {} : { 'x-briefdeck-token': studio.token }),
          ...(data !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          const body = Buffer.concat(parts);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body.toString('utf8')) as Record<string, unknown>,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(data);
  });
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'briefdeck-studio-'));
  mkdirSync(join(folder, 'briefs'));
  copyFileSync(join('briefs', SAMPLE), join(folder, 'briefs', SAMPLE));
  writeFileSync(join(folder, 'briefs', 'broken.yaml'), 'meeting:\n  title: 坏的\n  date: 2025-02-30\nunits: []\n');
  writeFileSync(join(folder, 'secret.txt'), 'not for the studio');
  studio = await startStudio({ folder });
});

afterAll(async () => {
  await studio?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('who the studio answers', () => {
  it('listens on 127.0.0.1 and prints an address with its token', () => {
    expect(studio.url).toBe(`http://127.0.0.1:${studio.port}/?token=${studio.token}`);
    expect(studio.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    for (const path of ['/', '/app.js', '/api/briefs', `/api/brief?name=${SAMPLE}`]) {
      const r = await call('GET', path, { token: false });
      expect(r.status, path).toBe(401);
      expect(r.body.toString()).not.toContain('市委');
    }
    expect((await call('GET', '/api/briefs', { token: false, headers: { 'x-briefdeck-token': 'guess' } })).status).toBe(
      401,
    );
    const save = await call('POST', '/api/save', {
      token: false,
      body: { name: 'x.yaml', text: 'a: 1', version: null },
    });
    expect(save.status).toBe(401);
    expect(() => readFileSync(join(folder, 'briefs', 'x.yaml'))).toThrow();
  });

  it('takes the token from the address too (the page the browser opens)', async () => {
    const r = await call('GET', `/?token=${studio.token}`, { token: false });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.body.toString()).toContain(`content="${studio.token}"`);
  });

  it('refuses another Host (DNS rebinding) and another Origin (cross-site posts)', async () => {
    const host = await call('GET', '/api/briefs', { headers: { host: `evil.example:${studio.port}` } });
    expect(host.status).toBe(421);
    const origin = await call('POST', '/api/save', {
      headers: { origin: 'http://evil.example' },
      body: { name: 'x.yaml', text: 'a: 1', version: null },
    });
    expect(origin.status).toBe(403);
    const site = await call('GET', '/api/briefs', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(site.status).toBe(403);
    const own = await call('GET', '/api/briefs', {
      headers: { host: `localhost:${studio.port}`, origin: `http://localhost:${studio.port}` },
    });
    expect(own.status).toBe(200);
  });
});

describe('the folder', () => {
  it('lists the briefs with meeting, date and whether they validate', async () => {
    const r = (await call('GET', '/api/briefs')).json();
    expect(r.briefs).toEqual([
      { name: SAMPLE, meeting: '市委季度工作会议', date: '2025-01', valid: true, problems: 0 },
      { name: 'broken.yaml', meeting: '坏的', date: '2025-02-30', valid: false, problems: expect.any(Number) },
    ]);
    expect(r.themes).toEqual(expect.arrayContaining(['default', 'government-red', 'high-contrast']));
  });

  it('reads a brief, and nothing outside briefs/', async () => {
    const r = await call('GET', `/api/brief?name=${SAMPLE}`);
    expect(r.json().text).toBe(readFileSync(join('briefs', SAMPLE), 'utf8'));
    for (const name of ['../secret.txt', '..%2Fsecret.txt', '/etc/passwd', 'secret.txt', '.hidden.yaml'])
      expect((await call('GET', `/api/brief?name=${name}`)).status, name).toBe(400);
    expect((await call('GET', '/api/brief?name=none.yaml')).status).toBe(404);
  });

  it('saves atomically, and never over a brief changed on disk since it was opened', async () => {
    const { text, version } = (await call('GET', `/api/brief?name=${SAMPLE}`)).json() as {
      text: string;
      version: string;
    };
    const edited = text.replace('新建街区党组织202个', '新建街区党组织203个');
    const saved = await call('POST', '/api/save', { body: { name: SAMPLE, text: edited, version } });
    expect(saved.status).toBe(200);
    expect(readFileSync(join(folder, 'briefs', SAMPLE), 'utf8')).toBe(edited);
    // The editor still holds the old version: someone else's save in between is kept.
    writeFileSync(join(folder, 'briefs', SAMPLE), edited + '# by hand\n');
    const stale = await call('POST', '/api/save', { body: { name: SAMPLE, text, version } });
    expect(stale.status).toBe(409);
    expect(stale.json().error).toBe('changed');
    expect(readFileSync(join(folder, 'briefs', SAMPLE), 'utf8')).toBe(edited + '# by hand\n');
    // A new brief may not replace one that exists.
    const exists = await call('POST', '/api/save', { body: { name: SAMPLE, text, version: null } });
    expect(exists.json().error).toBe('exists');
    expect((await call('POST', '/api/save', { body: { name: '../x.yaml', text, version: null } })).status).toBe(400);
  });

  it('refuses a body over the limit', async () => {
    const r = await call('POST', '/api/preview', { raw: JSON.stringify({ text: 'x'.repeat(11 * 1024 * 1024) }) });
    expect(r.status).toBe(413);
  });
});

describe('preview, deck, draft', () => {
  it('previews YAML text: every slide as SVG, the fit report, problems at line and column', async () => {
    const text = readFileSync(join('briefs', SAMPLE), 'utf8');
    const r = (await call('POST', '/api/preview', { body: { name: SAMPLE, text } })).json();
    expect((r.slides as unknown[]).length).toBe(12);
    expect((r.slides as Array<{ svg: string }>)[2]!.svg).toContain('新建街区党组织');
    expect(r.problems).toEqual([]);
    const broken = (
      await call('POST', '/api/preview', { body: { text: text.replace('date: "2025-01"', 'date: "2025-13"') } })
    ).json();
    expect(broken.slides).toEqual([]);
    expect(broken.problems).toEqual([
      expect.objectContaining({ line: expect.any(Number), column: expect.any(Number), path: 'meeting.date' }),
    ]);
  });

  it("draws an office template's own artwork under the slides of a deck made on it", async () => {
    const text = readFileSync(join('briefs', SAMPLE), 'utf8');
    const plain = (await call('POST', '/api/preview', { body: { text } })).json() as { slides: Array<{ svg: string }> };
    expect(plain.slides[0]!.svg).not.toContain('template-art');
    mkdirSync(join(folder, 'themes'), { recursive: true });
    copyFileSync('tests/fixtures/templates/government-red.potx', join(folder, 'themes', 'red.potx'));
    writeFileSync(join(folder, 'themes', 'office-red.yaml'), 'extends: default\ntemplate: red.potx\n');
    type Preview = { slides: Array<{ svg: string }>; art: Record<string, string>; problems: unknown[] };
    const ask = async (body: Record<string, unknown>) => {
      const res = await call('POST', '/api/preview', { body: { text, theme: 'office-red', ...body } });
      return { bytes: res.body.length, ...(res.json() as Preview) };
    };
    const r = await ask({});
    expect(r.problems).toEqual([]);
    // The artwork once, apart from the slides: the red header and the emblem (a PNG) of the
    // template's master; every slide refers to it, and holds none of it.
    const ids = Object.keys(r.art);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(id).toMatch(/^art-[0-9a-f]{16}$/);
      expect(r.art[id]).toMatch(/^<g class="template-art"/);
      expect(r.art[id]).toContain('fill="#C8102E"');
      expect(r.art[id]).toMatch(/<image [^>]*href="data:image\/png;base64,/);
      expect(r.art[id]).toContain('<use class="template-picture" href="#');
    }
    for (const { svg } of r.slides) {
      const [ref, ...more] = [...svg.matchAll(/<use href="#(art-[0-9a-f]{16})" data-art="\1"\/>/g)];
      expect(more).toEqual([]);
      expect(ids).toContain(ref![1]);
      expect(svg).not.toContain('template-art');
      expect(svg).not.toContain('data:image');
    }
    expect(Object.keys(r)).not.toContain('template');
    // The page says it holds the artwork: an answer without it, smaller by as much.
    const edited = text.replace('新建街区党组织', '新建街区党组织Z');
    const next = await ask({ text: edited, art: ids });
    expect(next.art).toEqual({});
    expect(next.slides.map((s) => s.svg.match(/data-art="([^"]+)"/)![1])).toEqual(
      r.slides.map((s) => s.svg.match(/data-art="([^"]+)"/)![1]),
    );
    const artBytes = Buffer.byteLength(JSON.stringify(r.art));
    expect(artBytes).toBeGreaterThan(10_000);
    expect(Math.abs(r.bytes - artBytes - next.bytes)).toBeLessThan(200);
    // Ids the page does not hold (another template's, none at all) leave nothing out.
    expect((await ask({ text: edited, art: ['art-0000000000000000'] })).art).toEqual(r.art);
    expect((await ask({ text: edited, art: [] })).art).toEqual(r.art);
    expect((await ask({ text: edited, art: [ids[0]!.toUpperCase()] })).art).toEqual(r.art);
    // A deck not on a template has no artwork to send.
    expect((await call('POST', '/api/preview', { body: { text, art: ids } })).json().art).toEqual({});
    for (const art of ['art-1', [1], Array(1001).fill('x')]) {
      const bad = await call('POST', '/api/preview', { body: { text, art } });
      expect(bad.status, JSON.stringify(art).slice(0, 20)).toBe(400);
    }
  });

  it("draws a theme's pictures by address, served once to the page that has the token", async () => {
    const text = readFileSync(join('briefs', SAMPLE), 'utf8');
    mkdirSync(join(folder, 'themes'), { recursive: true });
    for (const f of ['bureau.yaml', 'logo.png', 'background.jpg'])
      copyFileSync(join('tests/fixtures/themes/team', f), join(folder, 'themes', f));
    const r = (await call('POST', '/api/preview', { body: { text, theme: 'bureau' } })).json() as {
      slides: Array<{ svg: string }>;
      problems: unknown[];
    };
    expect(r.problems).toEqual([]);
    const hrefs = new Set<string>();
    for (const { svg } of r.slides) {
      expect(svg).not.toContain('data:');
      for (const m of svg.matchAll(/<image [^>]*href="([^"]+)"/g)) hrefs.add(m[1]!.replace(/&amp;/g, '&'));
    }
    // The logo and the background, each at one address, whatever the number of slides.
    expect(hrefs.size).toBe(2);
    const files = {
      png: readFileSync(join(folder, 'themes', 'logo.png')),
      jpeg: readFileSync(join(folder, 'themes', 'background.jpg')),
    };
    for (const href of hrefs) {
      expect(href).toMatch(/^\/api\/picture\/[0-9a-f]{32}\?token=/);
      // An <image> sends no header: the token is in the address, and checked.
      const got = await call('GET', href, { token: false });
      expect(got.status).toBe(200);
      const kind = got.headers['content-type'] === 'image/png' ? 'png' : 'jpeg';
      expect(got.headers['content-type']).toBe(`image/${kind}`);
      expect(got.body.equals(files[kind])).toBe(true);
      expect(got.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(got.headers['content-security-policy']).toContain('sandbox');
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      const path = href.replace(/\?.*/, '');
      expect((await call('GET', path, { token: false })).status).toBe(401);
      expect((await call('GET', href, { token: false, headers: { host: `evil.example:${studio.port}` } })).status).toBe(
        421,
      );
      expect((await call('GET', href, { token: false, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    }
    // Only what a preview drew: any other hash, or a name, is not there.
    expect((await call('GET', `/api/picture/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await call('GET', '/api/picture/logo.png')).status).toBe(404);
    // The file changed: another address, its new bytes; the old address is gone.
    const pngs = async () => {
      const a = (await call('POST', '/api/preview', { body: { text, theme: 'bureau' } })).json() as {
        slides: Array<{ svg: string }>;
      };
      return a.slides[1]!.svg.match(/href="([^"]+)"/g)!.map((m) => m.slice(6, -1).replace(/&amp;/g, '&'));
    };
    const before = await pngs();
    const red = readFileSync('tests/fixtures/bad/themes/red.png');
    writeFileSync(join(folder, 'themes', 'logo.png'), red);
    const after = await pngs();
    const gone = before.filter((h) => !after.includes(h));
    const added = after.filter((h) => !before.includes(h));
    expect(gone.length).toBe(1);
    expect(added.length).toBe(1);
    expect((await call('GET', added[0]!, { token: false })).body.equals(red)).toBe(true);
    expect((await call('GET', gone[0]!, { token: false })).status).toBe(404);
  });

  it('sets theme and lang in the text, keeping its comments', async () => {
    const text = readFileSync(join('briefs', SAMPLE), 'utf8');
    const r = (await call('POST', '/api/preview', { body: { text, theme: 'government-red', lang: 'en' } })).json() as {
      text: string;
      slides: Array<{ svg: string }>;
    };
    expect(r.text).toContain('lang: en\ntheme: government-red\n');
    expect(r.text).toMatch(/^lang: en$/m);
    expect(r.text).toContain('# yaml-language-server');
    expect(r.slides[2]!.svg).toContain('Achievements');
  });

  it('applies form edits to the YAML, keeping its comments and quoting', async () => {
    const text = readFileSync(join('briefs', SAMPLE), 'utf8');
    const edits = [
      { op: 'set', path: ['meeting', 'date'], value: '2025-01-06' },
      { op: 'set', path: ['units', 0, 'achievements', 0], value: '新建街区党组织203个' },
      { op: 'move', path: ['units'], from: 0, to: 1 },
      { op: 'add', path: ['units', 0, 'shortcomings'], value: '新的不足' },
      { op: 'delete', path: ['meeting', 'subtitle'] },
    ];
    const r = await call('POST', '/api/edit', { body: { text, edits } });
    expect(r.status).toBe(200);
    const edited = r.json().text as string;
    expect(edited).toContain('date: "2025-01-06" # 报道只说');
    expect(edited).toContain('# 两项指标共用“居全市第一”，合为一条');
    expect(edited.indexOf('name: 金山区委')).toBeLessThan(edited.indexOf('name: 浦东新区区委'));
    expect(edited).toContain('      - 新的不足');
    expect(edited).not.toContain('subtitle:');
    expect(edited).toContain('新建街区党组织203个');
    const broken = await call('POST', '/api/edit', { body: { text: 'a: [', edits } });
    expect(broken.json().error).toBe('yaml-broken');
    for (const bad of [
      { op: 'set', path: ['__proto__'], value: 'x' },
      { op: 'move', path: ['units'], from: 0, to: 99 },
    ])
      expect((await call('POST', '/api/edit', { body: { text, edits: [bad] } })).status).toBe(400);
  });

  it('gives the deck `briefdeck build` writes of the saved brief', async () => {
    const r = await call('GET', `/api/deck?name=${SAMPLE}`);
    expect(r.status).toBe(200);
    const out = mkdtempSync(join(tmpdir(), 'briefdeck-studio-out-'));
    try {
      const io = bufferIO();
      expect(await run(['build', join(folder, 'briefs', SAMPLE), '--out', out], io)).toBe(0);
      expect(r.body.equals(readFileSync(join(out, SAMPLE.replace('.yaml', '.pptx'))))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect((await call('GET', '/api/deck?name=none.yaml')).status).toBe(404);
  });

  it('says whether LibreOffice is there to make a PDF', async () => {
    expect((await call('GET', '/api/briefs')).json().pdf).toBe(SOFFICE);
  });

  it.skipIf(!SOFFICE)(
    "gives the saved brief's deck as a PDF, made by LibreOffice",
    async () => {
      const r = await call('GET', `/api/pdf?name=${SAMPLE}`);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect(r.headers['content-disposition']).toContain(encodeURIComponent(SAMPLE.replace('.yaml', '.pdf')));
      expect(r.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // One page a slide.
      expect(r.body.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBe(12);
      expect((await call('GET', '/api/pdf?name=none.yaml')).status).toBe(404);
      expect((await call('GET', '/api/pdf?name=../x.yaml')).status).toBe(400);
    },
    120_000,
  );

  it("reads a report file as the drafter's reader does (a saved web page here), and refuses a PDF", async () => {
    const page = readFileSync('tests/fixtures/draft/forms/shanghai-2025-01.html');
    const r = await call('POST', '/api/report', { body: { name: 'report.html', base64: page.toString('base64') } });
    expect(r.status).toBe(200);
    expect(r.json().text).toContain('浦东新区');
    expect(r.json().text).not.toContain('<');
    const pdf = await call('POST', '/api/report', {
      body: { name: 'x.pdf', base64: Buffer.from('%PDF-1.7 ...').toString('base64') },
    });
    expect(pdf.status).toBe(422);
    expect(pdf.json().message).toContain('PDF');
  });

  it('drafts a brief from pasted report text', async () => {
    const report = readFileSync('tests/fixtures/draft/shanghai-2025-01.txt', 'utf8');
    const r = (await call('POST', '/api/draft', { body: { text: report, date: '2025-01-06' } })).json();
    expect(r.text).toContain('浦东新区');
    expect(r.text).toContain('2025-01-06');
  });
});
