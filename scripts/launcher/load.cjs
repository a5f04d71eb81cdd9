// Loads the bundled CLI (app.cjs) with the V8 code cache the install made for it
// (app.cjs.cache): Node 20 has no compile cache of its own, and compiling the bundle was most
// of a cold start. CommonJS, like the launchers: starting from an ES module costs Node ~10 ms.
//
// V8 checks little of a cache (the source's length, its own version and flags) and trusts the
// rest: a damaged cache can crash it, a stale one runs old code. So the cache file starts with
// the CRC-32 of the source it was made from and of its own payload; when either does not match,
// or V8 refuses it (another Node, other flags), the code is compiled as usual — slower, never
// different.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');

const BUNDLE = join(__dirname, 'app.cjs');
const CACHE = `${BUNDLE}.cache`;
const HEADER = 8;

/** The cache file for a source (its bytes) and V8's payload. */
function cacheFile(source, payload) {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(crc32(source), 0);
  header.writeUInt32LE(crc32(payload), 4);
  return Buffer.concat([header, payload]);
}

/** V8's payload, if the file is whole and made from this source. */
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
  return { status: 'offered', payload };
}

/** `useCache: false` compiles from scratch (to make the cache). */
function load({ useCache = true } = {}) {
  // The CRC is of the bytes as read: a CRC of the decoded text would encode it all back first.
  const bytes = readFileSync(BUNDLE);
  const source = bytes.toString('utf8');
  const cached = useCache ? cachedDataFor(bytes) : { status: 'none' };
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    ...(cached.payload ? { cachedData: cached.payload } : {}),
  });
  if (process.env.BRIEFDECK_CODE_CACHE_DEBUG)
    process.stderr.write(
      `briefdeck code cache: ${cached.payload ? (script.cachedDataRejected ? 'rejected' : 'used') : cached.status}\n`,
    );
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { exports: module.exports, script, bytes };
}

module.exports = { BUNDLE, CACHE, cacheFile, load };
