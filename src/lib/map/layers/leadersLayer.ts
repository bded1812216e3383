/**
 * Leader lines from sites' symbols to their names (leaders.ts), in the sites' group under
 * their symbols: a line starts at its symbol's edge, so a hollow symbol stays empty.
 */
import { LineLayer } from '@deck.gl/layers';
import type { Leader } from '../leaders.ts';
import { LEADER_RGBA } from '../theme.ts';

/** `key` states what the lines are (leadersKey), for the frame cache (contentKey.ts). */
export function leadersLayer(data: Leader[], key: string) {
  return new LineLayer<Leader, { contentKey: string }>({
    id: 'site-leaders',
    contentKey: `leaders:${key}`,
    data,
    getSourcePosition: (l) => l[0],
    getTargetPosition: (l) => l[1],
    getColor: LEADER_RGBA,
    getWidth: 1.25,
    widthUnits: 'pixels',
  });
}
