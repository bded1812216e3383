/**
 * The scenario's record types and vocabularies. These CSV formats are also the import format,
 * so every column is a plain value a person can type in a spreadsheet.
 */
import type { FuzzyDate } from './dates.ts';

import { SITE_KIND_REGISTRY, type SiteKind } from './siteKinds.ts';
export { SITE_KINDS, type SiteKind } from './siteKinds.ts';

/** Kinds that are military positions (the Sud-Kivu milestone is about these). */
export const MILITARY_KINDS: readonly SiteKind[] = SITE_KIND_REGISTRY.filter((k) => k.military).map(
  (k) => k.id,
);

/**
 * How a site ended. All but `last_seen` are known endings. `last_seen` is not: the last source
 * that shows the site is of the `closed` date, later sources do not show it, and whether and
 * when it closed is not known (a Geo-PKO place missing from the file's later maps). The date
 * still ends the site's span as any closing does: a year-precision `closed` has `last` = 31 Dec
 * (dates.ts), and siteSpan (timeline.ts) ends on `closed.last`, so the site counts as open
 * through the end of its last year seen and not after.
 */
export const CLOSURES = [
  'closed',
  'handed_over_fardc',
  'handed_over_pnc',
  'withdrawn',
  'lost',
  'last_seen',
] as const;
export type Closure = (typeof CLOSURES)[number];

/**
 * What an opening date rests on: a source that dates the opening itself, or only the first
 * source that shows the site there (Geo-PKO's first map year), so the site may be older.
 */
export const OPENED_BASES = ['opened', 'present_by'] as const;
export type OpenedBasis = (typeof OPENED_BASES)[number];

/** How a deployed-strength figure was given: as stated, rounded, or "more than". */
export const FIGURES = ['exact', 'rounded', 'lower_bound'] as const;
export type Figure = (typeof FIGURES)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const PLANS = ['joint_strategy_2020', 'disengagement_plan_2023', 'actual'] as const;
export type Plan = (typeof PLANS)[number];

export const PHASE_STATUSES = ['planned', 'completed', 'paused', 'undetermined'] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

export const EVENT_KINDS = [
  'closure',
  'handover',
  'resolution',
  'armed_group',
  'protest',
  'plan',
  'agreement',
  'deployment',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface Place {
  name: string;
  alt_names: string[];
  province_iso: string;
  lat: number;
  lon: number;
  population: number | null;
  population_year: number | null;
  source: string;
}

export interface Site {
  id: string;
  name: string;
  kind: SiteKind;
  /** Empty only for liaison offices outside the DRC. */
  province_iso: string | null;
  /** Null when no trustworthy coordinate is known: listed, but not drawn. */
  lat: number | null;
  lon: number | null;
  /** Null when the opening is unknown (present before the data begins). */
  opened: FuzzyDate | null;
  /** Null when the opening is unknown, or when an imported register does not say. */
  opened_basis: OpenedBasis | null;
  closed: FuzzyDate | null;
  closure: Closure | null;
  /**
   * One troop figure for the site, used only where there are no per-year figures for it
   * (`SiteTroops`): an imported register's strength, say. Never summed for a year it does not
   * describe without saying so.
   */
  troops_estimate: number | null;
  contingent: string;
  source: string;
  confidence: Confidence;
  notes: string;
}

export interface Hotspot {
  id: string;
  group: string;
  label: string;
  province_iso: string;
  lat: number | null;
  lon: number | null;
  radius_km: number;
  from: FuzzyDate;
  /** Null while the hotspot is still active. */
  to: FuzzyDate | null;
  /** The scale is in README ("Hotspot intensity"); null when no source read allows a rating. */
  intensity: 1 | 2 | 3 | null;
  /** What the rating rests on: the source's words, or an event count in a stated period. */
  intensity_basis: string;
  source: string;
  confidence: Confidence;
  notes: string;
}

/**
 * A town held by an armed group over a period (control.csv). The group is the sources' name as
 * written ("M23/AFC"): any text, since groups rename and ally.
 */
export interface ControlPeriod {
  id: string;
  town: string;
  group: string;
  province_iso: string;
  lat: number;
  lon: number;
  from: FuzzyDate;
  /** Null while the town was still held at the last source. */
  to: FuzzyDate | null;
  source: string;
  confidence: Confidence;
  notes: string;
}

export interface Phase {
  id: string;
  plan: Plan;
  name: string;
  provinces: string[];
  start: FuzzyDate | null;
  end: FuzzyDate | null;
  status: PhaseStatus;
  source: string;
}

export interface ScenarioEvent {
  date: FuzzyDate;
  title: string;
  description: string;
  provinces: string[];
  kind: EventKind;
  source: string;
}

export interface Mandate {
  /** "S/RES/2717", or "S/RES/2717 from 2024-07-01" for a ceiling step inside one resolution. */
  resolution: string;
  adopted: FuzzyDate;
  mandate_until: FuzzyDate;
  /** The day these ceilings take effect: the step date if the resolution names one, else adoption. */
  in_force_from: FuzzyDate;
  troops: number;
  military_observers_staff: number;
  individual_police: number;
  formed_police: number;
  source: string;
}

/** Geo-PKO's estimate of the troops at a site in one year (site-troops.csv). */
export interface SiteTroops {
  site: string;
  year: number;
  /** The mean over that year's UN deployment maps, from standard unit sizes: not a headcount. */
  troops: number;
  troops_min: number | null;
  troops_max: number | null;
  unit_types: string;
  source: string;
  notes: string;
}

/** The mission's deployed strength on a date, as a UN or news source gives it (strength.csv). */
export interface StrengthFigure {
  date: FuzzyDate;
  troops: number | null;
  military_observers_staff: number | null;
  police_individual: number | null;
  police_formed: number | null;
  /** Only where the source does not split individual and formed police. */
  police_total: number | null;
  /** Where the source gives one number for all uniformed personnel. */
  uniformed_total: number | null;
  figure: Figure;
  source: string;
  confidence: Confidence;
  notes: string;
}

export interface Scenario {
  places: Place[];
  sites: Site[];
  hotspots: Hotspot[];
  phases: Phase[];
  events: ScenarioEvent[];
  mandates: Mandate[];
  siteTroops: SiteTroops[];
  strength: StrengthFigure[];
  control: ControlPeriod[];
}
