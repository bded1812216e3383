/** Shown on the map and in every export: the boundaries come from open data, not from the UN. */
export const DISCLAIMER = 'Boundaries and names are not authoritative and imply no endorsement.';

/** Credits for the bundled scenario data, shown on the map beside the boundary sources. */
export const DATA_ATTRIBUTION = [
  'Towns: GeoNames (CC BY 4.0)',
  'Sites: Geo-PKO v2.3 and UN sources',
];
