/** Open sites as symbols: shape and colour by kind, size by troops, filtered by date on the GPU. */
import { IconLayer } from '@deck.gl/layers';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { NEVER_AFTER, NEVER_BEFORE, type SiteDatum } from './prepare.ts';
import type { IconMapping } from '../symbols.ts';

/** Days before its last open day that a closing site starts to fade. */
export const FADE_DAYS = 31;
const FILTER_2D = new DataFilterExtension({ filterSize: 2 });

/** The "sites" layer at a day; `fade` is off under reduced motion. */
export function sitesLayer(
  data: SiteDatum[],
  day: number,
  atlas: { url: string; mapping: IconMapping },
  fade: boolean,
) {
  return new IconLayer<SiteDatum, DataFilterExtensionProps<SiteDatum>>({
    id: 'sites',
    data,
    iconAtlas: atlas.url,
    iconMapping: atlas.mapping,
    getIcon: (d) => d.site.kind,
    getPosition: (d) => d.position,
    getSize: (d) => d.size,
    sizeUnits: 'pixels',
    pickable: true,
    getFilterValue: (d: SiteDatum) => d.span,
    filterRange: [
      [NEVER_BEFORE, day],
      [day, NEVER_AFTER],
    ],
    // A site in its last month open is drawn faded: it is about to close.
    filterSoftRange: fade
      ? [
          [NEVER_BEFORE, day],
          [day + FADE_DAYS, NEVER_AFTER],
        ]
      : null,
    filterTransformColor: true,
    extensions: [FILTER_2D],
  });
}
