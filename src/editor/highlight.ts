// Syntax highlighting for the map language in CodeMirror: a small line tokenizer drawn as mark
// decorations (lighter than a full language package; the grammar stays the definition).
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import { MODIFIER_WORDS, STATEMENT_KEYWORDS } from '../lang/words.js';

const KEYWORDS: readonly string[] = [...STATEMENT_KEYWORDS, ...MODIFIER_WORDS];

const marks = {
  keyword: Decoration.mark({ class: 'mw-kw' }),
  number: Decoration.mark({ class: 'mw-num' }),
  comment: Decoration.mark({ class: 'mw-comment' }),
  string: Decoration.mark({ class: 'mw-str' }),
  arrow: Decoration.mark({ class: 'mw-arrow' }),
  deco: Decoration.mark({ class: 'mw-deco' }),
};

const TOKEN = new RegExp(
  [
    '(\\/\\/.*$|\\/\\*.*?(?:\\*\\/|$))', // comment
    '("(?:\\\\.|[^"\\\\])*"?)', // string
    `\\b(${KEYWORDS.map((k) => k.replace('-', '\\-')).join('|')})\\b(?![\\w-])`, // keyword
    '(-?\\b\\d+(?:\\.\\d+)?\\b)', // number
    "(->|\\+'[^']*'(?:<>|>|<)|\\+<>|\\+>|\\+<)", // arrow
    '(\\((?:[a-z, ]|cost \\d+)*\\))', // decorators
  ].join('|'),
  'g',
);

function build(view: EditorView): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    let pos = from;
    while (pos <= to) {
      const line = view.state.doc.lineAt(pos);
      TOKEN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = TOKEN.exec(line.text)) !== null) {
        if (m[0].length === 0) {
          TOKEN.lastIndex++;
          continue;
        }
        const kind = m[1] ? 'comment' : m[2] ? 'string' : m[3] ? 'keyword' : m[4] ? 'number' : m[5] ? 'arrow' : 'deco';
        b.add(line.from + m.index, line.from + m.index + m[0].length, marks[kind]);
      }
      pos = line.to + 1;
    }
  }
  return b.finish();
}

export const mapHighlighting = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.decorations = build(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);
