/**
 * Words for imported events in the reader's language: ACLED's and UCDP's kinds of event (kept
 * as the source writes them in the data, translated only where shown), actor families, windows.
 */
import { m } from '../../../paraglide/messages.js';
import type { ActorFamily } from '../../import/types.ts';
import type { WindowId } from '../../state/importState.svelte.ts';

const TYPES: Readonly<Record<string, () => string>> = {
  Battles: m.import_type_battles,
  'Violence against civilians': m.import_type_vac,
  'Explosions/Remote violence': m.import_type_explosions,
  Riots: m.import_type_riots,
  Protests: m.import_type_protests,
  'Strategic developments': m.import_type_strategic,
  'State-based violence': m.import_type_state_based,
  'Non-state violence': m.import_type_non_state,
  'One-sided violence': m.import_type_one_sided,
};

/** A known event type in the reader's language; any other as the file writes it. */
export const typeName = (t: string): string => TYPES[t]?.() ?? (t || m.import_type_none());

const FAMILIES: Record<ActorFamily, () => string> = {
  state: m.import_family_state,
  rebel: m.import_family_rebel,
  political_militia: m.import_family_political_militia,
  identity_militia: m.import_family_identity_militia,
  rioters: m.import_family_rioters,
  protesters: m.import_family_protesters,
  civilians: m.import_family_civilians,
  external: m.import_family_external,
  unknown: m.import_family_unknown,
};

export const familyName = (f: ActorFamily): string => FAMILIES[f]();

export const WINDOW_NAMES: Record<WindowId, () => string> = {
  '1m': m.import_window_1m,
  '3m': m.import_window_3m,
  '12m': m.import_window_12m,
  all: m.import_window_all,
};
