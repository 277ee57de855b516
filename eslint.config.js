// ESLint: the recommended JavaScript and typescript-eslint rules, React's hook rules in the editor.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'src/lang/generated/',
      'test-results/',
      'editors/vscode/dist/',
      'editors/vscode/syntaxes/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_` names a value deliberately left unused (a destructured part, a callback argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Prettier prints code at 120 columns; this holds comments and strings to the same.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-len': ['error', { code: 120, ignoreUrls: true }] },
  },
  {
    // Names, escapes and SVG text: matching control characters is what these do.
    files: ['src/lang/names.ts', 'src/lang/escape.ts', 'src/render/svg.ts', 'tests/unit/escape.test.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['src/editor/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The rules of hooks and their dependencies. Not the React Compiler's rules (refs, immutability):
    // the canvas keeps a drag's frozen layers in refs read while rendering, on purpose, and the app
    // is not compiled by the React Compiler.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The editor's core (store, history, commands, actions, gestures, sessions, live rooms) has no
    // React, Konva or view: it runs and is tested in Node. The views are in src/editor/ui.
    files: ['src/editor/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'react',
            'react-dom',
            'react-dom/client',
            'konva',
            'react-konva',
            '@codemirror/view',
            'y-codemirror.next',
          ],
          patterns: [{ group: ['../ui/*', '**/editor/ui/*'], message: 'the core does not import the views' }],
        },
      ],
    },
  },
);
