#!/usr/bin/env node
// `npx glpi-improve patterns <export.csv>`: the command line of GLPI Improve (bin/cli/, docs/PATTERNS.md).
import { importTs } from './load-ts.js';

await importTs('bin/cli/entry.ts');
