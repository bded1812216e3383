/**
 * The catalogues, messages/{locale}.json: the same messages in every language, none empty, the
 * same placeholders, every plural form the language has, French typography, and the compiled
 * messages (src/paraglide) saying what the catalogues say.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as compiled from '../../src/paraglide/messages/_index.js';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
  baseLocale: string;
  locales: string[];
};

/** A message with variants (plurals), in the inlang message format. */
interface Variants {
  declarations: string[];
  selectors: string[];
  match: Record<string, string>;
}
type Message = string | [Variants];
type Catalogue = Record<string, Message>;

const read = (locale: string): Catalogue => {
  const messages = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Catalogue;
  // An editor's schema link, not a message.
  delete messages['$schema'];
  return messages;
};
const CATALOGUES = Object.fromEntries(settings.locales.map((l) => [l, read(l)]));
const BASE = CATALOGUES[settings.baseLocale]!;
const OTHERS = settings.locales.filter((l) => l !== settings.baseLocale);

/** Every text a reader may see of a message: the message, or each of its variants. */
const texts = (msg: Message): string[] =>
  typeof msg === 'string' ? [msg] : Object.values(msg[0].match);
/** The placeholders a message uses or declares as input. */
const placeholders = (msg: Message): string[] => {
  const used = texts(msg).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!));
  const inputs =
    typeof msg === 'string'
      ? []
      : msg[0].declarations.flatMap((d) => /^input (\w+)$/.exec(d)?.[1] ?? []);
  const locals =
    typeof msg === 'string'
      ? []
      : msg[0].declarations.flatMap((d) => /^local (\w+) =/.exec(d)?.[1] ?? []);
  return [...new Set([...used.filter((u) => !locals.includes(u)), ...inputs])].sort();
};
/** Text outside the placeholders, where typography applies. */
const prose = (t: string) => t.replace(/\{[^}]*\}/g, '');
const entries = (locale: string) =>
  Object.entries(CATALOGUES[locale]!).flatMap(([key, msg]) => texts(msg).map((t) => ({ key, t })));

describe('every catalogue has the messages of the base catalogue, and no other', () => {
  test.each(OTHERS)('%s', (locale) => {
    expect(Object.keys(CATALOGUES[locale]!).sort()).toEqual(Object.keys(BASE).sort());
  });
});

describe('no message is empty', () => {
  test.each(settings.locales)('%s', (locale) => {
    const empty = entries(locale).filter(({ t }) => t.trim() === '');
    expect(empty.map((e) => e.key)).toEqual([]);
  });
});

describe('a translation uses the placeholders of the original', () => {
  test.each(OTHERS)('%s', (locale) => {
    const differ = Object.keys(BASE).filter(
      (k) =>
        JSON.stringify(placeholders(CATALOGUES[locale]![k]!)) !==
        JSON.stringify(placeholders(BASE[k]!)),
    );
    expect(differ).toEqual([]);
  });
});

describe('a plural message has a form for every plural category of its language', () => {
  test.each(settings.locales)('%s', (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const missing = Object.entries(CATALOGUES[locale]!).flatMap(([key, msg]) => {
      if (typeof msg === 'string') return [];
      const keys = Object.keys(msg[0].match).map((k) => k.split('=')[1]);
      // "*" catches any category (French "many": "1 000 000 de…").
      if (keys.includes('*')) return [];
      return categories.filter((c) => !keys.includes(c)).map((c) => `${key}: ${c}`);
    });
    expect(missing).toEqual([]);
  });
});

describe('French typography', () => {
  const french = entries('fr');
  test('a no-break space (U+00A0 or the narrow U+202F) before : ; ? !', () => {
    const wrong = french.filter(({ t }) => /(^|[^\u00a0\u202f])[:;?!]/.test(prose(t)));
    expect(wrong).toEqual([]);
  });
  test('a no-break space inside « »', () => {
    const wrong = french.filter(
      ({ t }) => /«(?![\u00a0\u202f])/.test(prose(t)) || /(?<![\u00a0\u202f])»/.test(prose(t)),
    );
    expect(wrong).toEqual([]);
  });
  test('the apostrophe is the typographic one (’)', () => {
    expect(french.filter(({ t }) => prose(t).includes("'"))).toEqual([]);
  });

  // The rule itself, so a broken regular expression cannot pass every catalogue.
  test.each([
    { name: 'a plain space before a colon', t: 'Fin : {date}', ok: false },
    { name: 'no space before a colon', t: 'Fin: {date}', ok: false },
    { name: 'a no-break space before a colon', t: 'Fin\u00a0: {date}', ok: true },
    { name: 'a narrow no-break space before ?', t: 'Pourquoi\u202f?', ok: true },
    { name: 'a plain space before !', t: 'Attention !', ok: false },
    { name: 'a placeholder before the space', t: '{plan}\u00a0: {name}', ok: true },
  ])('$name → $ok', ({ t, ok }) => {
    expect(!/(^|[^\u00a0\u202f])[:;?!]/.test(prose(t))).toBe(ok);
  });
});

describe('the compiled messages say what the catalogues say', () => {
  const messages = compiled as unknown as Record<
    string,
    (inputs?: object, options?: { locale: string }) => string
  >;
  test('every message was compiled (the catalogue plugin loaded)', () => {
    expect(Object.keys(BASE).filter((k) => typeof messages[k] !== 'function')).toEqual([]);
  });
  test.each(settings.locales)('%s, messages without placeholders', (locale) => {
    const plain = Object.entries(CATALOGUES[locale]!).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && !e[1].includes('{'),
    );
    for (const [key, text] of plain) expect(messages[key]!({}, { locale })).toBe(text);
  });
});
