/**
 * Characters XML 1.0 cannot hold, anywhere in a deck: the C0 controls but tab, line feed and
 * carriage return; U+FFFE and U+FFFF; surrogates that are not half of a pair. Briefs and themes
 * lose them with a warning (yaml/source.ts), the renderer drops any left (render/xml.ts), and the
 * package check looks for them (render/wellformed.ts).
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The pattern, with flags (`g` to find them all). */
export const xmlForbidden = (flags = ''): RegExp => new RegExp(FORBIDDEN.source, flags);
