/**
 * The user's registers: sites, hotspots or milestones from their own files (our sites.csv,
 * hotspots.csv and events.csv formats, or a Geo-PKO file turned into sites), added to the
 * bundled data or put in its place. Pure: what a register is, merging the registers into the
 * bundled scenario, and crediting them. Reading one is registerRead.ts: the same validating
 * readers as the bundled files, each rejected row named, every other row kept.
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
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../domain/locales.ts';
import type { Said } from '../domain/problems.ts';
import type { Hotspot, Scenario, ScenarioEvent, Site, SiteTroops } from '../domain/schema.ts';
import type { FormatId, RowProblem } from '../import/types.ts';

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
