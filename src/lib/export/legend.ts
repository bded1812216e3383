/**
 * The snapshot's legend: the map's layer keys (layerRegistry.ts) as heading and item rows, with
 * icons cut from the map's own atlas. The presentation legend shows the same rows.
 */
import type { Plan, SiteKind } from '../domain/schema.ts';
import {
  kindsIn,
  layerKeys,
  type ImportedKeyContext,
  type KeySwatch,
  type LayerId,
} from '../map/layerRegistry.ts';
import type { LegendRow } from '../domain/frame.ts';
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
 * groups that hold towns, the imported events as drawn (importedKeyContext), and the
 * comparison if one is on.
 */
export function legendOf(
  view: { visible(id: LayerId): boolean; plan: Plan },
  sites: readonly { kind: SiteKind }[],
  comparing: boolean,
  mapping: IconMapping,
  groups: readonly string[] = [],
  imported?: ImportedKeyContext,
): LegendItem[] {
  const keys = layerKeys(
    (id) => view.visible(id),
    { plan: view.plan, kinds: kindsIn(sites), groups, ...(imported ? { imported } : {}) },
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

/**
 * The legend's rows in columns of at most `maxRows` rows, so a tall legend (every layer, and
 * imported events) stays within the map. A key that does not fit the rest of a column starts
 * the next one; only a key longer than a whole column is split, and never so that its heading
 * is left alone at a column's foot.
 */
export function legendColumns<R extends LegendRow>(rows: readonly R[], maxRows: number): R[][] {
  const cap = Math.max(2, Math.floor(maxRows));
  const keys: R[][] = [];
  for (const r of rows)
    if (r.kind === 'heading' || !keys.length) keys.push([r]);
    else keys.at(-1)!.push(r);
  const columns: R[][] = [];
  let column: R[] = [];
  for (const key of keys) {
    const room = cap - column.length;
    if (column.length && key.length > room && (key.length <= cap || room < 2)) {
      columns.push(column);
      column = [];
    }
    for (const r of key) {
      if (column.length >= cap) {
        columns.push(column);
        column = [];
      }
      column.push(r);
    }
  }
  if (column.length) columns.push(column);
  return columns;
}
