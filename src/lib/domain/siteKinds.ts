/**
 * The one registry of site kinds: for each, its id (the CSV's `kind` word), its labels, its
 * symbol, whether it is a military position, whether its name is always on the map, and its
 * assumed reach with the reason. The CSV vocabulary, the reach defaults, the map's icons, the
 * legends and the tables are all drawn from it, in its order. Adding a kind: an entry here
 * (docs/contributing.md), and its words in every catalogue (messages/*.json: `kind_<id>`, and
 * `kind_reach_<id>`). Colours are named from the theme's colour-blind-safe palette. Words are
 * stored as message functions, called where shown, so they follow the interface's language.
 *
 * The reach radii are assumptions, not facts: no source gives them. They are editable, and the
 * UI and README show each default with its reason. Seed 003 (CIVIC 2022) describes
 * "protection through projection" from HQs.
 */

import { m } from '../../paraglide/messages.js';
import type { Word } from './vocabulary.ts';

export type SymbolShape =
  'star' | 'hexagon' | 'square' | 'circle' | 'triangle' | 'diamond' | 'cross';

/** The palette's colour names (map/theme.ts OKABE_ITO gives their values). */
export type PaletteColour =
  'black' | 'orange' | 'skyBlue' | 'green' | 'yellow' | 'blue' | 'vermillion' | 'purple' | 'grey';

export interface SiteKindEntry {
  id: string;
  /** In the legends, tooltips and details. */
  label: Word;
  /** In the narrow sites table. */
  short: Word;
  /** Shape and colour; hollow (dashed) for temporary or liaison presence. */
  symbol: { shape: SymbolShape; colour: PaletteColour; hollow: boolean };
  /** A military position (the Sud-Kivu milestone counts these). */
  military: boolean;
  /**
   * When its name is on the map: `first`, always and before any other (mission and sector
   * HQs); `always`, whatever its troops; `by-size`, from 650 troops (prepare.ts).
   */
  named: 'first' | 'always' | 'by-size';
  /**
   * `reason` is read as text by the reach defaults (reach.ts) and the reach dialog: a getter
   * over its message, so it too is in the language of the moment it is read.
   */
  reach: { km: number; readonly reason: string };
}

/** A kind's assumed reach, its reason read in the current language (SiteKindEntry.reach). */
const reach = (km: number, reason: () => string) => ({
  km,
  get reason() {
    return reason();
  },
});

export const SITE_KIND_REGISTRY = [
  {
    id: 'mission_hq',
    label: m.kind_mission_hq,
    short: m.kind_mission_hq,
    symbol: { shape: 'star', colour: 'black', hollow: false },
    military: false,
    named: 'first',
    reach: reach(0, m.kind_reach_mission_hq),
  },
  {
    id: 'force_hq',
    label: m.kind_force_hq,
    short: m.kind_force_hq,
    symbol: { shape: 'hexagon', colour: 'black', hollow: false },
    military: true,
    named: 'always',
    reach: reach(80, m.kind_reach_force_hq),
  },
  {
    id: 'sector_hq',
    label: m.kind_sector_hq,
    short: m.kind_sector_hq,
    symbol: { shape: 'square', colour: 'blue', hollow: false },
    military: true,
    named: 'first',
    reach: reach(80, m.kind_reach_sector_hq),
  },
  {
    id: 'field_office',
    label: m.kind_field_office,
    short: m.kind_field_office,
    symbol: { shape: 'circle', colour: 'purple', hollow: false },
    military: false,
    named: 'by-size',
    reach: reach(0, m.kind_reach_field_office),
  },
  {
    id: 'cob',
    label: m.kind_cob,
    short: m.kind_short_cob,
    symbol: { shape: 'triangle', colour: 'green', hollow: false },
    military: true,
    named: 'by-size',
    reach: reach(25, m.kind_reach_cob),
  },
  {
    id: 'tob',
    label: m.kind_tob,
    short: m.kind_short_tob,
    symbol: { shape: 'triangle', colour: 'orange', hollow: true },
    military: true,
    named: 'by-size',
    reach: reach(25, m.kind_reach_tob),
  },
  {
    id: 'scd',
    label: m.kind_scd,
    short: m.kind_short_scd,
    symbol: { shape: 'diamond', colour: 'vermillion', hollow: true },
    military: true,
    named: 'by-size',
    reach: reach(25, m.kind_reach_scd),
  },
  {
    id: 'police',
    label: m.kind_police,
    short: m.kind_police,
    symbol: { shape: 'cross', colour: 'skyBlue', hollow: false },
    military: false,
    named: 'by-size',
    reach: reach(10, m.kind_reach_police),
  },
  {
    id: 'liaison_office',
    label: m.kind_liaison_office,
    short: m.kind_liaison_office,
    symbol: { shape: 'circle', colour: 'grey', hollow: true },
    military: false,
    named: 'by-size',
    reach: reach(0, m.kind_reach_liaison_office),
  },
] as const satisfies readonly SiteKindEntry[];

export type SiteKind = (typeof SITE_KIND_REGISTRY)[number]['id'];

/** The CSV's `kind` vocabulary, in the registry's order (the legends' order). */
export const SITE_KINDS: readonly SiteKind[] = SITE_KIND_REGISTRY.map((k) => k.id);

/** The entry of a kind. */
export const siteKind = (id: SiteKind): SiteKindEntry =>
  SITE_KIND_REGISTRY.find((k) => k.id === id)!;
