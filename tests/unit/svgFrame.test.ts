import { describe, expect, test } from 'vitest';
import {
  estimate,
  fontRuns,
  footerLines,
  frameTexts,
  legendWidth,
  needsExt,
  svgFrame,
  wrapText,
  xml,
  type Callout,
  type VectorFrame,
} from '../../src/lib/export/svgFrame.ts';
import { frameLayout, pageSize, PAGES, type Page } from '../../src/lib/domain/frame.ts';
import type { FrameText, LegendItem } from '../../src/lib/export/snapshot.ts';

const TEXT: FrameText = {
  title: 'Drawdown & the East',
  subtitle: 'Sud-Kivu: « retrait »',
  date: '30 June 2024',
  banner: '',
  sources: ['Data as of 1 December 2026', 'Geo-PKO'],
  disclaimer: 'Boundaries are not authoritative.',
  note: 'Drawdown Map',
  locale: 'en',
};
const LEGEND: LegendItem[] = [
  { kind: 'heading', text: 'Sites open at the date' },
  { kind: 'item', text: 'Company base', swatch: { type: 'icon', x: 64 } },
  { kind: 'heading', text: 'Troops at a site (symbol size)' },
  { kind: 'item', text: '2,900 troops or more', swatch: { type: 'size', share: 1 } },
  { kind: 'item', text: 'No troop figure', swatch: { type: 'size', share: 14 / 38 } },
];
const CALLOUT: Callout = { text: 'Goma falls, 28 Jan', anchor: [400, 300], label: [700, 120] };

function page(over: Partial<VectorFrame> = {}, p: Page = 'a4'): VectorFrame {
  const s = pageSize(p);
  return {
    width: s.width,
    height: s.height,
    mm: s.mm,
    text: TEXT,
    legend: LEGEND,
    map: { href: 'data:image/jpeg;base64,AAAA', zoom: 5, lat: -2, pr: 3, bearing: 0 },
    icon: (x) => `data:image/png;base64,icon${x}`,
    ...over,
  };
}

/** Every <text> element's content, tags stripped and entities read back. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text [^>]*>(.*?)<\/text>/g)].map((t) =>
    t[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );

describe('pageSize', () => {
  test.each([
    { page: 'a4', pt: [841.89, 595.28], px: [3508, 2480] },
    { page: 'a4-portrait', pt: [595.28, 841.89], px: [2480, 3508] },
    { page: 'a3', pt: [1190.55, 841.89], px: [4961, 3508] },
    { page: 'a3-portrait', pt: [841.89, 1190.55], px: [3508, 4961] },
    { page: 'slide', pt: [960, 540], px: [4000, 2250] },
  ] as const)('$page: $pt pt, $px px at 300 dpi', ({ page: p, pt, px }) => {
    const s = pageSize(p);
    expect(s.pt).toEqual(pt);
    expect([s.width, s.height]).toEqual(px);
  });

  test('every page is listed once', () => {
    expect(new Set(PAGES).size).toBe(5);
  });
});

describe('fontRuns and needsExt', () => {
  test.each([
    { text: 'Équateur, Kasaï « Nord »', runs: [['Équateur, Kasaï « Nord »', false]] },
    {
      text: 'Łódź – 3',
      runs: [
        ['Ł', true],
        ['ód', false],
        ['ź', true],
        [' – 3', false],
      ],
    },
    { text: '', runs: [] },
  ])('$text', ({ text, runs }) => {
    expect(fontRuns(text).map((r) => [r.text, r.ext])).toEqual(runs);
    expect(needsExt([text])).toBe(runs.some(([, ext]) => ext));
  });
});

describe('xml', () => {
  test.each([
    { s: 'A & B <c> "d" \'e\'', expected: 'A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;' },
    { s: 'plain', expected: 'plain' },
  ])('$s', ({ s, expected }) => {
    expect(xml(s)).toBe(expected);
  });
});

describe('wrapText', () => {
  test.each([
    { s: 'one two three', max: 1000, expected: ['one two three'] },
    { s: 'one two three', max: 60, expected: ['one two', 'three'] },
    // The no-break space before a French colon never breaks.
    { s: 'Sources\u00a0: a b', max: 50, expected: ['Sources\u00a0:', 'a b'] },
  ])('$s in $max px', ({ s, max, expected }) => {
    expect(wrapText(s, max, 10)).toEqual(expected);
  });
});

describe('footerLines', () => {
  test('sources first, with their data date, and the disclaimer and note last', () => {
    const lines = footerLines(TEXT, 5000, 20, estimate);
    expect(lines[0]).toContain('Data as of 1 December 2026');
    expect(lines.at(-1)).toBe('Boundaries are not authoritative. · Drawdown Map');
  });
  test('long sources take two lines at most', () => {
    const many = { ...TEXT, sources: Array.from({ length: 40 }, (_, i) => `Source ${i}`) };
    expect(footerLines(many, 400, 20, estimate)).toHaveLength(3);
  });
});

describe('svgFrame', () => {
  test.each(PAGES.map((p) => ({ p })))('$p: page in mm, viewBox in 300-dpi pixels', ({ p }) => {
    const s = pageSize(p);
    const svg = svgFrame(page({}, p));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${s.width} ${s.height}"`);
    expect(svg).toContain(`width="${Math.round(s.mm[0] * 100) / 100}mm"`);
  });

  test('the title, date, subtitle, legend and sources are text elements, escaped', () => {
    const svg = svgFrame(page());
    const all = texts(svg);
    for (const t of [TEXT.title, TEXT.date, TEXT.subtitle, 'Company base', 'No troop figure'])
      expect(all).toContain(t);
    expect(all.some((t) => t.includes('Data as of 1 December 2026'))).toBe(true);
    expect(svg).toContain('Drawdown &amp; the East');
    expect(svg).not.toMatch(/<text[^>]*>[^<]*&[^a#]/);
  });

  test('the map is one image at the layout’s map rectangle', () => {
    const f = frameLayout(3508, 2480, false);
    const svg = svgFrame(page());
    expect(svg).toContain(
      `<image x="${f.map.x}" y="${f.map.y}" width="${f.map.w}" height="${f.map.h}" preserveAspectRatio="none" href="data:image/jpeg;base64,AAAA"/>`,
    );
  });

  test('a banner is drawn only when given, upper-case', () => {
    expect(texts(svgFrame(page()))).not.toContain('DRAFT');
    expect(texts(svgFrame(page({ text: { ...TEXT, banner: 'Draft' } })))).toContain('DRAFT');
  });

  test('scale bar and north arrow, turned against the bearing', () => {
    const svg = svgFrame(page({ map: { ...page().map, bearing: 30 } }));
    expect(svg).toContain('<g id="scale-bar">');
    expect(svg).toMatch(
      /<g id="north-arrow" transform="translate\([\d.]+ [\d.]+\) rotate\(-30\)">/,
    );
    expect(texts(svg).some((t) => / km$/.test(t))).toBe(true);
  });

  test('troop sizes keep their ratio', () => {
    const radii = [
      ...svgFrame(page()).matchAll(
        /<circle cx="[\d.]+" cy="[\d.]+" r="([\d.]+)" fill="#ffffff" stroke="#1d1b18"/g,
      ),
    ].map((m) => Number(m[1]));
    expect(radii).toHaveLength(2);
    expect(radii[1]! / radii[0]!).toBeCloseTo(14 / 38, 2);
  });

  test('a callout: its text in a box, a leader from the anchor (offset by the map’s place)', () => {
    const f = frameLayout(3508, 2480, false);
    const svg = svgFrame(page({ callouts: [CALLOUT] }));
    expect(texts(svg)).toContain('Goma falls, 28 Jan');
    expect(svg).toContain(`<path d="M${f.map.x + 400} ${f.map.y + 300}L`);
    expect(svg.match(/<g class="callout">/g)).toHaveLength(1);
    expect(svgFrame(page())).not.toContain('class="callout"');
  });

  test('fonts go in as @font-face data, the latin-ext faces only when given', () => {
    const fonts = { regular: 'data:font/woff;base64,R', bold: 'data:font/woff;base64,B' };
    const svg = svgFrame(page({ fonts }));
    expect(svg.match(/@font-face/g)).toHaveLength(2);
    expect(svg).toContain('font-family:"Noto Sans";font-weight:700');
    const ext = svgFrame(page({ fonts: { ...fonts, extRegular: 'data:x', extBold: 'data:y' } }));
    expect(ext.match(/@font-face/g)).toHaveLength(4);
    expect(svgFrame(page())).not.toContain('@font-face');
  });

  test('a character outside the latin subset is set in the latin-ext face', () => {
    const svg = svgFrame(page({ text: { ...TEXT, title: 'Łódź' } }));
    expect(svg).toContain('<tspan font-family="Noto Sans Ext">Ł</tspan>ód<tspan');
  });

  test('a title too long for its room is set smaller, not cut', () => {
    const long = 'A very long title '.repeat(12).trim();
    const svg = svgFrame(page({ text: { ...TEXT, title: long } }));
    const size = Number(
      svg.match(/font-size="([\d.]+)" font-weight="bold" fill="#1d1b18">A very/)![1],
    );
    expect(size).toBeLessThan(frameLayout(3508, 2480, false).font.title);
    expect(texts(svg)).toContain(long);
  });
});

describe('legendWidth and frameTexts', () => {
  test('no legend, no width; a legend: the width of the box the page draws', () => {
    expect(legendWidth([], 3508, 2480, false)).toBe(0);
    const w = legendWidth(LEGEND, 3508, 2480, false);
    const s = pageSize('a4');
    const svg = svgFrame({
      width: s.width,
      height: s.height,
      mm: s.mm,
      text: TEXT,
      legend: LEGEND,
      map: { href: 'data:,', zoom: 6, lat: -1.6, pr: 3, bearing: 0 },
    });
    const drawn = svg.match(/<rect [^>]*width="([\d.]+)"[^>]*fill-opacity="0.93"/)![1];
    expect(Number(drawn)).toBeCloseTo(w, 1);
  });
  test('every text of the page is listed', () => {
    expect(frameTexts(TEXT, LEGEND, [CALLOUT])).toEqual(
      expect.arrayContaining(['Goma falls, 28 Jan', 'Company base', 'Geo-PKO', TEXT.title]),
    );
  });
});
