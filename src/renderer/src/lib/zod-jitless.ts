/**
 * Zod compiles fast parsers with `new Function` when it may. The renderer's CSP has no
 * 'unsafe-eval', and even the probe would be reported as a violation: tell zod up front.
 * Imported first in main.ts, before any schema parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
