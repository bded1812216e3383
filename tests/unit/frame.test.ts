import { describe, expect, test } from 'vitest';
import { m } from '../../src/paraglide/messages.js';
import { overwriteGetLocale } from '../../src/paraglide/runtime.js';
import {
  exportFilename,
  frameLayout,
  PRESET_LABELS,
  PRESETS,
  legendFit,
  legendSize,
  metresPerPixel,
  presetSize,
  scaleBar,
  type Preset,
} from '../../src/lib/domain/frame.ts';

describe('presetSize', () => {
  test.each<[Preset, number, number]>([
    ['view-1x', 1280, 800],
    ['view-2x', 2560, 1600],
    ['view-4x', 5120, 3200],
    ['hd', 1920, 1080],
    ['uhd', 3840, 2160],
    ['a4', 3508, 2480],
    ['a3', 4961, 3508],
  ])('%s of a 1280×800 view → %i × %i', (preset, width, height) => {
    expect(presetSize(preset, 1280, 800)).toEqual({ width, height });
  });
});

describe('metresPerPixel and scaleBar', () => {
  test('zoom 0 at the equator: the whole earth in 512 px', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.517, 2);
  });
  test('halves per zoom level and shrinks with cos(latitude)', () => {
    expect(metresPerPixel(5, 0) / metresPerPixel(6, 0)).toBeCloseTo(2, 10);
    expect(metresPerPixel(5, 60) / metresPerPixel(5, 0)).toBeCloseTo(0.5, 10);
  });
  test.each([
    // zoom 5 at the equator: 2,446 m/px; 150 px ≈ 367 km → 200 km bar of 81.8 px
    { zoom: 5, lat: 0, max: 150, label: '200 km', px: 81.76 },
    // zoom 5, -4° (Kananga): 2,440 m/px; 100 px = 244 km → 200 km, 81.97 px
    { zoom: 5, lat: -4, max: 100, label: '200 km', px: 81.96 },
    { zoom: 12, lat: 0, max: 200, label: '2 km', px: 104.66 },
    { zoom: 18, lat: 0, max: 100, label: '20 m', px: 66.98 },
  ])('zoom $zoom, lat $lat, ≤ $max px → $label', ({ zoom, lat, max, label, px }) => {
    const s = scaleBar(zoom, lat, max);
    expect(s.label).toBe(label);
    expect(s.px).toBeCloseTo(px, 1);
    expect(s.px).toBeLessThanOrEqual(max);
  });
});

describe('scaleBar in the export’s language', () => {
  // zoom 0 at the equator: 78 km/px; 300 px ≈ 23 481 km → a 20 000 km bar.
  test.each([
    { locale: 'en', label: '20,000 km' },
    { locale: 'fr', label: '20\u202f000 km' },
  ] as const)('$locale: $label', ({ locale, label }) => {
    expect(scaleBar(0, 0, 300, locale).label).toBe(label);
  });
  test('English when no language is given', () => {
    expect(scaleBar(0, 0, 300).label).toBe('20,000 km');
  });
});

/** What `f` gives with the interface in `locale` (registries store messages, called as shown). */
function shownIn<T>(locale: 'en' | 'fr', f: () => T): T {
  overwriteGetLocale(() => locale);
  try {
    return f();
  } finally {
    overwriteGetLocale(() => 'en');
  }
}

describe('PRESET_LABELS', () => {
  test('a name for every preset, in each language', () => {
    for (const p of PRESETS) {
      expect(PRESET_LABELS[p]()).not.toBe('');
      expect(shownIn('fr', PRESET_LABELS[p])).not.toBe(PRESET_LABELS[p]());
    }
  });
  test.each([
    { preset: 'hd', locale: 'en', label: 'Slide 16:9, 1920 × 1080' },
    { preset: 'hd', locale: 'fr', label: 'Diapositive 16/9, 1920 × 1080' },
    { preset: 'a4', locale: 'fr', label: 'A4 paysage, 300 ppp (3508 × 2480)' },
  ] as const)('$preset in $locale: $label', ({ preset, locale, label }) => {
    expect(shownIn(locale, PRESET_LABELS[preset])).toBe(label);
  });
});

describe('frameLayout', () => {
  test.each([
    { w: 1920, h: 1080, banner: false },
    { w: 1280, h: 800, banner: true },
    { w: 4961, h: 3508, banner: true },
  ])(
    '$w × $h, banner $banner: bands stack without gaps and fill the height',
    ({ w, h, banner }) => {
      const f = frameLayout(w, h, banner);
      expect(f.banner === null).toBe(!banner);
      const top = f.banner ? f.banner.h : 0;
      expect(f.header.y).toBe(top);
      expect(f.map.y).toBe(top + f.header.h);
      expect(f.map.y + f.map.h).toBe(f.footer.y);
      expect(f.footer.y + f.footer.h).toBe(h);
      // The map keeps most of the picture.
      expect(f.map.h / h).toBeGreaterThan(0.7);
    },
  );
  test('type scales with the output: 4× is four times 1×', () => {
    const one = frameLayout(1280, 800, false);
    const four = frameLayout(5120, 3200, false);
    expect(four.font.title / one.font.title).toBeCloseTo(4, 1);
    expect(frameLayout(1920, 1080, false).font.title).toBe(40);
  });
});

describe('legendSize', () => {
  test.each([
    { rows: 0, font: 17 },
    { rows: 5, font: 17 },
    { rows: 12, font: 34 },
  ])('$rows rows at $font px', ({ rows, font }) => {
    const r = Array.from({ length: rows }, (_, i) => ({
      kind: 'item' as const,
      text: 'x'.repeat(i + 1),
    }));
    const s = legendSize(r, font);
    expect(s.h).toBe(rows * s.rowH + Math.round(font * 1.2));
    expect(s.rowH).toBe(Math.round(font * 1.45));
    expect(s.w).toBeGreaterThan(rows ? rows * 0.55 * font : 0);
  });
  test('a longer text makes a wider box', () => {
    const a = legendSize([{ kind: 'item', text: 'COB' }], 17);
    const b = legendSize([{ kind: 'item', text: 'Company operating base (COB)' }], 17);
    expect(b.w).toBeGreaterThan(a.w);
  });
});

describe('exportFilename', () => {
  test.each([
    [
      '2024-07-15',
      'Sud-Kivu: phase 1 complete',
      'drawdown-map_2024-07-15_sud-kivu-phase-1-complete.png',
    ],
    ['2021-07-15', 'Kasaï & Kasaï-Central', 'drawdown-map_2021-07-15_kasai-kasai-central.png'],
    ['2021-07-15', '   ', 'drawdown-map_2021-07-15_map.png'],
    [
      '2021-07-15',
      '<script>alert(1)</script>',
      'drawdown-map_2021-07-15_script-alert-1-script.png',
    ],
  ])('%s, %j → %s', (date, title, name) => {
    expect(exportFilename(date, title)).toBe(name);
  });
  test('a title with nothing to slug takes the untitled word given, in the export’s language', () => {
    const untitled = m.export_file_untitled({}, { locale: 'fr' });
    expect(exportFilename('2021-07-15', '  ', 'png', untitled)).toBe(
      'drawdown-map_2021-07-15_carte.png',
    );
    expect(exportFilename('2021-07-15', 'Ituri', 'webm', untitled)).toBe(
      'drawdown-map_2021-07-15_ituri.webm',
    );
  });
});

describe('legendFit', () => {
  // [legend width, margin, pixel ratio] → right padding in CSS pixels; the other sides stay 0.
  test.each<[string, number, number, number, number]>([
    ['no legend: the whole map', 0, 24, 2, 0],
    ['no legend at 300 dpi: still none (the margin alone keeps nothing clear)', 0, 42, 2.74, 0],
    ['a 1× picture: the box and a margin either side', 300, 24, 1, 348],
    ['a 2× picture: the same CSS pixels as on screen', 600, 48, 2, 348],
    ['an A4 page at 300 dpi over a 1280-pixel map', 822, 42, 2.740625, (822 + 84) / 2.740625],
  ])('%s', (_, legendW, margin, pr, right) => {
    expect(legendFit(legendW, margin, pr)).toEqual({ top: 0, bottom: 0, left: 0, right });
  });
});
