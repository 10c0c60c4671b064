import { z } from 'zod';

// Extension pages run under a CSP without 'unsafe-eval'. zod compiles fast parsers with `new Function` when it may;
// jitless mode never tries, so no eval is attempted (and no CSP violation is reported). Import this first.
z.config({ jitless: true });
