/**
 * The package checks itself before it is written: every XML part parses, and
 * `[Content_Types].xml` covers every part. A failure here is a bug in briefdeck, not in the
 * user's input, so it is a plain Error with a clear message.
 */
import JSZip from 'jszip';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export async function checkPackage(bytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const problems: string[] = [];
  const typesXml = await zip.file('[Content_Types].xml')?.async('string');
  if (!typesXml) throw new Error('briefdeck bug: the package has no [Content_Types].xml');
  const types = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(typesXml) as {
    Types: { Default?: Array<{ Extension: string }> | { Extension: string }; Override?: Array<{ PartName: string }> | { PartName: string } };
  };
  const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const defaults = new Set(arr(types.Types.Default).map((d) => d.Extension.toLowerCase()));
  const overrides = new Set(arr(types.Types.Override).map((o) => o.PartName));
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has('/' + name) && !defaults.has(ext)) problems.push(`${name} has no content type`);
    if (/\.(xml|rels)$/.test(name)) {
      const xml = await zip.file(name)!.async('string');
      const result = XMLValidator.validate(xml);
      if (result !== true) problems.push(`${name}: ${result.err.msg} (line ${result.err.line})`);
    }
  }
  for (const part of overrides) if (!zip.file(part.slice(1))) problems.push(`[Content_Types].xml names ${part}, which is missing`);
  if (problems.length) throw new Error(`briefdeck bug: the deck would be broken, so it was not written:\n  ${problems.join('\n  ')}`);
}
