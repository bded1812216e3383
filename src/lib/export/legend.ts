/**
 * The snapshot's legend: the map's layer keys (layerRegistry.ts) as heading and item rows, with
 * icons cut from the map's own atlas. The presentation legend shows the same rows.
 */
import { m } from '../../paraglide/messages.js';
import { formatNumber } from '../domain/format.ts';
import type { Locale } from '../domain/locales.ts';
import type { Plan, Site, SiteKind } from '../domain/schema.ts';
import { siteOpenAt } from '../domain/timeline.ts';
import {
  MAX_SYMBOL_PX,
  MIN_SYMBOL_PX,
  symbolSize,
  TROOPS_AT_MAX_SIZE,
} from '../map/layers/prepare.ts';
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
 * The sites open on `day`: an export's sites key names only the kinds among them, as its title
 * ("Sites open at the date") says.
 */
export const openSites = <S extends Pick<Site, 'opened' | 'closed'>>(
  sites: readonly S[],
  day: number,
): S[] => sites.filter((s) => siteOpenAt(s, day));

/** The troop figures the size key shows: small, middling, and the top of the scale. */
export const TROOP_KEY_STEPS = [150, 1000, TROOPS_AT_MAX_SIZE] as const;

/**
 * How a site's symbol size reads as troops (prepare.ts, symbolSize): a circle per step at its
 * share of the largest symbol, the top step "or more" (the scale stops there), and the smallest
 * size for a site with no figure.
 */
export function troopKey(locale?: Locale): LegendItem[] {
  const o = locale ? { locale } : {};
  const row = (text: string, px: number): LegendItem => ({
    kind: 'item',
    text,
    swatch: { type: 'size', share: px / MAX_SYMBOL_PX },
  });
  return [
    { kind: 'heading', text: m.legend_troops_title({}, o) },
    ...TROOP_KEY_STEPS.map((t, i) =>
      row(
        (i === TROOP_KEY_STEPS.length - 1 ? m.legend_troops_max : m.legend_troops_row)(
          { troops: formatNumber(t, locale ?? 'en') },
          o,
        ),
        symbolSize(t),
      ),
    ),
    row(m.legend_troops_unknown({}, o), MIN_SYMBOL_PX),
  ];
}

/**
 * The legend of the map as shown: its visible layers and plan, the kinds among its sites, the
 * groups that hold towns, the imported events as drawn (importedKeyContext), and the
 * comparison if one is on. With `troops` (the exports), the troop-size key follows the sites'.
 */
export function legendOf(
  view: { visible(id: LayerId): boolean; plan: Plan },
  sites: readonly { kind: SiteKind }[],
  comparing: boolean,
  mapping: IconMapping,
  groups: readonly string[] = [],
  imported?: ImportedKeyContext,
  troops?: { locale: Locale },
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
    ...(troops && k.layer === 'sites' ? troopKey(troops.locale) : []),
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
