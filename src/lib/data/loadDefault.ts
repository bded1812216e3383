/** Fetches the bundled scenario CSVs (same-origin assets) and validates them. */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import placesUrl from '../../../data/places.csv?url';
import sitesUrl from '../../../data/scenario/sites.csv?url';
import hotspotsUrl from '../../../data/scenario/hotspots.csv?url';
import phasesUrl from '../../../data/scenario/phases.csv?url';
import eventsUrl from '../../../data/scenario/events.csv?url';
import mandatesUrl from '../../../data/scenario/mandates.csv?url';
import siteTroopsUrl from '../../../data/scenario/site-troops.csv?url';
import strengthUrl from '../../../data/scenario/strength.csv?url';
import controlUrl from '../../../data/scenario/control.csv?url';
import { DataError } from './errors.ts';
import { validateScenario, type ScenarioTexts, type ValidatedScenario } from './loadScenario.ts';

const URLS: Record<keyof ScenarioTexts, string | undefined> = {
  places: placesUrl,
  sites: sitesUrl,
  hotspots: hotspotsUrl,
  phases: phasesUrl,
  events: eventsUrl,
  mandates: mandatesUrl,
  siteTroops: siteTroopsUrl,
  strength: strengthUrl,
  control: controlUrl,
};

/** The file's bytes: the loader decodes them strictly, so bad bytes are reported by line. */
async function bytes(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(url, { signal });
  if (!res.ok)
    throw new DataError([
      {
        file: url,
        message: { code: 'http', params: { status: res.status, statusText: res.statusText } },
        fix: { code: 'fix_build_data', params: { folder: 'data/' } },
      },
    ]);
  return new Uint8Array(await res.arrayBuffer());
}

/** The default scenario, validated against the province boundaries. */
export async function loadDefaultScenario(
  provinces: FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>,
  signal?: AbortSignal,
): Promise<ValidatedScenario> {
  const entries = await Promise.all(
    Object.entries(URLS)
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(async ([k, u]) => [k, await bytes(u, signal)] as const),
  );
  return validateScenario(Object.fromEntries(entries) as ScenarioTexts, provinces);
}
