/**
 * zod's mini API, for the brief's schema, which the CLI makes at every start: a schema of the
 * classic API carries all its methods, each bound anew, and the brief's took ~4 ms to make of
 * a cold build's ~80 (Node 22); made with these, half that. The same core checks, messages and
 * JSON Schema. Named imports, as in zod.ts.
 */
export {
  array,
  boolean,
  enum,
  globalRegistry,
  maxLength,
  minLength,
  optional,
  refine,
  regex,
  strictObject,
  string,
  superRefine,
  union,
} from 'zod/mini';
