/**
 * Reading one cell of an imported table: a date in the style its format writes, a number with
 * the file's decimal mark, a pair of coordinates. Every reader returns the value or a problem
 * (problems.ts), never throws, and allocates nothing on the way to a good value: it runs for
 * every cell of a million-row file.
 */
import type { Said } from '../domain/problems.ts';
import type { DateStyle } from './types.ts';

/** Years outside this range are typing slips (two-digit years, 2202 for 2022), not events. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** How each style is written, shown in problems so the user sees the form expected. */
export const DATE_FORMS: Record<DateStyle, string> = {
  iso: '2020-01-11',
  'dmy-words': '11 January 2020',
  'dmy-slash': '11/01/2020',
  'mdy-slash': '01/11/2020',
};

// ---- characters -------------------------------------------------------------------------

const SPACE = 32;
const TAB = 9;
const NBSP = 0xa0;
const NNBSP = 0x202f;
const ZERO = 48;
const NINE = 57;

const isSpace = (c: number) => c === SPACE || c === TAB || c === NBSP || c === NNBSP;
const isDigit = (c: number) => c >= ZERO && c <= NINE;

/** Index of the first non-space character of `s` at or after `i`. */
function skipSpace(s: string, i: number, end: number): number {
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** One past the last non-space character of `s`. */
function trimEnd(s: string): number {
  let e = s.length;
  while (e > 0 && isSpace(s.charCodeAt(e - 1))) e--;
  return e;
}

// ---- days -------------------------------------------------------------------------------

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!;
}

/**
 * Days since 1970-01-01 by arithmetic alone (the proleptic Gregorian calendar, as Date.UTC),
 * equal to dates.ts dayNumber without building a Date for each of a million rows.
 */
export function civilDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// The problem of the last failed parse, so the fast paths return plain numbers.
let failure: Said | null = null;

/** A calendar check shared by every style: the day number, or NaN with `failure` set. */
function checkedDay(y: number, m: number, d: number): number {
  if (y < FIRST_YEAR || y > LAST_YEAR) {
    failure = { code: 'date_year_outside', params: { year: y } };
    return NaN;
  }
  if (m < 1 || m > 12) {
    failure = { code: 'date_no_month', params: { month: m } };
    return NaN;
  }
  if (d < 1 || d > daysInMonth(y, m)) {
    failure = {
      code: 'date_no_day',
      params: { day: d, month: `${y}-${m < 10 ? '0' : ''}${m}` },
    };
    return NaN;
  }
  return civilDay(y, m, d);
}

// Scratch for the digit run just read: its value, and where it ended.
let runValue = 0;
let runEnd = 0;

/** Reads up to `max` digits from `i`; false when there is none. */
function digits(s: string, i: number, end: number, max: number): boolean {
  let v = 0;
  let j = i;
  while (j < end && j - i < max) {
    const c = s.charCodeAt(j);
    if (!isDigit(c)) break;
    v = v * 10 + (c - ZERO);
    j++;
  }
  runValue = v;
  runEnd = j;
  return j > i;
}

/**
 * Whether what follows a date is a time of day (UCDP writes "2020-01-11 00:00:00.000",
 * spreadsheets "11/01/2020 00:00"): a space or T, then digits, colons, a decimal point, a
 * zone. Anything else after the date makes it unreadable.
 */
function timeTail(s: string, i: number, end: number): boolean {
  if (i === end) return true;
  const c = s.charCodeAt(i);
  if (c !== SPACE && c !== 84 /* T */) return false;
  if (i + 1 >= end || !isDigit(s.charCodeAt(i + 1))) return false;
  for (let j = i + 1; j < end; j++) {
    const k = s.charCodeAt(j);
    if (!(isDigit(k) || k === 58 || k === 46 || k === 43 || k === 45 || k === 90 || k === SPACE))
      return false;
  }
  return true;
}

/** YYYY-MM-DD (month and day may have one digit) at `i`, or NaN; -2 when it is not ISO-shaped. */
function isoDay(s: string, i: number, end: number): number {
  if (!digits(s, i, end, 4) || runEnd - i !== 4) return -2;
  const y = runValue;
  let j = runEnd;
  if (s.charCodeAt(j) !== 45) return -2;
  if (!digits(s, j + 1, end, 2)) return -2;
  const m = runValue;
  j = runEnd;
  if (s.charCodeAt(j) !== 45) return -2;
  if (!digits(s, j + 1, end, 2)) return -2;
  const d = runValue;
  if (!timeTail(s, runEnd, end)) return -2;
  return checkedDay(y, m, d);
}

/** D/M/YYYY or M/D/YYYY with one separator throughout (/ . or -). */
function slashDay(s: string, i: number, end: number, dayFirst: boolean): number {
  if (!digits(s, i, end, 2)) return -2;
  const a = runValue;
  const sep = s.charCodeAt(runEnd);
  if (sep !== 47 && sep !== 46 && sep !== 45) return -2;
  if (!digits(s, runEnd + 1, end, 2)) return -2;
  const b = runValue;
  if (s.charCodeAt(runEnd) !== sep) return -2;
  const yStart = runEnd + 1;
  if (!digits(s, yStart, end, 4)) return -2;
  const y = runValue;
  const yLen = runEnd - yStart;
  if (!timeTail(s, runEnd, end)) return -2;
  // A two-digit year is named, not guessed: 16 could be 1916 or 2016.
  if (yLen !== 4) {
    failure = { code: 'date_year_outside', params: { year: y } };
    return NaN;
  }
  return dayFirst ? checkedDay(y, b, a) : checkedDay(y, a, b);
}

/**
 * Month names as ACLED writes them (English, in full: "11 January 2020"; its codebook example
 * is the same), the common English abbreviations, and French names and abbreviations for
 * tables typed in French. Lower case; matched case-insensitively.
 */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ['january', 'jan', 'janvier', 'janv'],
  ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev'],
  ['march', 'mar', 'mars'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mai'],
  ['june', 'jun', 'juin'],
  ['july', 'jul', 'juillet', 'juil'],
  ['august', 'aug', 'août', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'décembre', 'decembre', 'déc'],
];

/** Lower case for ASCII and Latin-1 letters (É → é), enough for month names. */
const fold = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215) ? c + 32 : c;

// ACLED's own spelling, tried first: one native comparison for nearly every row.
const ENGLISH = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The month (1–12) a word names, or 0. */
function monthOfWord(s: string, i: number, end: number): number {
  const n = end - i;
  for (let m = 0; m < 12; m++) {
    const word = ENGLISH[m]!;
    if (word.length === n && s.startsWith(word, i)) return m + 1;
  }
  for (let m = 0; m < 12; m++) {
    const words = MONTH_WORDS[m]!;
    next: for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      if (word.length !== n) continue;
      for (let k = 0; k < n; k++)
        if (fold(s.charCodeAt(i + k)) !== word.charCodeAt(k)) continue next;
      return m + 1;
    }
  }
  return 0;
}

const isLetter = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 192 && c <= 255 && c !== 215 && c !== 247);

/** "11 January 2020", "1 Jan 2020", "11-Jan-2020", "11 janv. 2020". */
function wordsDay(s: string, i: number, end: number): number {
  if (!digits(s, i, end, 2)) return -2;
  const d = runValue;
  let j = runEnd;
  const sep = s.charCodeAt(j);
  if (!isSpace(sep) && sep !== 45) return -2;
  j = skipSpace(s, j + 1, end);
  const w = j;
  while (j < end && isLetter(s.charCodeAt(j))) j++;
  const m = monthOfWord(s, w, j);
  if (m === 0) return -2;
  if (s.charCodeAt(j) === 46) j++; // "janv."
  const sep2 = s.charCodeAt(j);
  if (!isSpace(sep2) && sep2 !== 45) return -2;
  j = skipSpace(s, j + 1, end);
  const yStart = j;
  if (!digits(s, yStart, end, 4)) return -2;
  const y = runValue;
  const yLen = runEnd - yStart;
  if (!timeTail(s, runEnd, end)) return -2;
  if (yLen !== 4) {
    failure = { code: 'date_year_outside', params: { year: y } };
    return NaN;
  }
  return checkedDay(y, m, d);
}

/**
 * The day number of a date cell, or NaN with `failure` set. ISO dates are read in every
 * style: a four-digit year first cannot be misread, and ACLED's own exports write them too
 * (the HDX and API files say 2020-08-01 where the export tool says "01 August 2020").
 */
function dayOf(s: string, style: DateStyle): number {
  failure = null;
  const end = trimEnd(s);
  const i = skipSpace(s, 0, end);
  if (i === end) {
    failure = { code: 'is_empty' };
    return NaN;
  }
  let r = isoDay(s, i, end);
  if (r === -2 && style !== 'iso') {
    r = style === 'dmy-words' ? wordsDay(s, i, end) : slashDay(s, i, end, style === 'dmy-slash');
    // A French or ACLED-legacy table may mix forms; the other day-first form is not ambiguous.
    if (r === -2 && style === 'dmy-words') r = slashDay(s, i, end, true);
    if (r === -2 && style === 'dmy-slash') r = wordsDay(s, i, end);
  }
  if (r === -2) {
    failure = { code: 'date_unreadable', params: { form: DATE_FORMS[style] } };
    return NaN;
  }
  return r;
}

/** A date cell as a day number (dates.ts dayNumber), or what is wrong with it. */
export function readDate(text: string, style: DateStyle): number | Said {
  const d = dayOf(text, style);
  return Number.isNaN(d) ? failure! : d;
}

/** The fix for a date problem readDate returned, in the form the style expects. */
export function dateFix(problem: Said, style: DateStyle): Said {
  switch (problem.code) {
    case 'date_no_day':
    case 'date_no_month':
      return { code: 'fix_real_date' };
    case 'date_year_outside':
      return { code: 'fix_four_digit_year' };
    default:
      return { code: 'fix_date_like', params: { form: DATE_FORMS[style] } };
  }
}

// ---- guessing how a table writes its dates ----------------------------------------------

/** A guess at a column's date style; `assumed` says what was taken for granted, if anything. */
export interface DateGuess {
  style: DateStyle;
  /** Shown to the user when day/month order could not be told from the values. */
  assumed: Said | null;
}

/**
 * How a column writes its dates, from many of its values. A slash date whose first part is
 * over 12 decides day/month (or second part, month/day). When every value could be either,
 * day/month is assumed, as French-speaking users write it, and `assumed` says so.
 */
export function guessDateStyleFully(samples: readonly string[]): DateGuess | null {
  let iso = 0;
  let words = 0;
  let slash = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous = '';
  for (const s of samples) {
    const end = trimEnd(s);
    const i = skipSpace(s, 0, end);
    if (i === end) continue;
    // Shape decides iso and words (an impossible day is still written that way).
    if (isoDay(s, i, end) !== -2) {
      iso++;
      continue;
    }
    if (wordsDay(s, i, end) !== -2) {
      words++;
      continue;
    }
    const asDmy = slashDay(s, i, end, true);
    const asMdy = slashDay(s, i, end, false);
    const dmyOk = asDmy !== -2 && !Number.isNaN(asDmy);
    const mdyOk = asMdy !== -2 && !Number.isNaN(asMdy);
    if (dmyOk || mdyOk) slash++;
    if (dmyOk && !mdyOk) dayFirst++;
    else if (mdyOk && !dmyOk) monthFirst++;
    else if (dmyOk && mdyOk && !ambiguous) ambiguous = s.slice(i, end);
  }
  const most = Math.max(iso, words, slash);
  if (most === 0) return null;
  if (iso === most) return { style: 'iso', assumed: null };
  if (words === most) return { style: 'dmy-words', assumed: null };
  // Both orders proven by some value: the column mixes them; no single style reads it.
  if (dayFirst > 0 && monthFirst > 0) return null;
  if (dayFirst > 0) return { style: 'dmy-slash', assumed: null };
  if (monthFirst > 0) return { style: 'mdy-slash', assumed: null };
  return {
    style: 'dmy-slash',
    assumed: { code: 'date_order_assumed', params: { example: ambiguous } },
  };
}

/** The date style of a column from many of its values, or null when none reads them. */
export function guessDateStyle(samples: string[]): DateStyle | null {
  return guessDateStyleFully(samples)?.style ?? null;
}

// ---- numbers ----------------------------------------------------------------------------

/**
 * A number, or NaN with `failure` set. Digits with at most one decimal mark, the file's own;
 * a sign in front. Exponents are refused: no source writes them and "1E5" in a coordinate
 * column is a spreadsheet's doing.
 */
function numberOf(s: string, decimalComma: boolean): number {
  failure = null;
  const end = trimEnd(s);
  const start = skipSpace(s, 0, end);
  if (start === end) {
    failure = { code: 'is_empty' };
    return NaN;
  }
  const mark = decimalComma ? 44 : 46;
  const other = decimalComma ? 46 : 44;
  let i = start;
  const c0 = s.charCodeAt(i);
  if (c0 === 45 || c0 === 43 || c0 === 0x2212) i++;
  let nDigits = 0;
  let marks = 0;
  let others = 0;
  let inner = 0; // spaces or apostrophes between digits: thousands groups
  let junk = false;
  // The digits as an integer and how many follow the mark, for the exact fast path below.
  let mantissa = 0;
  let decimals = 0;
  for (let j = i; j < end; j++) {
    const c = s.charCodeAt(j);
    if (isDigit(c)) {
      nDigits++;
      mantissa = mantissa * 10 + (c - ZERO);
      if (marks > 0) decimals++;
    } else if (c === mark) marks++;
    else if (c === other) others++;
    else if (isSpace(c) || c === 39 || c === 0x2019) inner++;
    else junk = true;
  }
  if (junk || nDigits === 0) {
    failure = { code: 'not_number' };
    return NaN;
  }
  if (inner > 0 || marks > 1 || (marks === 1 && others > 0) || others > 1) {
    failure = { code: 'number_grouped' };
    return NaN;
  }
  if (others === 1) {
    failure = {
      code: 'number_wrong_mark',
      params: { found: decimalComma ? '.' : ',', expected: decimalComma ? ',' : '.' },
    };
    return NaN;
  }
  const negative = c0 === 45 || c0 === 0x2212;
  // Up to 15 digits the integer is exact, and so is 10^decimals (to 10^22): their quotient is
  // the correctly rounded value, the same double Number() gives, without a second pass.
  if (nDigits <= 15) {
    const v = decimals === 0 ? mantissa : mantissa / POWERS[decimals]!;
    return negative ? -v : v;
  }
  const body = s.slice(start, end);
  const text = decimalComma && marks === 1 ? body.replace(',', '.') : body;
  const v = c0 === 0x2212 ? -Number(text.slice(1)) : Number(text);
  return v;
}

const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A number cell, or what is wrong with it. An empty cell is `is_empty`, apart from the other
 * problems, so a caller decides whether empty is allowed.
 */
export function readNumber(text: string, decimalComma: boolean): number | Said {
  const v = numberOf(text, decimalComma);
  return Number.isNaN(v) ? failure! : v;
}

/** The fix for a number problem readNumber returned. */
export function numberFix(problem: Said, decimalComma: boolean, example: string): Said {
  if (problem.code === 'is_empty') return { code: 'fix_fill_in' };
  return {
    code: 'fix_plain_number',
    params: { example: decimalComma ? example.replace('.', ',') : example },
  };
}

// ---- coordinates ------------------------------------------------------------------------

/**
 * The DR Congo and its neighbours, generously: the country spans about 12.2–31.3° E and
 * 13.5° S–5.4° N, and the box adds most of a degree on every side so events on the borders,
 * the lakes and the neighbours' border areas (Rwanda, Burundi, western Uganda) fall inside.
 * It stops at 6° N and 32° E on purpose: mirrored (latitude for longitude) the box is
 * 12–32° N by 14° W–6° E, which it does not overlap, so a pair and its swap are never both
 * "in the DRC" and a swap is never guessed for a point that is already there.
 */
export const DRC_BOX = { latMin: -14, latMax: 6, lonMin: 12, lonMax: 32 } as const;

const inBox = (lat: number, lon: number) =>
  lat >= DRC_BOX.latMin && lat <= DRC_BOX.latMax && lon >= DRC_BOX.lonMin && lon <= DRC_BOX.lonMax;

/** One problem with a coordinate cell. */
export interface CoordinateProblem {
  field: 'lat' | 'lon';
  problem: Said;
  fix: Said;
}

const LAT_EXAMPLE = '-1.6792';
const LON_EXAMPLE = '29.2228';

/**
 * A latitude and longitude pair, or its problems: unreadable or empty cells, a value out of
 * range, 0, 0 ("null island", a placeholder for unknown), and a pair that looks swapped: it
 * is invalid or outside the DRC's neighbourhood (DRC_BOX) while the other way round it falls
 * inside. `checkSwap` is false when the row itself says it lies in another country (a UCDP
 * global file): a Sahel event at 15° N, 1° W mirrors into the box and is not a swap.
 */
export function readCoordinates(
  latText: string,
  lonText: string,
  decimalComma: boolean,
  checkSwap = true,
): { lat: number; lon: number } | { problems: CoordinateProblem[] } {
  const at = { lat: 0, lon: 0 };
  const problems = readCoordinatesInto(latText, lonText, decimalComma, checkSwap, at);
  return problems ? { problems } : at;
}

/**
 * readCoordinates for the row reader: the pair goes into `at` and null comes back, or the
 * problems do; no object is made for the million good rows.
 */
export function readCoordinatesInto(
  latText: string,
  lonText: string,
  decimalComma: boolean,
  checkSwap: boolean,
  at: { lat: number; lon: number },
): CoordinateProblem[] | null {
  const lat = numberOf(latText, decimalComma);
  const latFailure = failure;
  const lon = numberOf(lonText, decimalComma);
  const lonFailure = failure;
  if (Number.isNaN(lat) || Number.isNaN(lon)) {
    const problems: CoordinateProblem[] = [];
    if (latFailure)
      problems.push({
        field: 'lat',
        problem: latFailure,
        fix: {
          code: 'fix_lat_required',
          params: { example: sampleFor(LAT_EXAMPLE, decimalComma) },
        },
      });
    if (lonFailure)
      problems.push({
        field: 'lon',
        problem: lonFailure,
        fix: {
          code: 'fix_lon_required',
          params: { example: sampleFor(LON_EXAMPLE, decimalComma) },
        },
      });
    return problems;
  }
  const latOk = lat >= -90 && lat <= 90;
  const lonOk = lon >= -180 && lon <= 180;
  const swapped = checkSwap && !(latOk && lonOk && inBox(lat, lon)) && inBox(lon, lat);
  const nullIsland = lat === 0 && lon === 0;
  if (latOk && lonOk && !swapped && !nullIsland) {
    at.lat = lat;
    at.lon = lon;
    return null;
  }
  if (swapped)
    return [
      {
        field: 'lat',
        problem: { code: 'coords_swapped', params: { lat: clean(latText), lon: clean(lonText) } },
        fix: { code: 'fix_swap_coords', params: { lat: clean(lonText), lon: clean(latText) } },
      },
    ];
  if (nullIsland)
    return [{ field: 'lat', problem: { code: 'null_island' }, fix: { code: 'fix_null_island' } }];
  const problems: CoordinateProblem[] = [];
  if (!latOk)
    problems.push({
      field: 'lat',
      problem: { code: 'outside_range', params: { min: -90, max: 90 } },
      fix: { code: 'fix_lat_required', params: { example: sampleFor(LAT_EXAMPLE, decimalComma) } },
    });
  if (!lonOk)
    problems.push({
      field: 'lon',
      problem: { code: 'outside_range', params: { min: -180, max: 180 } },
      fix: { code: 'fix_lon_required', params: { example: sampleFor(LON_EXAMPLE, decimalComma) } },
    });
  return problems;
}

const sampleFor = (example: string, decimalComma: boolean) =>
  decimalComma ? example.replace('.', ',') : example;
const clean = (s: string) => s.trim();
