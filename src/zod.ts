/**
 * zod as briefdeck uses it. Named imports, not zod's `z` namespace: the bundled CLI then carries
 * (and starts) only the schema kinds the validators use, not all of zod.
 */
export { config, enum, number, safeParse, string, strictObject, toJSONSchema, union } from 'zod';
export type { core, infer, input, output, ZodOptional } from 'zod';
