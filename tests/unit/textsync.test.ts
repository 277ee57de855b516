import { ChangeSet, Text } from '@codemirror/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/lang/edit.js';
import { changeSetBetween, planTyping, textChangesOf } from '../../src/editor/core/textsync.js';

const apply = (cs: ChangeSet, s: string): string => cs.apply(Text.of(s.split('\n'))).toString();

describe('text editor and store sync', () => {
  it('sends a typed change unchanged when the editor shows the store text', () => {
    const typed = ChangeSet.of({ from: 3, insert: 'x' }, 6);
    const plan = planTyping('abcdef', 'abcdef', typed);
    expect(plan.toEditor).toBeNull();
    expect(apply(plan.toStore, 'abcdef')).toBe('abcxdef');
  });

  it('typing while the editor is behind a drag keeps both the typed keys and the drag', () => {
    const editor = 'component A [0.50, 0.20]\ncomponent B [0.10, 0.10]';
    const store = 'component A [0.50, 0.64]\ncomponent B [0.10, 0.10]';
    // The user types at the end of line 2 in the editor, which still shows the old numbers.
    const typed = ChangeSet.of({ from: editor.length, insert: ' inertia' }, editor.length);
    const plan = planTyping(editor, store, typed);
    const storeAfter = apply(plan.toStore, store);
    const editorAfter = apply(plan.toEditor!, apply(typed, editor));
    expect(storeAfter).toBe('component A [0.50, 0.64]\ncomponent B [0.10, 0.10] inertia');
    expect(editorAfter).toBe(storeAfter);
  });

  it('the store and the editor always converge (any texts, any typed change)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), fc.nat(), fc.string(), (editor, store, a, b, insert) => {
        const from = a % (editor.length + 1);
        const to = from + (b % (editor.length - from + 1));
        const typed = ChangeSet.of({ from, to, insert }, editor.length);
        const plan = planTyping(editor, store, typed);
        const storeAfter = applyChanges(store, textChangesOf(plan.toStore));
        const typedEditor = apply(typed, editor);
        const editorAfter = plan.toEditor ? apply(plan.toEditor, typedEditor) : typedEditor;
        expect(editorAfter).toBe(storeAfter);
        // What was typed is in the store's text.
        expect(storeAfter.includes(insert)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('changeSetBetween is one minimal replacement', () => {
    expect(textChangesOf(changeSetBetween('abc [0.1]', 'abc [0.25]'))).toEqual([{ from: 7, to: 8, insert: '25' }]);
    expect(changeSetBetween('same', 'same').empty).toBe(true);
  });
});
