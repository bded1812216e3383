/**
 * The URL hash holds the whole view (a SavedView, savedView.ts), so a link opens the same map
 * anywhere: #date=YYYY-MM-DD&view=lon,lat,zoom&layers=a,b&plan=p&sel=id&scn=id&present=n
 * &lang=fr (scn: a what-if scenario saved in this browser; present: presenting this browser's
 * slide deck at slide n; lang: the interface's language). A link may also carry its state:
 * s=<scenario> a scenario, d=<deck> a deck to present (shareLink.ts reads and writes them). What equals the default is left out:
 * English, the base language, is not written, so a link without `lang=` opens in the reader's
 * own language (their stored choice or their browser's). Parsing ignores what it cannot read
 * rather than failing: a mangled link still opens the app. (pattern: protomaps parseHash)
 */
import { parseFuzzyDate } from './dates.ts';
import { BASE_LOCALE, isLocale, type Locale } from './locales.ts';
import { DEFAULT_PLAN, type SavedView } from './savedView.ts';
import { PLANS, type Plan } from './schema.ts';

/** A view as a link writes it: only what it names. */
export interface HashState extends Partial<Omit<SavedView, 'view' | 'sel' | 'scn'>> {
  view?: SavedView['view'] & {};
  sel?: string;
  scn?: string;
  /** Presenting this browser's slide deck, at this slide (1-based). */
  present?: number;
  /** The interface's language; not part of a SavedView, since a slide keeps none. */
  lang?: Locale;
  /** A scenario the link carries (shareLink.ts), unread: only its reader can say it is valid. */
  s?: string;
  /** A deck the link carries, to present (shareLink.ts), unread. */
  d?: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Reads a location hash ("#date=…" or "date=…"). */
export function parseHash(hash: string): HashState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const out: HashState = {};
  const date = params.get('date');
  if (date && typeof parseFuzzyDate(date, 'day') !== 'string') out.date = date;
  const view = params.get('view')?.split(',').map(Number);
  if (view && view.length === 3 && view.every(Number.isFinite)) {
    const [lon, lat, zoom] = view as [number, number, number];
    if (Math.abs(lon) <= 180 && Math.abs(lat) <= 85 && zoom >= 0 && zoom <= 24)
      out.view = [lon, lat, zoom];
  }
  const layers = params.get('layers');
  if (layers !== null) out.layers = layers.split(',').filter((l) => ID.test(l));
  const plan = params.get('plan');
  if (plan && (PLANS as readonly string[]).includes(plan)) out.plan = plan as Plan;
  const sel = params.get('sel');
  if (sel && ID.test(sel)) out.sel = sel;
  const scn = params.get('scn');
  if (scn && ID.test(scn)) out.scn = scn;
  const present = Number(params.get('present'));
  if (Number.isInteger(present) && present >= 1 && present <= 999) out.present = present;
  const lang = params.get('lang');
  if (isLocale(lang)) out.lang = lang;
  // Kept as written, even mangled: a link that carried state must say it could not be read.
  const s = params.get('s');
  if (s) out.s = s;
  const d = params.get('d');
  if (d) out.d = d;
  return out;
}

/** `x` to `d` decimals, without the "-0.0000" that -0.00001 gives (it reads back as 0). */
const fixed = (x: number, d: number) => x.toFixed(d).replace(/^-(0\.0+)$/, '$1');

/** Writes the hash, in a fixed order, with the view rounded to what a screen can show. */
export function formatHash(s: HashState): string {
  const parts: string[] = [];
  if (s.date) parts.push(`date=${s.date}`);
  if (s.view)
    parts.push(`view=${fixed(s.view[0], 4)},${fixed(s.view[1], 4)},${fixed(s.view[2], 2)}`);
  if (s.layers) parts.push(`layers=${s.layers.join(',')}`);
  if (s.plan && s.plan !== DEFAULT_PLAN) parts.push(`plan=${s.plan}`);
  if (s.sel) parts.push(`sel=${s.sel}`);
  if (s.scn) parts.push(`scn=${s.scn}`);
  if (s.s) parts.push(`s=${encodeURIComponent(s.s)}`);
  if (s.d) parts.push(`d=${encodeURIComponent(s.d)}`);
  if (s.present) parts.push(`present=${s.present}`);
  if (s.lang && s.lang !== BASE_LOCALE) parts.push(`lang=${s.lang}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

/** Deliberate changes closer together than this make one history entry (a burst of steps). */
export const BURST_MS = 1000;

/**
 * How the app writes a new hash to the history:
 * - `push` a new entry for a deliberate change (a step, a toggle, a selection) after a pause,
 *   so Back undoes it;
 * - `later`: replace the current entry once changes pause, for a deliberate change within
 *   BURST_MS of the previous one (twelve quick steps are one Back, not twelve), for playback
 *   and for pans. Writing the URL costs about a millisecond a time in Chromium, as much as
 *   drawing a step's layers; a burst writes it once.
 */
export function historyWrite(o: {
  deliberate: boolean;
  playing: boolean;
  sinceDeliberateMs: number;
}): 'push' | 'later' {
  return o.deliberate && !o.playing && o.sinceDeliberateMs > BURST_MS ? 'push' : 'later';
}
