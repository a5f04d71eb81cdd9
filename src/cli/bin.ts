#!/usr/bin/env node
// The command line from the compiled library (dist/cli/bin.js). The installed `briefdeck` is the
// bundle in dist/bundle, which calls the same `main`.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
