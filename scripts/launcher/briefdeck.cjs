#!/usr/bin/env node
'use strict';
const { exports: app, remember } = require('./load.cjs').load();
app.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  remember(app.hasBuiltADeck());
});
