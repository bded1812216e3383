/**
 * `npm run messages`: compiles the catalogues (src/pipeline/messages.ts), then checks that every
 * message of the base catalogue came out. Paraglide reports success even when the catalogue
 * plugin failed to load (a wrong path in project.inlang/settings.json) and then emits no
 * message at all; this script fails instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from '@inlang/paraglide-js';
import { PARAGLIDE_OPTIONS } from './messages.ts';

await compile(PARAGLIDE_OPTIONS);

const settings = JSON.parse(readFileSync(join(PARAGLIDE_OPTIONS.project, 'settings.json'), 'utf8'));
const base = JSON.parse(readFileSync(`messages/${settings.baseLocale}.json`, 'utf8'));
const compiled: Record<string, unknown> = await import(
  pathToFileURL(join(PARAGLIDE_OPTIONS.outdir, 'messages/_index.js')).href
);
const missing = Object.keys(base).filter(
  (k) => k !== '$schema' && typeof compiled[k] !== 'function',
);
if (missing.length) {
  console.error(
    `${missing.length} message(s) of messages/${settings.baseLocale}.json were not compiled ` +
      `(${missing.slice(0, 5).join(', ')}…). Check that "modules" in project.inlang/settings.json ` +
      'names ./node_modules/@inlang/plugin-message-format/dist/index.js and that it is installed.',
  );
  process.exit(1);
}
