/**
 * The package checks itself before it is written: `[Content_Types].xml` names every part that
 * is there and only those, and every part has a content type. A failure here is a bug in
 * briefdeck, not in the user's input, so it is a plain Error with a clear message.
 * (Every part is well-formed by construction: all text goes through esc(), the skeleton is
 * checked when pptxgenjs makes it, and the tests parse every part of every fixture deck.)
 */
const EXTENSION = /\bExtension="([^"]*)"/;
const PART_NAME = /\bPartName="([^"]*)"/;

/** Checks a package part by part, as it is written (so no part needs to be kept). */
export class PackageCheck {
  private readonly problems: string[] = [];
  private readonly defaults: Set<string | undefined>;
  private readonly overrides: Set<string | undefined>;

  constructor(typesXml: string | undefined, names: Set<string>) {
    if (typesXml === undefined) throw new Error('briefdeck bug: the package has no [Content_Types].xml');
    this.defaults = new Set(
      (typesXml.match(/<Default\b[^>]*>/g) ?? []).map((t) => EXTENSION.exec(t)?.[1]?.toLowerCase()),
    );
    this.overrides = new Set((typesXml.match(/<Override\b[^>]*>/g) ?? []).map((t) => PART_NAME.exec(t)?.[1]));
    for (const part of this.overrides)
      if (part && !names.has(part.slice(1))) this.problems.push(`[Content_Types].xml names ${part}, which is missing`);
  }

  part(name: string): void {
    if (name === '[Content_Types].xml') return;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!this.overrides.has('/' + name) && !this.defaults.has(ext)) this.problems.push(`${name} has no content type`);
  }

  done(): void {
    if (this.problems.length)
      throw new Error(
        `briefdeck bug: the deck would be broken, so it was not written:\n  ${this.problems.join('\n  ')}`,
      );
  }
}
