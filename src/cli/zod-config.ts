/**
 * The CLI validates each brief and theme once: zod's generated fast paths (new Function per
 * object schema) cost more to make than they save. zod decides this when a schema is made, so
 * this module is imported first by the CLI's entry; the library leaves the global setting alone
 * (its users may have zod schemas of their own).
 */
import * as z from '../zod.js';

z.config({ jitless: true });
