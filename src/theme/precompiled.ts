/**
 * Templates of the built-in themes and label packs, precompiled by handlebars when the CLI is
 * bundled (scripts/bundle.mjs replaces this module), keyed by their source. Empty when running
 * from the sources: templates are then compiled on first use, which is the same function.
 */
export const PRECOMPILED: Readonly<Record<string, unknown>> = {};
