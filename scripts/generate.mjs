#!/usr/bin/env node
// Writes every generated file (see src/generate.ts) from the compiled dist/: `npm run generate`.
import { writeFileSync } from 'node:fs';
import { generatedFiles } from '../dist/generate.js';

for (const [path, text] of await generatedFiles()) writeFileSync(path, text);
