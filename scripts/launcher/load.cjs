// Loads the bundled CLI (app.cjs) with the V8 code cache the install made for it
// (app.cjs.cache): Node 20 has no compile cache of its own, and compiling the bundle was most
// of a cold start. When the cache does not fit this Node (another version, other flags), V8
// says so and the code is compiled as usual: slower, never different. CommonJS, like the
// launchers: starting from an ES module costs Node another ~10 ms.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, 'app.cjs');
const CACHE = `${BUNDLE}.cache`;

/** `useCache: false` compiles from scratch (to make the cache). */
function load({ useCache = true } = {}) {
  const source = readFileSync(BUNDLE, 'utf8');
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(CACHE);
    } catch {
      // no cache: compile as usual
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  if (process.env.BRIEFDECK_CODE_CACHE_DEBUG) process.stderr.write(`briefdeck code cache: ${!cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { exports: module.exports, script };
}

module.exports = { BUNDLE, CACHE, load };
