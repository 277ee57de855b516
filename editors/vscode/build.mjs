// Builds the extension: the TextMate grammar from the language's one word list, and the client
// bundled into one file (vite, library mode; `vscode` is provided by the editor).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { textMateGrammar } from '../../dist/lang/tmgrammar.js';

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(here, 'syntaxes'), { recursive: true });
writeFileSync(join(here, 'syntaxes/wardley.tmLanguage.json'), `${JSON.stringify(textMateGrammar(), null, 2)}\n`);
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: join(here, 'dist'),
    emptyOutDir: true,
    target: 'node18',
    minify: false,
    ssr: true,
    lib: { entry: join(here, 'src/extension.ts'), formats: ['cjs'], fileName: () => 'extension.cjs' },
    rollupOptions: { external: ['vscode'] },
  },
  ssr: { noExternal: true },
});
