/**
 * Reading a register: one of our own files through the bundled files' readers (scenario.ts),
 * its points checked against the provinces as the bundled data's are (locations.ts), or a
 * Geo-PKO file turned into sites (geopkoSites.ts); each rejected row as a row problem. Apart
 * from registers.ts (merging, credits) so the page loads the readers only when a file comes.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Locale } from '../domain/locales.ts';
import { csvTable, geopkoSites } from '../import/geopkoSites.ts';
import type { TableSource } from '../import/geojsonSource.ts';
import { sniff, sniffDecimalComma, sniffDelimiter } from '../import/sniff.ts';
import type { RowProblem, Sniffed } from '../import/types.ts';
import type { DataIssue } from './errors.ts';
import { checkInProvince, kmOutside, PROVINCE_TOLERANCE_KM, provinceAt } from './locations.ts';
import {
  recordCount,
  type RegisterContent,
  type RegisterFormat,
  type RegisterRead,
} from './registers.ts';
import { readEvents, readHotspots, readSites, type Loaded } from './scenario.ts';

type Provinces = FeatureCollection<Polygon | MultiPolygon, { iso: string; name: string }>;

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

/** A file's bytes start like a zip (an .xlsx workbook). */
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

/**
 * A kept Geo-PKO file (CSV, or the workbook Geo-PKO also publishes) as a sites register.
 * `sniffed` is how the import read a CSV; without it, the file is sniffed again.
 */
export async function readGeopkoFile(
  name: string,
  file: Blob,
  options: { provinces: Provinces; locale: Locale; sniffed?: Sniffed },
): Promise<RegisterRead> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isZip(bytes)) {
    // The workbook reader is loaded only for a workbook.
    const { readXlsx } = await import('../import/xlsxSource.ts');
    const x = await readXlsx(file, name);
    if (x.ok) return geopkoRegister(name, x.table, options);
    return {
      name,
      format: 'geopko',
      content: { kind: 'sites', sites: [], siteTroops: [] },
      rows: 0,
      rejected: 0,
      problems: [],
      failed: x.said,
      notice: null,
    };
  }
  const s = options.sniffed ?? sniff(bytes, true);
  return geopkoRegister(name, csvTable(bytes, s), { ...options, decimalComma: s.decimalComma });
}
