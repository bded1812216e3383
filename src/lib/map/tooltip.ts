/**
 * Hover text for sites, hotspots and held towns, in the interface's language (the map asks for it on each
 * hover, so it follows a switch). Plain text: deck.gl renders `text` as text, not HTML.
 */
import { m } from '../../paraglide/messages.js';
import type { FuzzyDate } from '../domain/dates.ts';
import { formatFuzzyDate } from '../domain/formatFuzzyDate.ts';
import type { Locale } from '../domain/locales.ts';
import type { Site } from '../domain/schema.ts';
import { siteKind } from '../domain/siteKinds.ts';
import { closedLine, openedLine, troopsLine } from '../domain/siteWords.ts';
import type { SiteTroopsAt } from '../domain/troops.ts';
import type { HotspotDatum } from './layers/prepare.ts';
import type { SiteMark } from './layers/siteMarks.ts';
import type { TownDatum } from './layers/controlLayer.ts';
import type { Held } from '../domain/control.ts';
import type { LatLon } from '../domain/impact.ts';
import { CONFIDENCE_LABEL, intensityWord } from '../domain/vocabulary.ts';
import { CLOSURE_STYLE } from './theme.ts';
import { creditsTop, panelBoxes } from './floatTip.ts';
import { placeTip } from '../domain/placeTip.ts';

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
  /** Whether a point lies in an armed group's held area on the day shown, and since when. */
  held?: (p: LatLon) => Held | null;
}

/**
 * The tooltip for a picked object in `locale`, or null for nothing. Of a site, the site itself,
 * its ghost or its closure mark may be picked (siteMarks.ts); an open site in a held area says
 * so, as `held` finds it at the date. Names, groups, hotspot labels and sources are the data's,
 * as written.
 */
export function tooltipText(
  o: SiteMark | HotspotDatum | TownDatum | undefined,
  locale: Locale = 'en',
  ctx: TooltipContext = {},
): { text: string; style: Partial<CSSStyleDeclaration> } | null {
  if (!o) return null;
  const to = { locale };
  const date = (d: FuzzyDate) => formatFuzzyDate(d, locale);
  if ('period' in o) {
    const p = o.period;
    return {
      text: [
        p.town,
        m.map_tooltip_held_by({ group: p.group }, to),
        p.to
          ? m.map_tooltip_control_span({ from: date(p.from), to: date(p.to) }, to)
          : m.map_tooltip_control_since({ from: date(p.from) }, to),
        m.map_tooltip_source({ source: p.source }, to),
        m.map_tooltip_confidence({ level: CONFIDENCE_LABEL[p.confidence]({}, to) }, to),
      ].join('\n'),
      style: TOOLTIP_STYLE,
    };
  }
  if ('role' in o) {
    const { role } = o;
    const s = o.datum.site;
    const how = CLOSURE_STYLE[s.closure ?? 'closed'].label({}, to);
    const lines = [
      s.name,
      siteKind(s.kind).label({}, to),
      // A ghost or a closure mark says what it is, and how the site ended.
      role === 'ghost'
        ? s.closure === 'last_seen'
          ? m.map_tooltip_ghost_last_seen({}, to)
          : m.map_tooltip_ghost({ how }, to)
        : '',
      role === 'closing' ? m.map_tooltip_closure({ how }, to) : '',
      openedLine(s, locale),
      closedLine(s, locale),
      ctx.troopsAt ? troopsLine(ctx.troopsAt(s), locale) : '',
      role === 'site' && s.lat !== null && s.lon !== null && ctx.held
        ? heldLine(ctx.held({ lat: s.lat, lon: s.lon }), locale)
        : '',
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

/** "In M23/AFC-held area since 28 Jan 2025", or '' for a point outside every held area. */
export function heldLine(h: Held | null, locale: Locale = 'en'): string {
  return h
    ? m.map_held_since({ group: h.group, date: formatFuzzyDate(h.since, locale) }, { locale })
    : '';
}

/** The hidden box deck.gl's tooltips are measured in, made on first use. */
let ruler: HTMLElement | null = null;

/**
 * `tip` for the pointer at (x, y) on the map's canvas, moved so that its box stays inside the
 * window, above the credits line and clear of the side panels where it can (placeTip.ts). deck.gl draws its tooltip at the pointer
 * with a `transform`, then applies the style we return: a `transform` there takes its place.
 * The text is measured in a hidden box with the same style, as deck.gl will draw it.
 */
export function placedTooltip<T extends { text: string; style: Partial<CSSStyleDeclaration> }>(
  tip: T,
  x: number,
  y: number,
  canvas: HTMLElement | null,
): T {
  if (!canvas) return tip;
  if (!ruler) {
    ruler = document.createElement('div');
    Object.assign(ruler.style, {
      position: 'fixed',
      left: '0',
      top: '0',
      visibility: 'hidden',
      pointerEvents: 'none',
    });
    ruler.setAttribute('aria-hidden', 'true');
    document.body.append(ruler);
  }
  Object.assign(ruler.style, tip.style);
  ruler.innerText = tip.text;
  const size = ruler.getBoundingClientRect();
  const origin = canvas.getBoundingClientRect();
  const at = placeTip({
    anchor: { x: origin.left + x, y: origin.top + y },
    size: { width: size.width, height: size.height },
    viewport: { width: window.innerWidth, height: window.innerHeight },
    floor: creditsTop(),
    // deck.gl's tooltip is drawn in MapLibre's controls' layer, under the side panels.
    avoid: panelBoxes(),
  });
  return {
    ...tip,
    style: {
      ...tip.style,
      transform: `translate(${at.left - origin.left}px, ${at.top - origin.top}px)`,
    },
  };
}
