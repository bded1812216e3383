/** The scenario's files under data/. Kept free of imports so UI code can name them cheaply. */
export const SCENARIO_FILES = {
  places: 'places.csv',
  sites: 'scenario/sites.csv',
  hotspots: 'scenario/hotspots.csv',
  phases: 'scenario/phases.csv',
  events: 'scenario/events.csv',
  mandates: 'scenario/mandates.csv',
  siteTroops: 'scenario/site-troops.csv',
  strength: 'scenario/strength.csv',
  control: 'scenario/control.csv',
} as const;
/** Files a scenario may do without: left out, they read as having no rows. */
export const OPTIONAL_FILES = ['siteTroops', 'strength', 'control'] as const;
type OptionalFile = (typeof OPTIONAL_FILES)[number];
/** Each file's content: bytes (decoded as strict UTF-8, bad bytes reported) or text. */
export type ScenarioTexts = Record<
  Exclude<keyof typeof SCENARIO_FILES, OptionalFile>,
  string | Uint8Array
> &
  Partial<Record<OptionalFile, string | Uint8Array>>;
