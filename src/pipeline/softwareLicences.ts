/**
 * Vite plugin: finds every npm package whose code, styles or fonts end up in the production
 * build (all chunks, the lazy ones and the workers' included) and writes, beside index.html,
 * the list the About panel shows and a file with each package's licence and notice texts.
 *
 * Why our own: rollup-plugin-license 3.7.2 runs under Vite 8 (Rolldown) and finds the same
 * JavaScript packages, but counts only modules with rendered code, so it misses a package that
 * ships only CSS and fonts (@fontsource/noto-sans, under the OFL), and it brings Rollup, lodash
 * and moment along. This reads the public output bundle instead:
 * https://rollupjs.org/plugin-development/#generatebundle (chunk `modules`, asset
 * `originalFileNames`, both in Rolldown too).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import {
  SOFTWARE_LIST_FILE,
  SOFTWARE_TEXTS_FILE,
  type SoftwarePackage,
} from '../lib/data/softwareLicences.ts';
import {
  homepageOf,
  licenceFileNames,
  licencesText,
  normaliseLicence,
  ownPart,
  type BundledPackage,
} from './licences.ts';

type OutputBundle = Parameters<Extract<Plugin['generateBundle'], (...a: never[]) => unknown>>[1];

const NODE_MODULES = `${sep}node_modules${sep}`;
// Vite keeps CSS modules in the chunk with no rendered JS; their CSS goes to a .css asset.
const STYLE = /\.(css|scss|sass|less|styl)$/;
// Virtual modules of the bundler's own (the preload helper, Rolldown's runtime, the stub for
// Node built-ins): a few kilobytes of Vite's and Rolldown's code in the output.
const HELPERS: [RegExp, string][] = [
  [/^(\0vite\/|__vite-)/, 'vite'],
  [/^\0rolldown\//, 'rolldown'],
];

// Code a package writes into the app's own tree: Paraglide JS generates src/paraglide/ (its
// runtime and the message functions) from the catalogues. It is that package's code, so it is
// credited as the package, though no file of it lies in node_modules.
const GENERATED: [RegExp, string][] = [[/[\\/]src[\\/]paraglide[\\/]/, '@inlang/paraglide-js']];

/** The files in node_modules the bundle was made from, and the bundler helpers it holds. */
function bundledFiles(bundle: OutputBundle, root: string, into: Set<string>, helpers: Set<string>) {
  for (const out of Object.values(bundle)) {
    if (out.type === 'chunk') {
      for (const [id, m] of Object.entries(out.modules)) {
        const file = id.replace(/^\0/, '').replace(/\?.*$/, '');
        if (file.includes(NODE_MODULES) && (m.renderedLength > 0 || STYLE.test(file)))
          into.add(file);
        const generator = GENERATED.find(([re]) => re.test(file));
        // The package's entry file stands for it: owner() finds its package.json from there.
        if (generator && m.renderedLength > 0)
          into.add(createRequire(import.meta.url).resolve(generator[1]));
        const helper = HELPERS.find(([re]) => re.test(id));
        if (helper && m.renderedLength > 0) helpers.add(helper[1]);
      }
    } else {
      for (const name of out.originalFileNames) {
        const file = resolve(root, name);
        if (file.includes(NODE_MODULES)) into.add(file);
      }
    }
  }
}

/** The folder and package.json of the package a file belongs to (the nearest one naming itself). */
function owner(file: string, cache: Map<string, string | null>): string | null {
  const seen: string[] = [];
  let dir = dirname(file);
  let found: string | null = null;
  while (dir.includes(NODE_MODULES)) {
    const hit = cache.get(dir);
    if (hit !== undefined) {
      found = hit;
      break;
    }
    seen.push(dir);
    const pj = join(dir, 'package.json');
    // Nested package.json files such as dist/esm/package.json only set "type"; skip them.
    if (existsSync(pj)) {
      const { name, version } = JSON.parse(readFileSync(pj, 'utf8'));
      if (name && version) {
        found = dir;
        break;
      }
    }
    dir = dirname(dir);
  }
  for (const d of seen) cache.set(d, found);
  return found;
}

/** The folder of a helper's package, as Node resolves it from Vite (Rolldown is Vite's own). */
function helperDir(name: string): string {
  const vite = createRequire(import.meta.url).resolve('vite/package.json');
  return name === 'vite'
    ? dirname(vite)
    : dirname(createRequire(vite).resolve(`${name}/package.json`));
}

function readPackage(dir: string, warn: (m: string) => void): BundledPackage {
  const pj = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const licence = normaliseLicence(pj.license, pj.licenses);
  if (!licence)
    warn(`${pj.name}: its package.json names no licence; check its terms before shipping it`);
  const texts = licenceFileNames(readdirSync(dir))
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((file) => ({ file, text: ownPart(readFileSync(join(dir, file), 'utf8')) }));
  if (texts.length === 0)
    warn(`${pj.name}: no LICENSE, COPYING or NOTICE file; its listed licence stands alone`);
  return {
    name: pj.name,
    version: pj.version,
    licence: licence ?? 'UNKNOWN',
    homepage: homepageOf(pj),
    texts,
  };
}

/**
 * The plugin for the app build, and the one to list in `worker.plugins`; the second only
 * collects, so the first writes the workers' packages too (workers are bundled first).
 */
export function softwareLicences(appName: string): { app: Plugin; worker: Plugin } {
  const files = new Set<string>();
  const helpers = new Set<string>();
  let root = process.cwd();
  const collect = (bundle: OutputBundle) => bundledFiles(bundle, root, files, helpers);
  const worker: Plugin = {
    name: 'software-licences:worker',
    apply: 'build',
    configResolved: (c) => void (root = c.root),
    generateBundle: { order: 'post', handler: (_, bundle) => collect(bundle) },
  };
  const app: Plugin = {
    name: 'software-licences',
    apply: 'build',
    configResolved: (c) => void (root = c.root),
    // A new build (watch mode, or a second build in one process) starts a new list; the
    // workers are bundled after this, during the app's own build.
    buildStart() {
      files.clear();
      helpers.clear();
    },
    generateBundle: {
      // After Vite's CSS plugin has emitted the fonts the stylesheets use.
      order: 'post',
      handler(_, bundle) {
        collect(bundle);
        const cache = new Map<string, string | null>();
        const dirs = new Set([...files].map((f) => owner(f, cache)).filter((d) => d !== null));
        for (const h of helpers) dirs.add(helperDir(h));
        const byId = new Map<string, BundledPackage>();
        for (const dir of dirs) {
          const p = readPackage(dir, (m) => this.warn(m));
          byId.set(`${p.name}@${p.version}`, p);
        }
        const packages = [...byId.values()].sort((a, b) =>
          a.name === b.name ? (a.version < b.version ? -1 : 1) : a.name < b.name ? -1 : 1,
        );
        const list: SoftwarePackage[] = packages.map(({ name, version, licence, homepage }) => ({
          name,
          version,
          licence,
          homepage,
        }));
        this.emitFile({
          type: 'asset',
          fileName: SOFTWARE_LIST_FILE,
          source: JSON.stringify(list),
        });
        this.emitFile({
          type: 'asset',
          fileName: SOFTWARE_TEXTS_FILE,
          source: licencesText(packages, appName),
        });
      },
    },
  };
  return { app, worker };
}
