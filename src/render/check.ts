/**
 * The package checks itself before it is written: every XML part parses, and
 * `[Content_Types].xml` covers every part. A failure here is a bug in briefdeck, not in the
 * user's input, so it is a plain Error with a clear message.
 */
import { wellFormed } from './wellformed.js';

export type Parts = Map<string, Uint8Array | string>;

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

export function checkParts(parts: Parts): void {
  const problems: string[] = [];
  const typesXml = parts.get('[Content_Types].xml');
  if (typeof typesXml !== 'string') throw new Error('briefdeck bug: the package has no [Content_Types].xml');
  const defaults = new Set((typesXml.match(/<Default\b[^>]*>/g) ?? []).map((t) => attr(t, 'Extension')?.toLowerCase()));
  const overrides = new Set((typesXml.match(/<Override\b[^>]*>/g) ?? []).map((t) => attr(t, 'PartName')));
  for (const [name, data] of parts) {
    if (typeof data === 'string') {
      const result = wellFormed(data);
      if (result !== true) problems.push(`${name}: ${result}`);
    }
    if (name === '[Content_Types].xml') continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has('/' + name) && !defaults.has(ext)) problems.push(`${name} has no content type`);
  }
  for (const part of overrides) if (part && !parts.has(part.slice(1))) problems.push(`[Content_Types].xml names ${part}, which is missing`);
  if (problems.length) throw new Error(`briefdeck bug: the deck would be broken, so it was not written:\n  ${problems.join('\n  ')}`);
}
