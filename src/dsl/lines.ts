// Splits a map's text into lines and blanks out comments, keeping every column where it was,
// so that positions reported on the code are positions in the user's text.

/** Whether the last line `scanLine` read left a block comment open (read it right after the call). */
let openAfterScan = false;
export function commentOpenAfterScan(): boolean {
  return openAfterScan;
}

/**
 * Blanks `/* ... *\/` (which may span lines: `inComment` says one is open at the line's start)
 * and a trailing `// ...` comment. `//` only starts a comment at the line's start or after
 * whitespace, outside quotes and brackets, so `https://...` in a url or a note stays text.
 */
export function scanLine(text: string, inComment: boolean): string {
  // No object per line: the state at the end is read with commentOpenAfterScan().
  if (!inComment && text.indexOf('/') < 0 && text.indexOf('\r') < 0) { openAfterScan = false; return text; }
  let out = '';
  let quoted = false;
  let depth = 0;
  let i = 0;
  let open = inComment;
  while (i < text.length) {
    const ch = text[i]!;
    if (open) {
      if (ch === '*' && text[i + 1] === '/') { out += '  '; i += 2; open = false; continue; }
      out += ch === '\t' ? '\t' : ' ';
      i += 1;
      continue;
    }
    if (ch === '\r') { out += ' '; i += 1; continue; }
    if (quoted) {
      if (ch === '\\' && i + 1 < text.length) { out += ch + text[i + 1]!; i += 2; continue; }
      if (ch === '"') quoted = false;
      out += ch; i += 1; continue;
    }
    if (ch === '"') { quoted = true; out += ch; i += 1; continue; }
    if (ch === '[') depth += 1;
    else if (ch === ']' && depth > 0) depth -= 1;
    else if (ch === '/' && text[i + 1] === '*') { out += '  '; i += 2; open = true; continue; }
    else if (ch === '/' && text[i + 1] === '/' && depth === 0 && (i === 0 || /\s/.test(text[i - 1]!))) {
      out += ' '.repeat(text.length - i);
      break;
    }
    out += ch;
    i += 1;
  }
  openAfterScan = open;
  return out;
}

/** lineStartsOf's scratch array: as long as the longest map's line count so far needed. */
let startsScratch = new Int32Array(1024);

/** Offsets at which each line starts (a line ends at `\n`, which belongs to no line). */
export function lineStartsOf(text: string): Int32Array {
  // One pass over the text into a scratch array kept from one call to the next (it grows by
  // doubling), then one copy of the length found. Two passes (count, then fill an array of that
  // size) read a large map's text twice, the second time out of cache; growing a new array each
  // time asked the system for fresh memory for each step (page faults, on a large map).
  let starts = startsScratch;
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (k === starts.length) { const grown = new Int32Array(2 * k); grown.set(starts); starts = grown; startsScratch = grown; }
    starts[k++] = i + 1;
  }
  return starts.slice(0, k);
}
