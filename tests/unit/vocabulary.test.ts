import { afterEach, describe, expect, test } from 'vitest';
import { overwriteGetLocale } from '../../src/paraglide/runtime.js';
import {
  CLOSURES,
  CONFIDENCES,
  EVENT_KINDS,
  PHASE_STATUSES,
  PLANS,
  SITE_KINDS,
} from '../../src/lib/domain/schema.ts';
import { siteKind } from '../../src/lib/domain/siteKinds.ts';
import { REACH_DEFAULTS } from '../../src/lib/domain/reach.ts';
import {
  CLOSURE_LABEL,
  CONFIDENCE_LABEL,
  EVENT_KIND_LABEL,
  PHASE_STATUS_LABEL,
  PLAN_NAME,
  PROVINCE_PHASE_LABEL,
  type Word,
} from '../../src/lib/domain/vocabulary.ts';
import { KIND_STYLE, PLAN_LABEL } from '../../src/lib/map/theme.ts';
import { importedKeyContext, layerKeys, LAYERS } from '../../src/lib/map/layerRegistry.ts';
import { familyName, typeName } from '../../src/lib/ui/import/eventWords.ts';
import type { Locale } from '../../src/lib/domain/locales.ts';

/** Shows the words in `locale`, as the app's language state does (locale.svelte.ts). */
const show = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => show('en'));

const VOCABULARIES: { name: string; ids: readonly string[]; words: Record<string, Word> }[] = [
  { name: 'closures', ids: CLOSURES, words: CLOSURE_LABEL },
  { name: 'plans', ids: PLANS, words: PLAN_NAME },
  { name: 'phase statuses', ids: PHASE_STATUSES, words: PHASE_STATUS_LABEL },
  { name: 'confidences', ids: CONFIDENCES, words: CONFIDENCE_LABEL },
  { name: 'event kinds', ids: EVENT_KINDS, words: EVENT_KIND_LABEL },
  {
    name: 'province phases',
    ids: ['active', 'drawing_down', 'withdrawn'],
    words: PROVINCE_PHASE_LABEL,
  },
  {
    name: 'site kinds',
    ids: SITE_KINDS,
    words: Object.fromEntries(SITE_KINDS.map((k) => [k, siteKind(k).label])),
  },
];

describe('each vocabulary has a word for every CSV value, distinct, in each language', () => {
  test.each(
    VOCABULARIES.flatMap((v) => (['en', 'fr'] as const).map((locale) => ({ ...v, locale }))),
  )('$name in $locale', ({ ids, words, locale }) => {
    expect(Object.keys(words)).toEqual([...ids]);
    const said = ids.map((id) => words[id]!({}, { locale }));
    expect(new Set(said).size).toBe(ids.length);
    for (const w of said) expect(w.trim()).not.toBe('');
  });
});

describe('the words follow the language of the moment they are read', () => {
  test.each([
    {
      locale: 'en' as const,
      kind: 'Company operating base (COB)',
      short: 'Company operating base',
      closure: 'Handed over to the FARDC',
      plan: '2023 disengagement plan',
      confidence: 'medium',
      reason: /^A company base: day-patrol reach/,
    },
    {
      locale: 'fr' as const,
      kind: 'Base opérationnelle de compagnie (COB)',
      short: 'Base de compagnie',
      closure: 'Remis aux FARDC',
      plan: 'Plan de désengagement 2023',
      confidence: 'moyenne',
      reason: /^Une base de compagnie\u00a0: portée d’une patrouille/,
    },
  ])('$locale', ({ locale, kind, short, closure, plan, confidence, reason }) => {
    show(locale);
    expect(siteKind('cob').label()).toBe(kind);
    expect(siteKind('cob').short()).toBe(short);
    // The text views over the registries, for the components that show them as they are.
    expect(KIND_STYLE.cob.label).toBe(kind);
    expect(PLAN_LABEL.disengagement_plan_2023).toBe(plan);
    expect(REACH_DEFAULTS.cob.reason).toMatch(reason);
    expect(CLOSURE_LABEL.handed_over_fardc()).toBe(closure);
    expect(CONFIDENCE_LABEL.medium()).toBe(confidence);
  });

  test('layer toggles and keys are written in the language shown when they are asked for', () => {
    const keys = () =>
      layerKeys(() => true, { plan: 'actual', kinds: ['cob'] }, true).map((k) => k.title);
    expect(LAYERS.map((l) => l.label())).toEqual([
      'Province phases',
      'Reach of open sites',
      'Armed-group hotspots',
      'Armed-group control',
      'Imported events',
      'Sites',
      'Closed sites',
      'Site labels',
      'Towns',
    ]);
    expect(keys()[0]).toBe('Province phase (What happened)');
    show('fr');
    expect(LAYERS.map((l) => l.label())).toEqual([
      'Phases par province',
      'Portée des sites ouverts',
      'Points chauds des groupes armés',
      'Contrôle des groupes armés',
      'Événements importés',
      'Sites',
      'Sites fermés',
      'Noms des sites',
      'Localités',
    ]);
    expect(keys()).toEqual([
      'Phase par province (Ce qui s’est passé)',
      'Portée (rayons supposés)',
      'Points chauds des groupes armés',
      'Contrôle des groupes armés',
      'Sites ouverts à la date',
      'Sites fermés',
      'Scénario et situation de référence',
    ]);
    const sites = layerKeys((id) => id === 'sites', { plan: 'actual', kinds: ['cob'] }, false);
    expect(sites[0]!.rows.map((r) => r.text)).toEqual(['Base opérationnelle de compagnie (COB)']);
  });

  test('the imported events key is written in the language shown, its numbers too', () => {
    const c = (mode: 'points' | 'hexagons') =>
      importedKeyContext(
        {
          datasets: [
            { visible: true, columns: { n: 1, eventTypes: ['Battles'], family: Uint8Array.of(0) } },
          ],
          mode,
          colourBy: 'type',
          hexBy: 'count',
          window: '3m',
          hiddenTypes: new Set(),
          hiddenFamilies: new Set(),
        },
        { type: typeName, family: familyName },
      );
    const key = (mode: 'points' | 'hexagons') =>
      layerKeys(
        (id) => id === 'imported',
        { plan: 'actual', kinds: [], imported: c(mode) },
        false,
      )[0]!;
    show('fr');
    expect(key('points').title).toBe('Événements par type (3 mois jusqu’à la date)');
    expect(key('points').rows.map((r) => r.text)).toEqual(['Batailles']);
    expect(key('hexagons').title).toBe(
      'Événements par hexagone de 25\u00a0km (3 mois jusqu’à la date)',
    );
    expect(key('hexagons').rows.at(-1)!.text).toBe('1\u202f000 ou plus');
  });
});
