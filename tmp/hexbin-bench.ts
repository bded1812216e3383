/**
 * Timing of the hexagon aggregation (issue 24): synthetic EventColumns of 1,000,000 events spread
 * over lon 24–31, lat −12–4 and the days of 2019–2026 (sorted), `binIndex` once, then `aggregate`
 * for each window; median of 10 runs. Then the same with half the events in 20 clusters, where
 * "Suggest hotspots" has areas to measure. Run: npx tsx tmp/hexbin-bench.ts
 */
import { performance } from 'node:perf_hooks';
import { dayNumber } from '../src/lib/domain/dates.ts';
import {
  indexRange,
  NO_FILTER,
  passes,
  windowRange,
  windowTotals,
  WINDOW_IDS,
  type EventFilter,
} from '../src/lib/import/eventWindow.ts';
import { aggregate, binIndex, DEFAULT_HEX_KM } from '../src/lib/import/hexbin.ts';
import { suggestHotspots } from '../src/lib/import/suggestHotspots.ts';
import type { EventColumns } from '../src/lib/import/types.ts';

const N = 1_000_000;
const RUNS = 10;

/** A small deterministic generator, so every run measures the same data. */
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

function synthetic(n: number, clustered: boolean): EventColumns {
  const rnd = mulberry32(24);
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
    actors: Array.from({ length: 500 }, (_, i) => `Actor ${i}`),
  };
  const centres = Array.from({ length: 20 }, () => [25 + 5 * rnd(), -11 + 14 * rnd()] as const);
  for (let i = 0; i < n; i++) {
    cols.positions[2 * i] = 24 + 7 * rnd();
    cols.positions[2 * i + 1] = -12 + 16 * rnd();
    if (clustered && rnd() < 0.5) {
      // Within about 20 km of one of the centres.
      const [lon, lat] = centres[Math.floor(rnd() * centres.length)]!;
      cols.positions[2 * i] = lon + 0.18 * (rnd() - 0.5) * 2;
      cols.positions[2 * i + 1] = lat + 0.18 * (rnd() - 0.5) * 2;
    }
    cols.fatalities[i] = rnd() < 0.1 ? -1 : Math.floor(rnd() * rnd() * 20);
    cols.eventType[i] = Math.floor(rnd() * 5);
    cols.family[i] = Math.floor(rnd() * 9);
    cols.actor[i] = Math.floor(rnd() * 500);
    cols.line[i] = i + 2;
  }
  return cols;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}

function time(f: () => unknown): number {
  const ms: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/** The same aggregation with the Set-based test, to show what the lookup tables save. */
function aggregateWithSets(
  cols: EventColumns,
  bins: Int32Array,
  lo: number,
  hi: number,
  filter: EventFilter,
): number {
  const counts = new Map<number, number>();
  for (let i = lo; i < hi; i++)
    if (passes(cols, i, filter)) counts.set(bins[i]!, (counts.get(bins[i]!) ?? 0) + 1);
  return counts.size;
}

const FAMILY: EventFilter = { ...NO_FILTER, families: new Set([1, 3]) };
const today = dayNumber(2026, 12, 31);

for (const clustered of [false, true]) {
  const t0 = performance.now();
  const cols = synthetic(N, clustered);
  console.log(
    `\n${clustered ? 'half in 20 clusters' : 'uniform'}: data made in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  const tb = performance.now();
  const bins = binIndex(cols, DEFAULT_HEX_KM);
  console.log(`binIndex (1M, first run): ${(performance.now() - tb).toFixed(1)} ms`);
  console.log(
    `binIndex (median of ${RUNS}): ${time(() => binIndex(cols, DEFAULT_HEX_KM)).toFixed(1)} ms`,
  );
  console.log(
    'window  events   bins  count ms  fatalities ms  count+filter ms  (with Sets)  totals ms  suggest ms  found',
  );
  for (const w of WINDOW_IDS) {
    const [first, last] = windowRange(today, w);
    const [lo, hi] = indexRange(cols.day, first, last);
    const agg = aggregate(cols, bins, lo, hi, NO_FILTER, 'count');
    const count = time(() => aggregate(cols, bins, lo, hi, NO_FILTER, 'count'));
    const fat = time(() => aggregate(cols, bins, lo, hi, NO_FILTER, 'fatalities'));
    const filtered = time(() => aggregate(cols, bins, lo, hi, FAMILY, 'count'));
    const sets = time(() => aggregateWithSets(cols, bins, lo, hi, FAMILY));
    const totals = time(() => windowTotals(cols, lo, hi, NO_FILTER));
    const suggest = time(() => suggestHotspots(cols, bins, lo, hi, NO_FILTER));
    const found = suggestHotspots(cols, bins, lo, hi, NO_FILTER).length;
    console.log(
      [
        w.padEnd(6),
        String(hi - lo).padStart(7),
        String(agg.ids.length).padStart(6),
        count.toFixed(2).padStart(9),
        fat.toFixed(2).padStart(14),
        filtered.toFixed(2).padStart(16),
        sets.toFixed(2).padStart(12),
        totals.toFixed(2).padStart(10),
        suggest.toFixed(2).padStart(11),
        String(found).padStart(6),
      ].join(' '),
    );
  }
}
