/** Shown on the map and in every export: the boundaries come from open data, not from the UN. */
export const DISCLAIMER =
  'Boundaries and names shown are not authoritative and do not imply official endorsement or acceptance.';

/** Credits for the bundled scenario data, shown on the map beside the boundary sources. */
export const DATA_ATTRIBUTION = [
  'Towns: GeoNames (CC BY 4.0)',
  'Deployments: Geo-PKO v2.3 (Cil et al. 2020) and UN sources',
];
