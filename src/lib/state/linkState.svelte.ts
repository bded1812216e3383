/**
 * What the open link carried (a scenario `s=`, a deck `d=`; shareLink.ts): whether it could be
 * read, and the offer to save what it shows. One per page, as the URL is. HashSync.svelte reads
 * the link; Notices.svelte says what came of it and holds the Save button.
 */
import type { Said } from '../domain/problems.ts';
import type { LinkProblem } from '../domain/linkLimits.ts';

/** The link codec (shareLink.ts, with fflate): fetched only when a link brings state. */
type Codec = typeof import('../domain/shareLink.ts');
let codec: Codec | null = null;
import type { SlideDeck } from '../domain/slideDeck.ts';
import type { UserScenario } from '../domain/userScenario.ts';
import type { PlanningState } from './planningState.svelte.ts';
import type { PresentState } from './presentState.svelte.ts';

/** What a link showed and this browser has not saved. */
export type LinkOffer =
  | { kind: 'scenario'; scenario: UserScenario }
  | { kind: 'deck'; deck: SlideDeck; scenarios: UserScenario[] };

class LinkState {
  /** Why the last link's state could not be read, and which part it was (shown, then dismissed). */
  problem = $state.raw<{ what: 'scenario' | 'deck'; problem: LinkProblem } | null>(null);
  /** What the link shows, unsaved, until saved or dismissed. */
  offer = $state.raw<LinkOffer | null>(null);
  /** The outcome of the last Save, said by code. */
  saved = $state.raw<Said | { text: 'scenario' | 'deck'; name: string; count: number } | null>(
    null,
  );
  /** The `d=` value of the deck a link carried, written back to the URL while it is presented. */
  deckParam: string | null = null;
  #decks = new Map<string, ReturnType<Codec['decodeDeckLink']>>();
  #scenarios = new Map<string, ReturnType<Codec['decodeScenarioLink']>>();

  /** Whether the codec is here: readDeck, readScenario and scenarioParam need it. */
  get loaded(): boolean {
    return codec !== null;
  }

  /** Fetches the codec (once). */
  async load(): Promise<void> {
    codec ??= await import('../domain/shareLink.ts');
  }
  #encoded = new WeakMap<UserScenario, string>();

  /** A `d=` value read (once: back and forward come to it again). */
  readDeck(param: string) {
    let r = this.#decks.get(param);
    if (!r) this.#decks.set(param, (r = codec!.decodeDeckLink(param)));
    return r;
  }

  /** A `s=` value read (once). */
  readScenario(param: string) {
    let r = this.#scenarios.get(param);
    if (!r) this.#scenarios.set(param, (r = codec!.decodeScenarioLink(param)));
    // Written back as it came: the URL keeps the link's own text.
    if (r.ok) this.#encoded.set(r.scenario, param);
    return r;
  }

  /** The `s=` value of a link's scenario shown now, for the URL (encoded once per scenario). */
  scenarioParam(s: UserScenario): string {
    let p = this.#encoded.get(s);
    if (!p) {
      p = codec!.encodeScenarioLink(s);
      this.#encoded.set(s, p);
      this.#scenarios.set(p, { ok: true, scenario: s });
    }
    return p;
  }

  /**
   * Saves what the link showed: its scenarios first (a slide names them by id), then the deck's
   * slides pointed at the ids they were saved under. Nothing is written before this.
   */
  async save(planning: PlanningState, present: PresentState): Promise<void> {
    const offer = this.offer;
    if (!offer) return;
    const ids = await planning.saveLinked(
      offer.kind === 'scenario' ? [offer.scenario.id] : offer.scenarios.map((s) => s.id),
    );
    if (!(ids instanceof Map)) {
      this.saved = ids;
      return;
    }
    if (offer.kind === 'scenario') {
      this.offer = null;
      this.saved = { text: 'scenario', name: offer.scenario.name, count: 1 };
      return;
    }
    const slides = offer.deck.slides.map((s) =>
      s.scn !== null && ids.has(s.scn) ? { ...s, scn: ids.get(s.scn)! } : s,
    );
    const error = await present.saveLinked({ ...offer.deck, slides });
    this.offer = null;
    this.deckParam = null;
    this.saved = error ?? { text: 'deck', name: offer.deck.name, count: slides.length };
  }
}

export const links = new LinkState();
