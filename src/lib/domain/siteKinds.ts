/**
 * The one registry of site kinds: for each, its id (the CSV's `kind` word), its labels, its
 * symbol, whether it is a military position, whether its name is always on the map, and its
 * assumed reach with the reason. The CSV vocabulary, the reach defaults, the map's icons, the
 * legends and the tables are all drawn from it, in its order. Adding a kind: an entry here
 * (docs/contributing.md). Colours are named from the theme's colour-blind-safe palette.
 *
 * The reach radii are assumptions, not facts: no source gives them. They are editable, and the
 * UI and README show each default with its reason. Seed 003 (CIVIC 2022) describes
 * "protection through projection" from HQs.
 */

export type SymbolShape =
  'star' | 'hexagon' | 'square' | 'circle' | 'triangle' | 'diamond' | 'cross';

/** The palette's colour names (map/theme.ts OKABE_ITO gives their values). */
export type PaletteColour =
  'black' | 'orange' | 'skyBlue' | 'green' | 'yellow' | 'blue' | 'vermillion' | 'purple' | 'grey';

export interface SiteKindEntry {
  id: string;
  /** In the legends, tooltips and details. */
  label: string;
  /** In the narrow sites table. */
  short: string;
  /** Shape and colour; hollow (dashed) for temporary or liaison presence. */
  symbol: { shape: SymbolShape; colour: PaletteColour; hollow: boolean };
  /** A military position (the Sud-Kivu milestone counts these). */
  military: boolean;
  /**
   * When its name is on the map: `first`, always and before any other (mission and sector
   * HQs); `always`, whatever its troops; `by-size`, from 650 troops (prepare.ts).
   */
  named: 'first' | 'always' | 'by-size';
  reach: { km: number; reason: string };
}

export const SITE_KIND_REGISTRY = [
  {
    id: 'mission_hq',
    label: 'Mission HQ',
    short: 'Mission HQ',
    symbol: { shape: 'star', colour: 'black', hollow: false },
    military: false,
    named: 'first',
    reach: {
      km: 0,
      reason:
        'Kinshasa headquarters: political and support functions, no troops held for protection in the west.',
    },
  },
  {
    id: 'force_hq',
    label: 'Force HQ',
    short: 'Force HQ',
    symbol: { shape: 'hexagon', colour: 'black', hollow: false },
    military: true,
    named: 'always',
    reach: {
      km: 80,
      reason:
        'Rapidly deployable battalions project from force and sector HQs (seed 003, "protection through projection"); ~80 km is a few hours by road or one helicopter hop.',
    },
  },
  {
    id: 'sector_hq',
    label: 'Sector HQ',
    short: 'Sector HQ',
    symbol: { shape: 'square', colour: 'blue', hollow: false },
    military: true,
    named: 'first',
    reach: { km: 80, reason: 'As force HQ: projection reach of the sector reserve.' },
  },
  {
    id: 'field_office',
    label: 'Field office',
    short: 'Field office',
    symbol: { shape: 'circle', colour: 'purple', hollow: false },
    military: false,
    named: 'by-size',
    reach: {
      km: 0,
      reason: 'Civilian office: presence and early warning, but no physical protection.',
    },
  },
  {
    id: 'cob',
    label: 'Company operating base (COB)',
    short: 'Company operating base',
    symbol: { shape: 'triangle', colour: 'green', hollow: false },
    military: true,
    named: 'by-size',
    reach: { km: 25, reason: 'A company base: day-patrol reach on eastern DRC roads and tracks.' },
  },
  {
    id: 'tob',
    label: 'Temporary operating base (TOB)',
    short: 'Temporary operating base',
    symbol: { shape: 'triangle', colour: 'orange', hollow: true },
    military: true,
    named: 'by-size',
    reach: { km: 25, reason: 'A temporary base patrols like a company base while it stands.' },
  },
  {
    id: 'scd',
    label: 'Standing combat deployment (SCD)',
    short: 'Standing combat deployment',
    symbol: { shape: 'diamond', colour: 'vermillion', hollow: true },
    military: true,
    named: 'by-size',
    reach: {
      km: 25,
      reason: 'A standing combat deployment patrols like a company base while it stands.',
    },
  },
  {
    id: 'police',
    label: 'UN police',
    short: 'UN police',
    symbol: { shape: 'cross', colour: 'skyBlue', hollow: false },
    military: false,
    named: 'by-size',
    reach: { km: 10, reason: 'A formed police unit: the town it is based in.' },
  },
  {
    id: 'liaison_office',
    label: 'Liaison office',
    short: 'Liaison office',
    symbol: { shape: 'circle', colour: 'grey', hollow: true },
    military: false,
    named: 'by-size',
    reach: { km: 0, reason: 'Liaison office: no physical protection.' },
  },
] as const satisfies readonly SiteKindEntry[];

export type SiteKind = (typeof SITE_KIND_REGISTRY)[number]['id'];

/** The CSV's `kind` vocabulary, in the registry's order (the legends' order). */
export const SITE_KINDS: readonly SiteKind[] = SITE_KIND_REGISTRY.map((k) => k.id);

/** The entry of a kind. */
export const siteKind = (id: SiteKind): SiteKindEntry =>
  SITE_KIND_REGISTRY.find((k) => k.id === id)!;
