/** Hover text for sites and hotspots. Plain text: deck.gl renders `text` as text, not HTML. */
import { formatFuzzyDate } from '../domain/formatFuzzyDate.ts';
import type { HotspotDatum } from './layers/prepare.ts';
import type { SiteMark } from './layers/siteMarks.ts';
import { CLOSURE_STYLE, KIND_STYLE } from './theme.ts';

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

/**
 * The tooltip for a picked object, or null for nothing. Of a site, the site itself, its ghost
 * or its closure mark may be picked (siteMarks.ts).
 */
export function tooltipText(
  o: SiteMark | HotspotDatum | undefined,
): { text: string; style: Partial<CSSStyleDeclaration> } | null {
  if (!o) return null;
  if ('role' in o) {
    const { role } = o;
    const s = o.datum.site;
    const ended = CLOSURE_STYLE[s.closure ?? 'closed'].label;
    const lines = [
      s.name,
      KIND_STYLE[s.kind].label,
      // A ghost or a closure mark says what it is, and how the site ended.
      role === 'ghost' ? `Closed site: ${ended}` : '',
      role === 'closing' ? `Closure: ${ended}` : '',
      `Opened: ${s.opened ? formatFuzzyDate(s.opened) : 'unknown (before the data begins)'}`,
      `Closed: ${s.closed ? formatFuzzyDate(s.closed) : 'open'}`,
      s.troops_estimate !== null
        ? `Troops (estimate): ${s.troops_estimate.toLocaleString('en')}`
        : '',
      'Click for details',
    ];
    return { text: lines.filter(Boolean).join('\n'), style: TOOLTIP_STYLE };
  }
  const h = o.hotspot;
  return {
    text: [
      `${h.label}`,
      `Group: ${h.group}`,
      `From ${formatFuzzyDate(h.from)}${h.to ? ` to ${formatFuzzyDate(h.to)}` : ', still active'}`,
      'Click for details',
    ].join('\n'),
    style: TOOLTIP_STYLE,
  };
}
