import { describe, expect, test } from 'vitest';
import { decodeEchartsGeo, decodeRing } from '../../src/pipeline/echarts.ts';

/** The inverse of the decoder, for round trips: zig-zag deltas on the 1/1024 grid, +64. */
function encodeRing(points: [number, number][], offset: [number, number]): string {
  let [px, py] = offset;
  let out = '';
  for (const [x, y] of points) {
    const qx = Math.round(x * 1024);
    const qy = Math.round(y * 1024);
    const dx = qx - px;
    const dy = qy - py;
    out += String.fromCharCode(((dx << 1) ^ (dx >> 31)) + 64, ((dy << 1) ^ (dy >> 31)) + 64);
    [px, py] = [qx, qy];
  }
  return out;
}

describe('decodeRing', () => {
  test.each([
    {
      name: 'zero deltas stay at the offset',
      encoded: '@@@@',
      offset: [1024, -2048] as [number, number],
      expected: [
        [1, -2],
        [1, -2],
      ],
    },
    {
      name: 'B is +1, A is -1 (and the ring is closed)',
      encoded: '@@BA',
      offset: [0, 0] as [number, number],
      expected: [
        [0, 0],
        [1 / 1024, -1 / 1024],
        [0, 0],
      ],
    },
    {
      name: 'odd trailing char is ignored',
      encoded: '@@B',
      offset: [0, 0] as [number, number],
      expected: [[0, 0]],
    },
  ])('$name', ({ encoded, offset, expected }) => {
    expect(decodeRing(encoded, offset)).toEqual(expected);
  });

  test('round-trips a closed ring in the DRC', () => {
    const ring: [number, number][] = [
      [29.2, -1.7],
      [29.3, -1.6],
      [29.25, -1.5],
      [29.2, -1.7],
    ];
    const offset: [number, number] = [Math.round(29.2 * 1024), Math.round(-1.7 * 1024)];
    const decoded = decodeRing(encodeRing(ring, offset), offset);
    expect(decoded).toHaveLength(4);
    decoded.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(ring[i]![0], 2);
      expect(p[1]).toBeCloseTo(ring[i]![1], 2);
    });
  });

  test('closes an open ring', () => {
    const r = decodeRing('@@B@@B', [0, 0]);
    expect(r[0]).toEqual(r[r.length - 1]);
    expect(r).toHaveLength(4);
  });
});

describe('decodeEchartsGeo', () => {
  test('decodes Polygon and MultiPolygon and keeps properties', () => {
    const fc = decodeEchartsGeo({
      type: 'FeatureCollection',
      UTF8Encoding: true,
      features: [
        {
          type: 'Feature',
          properties: { name: 'A' },
          geometry: { type: 'Polygon', coordinates: ['@@B@@B'], encodeOffsets: [[0, 0]] },
        },
        {
          type: 'Feature',
          properties: { name: 'B' },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [['@@B@@B'], ['@@A@@A']],
            encodeOffsets: [[[0, 0]], [[1024, 1024]]],
          },
        },
      ],
    });
    expect(fc.features.map((f) => [f.properties?.['name'], f.geometry.type])).toEqual([
      ['A', 'Polygon'],
      ['B', 'MultiPolygon'],
    ]);
    expect(fc.features[1]!.geometry.coordinates[1]).toEqual([
      [
        [1, 1],
        [1 - 1 / 1024, 1],
        [1 - 1 / 1024, 1 - 1 / 1024],
        [1, 1],
      ],
    ]);
  });

  test('a missing offset is an error, not a silently wrong shape', () => {
    expect(() =>
      decodeEchartsGeo({
        type: 'FeatureCollection',
        UTF8Encoding: true,
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Polygon', coordinates: ['@@', '@@'], encodeOffsets: [[0, 0]] },
          },
        ],
      }),
    ).toThrow(/missing encodeOffsets/);
  });
});
