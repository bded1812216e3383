/**
 * Targets that would lose cover, drawn as answers (lossLines.ts): a red ring and the name on
 * each target, a line to the nearest site that stays open, and the distance written halfway along it. The one
 * row a reader points at in a list is drawn stronger. Lines run under the sites' symbols; rings
 * and distances above them, so neither hides the other's site.
 */
import { LineLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LossLine } from '../../domain/lossLines.ts';
import { COVERAGE_STYLE } from '../theme.ts';

/** The lines' ink: the site names' (theme.ts), so they read as the map's own annotation. */
const INK: [number, number, number] = [29, 27, 24];
const FONT_FAMILY = '"Noto Sans", sans-serif';
type RGBA = [number, number, number, number];

/** Losses with a line: those with a site left to reach them. */
const withSite = (l: LossLine): l is LossLine & { site: [number, number]; km: number } =>
  l.site !== null && l.km !== null;

/**
 * The layers for the drawn losses. `focus` is the key of the one pointed at (or null), and
 * `distance` writes "142 km" in the reader's language. Two groups: under the sites, over them.
 */
export function lossLayers(
  lines: readonly LossLine[],
  focus: string | null,
  distance: (km: number) => string,
): { under: Layer[]; over: Layer[] } {
  if (lines.length === 0) return { under: [], over: [] };
  const linked = lines.filter(withSite);
  const strong = (l: LossLine) => l.key === focus;
  const triggers = { getWidth: focus, getRadius: focus, getLineWidth: focus, getSize: focus };
  return {
    under: [
      new LineLayer<LossLine & { site: [number, number] }>({
        id: 'loss-lines-halo',
        data: linked,
        getSourcePosition: (l) => l.target,
        getTargetPosition: (l) => l.site,
        getColor: [255, 255, 255, 210],
        getWidth: (l) => (strong(l) ? 7 : 5),
        widthUnits: 'pixels',
        updateTriggers: triggers,
      }),
      new LineLayer<LossLine & { site: [number, number] }>({
        id: 'loss-lines',
        data: linked,
        getSourcePosition: (l) => l.target,
        getTargetPosition: (l) => l.site,
        getColor: [...INK, 230],
        getWidth: (l) => (strong(l) ? 3.5 : 2),
        widthUnits: 'pixels',
        updateTriggers: triggers,
      }),
    ],
    over: [
      new ScatterplotLayer<LossLine>({
        id: 'loss-targets',
        data: lines,
        getPosition: (l) => l.target,
        getRadius: (l) => (strong(l) ? 11 : 8),
        radiusUnits: 'pixels',
        getFillColor: [...COVERAGE_STYLE.lost, 60],
        getLineColor: [...COVERAGE_STYLE.lost, 255],
        getLineWidth: (l) => (strong(l) ? 3.5 : 2.5),
        lineWidthUnits: 'pixels',
        stroked: true,
        updateTriggers: triggers,
      }),
      // Each target named beside its ring: a place or hotspot the base map may not name.
      new TextLayer<LossLine>({
        id: 'loss-names',
        data: lines,
        getPosition: (l) => l.target,
        getText: (l) => l.name,
        characterSet: 'auto',
        fontFamily: FONT_FAMILY,
        getSize: (l) => (strong(l) ? 14 : 12),
        sizeUnits: 'pixels',
        getColor: [...COVERAGE_STYLE.lost.map((c) => Math.round(c * 0.7)), 255] as RGBA,
        getTextAnchor: 'start',
        getAlignmentBaseline: 'center',
        getPixelOffset: [13, 0],
        background: true,
        getBackgroundColor: [255, 255, 255, 210],
        backgroundPadding: [3, 1],
        updateTriggers: triggers,
      }),
      new TextLayer<LossLine & { km: number; middle: [number, number] }>({
        id: 'loss-distances',
        data: linked as (LossLine & { km: number; middle: [number, number] })[],
        getPosition: (l) => l.middle,
        getText: (l) => distance(l.km),
        // Recomputed from the data: the digits, the unit and the language's own spaces.
        characterSet: 'auto',
        fontFamily: FONT_FAMILY,
        fontWeight: 700,
        getSize: (l) => (strong(l) ? 15 : 13),
        sizeUnits: 'pixels',
        getColor: [...INK, 255],
        background: true,
        getBackgroundColor: [255, 255, 255, 235],
        backgroundPadding: [4, 2],
        getBorderColor: [...INK, 160],
        getBorderWidth: 1,
        updateTriggers: { ...triggers, getText: distance },
      }),
    ],
  };
}
