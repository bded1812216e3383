/**
 * Hover text for sites and hotspots, in the interface's language (the map asks for it on each
 * hover, so it follows a switch). Plain text: deck.gl renders `text` as text, not HTML.
 */
import { m } from '../../paraglide/messages.js';
import type { FuzzyDate } from '../domain/dates.ts';
import { formatFuzzyDate } from '../domain/formatFuzzyDate.ts';
import type { Locale } from '../domain/locales.ts';
import type { Site } from '../domain/schema.ts';
import { siteKind } from '../domain/siteKinds.ts';
import { openedLine, troopsLine } from '../domain/siteWords.ts';
import type { SiteTroopsAt } from '../domain/troops.ts';
import { intensityWord } from '../domain/vocabulary.ts';
import type { HotspotDatum } from './layers/prepare.ts';
import type { SiteMark } from './layers/siteMarks.ts';
import { CLOSURE_STYLE } from './theme.ts';

/**
 * deck.gl's tooltip box, restyled: its default grey on slate is hard to read on a projector.
 * Dark ink, white text, the app's font.
 */
export const TOOLTIP_STYLE: Partial<CSSStyleDeclaration> = {
  backgroundColor: '#1d1b18',
  color: '#ffffff',
  fontFamily: "'Noto Sans', system-ui, sans-serif",
  fontSize: '14px',
  lineHeight: '1.45',
  padding: '8px 10px',
  borderRadius: '4px',
  maxWidth: '340px',
};

/** What the tooltip needs beyond the object: the site's troop figure on the day shown. */
export interface TooltipContext {
  troopsAt?: (s: Site) => SiteTroopsAt | null;
}

/**
 * The tooltip for a picked object in `locale`, or null for nothing. Of a site, the site itself,
 * its ghost or its closure mark may be picked (siteMarks.ts). Names, groups and hotspot labels
 * are the data's, as written.
 */
export function tooltipText(
  o: SiteMark | HotspotDatum | undefined,
  locale: Locale = 'en',
  ctx: TooltipContext = {},
): { text: string; style: Partial<CSSStyleDeclaration> } | null {
  if (!o) return null;
  const to = { locale };
  const date = (d: FuzzyDate) => formatFuzzyDate(d, locale);
  if ('role' in o) {
    const { role } = o;
    const s = o.datum.site;
    const how = CLOSURE_STYLE[s.closure ?? 'closed'].label({}, to);
    const lines = [
      s.name,
      siteKind(s.kind).label({}, to),
      // A ghost or a closure mark says what it is, and how the site ended.
      role === 'ghost' ? m.map_tooltip_ghost({ how }, to) : '',
      role === 'closing' ? m.map_tooltip_closure({ how }, to) : '',
      openedLine(s, locale),
      s.closed
        ? m.map_tooltip_closed({ date: date(s.closed) }, to)
        : m.map_tooltip_still_open({}, to),
      ctx.troopsAt ? troopsLine(ctx.troopsAt(s), locale) : '',
      m.map_tooltip_click({}, to),
    ];
    return { text: lines.filter(Boolean).join('\n'), style: TOOLTIP_STYLE };
  }
  const h = o.hotspot;
  return {
    text: [
      h.label,
      m.map_tooltip_group({ group: h.group }, to),
      h.to
        ? m.map_tooltip_span({ from: date(h.from), to: date(h.to) }, to)
        : m.map_tooltip_active({ from: date(h.from) }, to),
      m.map_tooltip_intensity({ level: intensityWord(h.intensity)({}, to) }, to),
      m.map_tooltip_click({}, to),
    ].join('\n'),
    style: TOOLTIP_STYLE,
  };
}
