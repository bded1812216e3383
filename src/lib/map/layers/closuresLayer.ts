/**
 * What is left when a site closes: a faint ghost styled by how it ended (closed, handed to
 * the FARDC or PNC, withdrawn, lost), and a closure mark around the month it closes.
 */
import { IconLayer } from '@deck.gl/layers';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { NEVER_BEFORE, type SiteDatum } from './prepare.ts';
import type { IconMapping } from '../symbols.ts';
import { FADE_DAYS } from './sitesLayer.ts';

const FILTER_1D = new DataFilterExtension({ filterSize: 1 });
const closedLast = (d: SiteDatum) => d.span[1];

/**
 * Whether any site's last open day falls in [lo, hi]: the same test the GPU filter makes. A
 * layer with nothing to show is hidden, so deck.gl skips it on the step (most months close no
 * site) instead of drawing it empty; its data and attributes stay as they are.
 */
export const anyClosedIn = (data: SiteDatum[], lo: number, hi: number) =>
  data.some((d) => lo <= d.span[1] && d.span[1] <= hi);

/** Ghosts of sites closed before the day. */
export function ghostsLayer(
  data: SiteDatum[],
  day: number,
  atlas: { url: string; mapping: IconMapping },
) {
  return new IconLayer<SiteDatum, DataFilterExtensionProps<SiteDatum>>({
    id: 'ghosts',
    data,
    iconAtlas: atlas.url,
    iconMapping: atlas.mapping,
    getIcon: (d) => `ghost-${d.site.closure ?? 'closed'}`,
    getPosition: (d) => d.position,
    getSize: 16,
    sizeUnits: 'pixels',
    opacity: 0.75,
    pickable: true,
    visible: anyClosedIn(data, NEVER_BEFORE, day - 1),
    getFilterValue: closedLast,
    filterRange: [NEVER_BEFORE, day - 1],
    extensions: [FILTER_1D],
  });
}

/** The closure mark, from a month before a site's last open day to a month after. */
export function closingLayer(
  data: SiteDatum[],
  day: number,
  atlas: { url: string; mapping: IconMapping },
) {
  return new IconLayer<SiteDatum, DataFilterExtensionProps<SiteDatum>>({
    id: 'closing',
    data,
    iconAtlas: atlas.url,
    iconMapping: atlas.mapping,
    getIcon: () => 'closing',
    getPosition: (d) => d.position,
    getSize: 18,
    sizeUnits: 'pixels',
    getPixelOffset: [14, -14],
    pickable: false,
    visible: anyClosedIn(data, day - FADE_DAYS, day + FADE_DAYS),
    getFilterValue: closedLast,
    filterRange: [day - FADE_DAYS, day + FADE_DAYS],
    extensions: [FILTER_1D],
  });
}
