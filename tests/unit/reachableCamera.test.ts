import { describe, expect, test } from 'vitest';
import { reachableCamera, type CameraLimits } from '../../src/lib/domain/reachableCamera.ts';
import type { Camera } from '../../src/lib/domain/savedView.ts';

// As MapView.svelte sets them for the bundled boundaries (the country's box widened).
const LIMITS: CameraLimits = { bounds: [-3.8, -25.5, 57.3, 12.4], minZoom: 3, maxZoom: 12 };

describe('reachableCamera', () => {
  test.each<{ name: string; camera: Camera; limits?: CameraLimits; expected: Camera | null }>([
    { name: 'a view the app wrote', camera: [29.2, -1.68, 9.5], expected: [29.2, -1.68, 9.5] },
    { name: 'zoomed in too far', camera: [29.2, -1.68, 20], expected: [29.2, -1.68, 12] },
    { name: 'zoomed out too far', camera: [23.6, -2.9, 0], expected: [23.6, -2.9, 3] },
    { name: 'the issue’s empty corner', camera: [179, 84, 24], expected: null },
    { name: 'west of the bounds', camera: [-10, 0, 6], expected: null },
    { name: 'south of the bounds', camera: [25, -40, 6], expected: null },
    { name: 'on the bounds’ edge', camera: [57.3, 12.4, 5], expected: [57.3, 12.4, 5] },
    {
      name: 'outside the country, inside the bounds',
      camera: [32.44, 0.05, 10],
      expected: [32.44, 0.05, 10],
    },
    {
      name: 'a map without bounds clamps the zoom only',
      camera: [179, 84, 24],
      limits: { bounds: null, minZoom: 3, maxZoom: 12 },
      expected: [179, 84, 12],
    },
  ])('$name', ({ camera, limits, expected }) => {
    expect(reachableCamera(camera, limits ?? LIMITS)).toEqual(expected);
  });
});
