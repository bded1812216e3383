import { describe, expect, test } from 'vitest';
import {
  homepageOf,
  licenceFileNames,
  licencesText,
  normaliseLicence,
  ownPart,
  type BundledPackage,
} from '../../src/pipeline/licences.ts';
import { parseSoftwareList } from '../../src/lib/data/softwareLicences.ts';

describe('normaliseLicence', () => {
  test.each([
    { license: 'MIT', licenses: undefined, expected: 'MIT' },
    { license: ' MPL-2.0 ', licenses: undefined, expected: 'MPL-2.0' },
    { license: '(MIT OR Apache-2.0)', licenses: undefined, expected: '(MIT OR Apache-2.0)' },
    { license: { type: 'ISC' }, licenses: undefined, expected: 'ISC' },
    {
      license: [{ type: 'MIT' }, { type: 'GPL-2.0' }],
      licenses: undefined,
      expected: '(MIT OR GPL-2.0)',
    },
    { license: undefined, licenses: [{ type: 'BSD-2-Clause' }], expected: 'BSD-2-Clause' },
    { license: 'BDS-3-Clause', licenses: undefined, expected: 'BSD-3-Clause' },
    { license: undefined, licenses: undefined, expected: null },
    { license: '', licenses: undefined, expected: null },
    { license: 42, licenses: undefined, expected: null },
  ])('$license / $licenses → $expected', ({ license, licenses, expected }) => {
    expect(normaliseLicence(license, licenses)).toBe(expected);
  });
});

describe('licenceFileNames', () => {
  test.each([
    { entries: ['package.json', 'LICENSE', 'README.md', 'dist'], expected: ['LICENSE'] },
    { entries: ['LICENSE.txt', 'src'], expected: ['LICENSE.txt'] },
    { entries: ['NOTICE', 'LICENSE.md', 'licence'], expected: ['LICENSE.md', 'licence', 'NOTICE'] },
    {
      entries: ['COPYING', 'LICENSE-MIT', 'LICENSE-APACHE'],
      expected: ['COPYING', 'LICENSE-APACHE', 'LICENSE-MIT'],
    },
    { entries: ['THIRD-PARTY-LICENSE', 'licensed.js', 'noticeboard'], expected: [] },
    { entries: [], expected: [] },
  ])('$entries → $expected', ({ entries, expected }) => {
    expect(licenceFileNames(entries)).toEqual(expected);
  });
});

describe('homepageOf', () => {
  test.each([
    { pkg: { name: 'svelte', homepage: 'https://svelte.dev' }, expected: 'https://svelte.dev' },
    {
      pkg: { name: 'a', repository: { url: 'git+https://github.com/visgl/luma.gl.git' } },
      expected: 'https://github.com/visgl/luma.gl',
    },
    {
      pkg: { name: 'a', repository: 'git+ssh://git@github.com/mourner/tinyqueue.git' },
      expected: 'https://github.com/mourner/tinyqueue',
    },
    {
      pkg: { name: 'a', repository: 'github:topojson/topojson-client' },
      expected: 'https://github.com/topojson/topojson-client',
    },
    {
      pkg: { name: 'a', repository: 'mapbox/polylabel' },
      expected: 'https://github.com/mapbox/polylabel',
    },
    { pkg: { name: 'a', homepage: 'not a url' }, expected: 'https://www.npmjs.com/package/a' },
    { pkg: { name: '@scope/b' }, expected: 'https://www.npmjs.com/package/@scope/b' },
  ])('$pkg → $expected', ({ pkg, expected }) => {
    expect(homepageOf(pkg)).toBe(expected);
  });
});

describe('ownPart', () => {
  test.each([
    { text: 'MIT License\n\nCopyright…\n', expected: 'MIT License\n\nCopyright…\n' },
    {
      text: '# Vite core license\nMIT…\n\n# Licenses of bundled dependencies\nrollup: MIT\n',
      expected: '# Vite core license\nMIT…\n',
    },
  ])('$text', ({ text, expected }) => {
    expect(ownPart(text)).toBe(expected);
  });
});

describe('licencesText', () => {
  const pkg = (name: string, licence: string, texts: BundledPackage['texts']): BundledPackage => ({
    name,
    version: '1.0.0',
    licence,
    homepage: `https://example.org/${name}`,
    texts,
  });
  test.each([
    {
      case: 'an index line and every file of each package',
      packages: [
        pkg('mediabunny', 'MPL-2.0', [
          { file: 'LICENSE', text: 'Mozilla Public License Version 2.0\n' },
        ]),
        pkg('x', 'Apache-2.0', [
          { file: 'LICENSE', text: 'Apache' },
          { file: 'NOTICE', text: 'Notice of x' },
        ]),
      ],
      contains: [
        'contains the 2 npm packages',
        '  mediabunny 1.0.0: MPL-2.0\n  x 1.0.0: Apache-2.0\n',
        '--- LICENSE ---\n\nMozilla Public License Version 2.0\n',
        '--- NOTICE ---\n\nNotice of x\n',
        'Home: https://example.org/x',
      ],
    },
    {
      case: 'a package without a licence file says so',
      packages: [pkg('y', 'MIT', [])],
      contains: ['y 1.0.0\nLicence: MIT', 'ships no licence file'],
    },
  ])('$case', ({ packages, contains }) => {
    const text = licencesText(packages, 'Drawdown Map');
    expect(text.startsWith('Third-party software in Drawdown Map\n')).toBe(true);
    for (const c of contains) expect(text).toContain(c);
  });
});

describe('parseSoftwareList', () => {
  const ok = { name: 'svelte', version: '5.57.3', licence: 'MIT', homepage: 'https://svelte.dev' };
  test.each([
    { json: [ok], error: null },
    { json: [], error: null },
    { json: {}, error: /third-party-licences\.json: .* at the top level; rebuild the app/ },
    { json: [ok, { ...ok, licence: '' }], error: /at 1\.licence; rebuild/ },
    { json: [{ name: 'x' }], error: /at 0\.version/ },
  ])('$json', ({ json, error }) => {
    if (error) expect(() => parseSoftwareList(json)).toThrow(error);
    else expect(parseSoftwareList(json)).toEqual(json);
  });
});
