/**
 * Finding a site, a town, a province, an armed group or a lake by name, in either language and
 * without its accents: "kasai" finds "Kasaï", "nord kivu" finds "Nord-Kivu". Pure: the entries
 * come in with every name they answer to, and hits go out best first.
 */
import { fold } from './fold.ts';

/** What a result is; also the order in which equally good matches are listed. */
export const SEARCH_KINDS = ['site', 'place', 'province', 'group', 'lake'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One thing that can be found. */
export interface SearchEntry {
  kind: SearchKind;
  /** Unique within its kind: a site's id, a province's ISO code, a town's or group's name. */
  id: string;
  /** The name shown. */
  name: string;
  /** The shown name without its qualifier ("Bukavu" for "Bukavu (sector HQ)"): as good a match. */
  short?: string;
  /** Other names it answers to: another language's, former names, a site's short name. */
  aliases: readonly string[];
  /** Among equally good matches of one kind, higher comes first (a town's population). */
  weight?: number;
}

/** How well a query matched a name, best first. */
export const MATCH = { exact: 0, prefix: 1, wordPrefix: 2, substring: 3 } as const;
export type MatchRank = (typeof MATCH)[keyof typeof MATCH];

/** A result: the entry, how well it matched, and the name that matched. */
export interface SearchHit {
  entry: SearchEntry;
  rank: MatchRank;
  /** The name that matched; an alias when the shown name did not match as well. */
  matched: string;
  /** Whether `matched` is one of the entry's aliases rather than its shown name. */
  byAlias: boolean;
}

interface Indexed {
  entry: SearchEntry;
  /** Folded names, the shown name first, without repeats. */
  names: { folded: string; raw: string; alias: boolean }[];
  order: number;
}

/** Entries with their names folded once, ready for `search` on every keystroke. */
export interface SearchIndex {
  readonly items: readonly Indexed[];
}

/** Folds every entry's names once. */
export function searchIndex(entries: readonly SearchEntry[]): SearchIndex {
  return {
    items: entries.map((entry, order) => {
      const seen = new Set<string>();
      const names: Indexed['names'] = [];
      for (const [raw, alias] of [
        [entry.name, false] as const,
        ...(entry.short ? [[entry.short, false] as const] : []),
        ...entry.aliases.map((a) => [a, true] as const),
      ]) {
        const folded = fold(raw);
        if (!folded || seen.has(folded)) continue;
        seen.add(folded);
        names.push({ folded, raw, alias });
      }
      return { entry, names, order };
    }),
  };
}

/** How `name` (folded) answers `q` (folded, not empty), or null if it does not. */
export function matchRank(name: string, q: string): MatchRank | null {
  if (name === q) return MATCH.exact;
  if (name.startsWith(q)) return MATCH.prefix;
  const at = name.indexOf(q);
  if (at < 0) return null;
  // A word starts there if a space precedes it; a later occurrence may start a word too.
  for (let i = at; i >= 0; i = name.indexOf(q, i + 1))
    if (name[i - 1] === ' ') return MATCH.wordPrefix;
  return MATCH.substring;
}

const KIND_ORDER = new Map(SEARCH_KINDS.map((k, i) => [k, i]));

/**
 * The entries answering `query`, best first: exact, then prefix, then a word's prefix, then
 * anywhere inside; a match on the shown name before one on an alias; then by kind (sites
 * first), by weight, and in the entries' own order. At most `limit` of them.
 */
export function search(index: SearchIndex, query: string, limit = 8): SearchHit[] {
  const q = fold(query);
  if (!q) return [];
  const hits: (SearchHit & { order: number })[] = [];
  for (const item of index.items) {
    let best: { rank: MatchRank; raw: string; alias: boolean } | null = null;
    for (const n of item.names) {
      const rank = matchRank(n.folded, q);
      if (rank === null) continue;
      if (!best || rank < best.rank) best = { rank, raw: n.raw, alias: n.alias };
      if (rank === MATCH.exact) break;
    }
    if (best)
      hits.push({
        entry: item.entry,
        rank: best.rank,
        matched: best.raw,
        byAlias: best.alias,
        order: item.order,
      });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(a.byAlias) - Number(b.byAlias) ||
      KIND_ORDER.get(a.entry.kind)! - KIND_ORDER.get(b.entry.kind)! ||
      (b.entry.weight ?? 0) - (a.entry.weight ?? 0) ||
      a.order - b.order,
  );
  return hits.slice(0, limit).map(({ entry, rank, matched, byAlias }) => ({
    entry,
    rank,
    matched,
    byAlias,
  }));
}

/** What the entries are made from: the loaded data, with the group families' words handed in. */
export interface SearchSources {
  sites: readonly { id: string; name: string }[];
  places: readonly { name: string; alt_names: readonly string[]; population: number | null }[];
  provinces: readonly { iso: string; name: string; aliases: readonly string[] }[];
  /** Each armed group's name, with the words of its family in every language (theme.ts). */
  groups: readonly { name: string; aliases: readonly string[] }[];
  lakes: readonly string[];
}

/** A site's name without its parenthesised qualifier: "Bukavu (sector HQ)" answers "Bukavu". */
const siteShortName = (name: string) => name.replace(/\s*\(.*\)\s*$/, '');

/**
 * A lake's name in the other language: the boundary file names most lakes in English ("Lake
 * Kivu") and a few in French ("Lac Tumba"); a reader types either.
 */
export function lakeAliases(name: string): string[] {
  const en = /^Lake\s+(.+)$/i.exec(name);
  if (en) return [`Lac ${en[1]}`];
  const fr = /^Lac\s+(.+)$/i.exec(name);
  return fr ? [`Lake ${fr[1]}`] : [];
}

/** Every searchable thing, in the order equally good matches are listed. */
export function searchEntries(s: SearchSources): SearchEntry[] {
  return [
    ...s.sites.map((site) => ({
      kind: 'site' as const,
      id: site.id,
      name: site.name,
      short: siteShortName(site.name),
      aliases: [],
    })),
    ...s.places.map((p) => ({
      kind: 'place' as const,
      id: p.name,
      name: p.name,
      aliases: p.alt_names,
      weight: p.population ?? 0,
    })),
    ...s.provinces.map((p) => ({
      kind: 'province' as const,
      id: p.iso,
      name: p.name,
      aliases: p.aliases,
    })),
    ...s.groups.map((g) => ({
      kind: 'group' as const,
      id: g.name,
      name: g.name,
      aliases: g.aliases,
    })),
    ...s.lakes.map((name) => ({
      kind: 'lake' as const,
      id: name,
      name,
      aliases: lakeAliases(name),
    })),
  ];
}
