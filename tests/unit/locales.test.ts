import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  BASE_LOCALE,
  LOCALE_INFO,
  LOCALES,
  localeOfTag,
  resolveLocale,
} from '../../src/lib/domain/locales.ts';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
  baseLocale: string;
  locales: string[];
};

describe('the locale registry', () => {
  test('has an entry for each language of project.inlang/settings.json, base first', () => {
    expect(LOCALES).toEqual(settings.locales);
    expect(BASE_LOCALE).toBe(settings.baseLocale);
    expect(LOCALES[0]).toBe(BASE_LOCALE);
  });

  test.each(LOCALES)('Intl has the data to write %s', (l) => {
    expect(Intl.DateTimeFormat.supportedLocalesOf([LOCALE_INFO[l].intl])).toHaveLength(1);
    expect(Intl.NumberFormat.supportedLocalesOf([LOCALE_INFO[l].intl])).toHaveLength(1);
  });
});

describe('localeOfTag: a browser language to an interface language', () => {
  test.each([
    { tag: 'fr', expected: 'fr' },
    { tag: 'fr-CD', expected: 'fr' },
    { tag: 'fr-FR', expected: 'fr' },
    { tag: 'FR-be', expected: 'fr' },
    { tag: 'en-GB', expected: 'en' },
    { tag: 'en_US', expected: 'en' },
    { tag: 'ln-CD', expected: undefined },
    { tag: 'de', expected: undefined },
    { tag: '', expected: undefined },
  ])('$tag → $expected', ({ tag, expected }) => expect(localeOfTag(tag)).toBe(expected));
});

describe('resolveLocale: the link, then the stored choice, then the browser, then English', () => {
  test.each<{
    name: string;
    from: Parameters<typeof resolveLocale>[0];
    expected: string;
  }>([
    { name: 'nothing at all', from: {}, expected: 'en' },
    { name: 'the link wins', from: { link: 'fr', stored: 'en', browser: ['en'] }, expected: 'fr' },
    { name: 'a link in English', from: { link: 'en', stored: 'fr' }, expected: 'en' },
    { name: 'then the stored choice', from: { stored: 'fr', browser: ['en-GB'] }, expected: 'fr' },
    { name: 'stored over browser', from: { stored: 'en', browser: ['fr-CD'] }, expected: 'en' },
    { name: 'then the browser', from: { browser: ['fr-CD', 'en'] }, expected: 'fr' },
    { name: 'its first language we have', from: { browser: ['ln', 'sw', 'fr'] }, expected: 'fr' },
    { name: 'a browser in no language of ours', from: { browser: ['de-DE'] }, expected: 'en' },
    {
      name: 'an unknown link or stored value is passed over',
      from: { link: 'de', stored: 'xx', browser: ['fr'] },
      expected: 'fr',
    },
    { name: 'null link and storage', from: { link: null, stored: null }, expected: 'en' },
  ])('$name → $expected', ({ from, expected }) => expect(resolveLocale(from)).toBe(expected));
});
