/**
 * `briefdeck studio`: a local web app over one folder, on node:http. Safe on a shared office
 * network and beside other local pages:
 * - it listens on 127.0.0.1 only;
 * - every request carries the random token printed in its address (the page sends it as a
 *   header; the address it opens has it in the query), so other local programs and pages
 *   cannot drive it;
 * - Host must name 127.0.0.1 or localhost at its port (a DNS-rebinding page's Host is its own
 *   name) and Origin, when sent, must be the studio itself (no cross-site posts);
 * - request bodies stop at a size limit; only the folder's briefs/ is written.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBriefdeckError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../yaml/source.js';
import { deckOf, draft, ImageCache, listBriefs, listThemes, pdfAvailable, pdfOf, preview, reportText } from './api.js';
import { applyEdits, type FormEdit } from './edit.js';
import { readBrief, saveBrief, StudioError } from './files.js';

/** The page's scripts, bundled at install (scripts/bundle.mjs); found from src/, dist/ and the CLI bundle alike. */
const PAGE_DIR = fileURLToPath(new URL('../../dist/studio-page/', import.meta.url));

/** A brief (5 MB at most) as JSON, with room for escaping. */
const MAX_BODY = 2 * MAX_INPUT_BYTES + 64 * 1024;

export interface StudioOptions {
  folder: string;
  /** 0 (default): a free port. */
  port?: number;
  /** Fixed token (tests); default: 24 random bytes. */
  token?: string;
}

export interface Studio {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startStudio(options: StudioOptions): Promise<Studio> {
  const folder = resolve(options.folder);
  const token = options.token ?? randomBytes(24).toString('base64url');
  // A theme's pictures by address, with the token: an <image> sends no header.
  const images = new ImageCache((hash) => `/api/picture/${hash}?token=${encodeURIComponent(token)}`);
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof StudioError) return send(res, e.status, { error: e.code, message: e.message });
      if (isBriefdeckError(e)) return send(res, 422, { error: 'problems', problems: e.problems, message: e.message });
      console.error(e);
      send(res, 500, { error: 'bug', message: e instanceof Error ? e.message : String(e) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = refuse(req, port, token);
    if (refusal) {
      req.resume();
      return send(res, refusal.status, { error: refusal.code, message: refusal.message });
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return sendPage(res, token);
      case 'GET /app.js':
        return sendFile(res, 'app.js', 'text/javascript; charset=utf-8');
      case 'GET /app.css':
        return sendFile(res, 'app.css', 'text/css; charset=utf-8');
      case 'GET /api/briefs':
        return send(res, 200, {
          folder,
          briefs: listBriefs(folder),
          themes: listThemes(folder),
          pdf: pdfAvailable(),
        });
      case 'GET /api/brief':
        return send(res, 200, readBrief(folder, url.searchParams.get('name')));
      case 'POST /api/preview': {
        const body = await jsonBody(req);
        return send(
          res,
          200,
          preview(
            folder,
            {
              text: str(body.text, 'text'),
              ...(body.name ? { name: str(body.name, 'name') } : {}),
              ...(body.theme ? { theme: str(body.theme, 'theme') } : {}),
              ...(body.lang === 'en' || body.lang === 'zh-CN' ? { lang: body.lang } : {}),
              ...(body.art !== undefined ? { art: ids(body.art) } : {}),
            },
            images,
          ),
        );
      }
      case 'POST /api/save': {
        const body = await jsonBody(req);
        const version = body.version === null || body.version === undefined ? null : str(body.version, 'version');
        return send(res, 200, saveBrief(folder, body.name, str(body.text, 'text'), version));
      }
      case 'GET /api/deck':
      case 'GET /api/pdf': {
        const pdf = url.pathname === '/api/pdf';
        const name = url.searchParams.get('name');
        const { bytes, file } = pdf ? await pdfOf(folder, name) : await deckOf(folder, name);
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'content-type': pdf
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
          'content-length': bytes.length,
          'content-disposition': `attachment; filename="deck.${pdf ? 'pdf' : 'pptx'}"; filename*=UTF-8''${encodeURIComponent(file)}`,
        });
        res.end(bytes);
        return;
      }
      case 'POST /api/edit': {
        const body = await jsonBody(req);
        if (!Array.isArray(body.edits) || body.edits.length > 100)
          throw new StudioError(400, 'bad-edit', 'edits: a list');
        return send(res, 200, { text: applyEdits(str(body.text, 'text'), body.edits as FormEdit[]) });
      }
      case 'POST /api/report': {
        const body = await jsonBody(req);
        return send(res, 200, await reportText(str(body.name, 'name'), str(body.base64, 'base64')));
      }
      case 'POST /api/draft': {
        const body = await jsonBody(req);
        return send(
          res,
          200,
          await draft(folder, str(body.text, 'text'), body.date ? str(body.date, 'date') : undefined),
        );
      }
      default: {
        // A theme's picture the preview drew, by the hash of its bytes: the same address, the
        // same bytes, so the browser keeps it (the token still checked, as for every request).
        const picture = /^GET \/api\/picture\/([0-9a-f]{32})$/.exec(route);
        const found = picture && images.picture(picture[1]!);
        if (found) {
          res.writeHead(200, {
            ...SECURITY_HEADERS,
            'cache-control': 'private, max-age=31536000, immutable',
            'content-type': found.type,
            'content-length': found.bytes.length,
            // An SVG opened by itself runs nothing and loads nothing.
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          });
          res.end(found.bytes);
          return;
        }
        return send(res, 404, { error: 'not-found', message: `${route}: no such page` });
      }
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** Why a request is refused, if it is: a foreign Host or Origin, or no (or a wrong) token. */
function refuse(
  req: IncomingMessage,
  port: number,
  token: string,
): { status: number; code: string; message: string } | undefined {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? ''))
    return { status: 421, code: 'bad-host', message: 'this studio answers only at 127.0.0.1 or localhost' };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`))
    return { status: 403, code: 'bad-origin', message: 'requests from other sites are refused' };
  if (req.headers['sec-fetch-site'] === 'cross-site')
    return { status: 403, code: 'bad-origin', message: 'requests from other sites are refused' };
  const given = req.headers['x-briefdeck-token'] ?? new URL(req.url ?? '/', 'http://x').searchParams.get('token');
  if (typeof given !== 'string' || !sameToken(given, token))
    return {
      status: 401,
      code: 'no-token',
      message: 'open the address briefdeck studio printed (it carries the token)',
    };
  return undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A JSON object body, read no further than the limit. */
async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
    throw new StudioError(415, 'bad-body', 'send JSON');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY) {
    req.resume();
    throw new StudioError(413, 'too-big', 'the request is too big (a brief is at most 5 MB)');
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new StudioError(413, 'too-big', 'the request is too big (a brief is at most 5 MB)');
    parts.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(parts).toString('utf8'));
  } catch {
    throw new StudioError(400, 'bad-body', 'the request is not JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new StudioError(400, 'bad-body', 'expected a JSON object');
  return body as Record<string, unknown>;
}

const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new StudioError(400, 'bad-body', `${what}: expected text`);
  return v;
};

/** The artwork ids a page says it holds (a few per template it was shown). */
const ids = (v: unknown): string[] => {
  if (!Array.isArray(v) || v.length > 1000 || !v.every((x) => typeof x === 'string' && x.length <= 100))
    throw new StudioError(400, 'bad-body', 'art: a list of ids');
  return v as string[];
};

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

function sendFile(res: ServerResponse, name: string, type: string): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(PAGE_DIR + name);
  } catch {
    throw new StudioError(500, 'not-built', `the studio's page is not built (${name}): run npm run build`);
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': bytes.length });
  res.end(bytes);
}

/** The page: its scripts and styles from this server only; the token passed on in a meta tag. */
function sendPage(res: ServerResponse, token: string): void {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="briefdeck-token" content="${token}"><title>briefdeck studio</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/app.css?token=${token}"></head><body><div id="app"></div><script type="module" src="/app.js?token=${token}"></script></body></html>`;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy':
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  });
  res.end(html);
}
