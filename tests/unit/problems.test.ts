/**
 * Problems are said by code and worded where shown (problems.ts): every code has words in every
 * language, a path and a nested problem are worded too, and the words follow the language asked.
 */
import { describe, expect, test } from 'vitest';
import en from '../../messages/en.json';
import { PROBLEM_CODES, say, sayAll, type Said } from '../../src/lib/domain/problems.ts';

describe('the registry', () => {
  test('every problem_ message of the catalogue has a code (none is forgotten)', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('problem_'));
    // The helpers that frame a problem are not problems themselves.
    const framing = [
      'at',
      'the_file',
      'separator',
      'issue_where',
      'issue_column',
      'issue',
      'issue_value',
    ];
    const coded = new Set(PROBLEM_CODES.map(String));
    expect(
      keys
        .map((k) => k.slice('problem_'.length))
        .filter((k) => !framing.includes(k) && !coded.has(k)),
    ).toEqual([]);
  });

  test.each(['en', 'fr'] as const)('every code has words in %s', (locale) => {
    for (const code of PROBLEM_CODES) expect(say({ code }, locale), code).toMatch(/\p{L}/u);
  });
});

describe('say', () => {
  const cases: { name: string; said: Said; en: string; fr: string }[] = [
    {
      name: 'a problem with parameters',
      said: { code: 'outside_range', params: { min: -90, max: 90 } },
      en: 'is outside -90 to 90',
      fr: 'n’est pas compris entre -90 et 90',
    },
    {
      name: 'a problem at a place in a JSON file',
      said: { code: 'empty_name', path: 'scenarios.0.name' },
      en: 'scenarios.0.name: has an empty name',
      fr: 'scenarios.0.name\u00a0: a un nom vide',
    },
    {
      name: 'the whole file',
      said: { code: 'not_deck_object', path: '' },
      en: 'the file: is not a slide deck (a JSON object)',
      fr: 'le fichier\u00a0: n’est pas une série de diapositives (un objet JSON)',
    },
    {
      name: 'a problem inside another',
      said: { code: 'saved_not_saved', params: { why: { code: 'saved_no_storage' } } },
      en: 'Not saved. This browser does not let the app store anything.',
      fr: 'Non enregistré. Ce navigateur ne permet pas à l’application d’enregistrer quoi que ce soit.',
    },
  ];
  test.each(cases)('$name', ({ said, en, fr }) => {
    expect(say(said, 'en')).toBe(en);
    expect(say(said, 'fr')).toBe(fr);
  });

  test('a list is joined with the language’s semicolon', () => {
    const list: Said[] = [{ code: 'is_empty' }, { code: 'not_number' }];
    expect(sayAll(list, 'en')).toBe('is empty; is not a number');
    expect(sayAll(list, 'fr')).toBe('est vide\u202f; n’est pas un nombre');
  });
});
