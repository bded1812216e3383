/**
 * The store of saved work, shared by the states that keep things in it (planning: scenarios and
 * radii; present: slides), with what the user must be told about it: copies kept aside, a
 * store a newer version wrote, storage that is not available. Other tabs' writes reach the
 * state that owns the collection through `watch`.
 */
import { createContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import {
  SavedStore,
  type Collection,
  type Kept,
  type Opened,
  type Parse,
  type Snapshot,
  type Txn,
} from '../data/savedStore.ts';
import type { Said } from '../domain/problems.ts';

/** localStorage where the browser allows it: the old home of saved work, read once. */
function legacyStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export class SavedState {
  /** Copies set aside (unreadable records, replaced decks), oldest first. */
  kept = $state.raw<Kept[]>([]);
  /** Records this tab's loads found unreadable and set aside, to say so once. */
  moved = $state.raw<Kept[]>([]);
  /** Whether the kept copies' list is open. */
  showKept = $state(false);
  /**
   * What was repaired or brought in from an earlier version, or why nothing can be saved. Codes
   * (problems.ts), worded where shown, so they follow a switch of language.
   */
  notice = $state.raw<Said[] | null>(null);
  /** Per collection: why it is read-only (a newer version wrote it), if it is. */
  readonly readOnly = new SvelteMap<Collection, Said>();
  readonly #store: Promise<SavedStore>;
  // Callbacks, not state.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #watchers = new Map<Collection, () => void>();

  constructor(open: () => Promise<Opened>) {
    this.#store = open().then(({ store, notices, moved }) => {
      // Why it is read-only is said per collection, by `readOnly`.
      if (notices.length) this.notice = notices;
      // What the opening set aside (an earlier version's unreadable store) is said like what
      // a load sets aside.
      this.moved = [...moved, ...this.moved];
      store.onChange((c) => {
        if (c === 'kept') void this.refreshKept();
        else this.#watchers.get(c)?.();
      });
      return store;
    });
    void this.refreshKept();
  }

  /** Calls `f` when another tab writes to collection `c`. */
  watch(c: Collection, f: () => void): void {
    this.#watchers.set(c, f);
  }

  async load<T>(c: Collection, parse: Parse<T>): Promise<Snapshot<T>> {
    const snap = await (await this.#store).load(c, parse);
    if (snap.readOnly) this.readOnly.set(c, snap.readOnly);
    else this.readOnly.delete(c);
    if (snap.moved.length) {
      this.moved = [...this.moved, ...snap.moved];
      await this.refreshKept();
    }
    return snap;
  }

  async write(c: Collection, f: (t: Txn) => Promise<void>): Promise<Said | null> {
    const store = await this.#store;
    const error = await store.write(c, f);
    // A newer version may have written since the load: say so where it is shown.
    const refused = store.refusal(c);
    if (refused) this.readOnly.set(c, refused);
    // A replaced deck is kept aside by the write itself.
    if (!error) await this.refreshKept();
    return error;
  }

  async refreshKept(): Promise<void> {
    try {
      this.kept = await (await this.#store).kept();
    } catch {
      // The store was closed (a newer version's tab took it): the list shown stays.
    }
  }

  async removeKept(id: number): Promise<Said | null> {
    const error = await (await this.#store).removeKept(id);
    await this.refreshKept();
    return error;
  }
}

const [get, set] = createContext<SavedState>();

export function prepareSavedState(): SavedState {
  return set(new SavedState(() => SavedStore.open({ legacy: legacyStorage() })));
}

export const getSavedState = get;

/**
 * One collection held in memory. A change shows at once (the caller updates its state), is
 * written in one transaction that applies it to the stored records (so it merges with what
 * other tabs wrote), and the collection is then read back: the store is the truth. A read that
 * lands while later changes are still being written is dropped, so the screen never steps back.
 */
export class SyncedCollection<T> {
  #pending = 0;

  constructor(
    private readonly saved: SavedState,
    private readonly collection: Collection,
    private readonly parse: Parse<T>,
    private readonly apply: (snap: Snapshot<T>) => void,
    private readonly onError: (message: Said) => void,
  ) {
    saved.watch(collection, () => void this.reload());
  }

  async reload(): Promise<void> {
    const snap = await this.saved.load(this.collection, this.parse);
    // A failed read knows nothing of the records: the screen keeps what it has.
    if (this.#pending === 0 && !snap.failed) this.apply(snap);
  }

  /** Null when stored; otherwise the message, which `onError` has been given too. */
  async write(f: (t: Txn) => Promise<void>): Promise<Said | null> {
    this.#pending++;
    const error = await this.saved.write(this.collection, f);
    this.#pending--;
    if (error) this.onError(error);
    if (this.#pending === 0) await this.reload();
    return error;
  }
}
