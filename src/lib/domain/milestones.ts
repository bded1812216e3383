/**
 * The drawdown milestones the dataset must respect, each with its named, sourced exceptions.
 * A site breaks a milestone if it may still be open after the date: no closing date, or a
 * closing date whose range (year or month precision) reaches past it.
 */
import { parseFuzzyDate, type FuzzyDate } from './dates.ts';
import { MILITARY_KINDS, type Site } from './schema.ts';

export interface Milestone {
  id: string;
  rule: string;
  provinces: string[];
  /** The last day a site may be open. */
  by: string;
  militaryOnly: boolean;
  source: string;
  /** Site ids allowed to stay, each with the source that says so. */
  exceptions: { site: string; source: string }[];
}

export const MILESTONES: Milestone[] = [
  {
    id: 'kasai-2021',
    rule: 'No Kasaï or Kasaï-Central site is open after 30 June 2021',
    provinces: ['CD-KS', 'CD-KC'],
    by: '2021-06-30',
    militaryOnly: false,
    source: 'seed 000 (S/2020/1041) para 25; S/RES/2556',
    exceptions: [],
  },
  {
    id: 'tanganyika-2022',
    rule: 'No Tanganyika site is open after 30 June 2022',
    provinces: ['CD-TA'],
    by: '2022-06-30',
    militaryOnly: false,
    source: 'S/RES/2612; MONUSCO left Tanganyika on 30 Jun 2022 (allafrica 202206200330)',
    exceptions: [
      {
        site: 'bendera',
        source:
          'transitional arrangements for Bendera at the 30 Jun 2022 departure (allafrica 202206200330); seed 000 para 33',
      },
    ],
  },
  {
    id: 'sud-kivu-2024',
    rule: 'No military site in Sud-Kivu is open after 11 July 2024',
    provinces: ['CD-SK'],
    by: '2024-07-11',
    militaryOnly: true,
    source:
      'S/RES/2717 (Force out of Sud-Kivu by end-April 2024); MONUSCO release of 25 Jun 2024 (operations ceased at Mikenge, Minembwe and Uvira, all other bases transferred or closed); MONUSCO communiqué of 11 Jul 2024 (Minembwe and Mikenge handed to the FARDC; via monde24.net)',
    exceptions: [],
  },
];

/** True if the site may be open on some day after `day` (days since epoch). */
export function mayBeOpenAfter(site: Pick<Site, 'closed'>, day: number): boolean {
  return site.closed === null || site.closed.last > day;
}

export interface MilestoneResult {
  milestone: Milestone;
  /** Sites that break the rule and are not named exceptions. */
  violations: Site[];
  /** Exceptions that apply, with their sites. */
  excepted: { site: Site; source: string }[];
}

/** Evaluates every milestone against the sites. */
export function checkMilestones(sites: Site[], milestones = MILESTONES): MilestoneResult[] {
  return milestones.map((m) => {
    const by = parseFuzzyDate(m.by, 'day') as FuzzyDate;
    const inScope = sites.filter(
      (s) =>
        s.province_iso !== null &&
        m.provinces.includes(s.province_iso) &&
        (!m.militaryOnly || MILITARY_KINDS.includes(s.kind)) &&
        mayBeOpenAfter(s, by.first),
    );
    const allowed = new Map(m.exceptions.map((e) => [e.site, e.source]));
    return {
      milestone: m,
      violations: inScope.filter((s) => !allowed.has(s.id)),
      excepted: inScope
        .filter((s) => allowed.has(s.id))
        .map((site) => ({ site, source: allowed.get(site.id)! })),
    };
  });
}
