// A TextMate grammar for editors (VS Code's extension in editors/vscode, and any editor that reads
// TextMate grammars), made from the language's one word list (words.ts).
import { ARROWS, DECORATOR_WORDS, MODIFIER_WORDS, STATEMENT_KEYWORDS } from './words.js';

const escape = (w: string) => w.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
const alternatives = (ws: readonly string[]) =>
  [...ws]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

export function textMateGrammar(): object {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Wardley map',
    scopeName: 'source.wardley',
    fileTypes: ['owm', 'wm'],
    patterns: [
      { name: 'comment.line.double-slash.wardley', match: '//.*$' },
      { name: 'comment.block.wardley', begin: '/\\*', end: '\\*/' },
      {
        name: 'string.quoted.double.wardley',
        begin: '"',
        end: '"',
        patterns: [{ name: 'constant.character.escape.wardley', match: '\\\\.' }],
      },
      { name: 'keyword.control.statement.wardley', match: `^\\s*(?:${alternatives(STATEMENT_KEYWORDS)})(?=\\s|$|\\[)` },
      {
        name: 'keyword.other.modifier.wardley',
        match: `\\b(?:${alternatives(MODIFIER_WORDS)})\\b(?=\\s*[\\[(]|\\s|$)`,
      },
      {
        name: 'meta.decorators.wardley',
        begin: '\\((?=\\s*(?:' + alternatives(DECORATOR_WORDS) + '|cost\\b))',
        end: '\\)',
        patterns: [
          { name: 'storage.modifier.decorator.wardley', match: `\\b(?:${alternatives(DECORATOR_WORDS)})\\b` },
          { name: 'storage.modifier.cost.wardley', match: '\\bcost\\b' },
          { name: 'constant.numeric.wardley', match: '-?\\d+(?:\\.\\d+)?' },
        ],
      },
      { name: 'keyword.operator.flow.wardley', match: `\\+'[^']*'(?:<>|<|>)|${alternatives(ARROWS)}` },
      { name: 'constant.numeric.wardley', match: '(?<![\\w.])-?(?:\\d+\\.?\\d*|\\.\\d+)(?![\\w.])' },
    ],
  };
}
