/**
 * Builds a dataset's EventColumns row by row, as the worker reads them, then sorts them by day.
 *
 * Growable typed arrays rather than an array of objects: a million events as objects hold
 * about ten times the memory and cost the worker seconds of garbage collection, and the
 * finished columns cross to the page and to the GPU without a copy.
 */
import { ACTOR_FAMILIES, DATE_PRECISIONS, type EventColumns, type EventRow } from './types.ts';

/** Past this many distinct event types, the rest share the last one (colours run out long before). */
export const MAX_EVENT_TYPES = 255;

const FAMILY_CODE = new Map(ACTOR_FAMILIES.map((f, i) => [f, i]));
const PRECISION_CODE = new Map<string | null, number>(DATE_PRECISIONS.map((p, i) => [p, i]));

/** A place in words: the location, then the admin1 when there is one ("Kiwanja, Nord-Kivu"). */
export function placeName(location: string, admin1: string): string {
  if (!admin1 || admin1 === location) return location;
  return location ? `${location}, ${admin1}` : admin1;
}

/** An admin1 seen with a location, and its place code; the next one seen with it, if any. */
interface PlaceSeen {
  admin1: string;
  code: number;
  next: PlaceSeen | null;
}

/** Appends events one at a time; `finish()` hands back the columns sorted by day. */
export class EventColumnsBuilder {
  #n = 0;
  #cap: number;
  #positions: Float32Array;
  #day: Float32Array;
  #fatalities: Float32Array;
  #eventType: Uint8Array;
  #family: Uint8Array;
  #actor: Uint32Array;
  #precision: Uint8Array;
  #place: Uint32Array;
  #rowStart: Float64Array;
  #rowLength: Uint32Array;
  #line: Uint32Array;
  readonly #types = new Map<string, number>();
  readonly #actors = new Map<string, number>();
  /**
   * Place codes by location, each with the admin1s seen with it: one lookup a row, as a
   * location nearly always lies in one admin1, and no name is joined for a place seen before.
   */
  readonly #placeCodes = new Map<string, PlaceSeen>();
  readonly #places = new Map<string, number>();

  constructor(capacity = 1024) {
    this.#cap = Math.max(16, capacity);
    this.#positions = new Float32Array(this.#cap * 2);
    this.#day = new Float32Array(this.#cap);
    this.#fatalities = new Float32Array(this.#cap);
    this.#eventType = new Uint8Array(this.#cap);
    this.#family = new Uint8Array(this.#cap);
    this.#actor = new Uint32Array(this.#cap);
    this.#precision = new Uint8Array(this.#cap);
    this.#place = new Uint32Array(this.#cap);
    this.#rowStart = new Float64Array(this.#cap);
    this.#rowLength = new Uint32Array(this.#cap);
    this.#line = new Uint32Array(this.#cap);
  }

  get length(): number {
    return this.#n;
  }

  #grow(): void {
    // Doubling: a million rows cost about twenty copies of each column, in all.
    const cap = this.#cap * 2;
    const grow = <T extends Float32Array | Float64Array | Uint8Array | Uint32Array>(
      a: T,
      per = 1,
    ): T => {
      const b = new (a.constructor as new (n: number) => T)(cap * per);
      b.set(a);
      return b;
    };
    this.#positions = grow(this.#positions, 2);
    this.#day = grow(this.#day);
    this.#fatalities = grow(this.#fatalities);
    this.#eventType = grow(this.#eventType);
    this.#family = grow(this.#family);
    this.#actor = grow(this.#actor);
    this.#precision = grow(this.#precision);
    this.#place = grow(this.#place);
    this.#rowStart = grow(this.#rowStart);
    this.#rowLength = grow(this.#rowLength);
    this.#line = grow(this.#line);
    this.#cap = cap;
  }

  /** Adds one event, with where its row lies in the file. */
  add(e: EventRow, rowStart: number, rowLength: number, line: number): void {
    if (this.#n === this.#cap) this.#grow();
    const i = this.#n++;
    this.#positions[i * 2] = e.lon;
    this.#positions[i * 2 + 1] = e.lat;
    this.#day[i] = e.day;
    this.#fatalities[i] = e.fatalities ?? -1;
    let t = this.#types.get(e.eventType);
    if (t === undefined) {
      t = Math.min(this.#types.size, MAX_EVENT_TYPES - 1);
      if (this.#types.size < MAX_EVENT_TYPES) this.#types.set(e.eventType, t);
    }
    this.#eventType[i] = t;
    this.#family[i] = FAMILY_CODE.get(e.family) ?? ACTOR_FAMILIES.length - 1;
    let a = this.#actors.get(e.actor1);
    if (a === undefined) {
      a = this.#actors.size;
      this.#actors.set(e.actor1, a);
    }
    this.#actor[i] = a;
    this.#precision[i] = PRECISION_CODE.get(e.datePrecision) ?? 0;
    this.#place[i] = this.#placeCode(e.location, e.admin1);
    this.#rowStart[i] = rowStart;
    this.#rowLength[i] = rowLength;
    this.#line[i] = line;
  }

  #placeCode(location: string, admin1: string): number {
    const first = this.#placeCodes.get(location);
    for (let s: PlaceSeen | null | undefined = first; s; s = s.next)
      if (s.admin1 === admin1) return s.code;
    const name = placeName(location, admin1);
    // Two spellings may make one name ("Goma" with no admin1, "Goma" with admin1 "Goma").
    let code = this.#places.get(name);
    if (code === undefined) this.#places.set(name, (code = this.#places.size));
    this.#placeCodes.set(location, { admin1, code, next: first ?? null });
    return code;
  }

  /** The columns, sorted by day (stable: rows of one day keep file order). */
  finish(): EventColumns {
    const n = this.#n;
    const order = dayOrder(this.#day, n);
    const pick = <T extends Float32Array | Float64Array | Uint8Array | Uint32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      for (let k = 0; k < n; k++) b[k] = a[order[k]!]!;
      return b;
    };
    const positions = new Float32Array(n * 2);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      positions[k * 2] = this.#positions[i * 2]!;
      positions[k * 2 + 1] = this.#positions[i * 2 + 1]!;
    }
    return {
      n,
      positions,
      day: pick(this.#day),
      fatalities: pick(this.#fatalities),
      eventType: pick(this.#eventType),
      family: pick(this.#family),
      actor: pick(this.#actor),
      precision: pick(this.#precision),
      place: pick(this.#place),
      rowStart: pick(this.#rowStart),
      rowLength: pick(this.#rowLength),
      line: pick(this.#line),
      eventTypes: [...this.#types.keys()],
      actors: [...this.#actors.keys()],
      places: [...this.#places.keys()],
    };
  }
}

/**
 * The order that sorts the first `n` days ascending, stably. A counting sort: days are whole
 * numbers over a span of years, so this is linear, where a comparison sort of a million
 * indices takes the worker most of a second.
 */
export function dayOrder(day: Float32Array, n: number): Uint32Array {
  const order = new Uint32Array(n);
  if (n === 0) return order;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const span = max - min + 1;
  // A span wider than the rows (a few stray centuries) would make the counts the cost.
  if (!Number.isInteger(span) || span > Math.max(4 * n, 1 << 16)) {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => day[a]! - day[b]! || a - b);
    return order;
  }
  const counts = new Uint32Array(span + 1);
  for (let i = 0; i < n; i++) {
    const k = day[i]! - min + 1;
    counts[k] = counts[k]! + 1;
  }
  for (let k = 1; k <= span; k++) counts[k] = counts[k]! + counts[k - 1]!;
  for (let i = 0; i < n; i++) {
    const k = day[i]! - min;
    order[counts[k]!] = i;
    counts[k] = counts[k]! + 1;
  }
  return order;
}

/** A copy of the columns (their arrays copied; the name lists shared, being read-only). */
export function copyColumns(c: EventColumns): EventColumns {
  return {
    ...c,
    positions: c.positions.slice(),
    day: c.day.slice(),
    fatalities: c.fatalities.slice(),
    eventType: c.eventType.slice(),
    family: c.family.slice(),
    actor: c.actor.slice(),
    precision: c.precision.slice(),
    place: c.place.slice(),
    rowStart: c.rowStart.slice(),
    rowLength: c.rowLength.slice(),
    line: c.line.slice(),
  };
}

/** The buffers of the columns, to transfer them to or from a worker without a copy. */
export function columnBuffers(c: EventColumns): ArrayBuffer[] {
  return [
    c.positions,
    c.day,
    c.fatalities,
    c.eventType,
    c.family,
    c.actor,
    c.precision,
    c.place,
    c.rowStart,
    c.rowLength,
    c.line,
  ].map((a) => a.buffer as ArrayBuffer);
}
