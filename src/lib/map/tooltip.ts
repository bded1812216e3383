/** Hover text for sites and hotspots. Plain text: deck.gl renders `text` as text, not HTML. */
import { formatFuzzyDate } from '../domain/dates.ts';
import type { HotspotDatum, SiteDatum } from './layers/prepare.ts';
import { KIND_STYLE } from './theme.ts';

/** The tooltip for a picked object, or null for nothing. */
export function tooltipText(o: SiteDatum | HotspotDatum | undefined): { text: string } | null {
  if (!o) return null;
  if ('site' in o) {
    const s = o.site;
    const lines = [
      s.name,
      KIND_STYLE[s.kind].label,
      `Opened: ${s.opened ? formatFuzzyDate(s.opened) : 'unknown (before the data begins)'}`,
      `Closed: ${s.closed ? formatFuzzyDate(s.closed) : 'open'}`,
      s.troops_estimate !== null
        ? `Troops (estimate): ${s.troops_estimate.toLocaleString('en')}`
        : '',
      'Click for details',
    ];
    return { text: lines.filter(Boolean).join('\n') };
  }
  const h = o.hotspot;
  return {
    text: [
      `${h.label}`,
      `Group: ${h.group}`,
      `From ${formatFuzzyDate(h.from)}${h.to ? ` to ${formatFuzzyDate(h.to)}` : ', still active'}`,
      'Click for details',
    ].join('\n'),
  };
}
