/**
 * Leader lines from sites' symbols to their names (siteNames.ts), in the sites' group under
 * their symbols: a line starts at its symbol's edge, so a hollow symbol stays empty.
 */
import { LineLayer } from '@deck.gl/layers';
import type { Leader } from '../siteNames.ts';
import { LEADER_RGBA } from '../theme.ts';

/** The leader lines; a new array only when the lines change, so deck.gl re-uploads only then. */
export function leadersLayer(data: Leader[]) {
  return new LineLayer<Leader>({
    id: 'site-leaders',
    data,
    getSourcePosition: (l) => l[0],
    getTargetPosition: (l) => l[1],
    getColor: LEADER_RGBA,
    getWidth: 1.25,
    widthUnits: 'pixels',
  });
}
