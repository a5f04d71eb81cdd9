#!/usr/bin/env node
import { load } from './load.mjs';

process.exitCode = await load().exports.main(process.argv.slice(2));
