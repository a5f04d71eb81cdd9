// Loads the bundled CLI (app.cjs) with a V8 code cache for it (app.cjs.cache): compiling the
// bundle was most of a cold start. The cache is made where the CLI runs, never shipped: by a
// warm-up run when the project is built (`npm install` in a clone), else by the first run that
// finds none it can use, with the code that run compiled. CommonJS, like the launchers: starting
// from an ES module costs Node ~10 ms. (Node 22's module.enableCompileCache() was measured too:
// it caches only what compiling the bundle compiles, not the functions a run compiles as it
// goes, and starts 10-20 ms slower; Node 20 has none.)
//
// V8 checks little of a cache (the source's length, its own version and flags) and trusts the
// rest: a damaged cache can crash it, a stale one runs old code. So the cache file starts with
// the CRC-32 of the source it was made from and of its own payload; when either does not match,
// or V8 refuses it (another Node, other flags), the code is compiled as usual — slower, never
// different — and a new cache is made at the end of the run.
//
// A cache holds what the run that made it had compiled. One made by `--version` or `validate`
// leaves out the layout and the writing, so every build from it compiles them again (~10 ms of
// a ~90 ms sample build, Node 22); the header says whether a build made it, and the first build
// that starts from another command's cache makes a whole one, once.
'use strict';
const { isAscii } = require('node:buffer');
const { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');

const BUNDLE = join(__dirname, 'app.cjs');
const CACHE = `${BUNDLE}.cache`;
const HEADER = 12;
/** In the header: the run that made the cache built a deck. */
const BY_A_BUILD = 1;
const debug = (message) => {
  if (process.env.BRIEFDECK_CODE_CACHE_DEBUG) process.stderr.write(`briefdeck code cache: ${message}\n`);
};

/** The cache file for a source (its bytes) and V8's payload, made by a run that built a deck or not. */
function cacheFile(source, payload, byABuild) {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(crc32(source), 0);
  header.writeUInt32LE(crc32(payload), 4);
  header.writeUInt32LE(byABuild ? BY_A_BUILD : 0, 8);
  return Buffer.concat([header, payload]);
}

/** V8's payload, if the file is whole and made from this source, and whether a build made it. */
function cachedDataFor(source) {
  let file;
  try {
    file = readFileSync(CACHE);
  } catch {
    return { status: 'none' };
  }
  const payload = file.subarray(HEADER);
  if (file.length <= HEADER || file.readUInt32LE(0) !== crc32(source) || file.readUInt32LE(4) !== crc32(payload))
    return { status: 'rejected (damaged or stale)' };
  return { status: 'offered', payload, byABuild: file.readUInt32LE(8) === BY_A_BUILD };
}

/** Save the code the script has compiled so far as the cache, atomically: a temporary file
 * renamed into place, so a run never reads half a cache. Throws what went wrong. */
function writeCache(script, source, byABuild) {
  // Opened before V8 serialises anything: where the folder is read-only (or the permission
  // model forbids writing there) this fails at once and costs nothing more.
  const temp = `${CACHE}.${process.pid}.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    try {
      writeSync(fd, cacheFile(source, script.createCachedData(), byABuild));
    } finally {
      closeSync(fd);
    }
    renameSync(temp, CACHE);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** `useCache: false` compiles from scratch (to make the cache). `remember(builtADeck)`, called
 * when the run is done, makes the cache if there was none this run could use, or if this run
 * built a deck from a cache another command made; it never throws. */
function load({ useCache = true } = {}) {
  // The CRC is of the bytes as read: a CRC of the decoded text would encode it all back first.
  const bytes = readFileSync(BUNDLE);
  // The bundle is plain ASCII (scripts/bundle.mjs), which reads as Latin-1 four times faster.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const cached = useCache ? cachedDataFor(bytes) : { status: 'none' };
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    ...(cached.payload ? { cachedData: cached.payload } : {}),
  });
  const used = cached.payload !== undefined && !script.cachedDataRejected;
  debug(cached.payload ? (used ? 'used' : 'rejected') : cached.status);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  const remember = (builtADeck = false) => {
    if (used && (cached.byABuild || !builtADeck)) return;
    try {
      writeCache(script, bytes, builtADeck);
      debug(builtADeck ? 'written (by a build)' : 'written');
    } catch (e) {
      debug(`not written (${e && e.code ? e.code : e})`);
    }
  };
  return { exports: module.exports, script, bytes, remember };
}

module.exports = { BUNDLE, CACHE, cacheFile, load, writeCache };
