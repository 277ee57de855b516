// A map's text as lines: where each starts, how it ends, and its code with comments blanked
// (columns kept, so that positions reported on the code are positions in the user's text).

/** A line break as written. */
export type LineBreak = '\n' | '\r\n' | '\r' | '';

/** One line of a text: where it starts, how long it is, and the break that ends it. */
export interface LineSpan {
  readonly start: number;
  readonly length: number;
  readonly br: LineBreak;
}

/** Whether the text starts with a byte-order mark (which belongs to no line). */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * The lines of `text[from, to)`, which starts a line. A line ends at `\n`, `\r\n` or a lone `\r`
 * (old Mac editors); the break belongs to no line. The last line has no break (it may be empty).
 */
export function splitLines(text: string, from = bomLength(text), to = text.length): LineSpan[] {
  const out: LineSpan[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < to) {
      out.push({ start, length: i - start, br: '\r\n' });
      i += 1;
    } else out.push({ start, length: i - start, br: c === 10 ? '\n' : '\r' });
    start = i + 1;
  }
  out.push({ start, length: to - start, br: '' });
  return out;
}

/** The break a text uses most (what a line added to it should end with); `\n` when it has none. */
export function dominantBreak(lines: readonly { readonly br: LineBreak }[]): '\n' | '\r\n' | '\r' {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (const l of lines) {
    if (l.br === '\n') lf++;
    else if (l.br === '\r\n') crlf++;
    else if (l.br === '\r') cr++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** A line with its comments blanked, and whether a block comment is still open at its end. */
export interface ScannedLine {
  readonly code: string;
  readonly open: boolean;
}

/**
 * Blanks `/* ... *\/` (which may span lines: `inComment` says one is open at the line's start)
 * and a trailing `// ...` comment. `//` starts a comment anywhere outside quotes and brackets,
 * as OnlineWardleyMaps reads it, except right after `:` so that `https://...` in a note stays text.
 */
export function scanLine(text: string, inComment: boolean): ScannedLine {
  if (!inComment && text.indexOf('/') < 0) return { code: text, open: false };
  let out = '';
  let quoted = false;
  let depth = 0;
  let open = inComment;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (open) {
      if (ch === '*' && text[i + 1] === '/') {
        out += '  ';
        i += 2;
        open = false;
        continue;
      }
      out += ch === '\t' ? '\t' : ' ';
      i += 1;
      continue;
    }
    if (quoted) {
      if (ch === '\\' && i + 1 < text.length) {
        out += ch + text[i + 1]!;
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      out += ch;
      i += 1;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '[') depth += 1;
    else if (ch === ']' && depth > 0) depth -= 1;
    else if (ch === '/' && text[i + 1] === '*') {
      out += '  ';
      i += 2;
      open = true;
      continue;
    } else if (ch === '/' && text[i + 1] === '/' && depth === 0 && text[i - 1] !== ':') {
      out += ' '.repeat(text.length - i);
      break;
    }
    out += ch;
    i += 1;
  }
  return { code: out, open };
}
