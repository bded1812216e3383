/**
 * The house's rooms and their doors: each folder of src/lib may import only from the folders
 * below it, so the pure domain stays testable without a map and the map draws without the UI.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, test } from 'vitest';

const LIB = resolve('src/lib');
const MAY_IMPORT: Record<string, string[]> = {
  domain: ['domain'],
  // Reading users' files (issue 24): pure, runs in a worker, beside the domain.
  import: ['domain', 'import'],
  data: ['domain', 'import', 'data'],
  state: ['domain', 'import', 'data', 'state'],
  map: ['domain', 'import', 'data', 'state', 'map'],
  export: ['domain', 'import', 'data', 'map', 'export'],
  ui: ['domain', 'import', 'data', 'state', 'map', 'export', 'ui'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(f) ? [p] : [];
  });
}

/** Each relative import of a file, as the src/lib folder it lands in (or null outside). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = relative(LIB, resolve(dirname(file), m[1]!));
    if (!target.startsWith('..')) out.push(target.split('/')[0]!);
  }
  return out;
}

describe('imports run one way', () => {
  test.each(Object.keys(MAY_IMPORT))('%s imports only what lies below it', (folder) => {
    const wrong = files(join(LIB, folder)).flatMap((f) =>
      importsOf(f)
        .filter((t) => t in MAY_IMPORT && !MAY_IMPORT[folder]!.includes(t))
        .map((t) => `${relative(LIB, f)} → ${t}`),
    );
    expect(wrong).toEqual([]);
  });

  test('the check sees imports (a file known to import the domain)', () => {
    expect(importsOf(join(LIB, 'map/theme.ts'))).toContain('domain');
  });
});
