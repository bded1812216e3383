/**
 * What the About panel says of the scenario data beyond the per-layer sources: the documents
 * it was compiled from, how to cite it, and the assumptions a reader must know.
 */
export const SCENARIO_SOURCES: { name: string; detail: string }[] = [
  {
    name: 'S/2020/1041, joint strategy on the progressive and phased drawdown of MONUSCO (27 Oct 2020)',
    detail:
      'The 2020 plan: Kasai by June 2021, Tanganyika in 2022, Ituri on conditions, the Kivus last; armed groups by area.',
  },
  {
    name: 'Geo-PKO v2.3: Cil, Fjelde, Hultman and Nilsson (2020), "Mapping blue helmets", Journal of Peace Research',
    detail:
      'MONUSCO deployment locations by year, coded from UN deployment maps, 2010–2024. Cited per site.',
  },
  {
    name: 'Security Council resolutions 2463 to 2808 and UN press releases',
    detail: 'Mandates and authorised ceilings; dates of the drawdown decisions.',
  },
  {
    name: 'IPI, Stimson and Security Council Report (Dec 2020); IOM Kasai strategy (Feb 2021); NORCAP protection study (2022); S/2021/384',
    detail:
      'Context on closures, the Kasai conflicts, protection through projection, SCDs and COBs.',
  },
  {
    name: 'News agencies and outlets (RFI, AFP, AP, Radio Okapi, actualite.cd, 7sur7.cd and others)',
    detail:
      'Dates of individual closures, handovers and armed-group events; each row names its outlet.',
  },
  {
    name: 'ACLED and GRID3 (via public repositories), GeoNames',
    detail:
      'Coordinates for places no other source gets right; each row names its file and commit.',
  },
];

export const CITATION =
  'Drawdown Map contributors (2026). MONUSCO drawdown dataset, 2019–2026, version 0.1. Compiled from UN documents, Geo-PKO v2.3 and public reporting; sources cited per record.';

export const ASSUMPTIONS: string[] = [
  'Troop numbers are estimates from standard unit sizes (company 150, battalion 650, platoon 35), as coded by Geo-PKO. They are not headcounts.',
  'A date with year precision means "present at some point that year"; month precision, some day of that month. Nothing finer is implied.',
  'An empty opening date means the site was there before the data begins (Geo-PKO starts in 2010).',
  'Geo-PKO records presence by year from UN maps; a site absent from later maps is taken as closed in its last year, with medium or low confidence.',
  'Sites in Nord-Kivu and Ituri stay open unless a source reports a closure.',
  'Sites without a trustworthy coordinate are listed but not drawn.',
  'Province boundaries are coarse and not authoritative; a 5 km tolerance applies when checking that a point lies in its province.',
];
