/**
 * The sites table as a tool: its rows at a date, sorted by any column, filtered by kind,
 * province and text (no accents needed: "kasai" finds "Kasaï"), and written out as CSV
 * exactly as shown. The words are the details panel's (siteWords.ts), so a date reads
 * "present by 2020 …" in both.
 */
import Papa from 'papaparse';
import { m } from '../../paraglide/messages.js';
import { fold } from './fold.ts';
import { safe } from './impactCsv.ts';
import type { Locale } from './locales.ts';
import { provinceByIso } from './provinces.ts';
import type { Site } from './schema.ts';
import { siteKind, type SiteKind } from './siteKinds.ts';
import { openedValue } from './siteWords.ts';
import { siteOpenAt } from './timeline.ts';
import { siteTroopsAt, type TroopIndex } from './troops.ts';

/** One site in the table, with what each column shows and what it sorts by. */
export interface SiteRow {
  id: string;
  name: string;
  kind: SiteKind;
  kindName: string;
  /** null: outside the DRC (a liaison office abroad). */
  province_iso: string | null;
  province: string;
  /** The opening in the details panel's words. */
  opened: string;
  /** The opening's first day; null where it is not known. */
  openedDay: number | null;
  troops: number | null;
  /** The year of the last maps, where the figure is carried past them. */
  carriedFrom: number | null;
}

export const SORT_KEYS = ['name', 'kind', 'province', 'opened', 'troops'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface Sort {
  key: SortKey;
  descending: boolean;
}

export interface TableFilter {
  /** '' for every kind. */
  kind: SiteKind | '';
  /** A province's ISO code, OUTSIDE_DRC, or '' for every province. */
  province: string;
  text: string;
}

/** The province filter's value for sites outside the DRC. */
export const OUTSIDE_DRC = 'outside';

/** The rows of the sites open on `day`, by name. */
export function siteRows(
  sites: readonly Site[],
  troops: TroopIndex,
  day: number,
  locale: Locale,
): SiteRow[] {
  const rows = sites
    .filter((s) => siteOpenAt(s, day))
    .map((s): SiteRow => {
      const t = siteTroopsAt(s, troops, day);
      return {
        id: s.id,
        name: s.name,
        kind: s.kind,
        kindName: siteKind(s.kind).short({}, { locale }),
        province_iso: s.province_iso,
        province: s.province_iso
          ? (provinceByIso(s.province_iso)?.name ?? s.province_iso)
          : m.vocab_outside_drc({}, { locale }),
        opened: openedValue(s, locale),
        openedDay: s.opened?.first ?? null,
        troops: t?.troops ?? null,
        carriedFrom: t?.basis === 'carried' ? t.year : null,
      };
    });
  return sortRows(rows, { key: 'name', descending: false }, locale);
}

/**
 * The rows that pass every filter; each word of the text is looked for in the name, kind and
 * province. Folded as search folds (fold.ts), a hyphen or an apostrophe parts words as a space
 * does: "mbuji-mayi" and "mbuji mayi" find the same rows.
 */
export function filterRows(rows: readonly SiteRow[], f: TableFilter): SiteRow[] {
  const words = fold(f.text).split(' ').filter(Boolean);
  return rows.filter((r) => {
    if (f.kind && r.kind !== f.kind) return false;
    if (
      f.province === OUTSIDE_DRC
        ? r.province_iso !== null
        : f.province && r.province_iso !== f.province
    )
      return false;
    const hay = fold(`${r.name} ${r.kindName} ${r.province}`);
    return words.every((w) => hay.includes(w));
  });
}

/**
 * The rows sorted by one column; rows without a value (an unknown opening, no troop figure,
 * no province) come last either way, and equal rows keep the order of their names.
 */
export function sortRows(rows: readonly SiteRow[], sort: Sort, locale: Locale): SiteRow[] {
  const text = (a: string, b: string) => a.localeCompare(b, locale);
  const value = (r: SiteRow): string | number | null => {
    switch (sort.key) {
      case 'name':
        return r.name;
      case 'kind':
        return r.kindName;
      case 'province':
        // Outside the DRC comes after every province, as an unknown opening after every date.
        return r.province_iso === null ? null : r.province;
      case 'opened':
        return r.openedDay;
      case 'troops':
        return r.troops;
    }
  };
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const d = typeof x === 'number' ? x - (y as number) : text(x, y as string);
      if (d !== 0) return sign * d;
    }
    return text(a.name, b.name);
  });
}

/** The rows as CSV, in their order, under the table's headers; no cell runs as a formula. */
export function sitesCsv(rows: readonly SiteRow[], year: number, locale: Locale): string {
  const o = { locale };
  const columns = [
    m.table_name({}, o),
    m.table_kind({}, o),
    m.table_province({}, o),
    m.table_opened({}, o),
    m.table_troops({ year }, o),
    m.table_csv_carried_from({}, o),
  ];
  const data = rows.map((r) =>
    [r.name, r.kindName, r.province, r.opened, r.troops, r.carriedFrom].map(safe),
  );
  return Papa.unparse({ fields: columns, data });
}
