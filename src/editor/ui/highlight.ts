// Syntax highlighting for the map language in CodeMirror, drawn as mark decorations from the
// parser's own reading of each visible line (src/lang/tokens.ts): the colours say how a line is read.
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import { Parser } from '../../lang/parse.js';
import { scanLine } from '../../lang/lines.js';
import { lineTokens, type TokenKind } from '../../lang/tokens.js';

const marks: Readonly<Record<TokenKind, Decoration>> = {
  keyword: Decoration.mark({ class: 'mw-kw' }),
  number: Decoration.mark({ class: 'mw-num' }),
  comment: Decoration.mark({ class: 'mw-comment' }),
  string: Decoration.mark({ class: 'mw-str' }),
  arrow: Decoration.mark({ class: 'mw-arrow' }),
  decorator: Decoration.mark({ class: 'mw-deco' }),
};

function build(view: EditorView, parser: Parser): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  const doc = view.state.doc;
  for (const { from, to } of view.visibleRanges) {
    let line = doc.lineAt(from);
    // Whether a block comment is open where the visible part starts (only a map with one can).
    let open = false;
    if (line.number > 1 && doc.sliceString(0, line.from).includes('/*')) {
      for (let n = 1; n < line.number; n++) open = scanLine(doc.line(n).text, open).open;
    }
    for (;;) {
      const read = lineTokens(line.text, open, parser);
      for (const t of read.tokens) b.add(line.from + t.from, line.from + t.to, marks[t.kind]);
      open = read.open;
      if (line.to >= to || line.number >= doc.lines) break;
      line = doc.line(line.number + 1);
    }
  }
  return b.finish();
}

export const mapHighlighting = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    /** Its own line cache: the lines in view are read once each as they are typed. */
    private readonly parser = new Parser();
    constructor(view: EditorView) {
      this.decorations = build(view, this.parser);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.decorations = build(u.view, this.parser);
    }
  },
  { decorations: (v) => v.decorations },
);
