/** Shown on the map and in every export: the boundaries come from open data, not from the UN. */
export const DISCLAIMER =
  'Boundaries and names shown are not authoritative and do not imply official endorsement or acceptance.';
