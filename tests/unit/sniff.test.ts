/** Sniffing a foreign CSV: encoding and byte-order mark, delimiter, decimal comma. */
import { describe, expect, test } from 'vitest';
import {
  sniff,
  sniffDecimalComma,
  sniffDelimiter,
  sniffEncoding,
} from '../../src/lib/import/sniff.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => utf16le(s).map((_, i, a) => a[i ^ 1]!);
/** Windows-1252 for the Latin-1 range, which is all these fixtures use. */
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const cat = (...parts: (Uint8Array | number[])[]) => new Uint8Array(parts.flatMap((p) => [...p]));

const ACLED_HEAD =
  'event_id_cnty,event_date,event_type,actor1,admin1,location,latitude,longitude,notes,fatalities\n' +
  'DRC1,11 January 2020,Battles,ADF: Allied Democratic Forces,Nord-Kivu,Beni,0.4911,29.4731,' +
  '"On 11 January 2020, ADF fighters clashed with FARDC soldiers; 3 killed.",3\n' +
  'DRC2,12 January 2020,Protests,Protesters (Democratic Republic of Congo),Sud-Kivu,Uvira,-3.3953,29.1378,' +
  '"Residents protested; [size=dozens]",0\n';
const FRENCH_EXCEL =
  'date;lieu;lat;lon;morts\n11/01/2020;Goma;-1,6792;29,2228;0\n12/01/2020;Bunia;1,5667;30,25;3\n';

describe('sniffEncoding', () => {
  test.each([
    {
      name: 'UTF-8 with a mark',
      input: cat([0xef, 0xbb, 0xbf], utf8('a,b\n')),
      encoding: 'utf-8',
      bom: 3,
    },
    {
      name: 'UTF-16LE with a mark',
      input: cat([0xff, 0xfe], utf16le('a\tb\n')),
      encoding: 'utf-16le',
      bom: 2,
    },
    {
      name: 'UTF-16BE with a mark',
      input: cat([0xfe, 0xff], utf16be('a\tb\n')),
      encoding: 'utf-16be',
      bom: 2,
    },
    {
      name: 'UTF-16LE without a mark',
      input: utf16le('date,lat,lon\n2020-01-11,-1.6,29.2\n'),
      encoding: 'utf-16le',
      bom: 0,
    },
    {
      name: 'UTF-16BE without a mark',
      input: utf16be('date,lat,lon\n2020-01-11,-1.6,29.2\n'),
      encoding: 'utf-16be',
      bom: 0,
    },
    {
      name: 'UTF-16LE with accents, no mark',
      input: utf16le('lieu;pays\nKasaï;RDC\nÉquateur;RDC\n'),
      encoding: 'utf-16le',
      bom: 0,
    },
    { name: 'ASCII', input: utf8('a,b\n1,2\n'), encoding: 'utf-8', bom: 0 },
    {
      name: 'UTF-8 with accents, no mark',
      input: utf8('lieu,note\nÉquateur,Kasaï\n'),
      encoding: 'utf-8',
      bom: 0,
    },
    {
      name: 'Latin-1 accents',
      input: latin1('nom\nLa Prospérité\n'),
      encoding: 'windows-1252',
      bom: 0,
    },
    {
      name: 'Windows-1252 curly quote (0x92)',
      input: cat(utf8('note\nl'), [0x92], utf8('attaque\n')),
      encoding: 'windows-1252',
      bom: 0,
    },
    {
      name: 'UTF-8 head cut inside a character',
      input: utf8('lieu\nKasaï').subarray(0, -1),
      encoding: 'utf-8',
      bom: 0,
    },
    {
      name: 'UTF-8 head cut inside a 4-byte character',
      input: utf8('drapeau\n🇨🇩').subarray(0, -2),
      encoding: 'utf-8',
      bom: 0,
    },
    {
      name: 'a bad byte before the cut still counts',
      input: cat(latin1('é'), utf8('\nKasaï').subarray(0, -1)),
      encoding: 'windows-1252',
      bom: 0,
    },
    { name: 'empty', input: new Uint8Array(0), encoding: 'utf-8', bom: 0 },
  ])('$name', ({ input, encoding, bom }) => {
    expect(sniffEncoding(input)).toEqual({ encoding, bom });
  });

  test.each([
    {
      name: 'a whole file ending in a lead byte is not UTF-8',
      input: latin1('nom\nCaf\u00e9'),
      encoding: 'windows-1252',
    },
    { name: 'a whole file of complete UTF-8 is', input: utf8('nom\nCafé'), encoding: 'utf-8' },
  ])('$name', ({ input, encoding }) => {
    expect(sniffEncoding(input, true).encoding).toBe(encoding);
  });
});

describe('sniffDelimiter', () => {
  test.each([
    { name: 'ACLED: comma, quoted notes with semicolons', input: ACLED_HEAD, expected: ',' },
    { name: 'French Excel: semicolons, decimal commas', input: FRENCH_EXCEL, expected: ';' },
    { name: 'brief example', input: 'date;lat;lon\n11/01/2020;-1,6792;29,2228', expected: ';' },
    {
      name: 'tab-separated, commas in text',
      input: 'date\tnote\n2020-01-11\tGoma, Nord-Kivu\n2020-01-12\tBeni, Nord-Kivu\n',
      expected: '\t',
    },
    { name: 'CRLF semicolons', input: 'a;b;c\r\n1;2;3\r\n4;5;6\r\n', expected: ';' },
    { name: 'header only', input: 'a;b;c\n', expected: ';' },
    { name: 'a single column', input: 'location\nGoma\nBeni\n', expected: ',' },
    { name: 'empty', input: '', expected: ',' },
    {
      name: 'comma with unquoted commas in some rows still beats a header-less candidate',
      input: 'id,note\n1,fine\n2,Goma, then Beni\n3,ok; fine\n',
      expected: ',',
    },
    {
      name: 'semicolons in a quoted cell spanning lines',
      input: 'id,note,n\n1,"a;b\nc;d;e",2\n2,x,3\n',
      expected: ',',
    },
    {
      name: 'consistent semicolons beat ragged commas',
      input: 'nom;note, remarque\nGoma;vu, puis parti\nBeni;rien\nUvira;a, b, c\n',
      expected: ';',
    },
    {
      name: 'a head cut mid-record is judged on whole records',
      input: 'a;b;c\n1;2;3\n4;5;6\n7;8',
      expected: ';',
    },
    { name: 'a tie goes to tab before semicolon', input: 'a;b\tc\n1;2\t3\n', expected: '\t' },
    { name: 'a tie goes to semicolon before comma', input: 'a;b,c\n1;2,3\n', expected: ';' },
  ])('$name', ({ input, expected }) => {
    expect(sniffDelimiter(input)).toBe(expected);
  });
});

describe('sniffDecimalComma', () => {
  test.each([
    { name: 'French Excel', input: FRENCH_EXCEL, delimiter: ';' as const, expected: true },
    {
      name: 'comma files never',
      input: 'a,b\n"1,5",2\n',
      delimiter: ',' as const,
      expected: false,
    },
    {
      name: 'decimal dots',
      input: 'lat;lon\n-1.6792;29.2228\n',
      delimiter: ';' as const,
      expected: false,
    },
    {
      name: 'one dot among commas',
      input: 'lat;lon\n-1,6792;29.2228\n',
      delimiter: ';' as const,
      expected: false,
    },
    {
      name: 'whole numbers only',
      input: 'id;morts\n1;3\n2;0\n',
      delimiter: ';' as const,
      expected: false,
    },
    {
      name: 'the header does not count',
      input: '1,5;x\nGoma;y\n',
      delimiter: ';' as const,
      expected: false,
    },
    {
      name: 'exponents and leading commas',
      input: 'v\t w\n1,5E-03\t,25\n',
      delimiter: '\t' as const,
      expected: true,
    },
    {
      name: 'text with commas is not a number',
      input: 'lieu;note\nGoma;vu, puis parti\n',
      delimiter: ';' as const,
      expected: false,
    },
  ])('$name', ({ input, delimiter, expected }) => {
    expect(sniffDecimalComma(input, delimiter)).toBe(expected);
  });
});

describe('sniff', () => {
  test.each([
    {
      name: 'ACLED export, UTF-8',
      input: utf8(ACLED_HEAD),
      expected: { encoding: 'utf-8', bom: 0, delimiter: ',', decimalComma: false },
    },
    {
      name: 'French Excel, Windows-1252, CRLF',
      input: latin1(FRENCH_EXCEL.replace('Goma', 'Béni').replaceAll('\n', '\r\n')),
      expected: { encoding: 'windows-1252', bom: 0, delimiter: ';', decimalComma: true },
    },
    {
      name: 'French Excel, UTF-8 with a mark',
      input: cat([0xef, 0xbb, 0xbf], utf8(FRENCH_EXCEL)),
      expected: { encoding: 'utf-8', bom: 3, delimiter: ';', decimalComma: true },
    },
    {
      name: 'Excel "Unicode text": UTF-16LE with a mark, tabs',
      input: cat([0xff, 0xfe], utf16le('date\tlieu\tlat\r\n11/01/2020\tKasaï\t-5,9\r\n')),
      expected: { encoding: 'utf-16le', bom: 2, delimiter: '\t', decimalComma: true },
    },
    {
      name: 'UTF-16BE without a mark, commas',
      input: utf16be('date,lat,lon\n2020-01-11,-1.6792,29.2228\n'),
      expected: { encoding: 'utf-16be', bom: 0, delimiter: ',', decimalComma: false },
    },
    {
      name: 'a head cut inside a character',
      input: utf8('lieu;lat\nKasaï;-5,9\nKasaï').subarray(0, -1),
      expected: { encoding: 'utf-8', bom: 0, delimiter: ';', decimalComma: true },
    },
  ])('$name', ({ input, expected }) => {
    expect(sniff(input)).toEqual(expected);
  });
});
