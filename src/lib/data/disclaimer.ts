import { m } from '../../paraglide/messages.js';

/**
 * Shown on the map and in every export: the boundaries come from open data, not from the UN.
 * A message, called where shown so it is in the interface's language (or an export's).
 */
export const DISCLAIMER: () => string = m.export_disclaimer;

/** Credits for the bundled scenario data, shown on the map beside the boundary sources. */
export const DATA_ATTRIBUTION = (): string[] => [m.export_credit_towns(), m.export_credit_sites()];
