/**
 * The mistakes a secretary makes typing YAML by hand on a Chinese keyboard — a full-width colon
 * or dash, full-width spaces or tabs for indentation, `-item` with no space, a colour after `#`
 * left unquoted — found in the text itself, each at its exact line and column. The YAML parser
 * meets them as a cascade of syntax errors (one tab: eight), or as a value of the wrong kind;
 * where the file does not parse or validate and one of these is in it, only these are reported.
 */
import { problem, type Problem } from '../errors.js';
import { msg } from '../messages/catalogue.js';

const KEY = /^([A-Za-z_][\w-]*)[ \t]*：/;
/** A colour written after `key: ` without quotes: YAML reads `#` as the start of a comment. */
const COLOR_COMMENT = /^([A-Za-z_][\w-]*):[ \t]+(#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3}))(?![\w])/;
/** A line whose value is a block (`|`, `>`) of text that follows, as written. */
const BLOCK_START = /(?:^|[:\s-])[|>][+-]?\d?[ \t]*(?:#.*)?$/;

/** Every typing mistake in the text, in order; none when there is none. */
export function typingMistakes(text: string, file: string): Problem[] {
  const found: Problem[] = [];
  const lines = text.split(/\r?\n/);
  let blockIndent = -1; // the indent of the line a block scalar began on, while inside it
  lines.forEach((raw, i) => {
    const line = i === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    const lead = /^[ \t\u3000]*/.exec(line)![0];
    const body = line.slice(lead.length);
    if (body === '') return;
    if (blockIndent >= 0) {
      if (lead.length > blockIndent) return;
      blockIndent = -1;
    }
    if (body.startsWith('#')) return;
    const at = (column: number) => ({ file, line: i + 1, column });
    const tab = lead.indexOf('\t');
    const wide = lead.indexOf('\u3000');
    if (tab >= 0 && (wide < 0 || tab < wide)) found.push(problem(at(tab + 1), msg('typing.tab')));
    else if (wide >= 0) found.push(problem(at(wide + 1), msg('typing.fullWidthSpace')));
    let rest = body;
    let col = lead.length + 1;
    if (rest.startsWith('－')) {
      const item = rest.slice(1).trim();
      found.push(problem(at(col), msg('typing.fullWidthDash', { item: item || '…' })));
      rest = rest.slice(1).trimStart();
      col = line.length - rest.length + 1;
    } else if (rest.startsWith('-')) {
      const next = rest.charAt(1);
      if (next !== '' && next !== ' ' && next !== '\t' && next !== '-')
        found.push(problem(at(col), msg('typing.dashNoSpace', { item: rest.slice(1) })));
      rest = rest.slice(1).trimStart();
      col = line.length - rest.length + 1;
    }
    const colon = KEY.exec(rest);
    if (colon) found.push(problem(at(col + colon[0].length - 1), msg('typing.fullWidthColon', { key: colon[1]! })));
    const hash = COLOR_COMMENT.exec(rest);
    if (hash)
      found.push(
        problem(
          at(col + hash[0].length - hash[2]!.length),
          msg('typing.hashComment', { key: hash[1]!, color: hash[2]! }),
        ),
      );
    if (BLOCK_START.test(rest)) blockIndent = lead.length;
  });
  return found;
}
