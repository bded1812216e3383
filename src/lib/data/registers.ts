/**
 * The user's registers: sites, hotspots or milestones from their own files (our sites.csv,
 * hotspots.csv and events.csv formats, or a Geo-PKO file turned into sites), added to the
 * bundled data or put in its place. Pure: reading and checking a register, merging the
 * registers into the bundled scenario, and crediting them.
 *
 * A register is read by the same validating readers as the bundled files (scenario.ts) and its
 * points checked against the provinces as they are (locations.ts); a row with a problem is
 * left out and named, every other row is kept.
 *
 * Merging, for each kind:
 * - Add: the register's records join the bundled ones. A record whose id is already shown
 *   (bundled, or from a register added before) is replaced by the register's row, in place;
 *   the replaced ids are listed (MergedScenario.replaced), never dropped in silence.
 * - Replace: the bundled records of that kind are set aside while the register is in force;
 *   the registers of that kind are all shown, in the order added.
 * Milestones have no id: added ones are put among the bundled ones by date.
 * A bundled site that a register replaces, or sets aside, loses its bundled per-year troop
 * figures (site-troops.csv): they describe the bundled record, not the register's. A Geo-PKO
 * register brings its own.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../domain/locales.ts';
import type { Said } from '../domain/problems.ts';
import type { Hotspot, Scenario, ScenarioEvent, Site, SiteTroops } from '../domain/schema.ts';
import { geopkoSites } from '../import/geopkoSites.ts';
import type { TableSource } from '../import/geojsonSource.ts';
import { sniffDecimalComma, sniffDelimiter } from '../import/sniff.ts';
import type { FormatId, RowProblem } from '../import/types.ts';
import type { DataIssue } from './errors.ts';
import { checkInProvince, kmOutside, PROVINCE_TOLERANCE_KM, provinceAt } from './locations.ts';
import { readEvents, readHotspots, readSites, type Loaded } from './scenario.ts';

type Provinces = FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>;

/** The formats a register is read from. */
export type RegisterFormat = 'ours-sites' | 'ours-hotspots' | 'ours-events' | 'geopko';
/** What a register holds: the scenario's sites, hotspots or milestones (events.csv). */
export type RegisterKind = 'sites' | 'hotspots' | 'milestones';
/** Added to the bundled records, or in their place. */
export type RegisterMode = 'add' | 'replace';

/** The kind of record each register format gives. */
export const REGISTER_KINDS: Readonly<Record<RegisterFormat, RegisterKind>> = {
  'ours-sites': 'sites',
  'ours-hotspots': 'hotspots',
  'ours-events': 'milestones',
  geopko: 'sites',
};

/** Whether a recognised format can be a register. */
export const isRegisterFormat = (f: FormatId): f is RegisterFormat =>
  Object.hasOwn(REGISTER_KINDS, f);

/** A register's records, validated. */
export type RegisterContent =
  | { kind: 'sites'; sites: Site[]; siteTroops: SiteTroops[] }
  | { kind: 'hotspots'; hotspots: Hotspot[] }
  | { kind: 'milestones'; events: ScenarioEvent[] };

/** A register in force: its file, how it is used, and its records. Plain data (it is stored). */
export interface Register {
  id: string;
  /** The file's name, as the user chose it. */
  name: string;
  format: RegisterFormat;
  mode: RegisterMode;
  /** When it was put in force (ISO). */
  added: string;
  content: RegisterContent;
  /** Rows read from the file, and rows rejected. */
  rows: number;
  rejected: number;
}

/** A file read as a register, before the user says how to use it. */
export interface RegisterRead {
  name: string;
  format: RegisterFormat;
  content: RegisterContent;
  rows: number;
  rejected: number;
  /** Every rejected row (and header problem), in file order. */
  problems: RowProblem[];
  /** Why nothing can be used, or null. */
  failed: Said | null;
  /** What was left out on purpose (a Geo-PKO file's other missions), said once; or null. */
  notice: Said | null;
}

/** How many records a register holds. */
export function recordCount(c: RegisterContent): number {
  return c.kind === 'sites'
    ? c.sites.length
    : c.kind === 'hotspots'
      ? c.hotspots.length
      : c.events.length;
}

/** A loader's problem as a row problem (a header problem is on line 1). */
export const asRowProblem = (i: DataIssue): RowProblem => ({
  line: i.line ?? 1,
  field: i.field ?? '',
  value: i.value ?? '',
  problem: i.message,
  fix: i.fix,
});

/**
 * The province a point lies in: the one that holds it, else the nearest within the loader's
 * tolerance (coarse borders and lakeshores: Goma, Bukavu and Uvira sit on the line), else null.
 */
export function provinceFinder(provinces: Provinces): (lat: number, lon: number) => string | null {
  return (lat, lon) => {
    const inside = provinceAt(provinces, lon, lat);
    if (inside) return inside.properties.iso;
    let best: string | null = null;
    let bestKm = PROVINCE_TOLERANCE_KM;
    for (const f of provinces.features) {
      const km = kmOutside(f, lon, lat);
      if (km <= bestKm) {
        best = f.properties.iso;
        bestKm = km;
      }
    }
    return best;
  };
}

/** Columns of our formats that hold decimal numbers (a French spreadsheet writes `-1,67`). */
const DECIMAL_COLUMNS = new Set(['lat', 'lon', 'radius_km']);
const DECIMAL_COMMA = /^-?\d+,\d+$/;

/**
 * Our CSV formats are comma-separated (csv.ts). A spreadsheet set to French saves them with
 * ';' between cells and decimal commas: this writes such text with commas, quoting the cells
 * that hold one and turning decimal commas in the coordinate and radius columns into points,
 * line for line (a problem's line number is the user's). Comma text comes back as it is. A
 * quoted cell is copied as written, an unbalanced quote included, for the reader to report.
 */
export function commaSeparated(text: string): string {
  const HEAD = 64 * 1024;
  // The sniffers set aside a last line without a line break as perhaps cut: the whole text ends.
  const head = text.length <= HEAD ? `${text}\n` : text.slice(0, HEAD);
  const delimiter = sniffDelimiter(head);
  if (delimiter === ',') return text;
  const decimalComma = sniffDecimalComma(head, delimiter);
  const out: string[] = [];
  let names: string[] | null = null;
  const header: string[] = [];
  let column = 0;
  let i = 0;
  const plain = (cell: string) => {
    const name = names?.[column] ?? '';
    if (!names) header.push(cell.trim());
    if (decimalComma && DECIMAL_COLUMNS.has(name) && DECIMAL_COMMA.test(cell.trim()))
      return cell.replace(',', '.');
    return /[",]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  };
  while (i < text.length) {
    if (text[i] === '"') {
      // A quoted cell, to its closing quote (a doubled quote is inside it), then to the cell's end.
      let j = i + 1;
      for (; j < text.length; j++)
        if (text[j] === '"') {
          if (text[j + 1] === '"') j++;
          else break;
        }
      let end = j + 1;
      while (
        end < text.length &&
        text[end] !== delimiter &&
        text[end] !== '\n' &&
        text[end] !== '\r'
      )
        end++;
      const cell = text.slice(i, end);
      if (!names) header.push(cell.slice(1, cell.lastIndexOf('"')).replaceAll('""', '"').trim());
      out.push(cell);
      i = end;
    } else {
      let end = i;
      while (
        end < text.length &&
        text[end] !== delimiter &&
        text[end] !== '\n' &&
        text[end] !== '\r'
      )
        end++;
      out.push(plain(text.slice(i, end)));
      i = end;
    }
    if (i >= text.length) break;
    if (text[i] === delimiter) {
      out.push(',');
      column++;
      i++;
      continue;
    }
    // A line break: \r\n, \n or \r.
    const br = text[i] === '\r' && text[i + 1] === '\n' ? '\r\n' : text[i]!;
    out.push(br);
    i += br.length;
    names ??= header;
    column = 0;
  }
  return out.join('');
}

/** Records whose line has a location problem are left out (the problem is kept). */
function placed<T>(loaded: Loaded<T>, issues: DataIssue[]): T[] {
  const bad = new Set(issues.map((i) => i.line));
  return loaded.records.filter((_, i) => !bad.has(loaded.lines[i]));
}

/** Data rows of a file: kept records and the distinct lines with a problem. */
function counted<T>(loaded: Loaded<T>, extra: DataIssue[]): { rows: number; rejected: number } {
  const kept = new Set(loaded.lines);
  const bad = new Set(
    [...loaded.issues, ...extra]
      .map((i) => i.line)
      .filter((l): l is number => l !== undefined && l > 1),
  );
  for (const l of bad) kept.delete(l);
  return { rows: kept.size + bad.size, rejected: bad.size };
}

/**
 * Reads one of our own files as a register: validated by the bundled files' reader, points
 * checked against `provinces` (when known), each problem as a row problem.
 */
export function readRegister(
  name: string,
  format: Exclude<RegisterFormat, 'geopko'>,
  text: string,
  provinces: Provinces | null,
): RegisterRead {
  const csv = commaSeparated(text);
  const located = <
    T extends { id: string; province_iso: string | null; lat: number | null; lon: number | null },
  >(
    loaded: Loaded<T>,
  ) =>
    provinces
      ? checkInProvince(
          loaded.records.map((r, i) => ({
            file: name,
            line: loaded.lines[i],
            label: r.id,
            province_iso: r.province_iso,
            lat: r.lat,
            lon: r.lon,
          })),
          provinces,
        )
      : [];
  let content: RegisterContent;
  let issues: DataIssue[];
  let count: { rows: number; rejected: number };
  if (format === 'ours-sites') {
    const loaded = readSites(csv, name);
    const misplaced = located(loaded);
    content = { kind: 'sites', sites: placed(loaded, misplaced), siteTroops: [] };
    issues = [...loaded.issues, ...misplaced];
    count = counted(loaded, misplaced);
  } else if (format === 'ours-hotspots') {
    const loaded = readHotspots(csv, name);
    const misplaced = located(loaded);
    content = { kind: 'hotspots', hotspots: placed(loaded, misplaced) };
    issues = [...loaded.issues, ...misplaced];
    count = counted(loaded, misplaced);
  } else {
    const loaded = readEvents(csv, name);
    content = { kind: 'milestones', events: loaded.records };
    issues = loaded.issues;
    count = counted(loaded, []);
  }
  const problems = issues.map(asRowProblem).sort((a, b) => a.line - b.line);
  return {
    name,
    format,
    content,
    ...count,
    problems,
    failed:
      recordCount(content) === 0 ? { code: 'register_no_valid_rows', params: { name } } : null,
    notice: null,
  };
}

/**
 * A Geo-PKO table as a sites register (geopkoSites.ts): one site per place, its per-year troops,
 * its rejected rows (with those the CSV reader gave up, `table.problems`), and how many rows of
 * other missions were left out.
 */
export function geopkoRegister(
  name: string,
  table: TableSource & { problems?: RowProblem[] },
  options: { provinces: Provinces; locale: Locale; decimalComma?: boolean },
): RegisterRead {
  const r = geopkoSites(table, {
    file: name,
    provinceOf: provinceFinder(options.provinces),
    locale: options.locale,
    decimalComma: options.decimalComma ?? false,
  });
  const broken = table.problems ?? [];
  const others = r.otherMissions.reduce((n, x) => n + x.rows, 0);
  return {
    name,
    format: 'geopko',
    content: { kind: 'sites', sites: r.sites, siteTroops: r.siteTroops },
    rows: r.rows + broken.length,
    rejected: r.rejected + broken.length,
    problems: [...broken, ...r.problems].sort((a, b) => a.line - b.line),
    failed:
      r.failed ??
      (r.sites.length === 0 ? { code: 'register_no_valid_rows', params: { name } } : null),
    notice:
      others > 0
        ? {
            code: 'register_geopko_other_missions',
            params: { count: others, missions: r.otherMissions.map((x) => x.mission).join(', ') },
          }
        : null,
  };
}

/** What the registers make of the bundled scenario. */
export interface MergedScenario {
  scenario: Scenario;
  /** By register id: the ids already shown (bundled, or an earlier register's) its rows replace. */
  replaced: Record<string, string[]>;
}

/** Whether the bundled records of `kind` are shown: no register of that kind replaces them. */
export const keepsBundled = (registers: readonly Register[], kind: RegisterKind): boolean =>
  !registers.some((r) => r.content.kind === kind && r.mode === 'replace');

/** Records by id, registers laid over the bundled ones in order; who replaced what. */
function overlay<T extends { id: string }>(
  bundled: readonly T[],
  keep: boolean,
  layers: { id: string; records: readonly T[] }[],
  replaced: Record<string, string[]>,
): { records: T[]; from: Map<string, string | null> } {
  const from = new Map<string, string | null>();
  if (layers.length === 0 && keep) {
    for (const r of bundled) from.set(r.id, null);
    return { records: bundled as T[], from };
  }
  const byId = new Map<string, T>();
  // Which register (null: the bundled data) each shown id comes from.
  if (keep)
    for (const r of bundled) {
      byId.set(r.id, r);
      from.set(r.id, null);
    }
  for (const layer of layers) {
    const hit: string[] = [];
    for (const r of layer.records) {
      if (byId.has(r.id)) hit.push(r.id);
      // A Map keeps a key's first place: a replaced record stays where it was in the list.
      byId.set(r.id, r);
      from.set(r.id, layer.id);
    }
    replaced[layer.id] = hit;
  }
  return { records: [...byId.values()], from };
}

/** The bundled scenario with the registers applied, in the order they were added. */
export function mergeRegisters(bundled: Scenario, registers: readonly Register[]): MergedScenario {
  const replaced: Record<string, string[]> = {};
  if (registers.length === 0) return { scenario: bundled, replaced };
  const siteLayers = registers.flatMap((r) =>
    r.content.kind === 'sites'
      ? [{ id: r.id, records: r.content.sites, troops: r.content.siteTroops }]
      : [],
  );
  const sites = overlay(bundled.sites, keepsBundled(registers, 'sites'), siteLayers, replaced);
  const siteTroops = [
    ...bundled.siteTroops.filter((t) => sites.from.get(t.site) === null),
    ...siteLayers.flatMap((l) => l.troops.filter((t) => sites.from.get(t.site) === l.id)),
  ];
  const hotspots = overlay(
    bundled.hotspots,
    keepsBundled(registers, 'hotspots'),
    registers.flatMap((r) =>
      r.content.kind === 'hotspots' ? [{ id: r.id, records: r.content.hotspots }] : [],
    ),
    replaced,
  );
  const added = registers.flatMap((r) => (r.content.kind === 'milestones' ? r.content.events : []));
  // A stable sort: the bundled order (by date) holds, each added milestone joins at its date.
  const events = [...(keepsBundled(registers, 'milestones') ? bundled.events : []), ...added].sort(
    (a, b) => a.date.first - b.date.first,
  );
  return {
    scenario: {
      ...bundled,
      sites: sites.records,
      siteTroops,
      hotspots: hotspots.records,
      events,
    },
    replaced,
  };
}

/** The ids of a register's records already shown in `current`: added, they replace those. */
export function clashes(current: Scenario, content: RegisterContent): string[] {
  if (content.kind === 'milestones') return [];
  const shown = new Set(
    (content.kind === 'sites' ? current.sites : current.hotspots).map((r) => r.id),
  );
  const records: { id: string }[] = content.kind === 'sites' ? content.sites : content.hotspots;
  return records.filter((r) => shown.has(r.id)).map((r) => r.id);
}

const CREDIT = {
  sites: { add: m.credit_register_sites_add, replace: m.credit_register_sites_replace },
  hotspots: { add: m.credit_register_hotspots_add, replace: m.credit_register_hotspots_replace },
  milestones: {
    add: m.credit_register_milestones_add,
    replace: m.credit_register_milestones_replace,
  },
} as const;

/**
 * The credit lines of the registers in force, for the map and every export: what each holds,
 * from which file, added or in place of the bundled records; a Geo-PKO file also gets the
 * citation its authors ask for (as an imported Geo-PKO dataset does, disclaimer.ts).
 */
export function registerCredits(registers: readonly Register[], locale?: Locale): string[] {
  const o = locale ? { locale } : {};
  return registers.flatMap((r) => [
    ...(r.format === 'geopko' ? [m.credit_imported_geopko({ files: r.name }, o)] : []),
    CREDIT[r.content.kind][r.mode]({ file: r.name }, o),
  ]);
}
