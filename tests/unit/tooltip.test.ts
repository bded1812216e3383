import { describe, expect, test } from 'vitest';
import { parseFuzzyDate, type FuzzyDate } from '../../src/lib/domain/dates.ts';
import type { HotspotDatum, SiteDatum } from '../../src/lib/map/layers/prepare.ts';
import type { SiteMark } from '../../src/lib/map/layers/siteMarks.ts';
import { tooltipText } from '../../src/lib/map/tooltip.ts';
import { closedRow } from '../../src/lib/domain/siteWords.ts';
import type { TownDatum } from '../../src/lib/map/layers/controlLayer.ts';

const d = (text: string, p: string) => parseFuzzyDate(text, p) as FuzzyDate;
const site = (over: object) =>
  ({
    site: {
      name: 'Kananga',
      kind: 'cob',
      opened: d('2017', 'year'),
      opened_basis: 'present_by',
      closed: d('2021-06', 'month'),
      closure: 'withdrawn',
      troops_estimate: 650,
      ...over,
    },
  }) as unknown as SiteDatum;

describe('tooltipText', () => {
  test.each([
    {
      what: 'an open site',
      o: site({ closed: null, closure: null }),
      role: 'site' as const,
      has: [
        'Kananga',
        'Company operating base (COB)',
        'Present by: 2017 (year) (may be older)',
        'Closed: open',
      ],
      not: ['Closed site', 'Opened'],
    },
    {
      what: 'an opening a source dates',
      o: site({ opened_basis: 'opened' }),
      role: 'site' as const,
      has: ['Opened: 2017 (year)'],
      not: ['Present by', 'From'],
    },
    {
      what: 'an imported opening that does not say its basis',
      o: site({ opened_basis: null }),
      role: 'site' as const,
      has: ['From: 2017 (year)'],
      not: ['Present by', 'Opened'],
    },
    {
      what: 'a closed site still drawn (its last month)',
      o: site({}),
      role: 'site' as const,
      has: ['Closed: Jun 2021 (month)'],
      // Without the day's figure (no context), no troop line: never the site's single figure.
      not: ['Closed site', 'Troops'],
    },
    {
      what: 'its ghost',
      o: site({}),
      role: 'ghost' as const,
      has: ['Closed site: Withdrawn', 'Closed: Jun 2021 (month)'],
      not: [],
    },
    {
      what: 'a ghost with no closure recorded',
      o: site({ closure: null }),
      role: 'ghost' as const,
      has: ['Closed site: Closed'],
      not: [],
    },
    {
      what: 'unknown opening and troops',
      o: site({ opened: null, troops_estimate: null }),
      role: 'site' as const,
      has: ['Opened: unknown (before the data begins)'],
      not: ['Troops'],
    },
    {
      what: 'its closure mark',
      o: site({ closure: 'handed_over_fardc' }),
      role: 'closing' as const,
      has: ['Kananga', 'Closure: Handed over to the FARDC', 'Closed: Jun 2021 (month)'],
      not: ['Closed site'],
    },
    {
      what: 'a site only last seen, still drawn in its last year',
      o: site({ closed: d('2019', 'year'), closure: 'last_seen' }),
      role: 'site' as const,
      has: ['Last seen: 2019 (year); not known to have closed'],
      not: ['Closed'],
    },
    {
      what: 'the ghost of a site only last seen',
      o: site({ closed: d('2019', 'year'), closure: 'last_seen' }),
      role: 'ghost' as const,
      has: ['Site absent from later sources', 'Last seen: 2019 (year); not known to have closed'],
      not: ['Closed'],
    },
  ])('$what', ({ o, role, has, not }) => {
    const text = tooltipText({ datum: o, role } as SiteMark)!.text;
    for (const h of has) expect(text).toContain(h);
    for (const n of not) expect(text).not.toContain(n);
  });

  test.each([
    {
      what: 'an open site, in French',
      o: site({ closed: null, closure: null, troops_estimate: 2700 }),
      role: 'site' as const,
      has: [
        'Kananga',
        'Base opérationnelle de compagnie (COB)',
        'Présent dès\u00a0: 2017 (à l’année près) (peut être plus ancien)',
        'Fermeture\u00a0: aucune, toujours ouvert',
        'Effectifs (estimation, 2021)\u00a0: 2\u202f700',
        'Cliquer pour les détails',
      ],
    },
    {
      what: 'its ghost, in French',
      o: site({}),
      role: 'ghost' as const,
      has: ['Site fermé\u00a0: Retiré', 'Fermeture\u00a0: juin 2021 (au mois près)'],
    },
    {
      what: 'its closure mark, unknown opening, in French',
      o: site({ closure: 'handed_over_pnc', opened: null }),
      role: 'closing' as const,
      has: [
        'Mode de fermeture\u00a0: Remis à la PNC',
        'Ouverture\u00a0: inconnue (avant le début des données)',
      ],
    },
    {
      what: 'the ghost of a site only last seen, in French',
      o: site({ closed: d('2019', 'year'), closure: 'last_seen' }),
      role: 'ghost' as const,
      has: [
        'Site absent des sources ultérieures',
        'Vu pour la dernière fois\u00a0: 2019 (à l’année près)\u00a0; fermeture non attestée',
      ],
    },
  ])('$what', ({ o, role, has }) => {
    const text = tooltipText({ datum: o, role } as SiteMark, 'fr', {
      troopsAt: (s) =>
        s.troops_estimate === null
          ? null
          : { troops: s.troops_estimate, basis: 'year', year: 2021, min: null, max: null },
    })!.text;
    for (const h of has) expect(text).toContain(h);
    // No English word of the tooltip's own.
    expect(text).not.toMatch(/Opened|Closed|Troops|Click|Company/);
  });

  test('a hotspot, and nothing', () => {
    const h = {
      hotspot: {
        label: 'ADF around Beni',
        group: 'ADF',
        from: d('2019', 'year'),
        to: null,
        intensity: 3,
      },
    } as unknown as HotspotDatum;
    expect(tooltipText(h)!.text).toBe(
      'ADF around Beni\nGroup: ADF\nFrom 2019 (year), still active\nIntensity: 3, severe\nClick for details',
    );
    expect(tooltipText(h, 'fr')!.text).toBe(
      'ADF around Beni\nGroupe\u00a0: ADF\nActif depuis 2019 (à l’année près)\nIntensité\u00a0: 3, grave\nCliquer pour les détails',
    );
    const ended = { hotspot: { ...h.hotspot, to: d('2021-06-30', 'day') } } as HotspotDatum;
    expect(tooltipText(ended)!.text).toContain('From 2019 (year) to 30 Jun 2021');
    expect(tooltipText(ended, 'fr')!.text).toContain(
      'Période\u00a0: 2019 (à l’année près) – 30 juin 2021',
    );
    expect(tooltipText(undefined)).toBeNull();
  });
});

describe('closedRow: the details panel\u2019s closing, said by how the site ended', () => {
  test.each([
    {
      what: 'open',
      s: { closed: null, closure: null },
      locale: 'en' as const,
      row: ['Closed', 'open (no closure reported)'],
    },
    {
      what: 'withdrawn',
      s: { closed: d('2021-06', 'month'), closure: 'withdrawn' as const },
      locale: 'en' as const,
      row: ['Closed', 'Jun 2021 (month)'],
    },
    {
      what: 'last seen',
      s: { closed: d('2019', 'year'), closure: 'last_seen' as const },
      locale: 'en' as const,
      row: [
        'Last seen',
        '2019 (year); later sources do not show it, and no source says whether or when it closed',
      ],
    },
    {
      what: 'last seen, in French',
      s: { closed: d('2019', 'year'), closure: 'last_seen' as const },
      locale: 'fr' as const,
      row: [
        'Vu pour la dernière fois',
        '2019 (à l’année près)\u00a0; les sources ultérieures ne le montrent plus, et aucune ne dit s’il a fermé ni quand',
      ],
    },
  ])('$what', ({ s, locale, row }) => {
    expect(closedRow(s, locale)).toEqual(row);
  });
});

describe('held towns and sites in held areas', () => {
  const town = {
    period: {
      id: 'goma-2025',
      town: 'Goma',
      group: 'M23/AFC',
      from: d('2025-01-28', 'day'),
      to: null,
      source: 'S/RES/2773 <b>(unscr.com)</b>',
      confidence: 'high',
    },
  } as unknown as TownDatum;

  test('a held town: its town, group, dates in words, source and confidence, as text', () => {
    expect(tooltipText(town)!.text).toBe(
      [
        'Goma',
        'Held by M23/AFC',
        'Held since 28 Jan 2025, still held at the last source',
        // The source as written: the tooltip is text, so markup stays visible, never parsed.
        'Source: S/RES/2773 <b>(unscr.com)</b>',
        'Confidence: high',
      ].join('\n'),
    );
    const ended = { period: { ...town.period, to: d('2025-06', 'month') } } as TownDatum;
    expect(tooltipText(ended)!.text).toContain('Held from 28 Jan 2025 to Jun 2025 (month)');
    expect(tooltipText(town, 'fr')!.text).toBe(
      [
        'Goma',
        'Tenue par M23/AFC',
        'Tenue depuis 28 janv. 2025, toujours tenue à la dernière source',
        'Source\u00a0: S/RES/2773 <b>(unscr.com)</b>',
        'Fiabilité\u00a0: élevée',
      ].join('\n'),
    );
  });

  const goma = site({ name: 'Goma', lat: -1.68, lon: 29.23, closed: null, closure: null });
  const held = (p: { lat: number; lon: number }) =>
    p.lat > -2 ? { group: 'M23/AFC', since: d('2025-01-28', 'day') } : null;

  test.each([
    { role: 'site' as const, o: goma, line: 'In M23/AFC-held area since 28 Jan 2025' },
    { role: 'site' as const, o: site({ lat: -5.9, lon: 22.4 }), line: null },
    // A ghost is a site no longer there: nothing of it is held.
    { role: 'ghost' as const, o: goma, line: null },
  ])('$role at $o.site.lat: $line', ({ role, o, line }) => {
    const text = tooltipText({ datum: o, role } as SiteMark, 'en', { held })!.text;
    if (line) expect(text).toContain(line);
    else expect(text).not.toContain('held area');
  });

  test('in French', () => {
    expect(tooltipText({ datum: goma, role: 'site' } as SiteMark, 'fr', { held })!.text).toContain(
      'Dans la zone tenue par M23/AFC depuis 28 janv. 2025',
    );
  });
});
