// Names are data in every text output: a component name (or a title, a sentence holding one) must
// not change the structure of a Markdown report or of a line-per-item text.

/** Characters that break or hide a line in a terminal, an editor or git: controls, separators, bidi overrides. */
const LINE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` on one line, every unsafe character shown as `\u{…}`: one name can never make two lines. */
export function oneLine(text: string): string {
  return text.replace(LINE_UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/**
 * Text as data in Markdown, inline (never at the start of a line: the outputs put a list mark or a
 * word first): it cannot start a link, an image, emphasis, code, a table cell, an entity or an HTML
 * tag, nor break the line it is on.
 */
export function markdownText(text: string): string {
  return (
    oneLine(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~!#]/g, (c) => `\\${c}`)
      // Where it follows a list mark (`- name`), a leading `1.`, `-`, `+`, `>` or `=` would open a
      // nested list, a quote or a heading underline.
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/^([-+>=])/, '\\$1')
  );
}
