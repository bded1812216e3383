/**
 * Sites, their closure marks and their ghosts as one icon layer (siteMarks.ts): shape and
 * colour by kind, size by troops, each entry shown on the GPU while the day is in its span.
 */
import { IconLayer } from '@deck.gl/layers';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { NEVER_AFTER, NEVER_BEFORE } from './prepare.ts';
import { FADE_DAYS, type SiteMark } from './siteMarks.ts';
import { iconAtlasOf, type Atlas } from '../symbols.ts';

const FILTER_3D = new DataFilterExtension({ filterSize: 3 });

/**
 * The GPU filter's values: [first day, last day if it fades, last day if it does not]. The
 * range is the same for the last two, but only the first of them has a soft margin.
 */
const filterValue = (m: SiteMark): [number, number, number] =>
  m.fades ? [m.span[0], m.span[1], NEVER_AFTER] : [m.span[0], NEVER_AFTER, m.span[1]];

/**
 * The "sites" layer at a day; `fade` is off under reduced motion; `scale` is the screen scale
 * (screenScale.ts), by which the symbols and the closure marks' offsets grow while presenting.
 */
export function sitesLayer(
  data: SiteMark[],
  day: number,
  atlas: Pick<Atlas, 'canvas' | 'mapping'>,
  fade: boolean,
  scale = 1,
) {
  return new IconLayer<SiteMark, DataFilterExtensionProps<SiteMark>>({
    id: 'sites',
    data,
    iconAtlas: iconAtlasOf(atlas),
    iconMapping: atlas.mapping,
    getIcon: (m) => m.icon,
    getPosition: (m) => m.datum.position,
    getSize: (m) => m.size,
    // The icons are full-colour (not masks): only the alpha applies, and ghosts are faint.
    getColor: (m) => [0, 0, 0, m.alpha],
    getPixelOffset:
      scale === 1 ? (m) => m.offset : (m) => [m.offset[0] * scale, m.offset[1] * scale],
    sizeUnits: 'pixels',
    sizeScale: scale,
    pickable: true,
    // Shown while the day is in [span[0], span[1]]: a step moves the range, never the data.
    getFilterValue: filterValue,
    filterRange: [
      [NEVER_BEFORE, day],
      [day, NEVER_AFTER],
      [day, NEVER_AFTER],
    ],
    // A site in its last month open is drawn faded (smaller and paler): it is about to close.
    filterSoftRange: fade
      ? [
          [NEVER_BEFORE, day],
          [day + FADE_DAYS, NEVER_AFTER],
          [day, NEVER_AFTER],
        ]
      : null,
    filterTransformColor: true,
    updateTriggers: { getPixelOffset: scale },
    extensions: [FILTER_3D],
  });
}
