/** The words for each recognised format, in the reader's language. */
import { m } from '../../../paraglide/messages.js';
import type { FormatId } from '../../import/types.ts';

const NAMES: Record<FormatId, () => string> = {
  acled: m.import_format_acled,
  'acled-2019': m.import_format_acled_2019,
  'acled-2018': m.import_format_acled_2018,
  'acled-legacy': m.import_format_acled_legacy,
  'ucdp-ged': m.import_format_ucdp_ged,
  'ucdp-candidate': m.import_format_ucdp_candidate,
  geopko: m.import_format_geopko,
  'ours-sites': m.import_format_ours_sites,
  'ours-hotspots': m.import_format_ours_hotspots,
  'ours-events': m.import_format_ours_events,
  generic: m.import_format_generic,
};

/** A format's name; "unknown" for none. */
export const formatName = (f: FormatId | null): string => (f ? NAMES[f]() : m.import_format_unknown());
