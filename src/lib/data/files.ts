/** The scenario's files under data/. Kept free of imports so UI code can name them cheaply. */
export const SCENARIO_FILES = {
  places: 'places.csv',
  sites: 'scenario/sites.csv',
  hotspots: 'scenario/hotspots.csv',
  phases: 'scenario/phases.csv',
  events: 'scenario/events.csv',
  mandates: 'scenario/mandates.csv',
  control: 'scenario/control.csv',
} as const;
/** Each file's content: bytes (decoded as strict UTF-8, bad bytes reported) or text. */
export type ScenarioTexts = Record<keyof typeof SCENARIO_FILES, string | Uint8Array>;
