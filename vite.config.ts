import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { availableParallelism } from 'node:os';

// Relative base so the built dist/ works from any static folder or sub-path.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // A small recorded run would otherwise be inlined as a data: URL, which the page's CSP
    // (connect-src 'self') refuses to fetch: JSON assets always stay files.
    assetsInlineLimit: (file: string) => (file.endsWith('.json') ? false : undefined),
  },
  server: { host: '127.0.0.1' },
  // Pre-bundle the lazily imported dependencies when the dev server starts: discovered later (the
  // first visit to a paper page, the first Run), each would make Vite reload the page mid-session.
  optimizeDeps: {
    include: [
      'katex',
      'plotly.js-cartesian-dist-min',
      'idb',
      'zod',
      'munkres',
      'ml-matrix',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-webgpu',
    ],
  },
  test: {
    // One worker per core (Vitest's default leaves one core idle): the claim files are single-threaded
    // WASM training runs, so on the 2-core CI machine this halves the wall time.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'claims',
          include: ['tests/claims/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // A poll waits for what the page shows, not for how fast it shows it (speed is the
          // benchmark's): Vitest's 1 s default failed on a loaded 2-core CI machine, where an
          // IndexedDB write and a worker round trip can take longer.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
