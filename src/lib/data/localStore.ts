/**
 * The browser's own storage for what a user makes: scenarios and reach radii. Versioned keys;
 * a value that cannot be read is kept aside (never silently overwritten) and reported, and the
 * app starts from an empty store. Takes the storage as a parameter so tests can pass a fake.
 */
import { DEFAULT_RADII, parseRadii, type Radii } from '../domain/reach.ts';
import { emptyDeck, parseDeckJson, type SlideDeck } from '../domain/slideDeck.ts';
import {
  emptyStore,
  parseScenarioJson,
  STORE_VERSION,
  type ScenarioStore,
} from '../domain/userScenario.ts';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's localStorage, or null where it is unavailable (blocked, sandboxed, Node). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const SCENARIOS_KEY = `drawdown-map/scenarios/v${STORE_VERSION}`;
export const RADII_KEY = 'drawdown-map/reach/v1';
/** Where an unreadable value is moved by a reset, so nothing is lost for good. */
export const CORRUPT_SUFFIX = '/unreadable';

export interface Loaded<T> {
  value: T;
  /** Why the stored value was not used, or null. */
  error: string | null;
  /** What was repaired so the value could be used (repeated ids), or null. */
  notice?: string | null;
}

/** The stored scenarios; an unreadable store gives an empty one and an error to show. */
export function loadScenarios(storage: StorageLike | null): Loaded<ScenarioStore> {
  let text: string | null;
  try {
    text = storage?.getItem(SCENARIOS_KEY) ?? null;
  } catch (e) {
    return { value: emptyStore(), error: `browser storage is not available (${String(e)})` };
  }
  if (text === null) return { value: emptyStore(), error: null };
  const r = parseScenarioJson(text, undefined, 'storage');
  if (!r.ok) return { value: emptyStore(), error: r.errors.join('; ') };
  return {
    value: { version: STORE_VERSION, scenarios: r.scenarios },
    error: null,
    ...(r.notices.length
      ? { notice: `The saved scenarios were repaired: ${r.notices.join('; ')}.` }
      : {}),
  };
}

/** Saves the store; returns an error message (quota, private mode) instead of throwing. */
export function saveScenarios(storage: StorageLike | null, store: ScenarioStore): string | null {
  return write(storage, SCENARIOS_KEY, JSON.stringify(store));
}

/** Moves an unreadable store aside (kept under …/unreadable) and starts empty. */
export function resetScenarios(storage: StorageLike | null): string | null {
  try {
    const old = storage?.getItem(SCENARIOS_KEY);
    if (old != null) storage?.setItem(SCENARIOS_KEY + CORRUPT_SUFFIX, old);
    storage?.removeItem(SCENARIOS_KEY);
    return null;
  } catch (e) {
    return String(e);
  }
}

export function loadRadii(storage: StorageLike | null): Loaded<Radii> {
  let text: string | null;
  try {
    text = storage?.getItem(RADII_KEY) ?? null;
  } catch {
    return { value: { ...DEFAULT_RADII }, error: null };
  }
  if (text === null) return { value: { ...DEFAULT_RADII }, error: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { value: { ...DEFAULT_RADII }, error: 'saved reach radii are not JSON; defaults used' };
  }
  const { radii, rejected } = parseRadii(json);
  return {
    value: radii,
    error: rejected.length ? `some saved reach radii were ignored: ${rejected.join('; ')}` : null,
  };
}

export function saveRadii(storage: StorageLike | null, radii: Radii): string | null {
  return write(storage, RADII_KEY, JSON.stringify(radii));
}

function write(storage: StorageLike | null, key: string, text: string): string | null {
  if (!storage) return 'browser storage is not available';
  try {
    storage.setItem(key, text);
    return null;
  } catch (e) {
    return `could not save (${e instanceof Error ? e.message : String(e)})`;
  }
}

export const DECK_KEY = 'drawdown-map/deck/v1';

/** The saved slide deck; an unreadable one gives an empty deck and a message. */
export function loadDeck(storage: StorageLike | null): Loaded<SlideDeck> {
  let text: string | null;
  try {
    text = storage?.getItem(DECK_KEY) ?? null;
  } catch {
    return { value: emptyDeck(), error: null };
  }
  if (text === null) return { value: emptyDeck(), error: null };
  const r = parseDeckJson(text);
  return r.ok
    ? {
        value: r.deck,
        error: null,
        ...(r.notices.length
          ? { notice: `The saved slides were repaired: ${r.notices.join('; ')}.` }
          : {}),
      }
    : { value: emptyDeck(), error: `the saved slides could not be read (${r.errors.join('; ')})` };
}

export function saveDeck(storage: StorageLike | null, deck: SlideDeck): string | null {
  return write(storage, DECK_KEY, JSON.stringify(deck));
}
