// Vite config: https://vite.dev/config/ — the app lives in src/ so the top level stays
// as the client asked; data/ is read at build time and emitted as hashed same-origin assets.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { softwareLicences } from './src/pipeline/softwareLicences.ts';
import { SECURITY_HEADERS, securityMeta } from './src/pipeline/securityHeaders.ts';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { PARAGLIDE_OPTIONS } from './src/pipeline/messages.ts';

// The bundled packages' licences, written beside index.html (see docs/contributing.md).
const licences = softwareLicences('Drawdown Map');

export default defineConfig({
  root: 'src',
  publicDir: '../public',
  // The catalogues compiled before anything imports them, and again when one is edited (dev).
  plugins: [paraglideVitePlugin(PARAGLIDE_OPTIONS), svelte(), licences.app, securityMeta()],
  worker: { plugins: () => [licences.worker] },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // maplibre + deck.gl are one big lazily loaded chunk by design; the warning is noise.
    chunkSizeWarningLimit: 2000,
  },
  server: { fs: { allow: ['..'] } },
  // What a static host should send too (docs/deploying.md); the <meta> policy cannot forbid framing.
  preview: { port: 4173, strictPort: true, headers: SECURITY_HEADERS },
  test: {
    root: '.',
    // Dates are the product: pin the zone so no test passes or fails with the host's.
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // A condition waited on gets 10 s, not Vitest's 1 s: with two files rendering at once
          // through SwiftShader, one frame can take a few hundred milliseconds, and a 500 ms
          // zoom ease was caught at 76 % when the second ran out (CI, session 26).
          expect: { poll: { timeout: 10_000 } },
          // Two files at a time, each with its own browser (so its own storage): a page's waits
          // (fonts, the worker, playback at real speed) overlap the other's rendering. On the
          // 2-core machine, 331 s against 369 s one at a time (issue 22). The timing checks
          // have wide margins (a switch repaints in ~17 ms against 100; a refusal in ms
          // against 1 s), and held in both runs.
          fileParallelism: true,
          maxWorkers: 2,
          // After the unit tests (group 0): Vitest runs projects with their own worker counts
          // only in groups of their own.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
