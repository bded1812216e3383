/**
 * A Geo-PKO file turned into sites: Geo-PKO has one row per place and UN deployment map (a
 * mission, a year and month, a location, its point, its troops and HQ code); the map needs one
 * row per place. Pure: it runs in Node (the tests) and on the page.
 *
 * The columns (Geo-PKO v2.x; v1.x writes the same names with capitals, matched regardless of
 * case) are those the Geo-PKO team's own dashboard reads, github.com/geopko/Geo-PKO-Shiny-Dashboard
 * (data_wrangling_v.2.3.R): mission, year, month, location, country, latitude, longitude,
 * no.troops, nameoftcc_1…, hq, unpol.dummy. Missing values are written `NA`.
 *
 * How a file becomes sites:
 * - Rows of MONUSCO and of MONUC (the same mission's name until Security Council resolution 1925
 *   renamed it in 2010) are read; other missions' rows are counted and left out: the map is of
 *   the DR Congo.
 * - One site per place: rows with the same location name (case, accents and spacing aside) whose
 *   points lie within GROUP_KM of the first point seen under that name. Geo-PKO recodes a town's
 *   point between maps: in v2.3's MONUC and MONUSCO rows (FrontMap_v.2.3.csv in the repository
 *   above) one name's points lie 0.7 to 4.5 km apart (Butembo 4.5, Kamanyola 3.0, Baraka 1.5),
 *   with a single outlier 236 km off (Nyamilima, another place). A ~1 km rule would split seven
 *   towns in two; 5 km keeps each town one site and the outlier apart. Different names are never
 *   merged (Geo-PKO lists Beni and Boikene, 5 km apart, as separate places), but a site within
 *   1 km of another name says so in its notes (spellings vary: Kanyabayonga, Kanja-bayonga).
 * - opened = the first year the place is on the maps, `present_by`, precision year.
 * - A place missing from the file's last year: closed = the last year it is on the maps,
 *   precision year, closure `last_seen` (schema.ts): the last map that shows it is of that year,
 *   later maps do not, and Geo-PKO does not say whether or when it closed. Absence is not a
 *   known closing, so it is never `closed` or `withdrawn`. A year-precision date ends on 31 Dec,
 *   so the site counts as open through its last year seen and not after (siteSpan, timeline.ts).
 *   A gap in the years does not close it: seen 2010–2012 and 2015, it is last seen in 2015. The
 *   notes add what the column cannot (the year the file's maps run to); confidence low.
 * - A place on the last year's maps: closed and closure empty, confidence medium.
 * - kind from the HQ code, as the Geo-PKO dashboard reads it (app.R: `hq == 3` is drawn as
 *   "Mission HQ", `hq == 2` as "Sector HQ"): the highest code the place ever has (a sector HQ
 *   later reduced stays the sector HQ site, as our own sites.csv does for Bukavu). Codes 0 and 1
 *   name no HQ we can draw, so the most modest kind the evidence allows: a company operating
 *   base where any map gives it troops; UN police where it has none but police; else a field
 *   office (a presence with no troops and no reach). The notes say the kind is assumed.
 * - troops as site-troops.csv rows: per year, the mean of that year's maps' no.troops, with the
 *   smallest and largest (Geo-PKO counts standard unit sizes, not heads), as our bundled
 *   site-troops.csv does.
 * - province: the province the point lies in (within the loader's 5 km tolerance, given by the
 *   caller). A place outside every DRC province (MONUC's offices in Kigali or Kampala) cannot be
 *   drawn as a site: its rows are rejected, each named.
 */
import { m } from '../../paraglide/messages.js';
import { readFuzzyDate, type FuzzyDate } from '../domain/dates.ts';
import type { Locale } from '../domain/locales.ts';
import type { Said } from '../domain/problems.ts';
import type { Confidence, Site, SiteKind, SiteTroops } from '../domain/schema.ts';
import { readCoordinates, readNumber } from './cells.ts';
import { CsvByteReader, MAX_RECORD_BYTES } from './csvBytes.ts';
import { headerKey } from './formats.ts';
import type { TableRow, TableSource } from './geojsonSource.ts';
import { readerOptions } from './readerOptions.ts';
import type { RowProblem, Sniffed } from './types.ts';

/** Points of one name within this distance of the first are one place (see the module comment). */
export const GROUP_KM = 5;
/** Sites of different names closer than this are flagged in their notes as perhaps one place. */
export const NEAR_KM = 1;
/** The mission's names in Geo-PKO, upper case. */
export const MISSIONS = ['MONUSCO', 'MONUC'] as const;
/** Columns a file cannot be turned into sites without. */
export const GEOPKO_REQUIRED = ['year', 'location', 'latitude', 'longitude'] as const;
/** The earliest and latest year a map may have (Geo-PKO begins in 1994). */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/** What a Geo-PKO file came to. */
export interface GeopkoResult {
  sites: Site[];
  siteTroops: SiteTroops[];
  /** Rejected rows, in file order. */
  problems: RowProblem[];
  /** Rows of the mission read (kept or rejected). */
  rows: number;
  /** Rows rejected (each has at least one problem). */
  rejected: number;
  /** Rows of other missions, left out, by mission name. */
  otherMissions: { mission: string; rows: number }[];
  /** The last year of the file's maps (of the mission), or null with none. */
  lastYear: number | null;
  /** Why nothing could be read (a column missing, no row of the mission), or null. */
  failed: Said | null;
}

export interface GeopkoOptions {
  /** The file's name, for the sites' source and the problems. */
  file: string;
  /** The province (ISO 3166-2) a point lies in, or null outside the DRC. */
  provinceOf: (lat: number, lon: number) => string | null;
  /** The language the sites' notes are written in. */
  locale: Locale;
  /** Numbers are written with a decimal comma (a French-locale CSV). */
  decimalComma?: boolean;
}

/**
 * A CSV file's bytes as a table, read as the import worker reads it (its sniffed encoding and
 * delimiter), with the records a broken quote or an overlong line cost, each named.
 */
export function csvTable(
  bytes: Uint8Array,
  sniffed: Sniffed,
): TableSource & { problems: RowProblem[] } {
  const reader = new CsvByteReader(readerOptions(sniffed, sniffed.bom));
  const records: TableRow[] = [];
  const take = (r: { line: number; cells: string[] }) =>
    records.push({ line: r.line, cells: r.cells });
  reader.push(bytes, take);
  reader.end(take);
  const header = records.shift()?.cells.map((c) => c.trim()) ?? [];
  const problems: RowProblem[] = [
    ...reader.broken.map((b) => ({
      line: b.line,
      field: header[b.cell - 1] ?? String(b.cell),
      value: '',
      problem: {
        code: b.closedLater ? 'quote_not_closed_here' : 'quote_never_closed',
        params: { cell: b.cell },
      } satisfies Said,
      fix: { code: 'fix_quote', params: { example: '"a ""quoted"" word"' } } satisfies Said,
    })),
    ...reader.tooLong.map((t) => ({
      line: t.line,
      field: '',
      value: '',
      problem: { code: 'line_too_long', params: { limit: MAX_RECORD_BYTES } } satisfies Said,
      fix: { code: 'fix_line_too_long' } satisfies Said,
    })),
  ];
  return { header, rows: records, problems };
}

/** One row read: where, when, and what the map shows there. */
interface MapRow {
  line: number;
  year: number;
  name: string;
  lat: number;
  lon: number;
  troops: number | null;
  hq: number | null;
  police: boolean;
  contingents: string[];
  /** The latitude cell as written (for a problem found after grouping). */
  latText: string;
}

const isMissing = (s: string | undefined) => {
  const t = (s ?? '').trim();
  return t === '' || t.toUpperCase() === 'NA';
};

/** A name as grouped: no accents, case or repeated spaces. */
export function placeKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** An id of our format (lower case letters, digits and hyphens) from a place name. */
export function placeId(name: string): string {
  const slug = placeKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'site';
}

/** Great-circle distance in km (haversine, R = 6371 km). */
export function kmBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Years as runs: 2013, 2014, 2017, 2018, 2019 → "2013–2014, 2017–2019". */
export function yearRuns(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** The column of each name we read, by its key (lower case); the first of a repeated name wins. */
function columnsOf(header: readonly string[]): Map<string, number> {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const k = headerKey(h);
    if (!at.has(k)) at.set(k, i);
  });
  return at;
}

/** Reads one row, or its problems. */
function readRow(
  cells: readonly string[],
  line: number,
  header: readonly string[],
  at: Map<string, number>,
  tccColumns: number[],
  decimalComma: boolean,
): MapRow | RowProblem[] {
  const problems: RowProblem[] = [];
  const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? ''));
  const field = (key: string) => header[at.get(key)!] ?? key;
  const value = (key: string) => cell(at.get(key)).slice(0, 200);

  const yearText = value('year').trim();
  const year = Number(yearText);
  if (isMissing(yearText) || !/^\d{4}$/.test(yearText) || year < FIRST_YEAR || year > LAST_YEAR)
    problems.push({
      line,
      field: field('year'),
      value: value('year'),
      problem: isMissing(yearText)
        ? { code: 'is_empty' }
        : /^\d+$/.test(yearText)
          ? { code: 'outside_range', params: { min: FIRST_YEAR, max: LAST_YEAR } }
          : { code: 'not_whole_number' },
      fix: { code: 'fix_year', params: { example: 2019 } },
    });

  const name = value('location').trim();
  if (isMissing(name))
    problems.push({
      line,
      field: field('location'),
      value: value('location'),
      problem: { code: 'is_empty' },
      fix: { code: 'fix_geopko_location' },
    });

  const latText = value('latitude');
  const lonText = value('longitude');
  // Geo-PKO's NA is an empty cell: "is empty", not "not a number".
  const point = readCoordinates(
    isMissing(latText) ? '' : latText,
    isMissing(lonText) ? '' : lonText,
    decimalComma,
  );
  if ('problems' in point)
    for (const p of point.problems)
      problems.push({
        line,
        field: field(p.field === 'lat' ? 'latitude' : 'longitude'),
        value: p.field === 'lat' ? latText : lonText,
        problem: p.problem,
        fix: p.fix,
      });

  let troops: number | null = null;
  const troopsText = value('no.troops');
  if (at.has('no.troops') && !isMissing(troopsText)) {
    const n = readNumber(troopsText.trim(), decimalComma);
    if (typeof n !== 'number' || n < 0 || !Number.isInteger(n))
      problems.push({
        line,
        field: field('no.troops'),
        value: troopsText,
        problem: { code: 'not_whole_number' },
        fix: { code: 'fix_geopko_troops' },
      });
    else troops = n;
  }

  let hq: number | null = null;
  const hqText = value('hq').trim();
  if (at.has('hq') && !isMissing(hqText)) {
    if (!/^[0-3]$/.test(hqText))
      problems.push({
        line,
        field: field('hq'),
        value: value('hq'),
        problem: { code: 'not_allowed' },
        fix: { code: 'fix_empty_or_one_of', params: { options: '0, 1, 2, 3, NA' } },
      });
    else hq = Number(hqText);
  }

  if (problems.length || 'problems' in point) return problems;
  const contingents = tccColumns.map((i) => cell(i).trim()).filter((t) => !isMissing(t));
  return {
    line,
    year,
    name,
    lat: point.lat,
    lon: point.lon,
    troops,
    hq,
    police: value('unpol.dummy').trim() === '1',
    contingents,
    latText,
  };
}

/** One place: its rows, oldest first as read. */
interface Place {
  key: string;
  anchor: { lat: number; lon: number };
  rows: MapRow[];
}

/** The kind the evidence allows, and the note that says why. */
function kindOf(rows: readonly MapRow[], locale: Locale): { kind: SiteKind; note: string } {
  const o = { locale };
  const top = Math.max(-1, ...rows.map((r) => r.hq ?? -1));
  const codes = [...new Set(rows.filter((r) => r.hq !== null).map((r) => r.hq!))].sort();
  const hqNote = codes
    .map((c) => `${c} (${yearRuns(rows.filter((r) => r.hq === c).map((r) => r.year))})`)
    .join(', ');
  if (top === 3)
    return { kind: 'mission_hq', note: m.register_geopko_note_hq({ codes: hqNote }, o) };
  if (top === 2)
    return { kind: 'sector_hq', note: m.register_geopko_note_hq({ codes: hqNote }, o) };
  if (rows.some((r) => (r.troops ?? 0) > 0))
    return { kind: 'cob', note: m.register_geopko_note_kind_troops({}, o) };
  if (rows.some((r) => r.police))
    return { kind: 'police', note: m.register_geopko_note_kind_police({}, o) };
  return { kind: 'field_office', note: m.register_geopko_note_kind_none({}, o) };
}

const yearDate = (year: number) => readFuzzyDate(String(year), 'year') as FuzzyDate;

/**
 * The sites a Geo-PKO table gives (see the module comment), their per-year troops, and every
 * rejected row with its line, column, value and fix.
 */
export function geopkoSites(table: TableSource, options: GeopkoOptions): GeopkoResult {
  const { file, provinceOf, locale, decimalComma = false } = options;
  const o = { locale };
  const header = table.header;
  const at = columnsOf(header);
  const empty: GeopkoResult = {
    sites: [],
    siteTroops: [],
    problems: [],
    rows: 0,
    rejected: 0,
    otherMissions: [],
    lastYear: null,
    failed: null,
  };
  const lacking = GEOPKO_REQUIRED.filter((k) => !at.has(k));
  if (lacking.length)
    return {
      ...empty,
      failed: { code: 'geopko_lacks', params: { file, columns: lacking.join(', ') } },
    };
  const tccColumns = header
    .map((h, i) => [headerKey(h), i] as const)
    .filter(([k]) => /^nameoftcc_\d+$/.test(k))
    .map(([, i]) => i);
  const missionAt = at.get('mission');

  const problems: RowProblem[] = [];
  const others = new Map<string, number>();
  const read: MapRow[] = [];
  let rows = 0;
  let rejected = 0;
  for (const { line, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    if (missionAt !== undefined) {
      const mission = (cells[missionAt] ?? '').trim();
      if (!(MISSIONS as readonly string[]).includes(mission.toUpperCase())) {
        others.set(mission, (others.get(mission) ?? 0) + 1);
        continue;
      }
    }
    rows++;
    const r = readRow(cells, line, header, at, tccColumns, decimalComma);
    if (Array.isArray(r)) {
      rejected++;
      problems.push(...r);
    } else read.push(r);
  }
  const otherMissions = [...others]
    .map(([mission, n]) => ({ mission, rows: n }))
    .sort((a, b) => b.rows - a.rows || a.mission.localeCompare(b.mission));
  if (rows === 0)
    return {
      ...empty,
      otherMissions,
      failed: {
        code: 'geopko_no_mission',
        params: { file, missions: otherMissions.map((x) => x.mission || '""').join(', ') },
      },
    };

  // Places: by name, then by distance to the name's first point.
  const byKey = new Map<string, Place[]>();
  const places: Place[] = [];
  for (const r of read) {
    const key = placeKey(r.name);
    const same = byKey.get(key) ?? [];
    let place = same.find((p) => kmBetween(p.anchor, r) <= GROUP_KM);
    if (!place) {
      place = { key, anchor: { lat: r.lat, lon: r.lon }, rows: [] };
      same.push(place);
      byKey.set(key, same);
      places.push(place);
    }
    place.rows.push(r);
  }
  const lastYear = read.length ? Math.max(...read.map((r) => r.year)) : null;

  const sites: Site[] = [];
  const siteTroops: SiteTroops[] = [];
  const taken = new Set<string>();
  const source = `Geo-PKO v2.x, ${file}`;
  const placed: { site: Site; name: string }[] = [];
  for (const place of places) {
    // The latest map's spelling and point: the newest coding of the place.
    const latest = place.rows.reduce((a, b) => (b.year >= a.year ? b : a));
    const province = provinceOf(latest.lat, latest.lon);
    if (province === null) {
      for (const r of place.rows) {
        rejected++;
        problems.push({
          line: r.line,
          field: header[at.get('latitude')!] ?? 'latitude',
          value: r.latText,
          problem: { code: 'geopko_outside_drc', params: { location: r.name } },
          fix: { code: 'fix_geopko_outside_drc' },
        });
      }
      continue;
    }
    const base = placeId(latest.name);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    const years = place.rows.map((r) => r.year);
    const first = Math.min(...years);
    const last = Math.max(...years);
    const seenLast = last === lastYear;
    const kind = kindOf(place.rows, locale);
    const notes = [
      m.register_geopko_note_years({ years: yearRuns(years) }, o),
      seenLast ? '' : m.register_geopko_note_last_seen({ year: last, end: lastYear! }, o),
      kind.note,
    ];
    const contingents = [
      ...new Set(place.rows.filter((r) => r.year === last).flatMap((r) => r.contingents)),
    ];
    const confidence: Confidence = seenLast ? 'medium' : 'low';
    const site: Site = {
      id,
      name: latest.name,
      kind: kind.kind,
      province_iso: province,
      lat: latest.lat,
      lon: latest.lon,
      opened: yearDate(first),
      opened_basis: 'present_by',
      closed: seenLast ? null : yearDate(last),
      closure: seenLast ? null : 'last_seen',
      troops_estimate: null,
      contingent: contingents.join('; '),
      source,
      confidence,
      notes: notes.filter(Boolean).join(' '),
    };
    sites.push(site);
    placed.push({ site, name: place.key });
    for (const year of [...new Set(years)].sort((a, b) => a - b)) {
      const figures = place.rows
        .filter((r) => r.year === year && r.troops !== null)
        .map((r) => r.troops!);
      if (!figures.length) continue;
      siteTroops.push({
        site: id,
        year,
        troops: Math.round(figures.reduce((a, b) => a + b, 0) / figures.length),
        troops_min: Math.min(...figures),
        troops_max: Math.max(...figures),
        unit_types: '',
        source,
        notes: m.register_geopko_troops_note({ maps: figures.length, year }, o),
      });
    }
  }

  const tenths = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  // Different names within NEAR_KM: said on both, so a reader checks they are not one place.
  for (const a of placed)
    for (const b of placed) {
      if (a === b || a.name === b.name) continue;
      const km = kmBetween(
        { lat: a.site.lat!, lon: a.site.lon! },
        { lat: b.site.lat!, lon: b.site.lon! },
      );
      if (km < NEAR_KM)
        a.site.notes += ` ${m.register_geopko_note_near({ other: b.site.name, km: tenths.format(km) }, o)}`;
    }

  problems.sort((a, b) => a.line - b.line);
  return { sites, siteTroops, problems, rows, rejected, otherMissions, lastYear, failed: null };
}
