/** An imported event's date and place as the tooltip and the events table say them. */
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/lib/domain/dates.ts';
import type { Locale } from '../../src/lib/domain/locales.ts';
import { DATE_PRECISIONS } from '../../src/lib/import/types.ts';
import { eventDate, eventPlace, namedPlace } from '../../src/lib/ui/import/eventWords.ts';

const code = (p: (typeof DATE_PRECISIONS)[number]) => DATE_PRECISIONS.indexOf(p);
const APRIL_12 = dayNumber(2024, 4, 12);
const NBSP = '\u00a0';

describe('eventDate', () => {
  test.each<{ name: string; precision: number; locale: Locale; short?: boolean; expected: string }>(
    [
      { name: 'a day', precision: code('day'), locale: 'en', expected: '12 April 2024' },
      {
        name: 'a day, short',
        precision: code('day'),
        locale: 'en',
        short: true,
        expected: '12 Apr 2024',
      },
      {
        name: 'unknown: the day, as before',
        precision: code(null),
        locale: 'en',
        expected: '12 April 2024',
      },
      { name: 'a week', precision: code('week'), locale: 'en', expected: '12 April 2024 (week)' },
      {
        name: 'a week, short',
        precision: code('week'),
        locale: 'en',
        short: true,
        expected: '12 Apr 2024 (week)',
      },
      {
        name: 'a month: no day',
        precision: code('month'),
        locale: 'en',
        expected: 'April 2024 (month)',
      },
      {
        name: 'a month, short',
        precision: code('month'),
        locale: 'en',
        short: true,
        expected: 'Apr 2024 (month)',
      },
      { name: 'a year: no month', precision: code('year'), locale: 'en', expected: '2024 (year)' },
      {
        name: 'une semaine',
        precision: code('week'),
        locale: 'fr',
        expected: '12 avril 2024 (à la semaine près)',
      },
      {
        name: 'un mois',
        precision: code('month'),
        locale: 'fr',
        expected: 'avril 2024 (au mois près)',
      },
      {
        name: 'une année, sans espace dans le nombre',
        precision: code('year'),
        locale: 'fr',
        expected: '2024 (à l’année près)',
      },
      {
        name: 'a code past the list: the day',
        precision: 9,
        locale: 'en',
        expected: '12 April 2024',
      },
    ],
  )('$name', ({ precision, locale, short, expected }) => {
    expect(eventDate(APRIL_12, precision, locale, short).replaceAll(NBSP, ' ')).toBe(expected);
  });
});

describe('eventPlace', () => {
  const cols = {
    positions: new Float32Array([29.45, -1.17, 27.123456, -5.9]),
    place: new Uint32Array([1, 0]),
    places: ['', 'Kiwanja, Nord-Kivu'],
  };
  test.each([
    { name: 'named: the name', i: 0, named: 'Kiwanja, Nord-Kivu', expected: 'Kiwanja, Nord-Kivu' },
    { name: 'unnamed: latitude, longitude', i: 1, named: '', expected: '-5.9, 27.1235' },
  ])('$name', ({ i, named, expected }) => {
    expect(namedPlace(cols, i)).toBe(named);
    expect(eventPlace(cols, i)).toBe(expected);
  });
});
