/**
 * The built-in theme files as read, checked and validated when the CLI was bundled
 * (scripts/bundle.mjs replaces this module): name → the file's text and its validated data as
 * JSON. A build with a built-in theme then skips parsing and validating it, as long as the file
 * still holds that text. Empty when running from the sources.
 */
export const BUILTIN_LAYERS: Readonly<Record<string, { text: string; json: string }>> = {};
