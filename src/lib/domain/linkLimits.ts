/**
 * What the app knows of share links without reading one (shareLink.ts reads and writes them):
 * their limits, why one can fail, and how a link's scenarios take ids this browser can store.
 * Apart from the codec, so the page's first load carries no DEFLATE code: the codec is fetched
 * only when a link brings state (linkState.svelte.ts) or one is made.
 */
import type { Said } from './problems.ts';
import type { SlideDeck } from './slideDeck.ts';
import { newScenarioId, type UserScenario } from './userScenario.ts';

/** The payload format this build writes and reads (the number before the dot). */
export const LINK_VERSION = 1;
/**
 * The longest hash the app offers as a link: chat tools, mail clients and some browsers' address
 * bars cut longer URLs. Over it, the user is offered the JSON file instead.
 */
export const MAX_LINK_CHARS = 8000;
/** The longest payload a link may bring in: well beyond what the app writes (MAX_LINK_CHARS). */
export const MAX_PARAM_CHARS = 64_000;
/** The most JSON a payload may inflate to before it is refused unread. */
export const MAX_INFLATED_BYTES = 512_000;

/** Why a link's state could not be read (said in the reader's language where shown). */
export type LinkProblem =
  /** Not `<version>.<base64url>`: cut, or mangled by a tool that rewrote the URL. */
  | { kind: 'malformed' }
  /** A version this build does not read (a newer build wrote it). */
  | { kind: 'version'; version: string }
  /** Longer than any link the app makes. */
  | { kind: 'too_long'; length: number }
  /** Inflates to more than MAX_INFLATED_BYTES. */
  | { kind: 'too_large' }
  /** Not complete compressed JSON text: cut short or corrupted. */
  | { kind: 'damaged' }
  /** A deck with no slide: nothing to present. */
  | { kind: 'empty' }
  /** Complete JSON that the file's schema refuses, with where and why. */
  | { kind: 'invalid'; issues: Said[] };

export type LinkResult<T> = ({ ok: true } & T) | { ok: false; problem: LinkProblem };

/**
 * The linked scenarios given ids this browser can store, and the deck's slides pointed at them:
 * a scenario keeps its id unless `taken` holds it (a stored scenario of the same id may differ),
 * then it gets a fresh one (newScenarioId).
 */
export function adoptScenarios(
  scenarios: readonly UserScenario[],
  deck: SlideDeck | null,
  taken: Iterable<string>,
  now = Date.now(),
): { scenarios: UserScenario[]; deck: SlideDeck | null } {
  const used = new Set(taken);
  const ids = new Map<string, string>();
  const adopted = scenarios.map((s, i) => {
    const id = used.has(s.id) ? newScenarioId(used, now + i) : s.id;
    used.add(id);
    ids.set(s.id, id);
    return id === s.id ? s : { ...s, id };
  });
  const slides = deck?.slides.map((s) =>
    s.scn !== null && ids.has(s.scn) && ids.get(s.scn) !== s.scn
      ? { ...s, scn: ids.get(s.scn)! }
      : s,
  );
  return { scenarios: adopted, deck: deck && { ...deck, slides: slides! } };
}
