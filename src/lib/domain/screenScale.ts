/**
 * How much larger the map's names and symbols are drawn for an audience. A projector at
 * 1920 px shows the whole country at about zoom 5, where site names are 11–12 px: unreadable
 * from the back of a briefing room. Presenting, names and symbols grow with the screen's width
 * so that at 1920 px the smallest site name is 18 px; otherwise nothing changes.
 */
/** The projector width briefers use, and the smallest site name it must show, in CSS pixels. */
export const PROJECTOR_WIDTH = 1920;
/** Half a pixel over the 18 asked for, so that rounding in the renderer never drops below. */
export const PROJECTOR_NAME_PX = 18.5;
/** Site names' size at the whole-country zoom (LABEL_TEXT_PX in siteLabels.ts; a test holds them equal). */
export const SITE_NAME_PX = 11;
/** A 4K screen at a pixel ratio of 1 would otherwise get names as large as a caption. */
export const MAX_SCREEN_SCALE = 2.5;

/**
 * The factor for names and symbols at a screen `width` (CSS pixels): 1 unless presenting.
 * `namePx` is the names' size at the whole-country zoom: the site names' by default; the towns'
 * names, a size smaller, pass their own so that they too reach 18 px on the projector.
 */
export function screenScale(width: number, presenting: boolean, namePx = SITE_NAME_PX): number {
  if (!presenting || !Number.isFinite(width) || width <= 0) return 1;
  const s = (width / PROJECTOR_WIDTH) * (PROJECTOR_NAME_PX / namePx);
  return Math.min(MAX_SCREEN_SCALE, Math.max(1, s));
}
