// The language's words exist once (src/lang/words.ts): the grammar's keyword rules must spell
// exactly those, and the header word the grammar reads is the one the lists name.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MERMAID_HEADER, MODIFIER_WORDS, STATEMENT_KEYWORDS } from '../../src/lang/words.js';

const grammar = readFileSync('grammar/wardley.peggy', 'utf8');

describe('the words of the language', () => {
  it('are the keyword rules of the grammar, no more and no fewer', () => {
    const rules = [...grammar.matchAll(/^Kw_\w+\s*=\s*"([^"]+)"/gm)].map((m) => m[1]!);
    expect(new Set(rules).size, 'one rule a word').toBe(rules.length);
    expect(new Set(rules)).toEqual(new Set<string>([...STATEMENT_KEYWORDS, ...MODIFIER_WORDS]));
  });

  it('include the header the grammar reads', () => {
    expect(grammar).toContain(`Header = "${MERMAID_HEADER}"`);
  });
});
