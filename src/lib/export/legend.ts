/**
 * The snapshot's legend: the map's layer keys (layerRegistry.ts) as heading and item rows, with
 * icons cut from the map's own atlas. The presentation legend shows the same rows.
 */
import type { Plan, SiteKind } from '../domain/schema.ts';
import { kindsIn, layerKeys, type KeySwatch, type LayerId } from '../map/layerRegistry.ts';
import type { IconMapping } from '../map/symbols.ts';
import type { LegendItem, Swatch } from './snapshot.ts';

/**
 * A registry's label as text. The registries (layerRegistry.ts, theme.ts) are turning their
 * labels into message functions, called where shown so they follow the language (issue 22):
 * either form is read here, and a message is called now, in the language of this legend.
 */
export const textOf = (label: string | (() => string)): string =>
  typeof label === 'function' ? label() : label;

/** A key's swatch, with its icon found in the atlas. */
const swatchOf = (s: KeySwatch, mapping: IconMapping): Swatch =>
  s.type === 'icon' ? { type: 'icon', x: mapping[s.icon]?.x ?? 0 } : s;

/**
 * The legend of the map as shown: its visible layers and plan, the kinds among its sites, the
 * groups that hold towns, and the comparison if one is on.
 */
export function legendOf(
  view: { visible(id: LayerId): boolean; plan: Plan },
  sites: readonly { kind: SiteKind }[],
  comparing: boolean,
  mapping: IconMapping,
  groups: readonly string[] = [],
): LegendItem[] {
  const keys = layerKeys(
    (id) => view.visible(id),
    { plan: view.plan, kinds: kindsIn(sites), groups },
    comparing,
  );
  return keys.flatMap((k) => [
    { kind: 'heading' as const, text: textOf(k.title) },
    ...k.rows.map((r) => ({
      kind: 'item' as const,
      text: textOf(r.text),
      swatch: swatchOf(r.swatch, mapping),
    })),
  ]);
}
