/**
 * How the interface's words are compiled: Paraglide JS (https://paraglidejs.com, MIT) turns the
 * catalogues, messages/{locale}.json, into one typed function per message in src/paraglide/,
 * which the bundler tree-shakes. The same options serve `npm run messages` (before svelte-check
 * and ESLint, which need the generated types) and the Vite plugin (dev, build, Vitest).
 * The output is generated, never committed: the catalogues are the one source of the words.
 */
import { fileURLToPath } from 'node:url';
import type { CompilerOptions } from '@inlang/paraglide-js';

export const PARAGLIDE_OPTIONS = {
  // Absolute: the CLI resolves relative paths from the working directory, the Vite plugin from
  // Vite's root (src/). project.inlang/settings.json names the locales and loads the catalogue
  // plugin from node_modules, never from a CDN (see docs/contributing.md).
  project: fileURLToPath(new URL('../../project.inlang', import.meta.url)),
  outdir: fileURLToPath(new URL('../paraglide', import.meta.url)),
  // No Paraglide strategy: the app resolves the locale itself (link, stored choice, browser,
  // English) and holds it in Svelte state (src/lib/state/locale.svelte.ts, which overrides
  // getLocale and setLocale). With only the base locale listed, the bundler drops Paraglide's
  // cookie, URL and storage code.
  strategy: ['baseLocale'],
  // One module per message in dev as in the build, so both load the same files.
  outputStructure: 'message-modules',
  // Types for the generated JavaScript, since tsconfig does not allow JS.
  emitTsDeclarations: true,
  emitReadme: false,
} satisfies CompilerOptions;
