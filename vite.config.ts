import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  build: {
    // dist/ also holds the compiled command-line core (tsc), so the web app has its own folder.
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    sourcemap: process.env.MAPWRIGHT_SOURCEMAP === '1',
    minify: process.env.MAPWRIGHT_NOMINIFY !== '1',
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
