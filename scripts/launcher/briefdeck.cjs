#!/usr/bin/env node
'use strict';
require('./load.cjs')
  .load()
  .exports.main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
