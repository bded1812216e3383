/**
 * Timing of imported events in the closure-impact analysis (issue 24, item 5): 1,000,000
 * synthetic events over 2019–2026 (sorted), 60 % within about 20 km of 15 eastern towns and the
 * rest spread over the DRC and its neighbours; 100 sites (COB 25 km, some sector HQs 80 km)
 * around the same towns. The bundled province boundaries. Fastest of 10 runs (the machine is
 * shared: the fastest is the least disturbed), and the median.
 * Run: npx tsx tmp/eventCover-bench.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Topology } from 'topojson-specification';
import { decodeProvinces } from '../src/lib/data/boundaries.ts';
import { dayNumber } from '../src/lib/domain/dates.ts';
import { PROVINCES } from '../src/lib/domain/provinces.ts';
import type { Reacher } from '../src/lib/domain/impact.ts';
import {
  eventCover,
  eventCoverRows,
  eventLossRows,
  type EventSlice,
} from '../src/lib/import/eventCover.ts';
import { indexRange, NO_FILTER, windowRange, WINDOW_IDS } from '../src/lib/import/eventWindow.ts';
import { provinceCodes, provinceGrid, provinceOf } from '../src/lib/import/provinceGrid.ts';
import { reachGrid } from '../src/lib/import/reachGrid.ts';
import type { EventColumns } from '../src/lib/import/types.ts';

const N = 1_000_000;
const RUNS = 10;
const TOWNS: [number, number][] = [
  [29.22, -1.68],
  [29.47, 0.49],
  [30.25, 1.56],
  [28.86, -2.51],
  [29.14, -3.39],
  [29.29, 0.14],
  [29.19, -5.93],
  [25.19, 0.52],
  [22.4, -5.9],
  [30.5, 1.92],
  [29.45, -1.19],
  [28.82, -1.4],
  [28.05, -1.42],
  [28.94, -4.3],
  [29.05, 1.36],
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(5);

function synthetic(n: number): EventColumns {
  const d0 = dayNumber(2019, 1, 1);
  const d1 = dayNumber(2026, 12, 31);
  const days = Array.from({ length: n }, () => d0 + Math.floor(rnd() * (d1 - d0 + 1))).sort(
    (a, b) => a - b,
  );
  const cols: EventColumns = {
    n,
    positions: new Float32Array(2 * n),
    day: Float32Array.from(days),
    fatalities: new Float32Array(n),
    eventType: new Uint8Array(n),
    family: new Uint8Array(n),
    actor: new Uint32Array(n),
    rowStart: new Float64Array(n),
    rowLength: new Uint32Array(n),
    line: new Uint32Array(n),
    eventTypes: ['Battles', 'Violence against civilians', 'Protests', 'Riots', 'Explosions'],
    actors: Array.from({ length: 2000 }, (_, i) => `Actor ${i}`),
  };
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.6) {
      const [lon, lat] = TOWNS[Math.floor(rnd() * TOWNS.length)]!;
      cols.positions[2 * i] = lon + 0.36 * (rnd() - 0.5);
      cols.positions[2 * i + 1] = lat + 0.36 * (rnd() - 0.5);
    } else {
      cols.positions[2 * i] = 12 + 19.5 * rnd();
      cols.positions[2 * i + 1] = -13.5 + 19 * rnd();
    }
    cols.fatalities[i] = rnd() < 0.1 ? -1 : Math.floor(rnd() * rnd() * 20);
    cols.actor[i] = Math.floor(rnd() ** 3 * 2000);
  }
  return cols;
}

const sites: Reacher[] = Array.from({ length: 100 }, (_, i) => {
  const [lon, lat] = TOWNS[i % TOWNS.length]!;
  const hq = i % 10 === 0;
  return {
    id: `s${i}`,
    name: `Site ${i}`,
    kind: hq ? 'sector_hq' : 'cob',
    lon: lon + 1.2 * (rnd() - 0.5),
    lat: lat + 1.2 * (rnd() - 0.5),
    km: hq ? 80 : 25,
  };
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}
function time(f: () => unknown): string {
  const ms: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  return `${Math.min(...ms).toFixed(1)}/${median(ms).toFixed(1)}`;
}
const once = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

const topo = JSON.parse(readFileSync('data/boundaries/provinces.topo.json', 'utf8')) as Topology;
const provinces = decodeProvinces(topo, 'provinces.topo.json');
const cols = synthetic(N);

console.log(`provinceGrid build: first ${once(() => provinceGrid(provinces)).toFixed(1)} ms,`);
console.log(`  min/median ${time(() => provinceGrid(provinces))} ms`);
const pg = provinceGrid(provinces);
let mixed = 0;
for (let i = 0; i < N; i++) {
  const c = Math.floor((cols.positions[2 * i]! - pg.x0) / pg.cell);
  const r = Math.floor((cols.positions[2 * i + 1]! - pg.y0) / pg.cell);
  if (c >= 0 && c < pg.nx && r >= 0 && r < pg.ny && pg.code[r * pg.nx + c] === 254) mixed++;
}
console.log(
  `provinceGrid: ${pg.nx}×${pg.ny} cells, ${pg.rowStart[pg.ny]} row entries; events in border cells: ${((100 * mixed) / N).toFixed(1)} %`,
);
console.log(`provinceCodes (1M): first ${once(() => provinceCodes(cols, pg)).toFixed(1)} ms,`);
console.log(`  min/median ${time(() => provinceCodes(cols, pg))} ms`);
const codes = provinceCodes(cols, pg);
// A point-in-polygon test per event with turf, on 20,000 events, to compare.
const K = 20_000;
const tTurf = once(() => {
  for (let i = 0; i < K; i++) {
    const p: [number, number] = [cols.positions[2 * i]!, cols.positions[2 * i + 1]!];
    provinces.features.find((f) => booleanPointInPolygon(p, f));
  }
});
console.log(`turf point-in-polygon, ${K} events: ${tTurf.toFixed(0)} ms (×${N / K} for 1M)`);
let differ = 0;
for (let i = 0; i < K; i++) {
  const p: [number, number] = [cols.positions[2 * i]!, cols.positions[2 * i + 1]!];
  const f = provinces.features.find((f) => booleanPointInPolygon(p, f));
  const mine = provinceOf(pg, p[0], p[1]);
  if ((f?.properties.iso ?? null) !== (mine === 255 ? null : PROVINCES[mine]!.iso))
    differ++;
}
console.log(`  answers that differ from turf: ${differ} of ${K}`);

const now = sites.slice(0, 60);
console.log(`reachGrid (100 sites): min/median ${time(() => reachGrid(sites))} ms`);
const gThen = reachGrid(sites);
const gNow = reachGrid(now);
console.log(`  ${gThen.nx}×${gThen.ny} cells of ${gThen.cell.toFixed(3)}°, ${gThen.list.length} pairs`);

const today = dayNumber(2026, 12, 31);
console.log('window   events   cover ms   +loss ms  out of reach   lost  coverRows ms  lossRows ms');
for (const w of WINDOW_IDS) {
  const [first, last] = windowRange(today, w);
  const [lo, hi] = indexRange(cols.day, first, last);
  const s: EventSlice = { cols, lo, hi, filter: NO_FILTER, provinces: codes };
  const c = eventCover(s, gNow);
  const l = eventCover(s, gNow, gThen).loss!;
  console.log(
    [
      w.padEnd(6),
      String(hi - lo).padStart(8),
      time(() => eventCover(s, gNow)).padStart(11),
      time(() => eventCover(s, gNow, gThen)).padStart(11),
      String(c.outOfReach.events).padStart(13),
      String(l.lost.events).padStart(6),
      once(() => eventCoverRows(s, gNow))
        .toFixed(1)
        .padStart(13),
      once(() => eventLossRows(s, gNow, gThen))
        .toFixed(1)
        .padStart(12),
    ].join(' '),
  );
}
