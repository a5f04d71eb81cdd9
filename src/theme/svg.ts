/** SVG pictures: what a theme may use. */

/** What is wrong with an SVG picture, or undefined. */
export function svgProblem(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('utf8');
  return /<svg[\s>]/i.test(head) || /<\?xml/i.test(head) ? undefined : 'is named .svg but is not an SVG image';
}
