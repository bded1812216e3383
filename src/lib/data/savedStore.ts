/**
 * The one store for what a user makes in this browser: what-if scenarios, slides and reach radii
 * (imported data will join them). IndexedDB, through the small `idb` wrapper, and not
 * localStorage: imported event tables will run past localStorage's 5 MB; a write is a
 * transaction, so a full disk leaves nothing half-written; and each scenario, slide and radius
 * is a record of its own, so two tabs writing different records never overwrite each other.
 *
 * Every record is stored with the format it was written in. On load, a record this build cannot
 * read is moved, in the same transaction, to the `kept` store, before anything else can write;
 * kept copies can be downloaded, and a deck replaced by an import is kept there too. A
 * collection written by a newer build (a format this one does not know) is read as far as it
 * can be and never written. Writes are posted on a BroadcastChannel; other tabs load the
 * collection again, so each sees the other's records at once.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { parseRadii } from '../domain/reach.ts';
import { parseDeckJson } from '../domain/slideDeck.ts';
import { parseScenarioJson } from '../domain/userScenario.ts';
import type { Said } from '../domain/problems.ts';

export type Collection = 'scenarios' | 'slides' | 'radii';
export const COLLECTIONS = ['scenarios', 'slides', 'radii'] as const satisfies Collection[];

/**
 * What the collections are called in messages. Messages are codes with parameters
 * (problems.ts), worded in the reader's language where they are shown.
 */
export const COLLECTION_NAMES: Record<Collection, Said> = {
  scenarios: { code: 'saved_collection_scenarios' },
  slides: { code: 'saved_collection_slides' },
  radii: { code: 'saved_collection_radii' },
};

/**
 * The record format this build writes and reads, per collection. Scenarios 2: a scenario may
 * carry added hotspots (issue 24); a build that reads only 1 leaves them untouched and refuses
 * to write, rather than write them back without the hotspots.
 */
export const FORMATS: Record<Collection, number> = { scenarios: 2, slides: 1, radii: 1 };

export const DB_NAME = 'drawdown-map';
/** IndexedDB's own version: which object stores exist. */
export const DB_VERSION = 1;
const CHANNEL = 'drawdown-map/saved';
/**
 * How long opening may take before the app goes on without saved work (and says another tab
 * holds it). Long enough for a busy machine: the page opens three databases at load (saved
 * work, imported datasets, registers). A browser test that waits for a notice after a reload
 * failed now and then on the loaded 2-core test machine; a 5 s limit passed there would
 * explain it (not proven).
 */
const OPEN_TIMEOUT_MS = 15_000;

/** How a record is stored: the value with the format it was written in. */
export interface Stored {
  format: number;
  value: unknown;
}

/** Per collection: its format, and for slides the deck's name and order. */
export interface Meta {
  format: number;
  name?: string;
  order?: string[];
}

/** A copy set aside: a record that could not be read, or a deck an import replaced. */
export interface Kept {
  id: number;
  collection: Collection;
  /** The record's key, or null for a whole collection (a replaced deck, an old store). */
  key: string | null;
  reason: 'unreadable' | 'replaced';
  /**
   * What was wrong with it, or what replaced it: problem codes; text in copies an earlier
   * version kept (shown as written).
   */
  why: string | Said[];
  /** ISO timestamp. */
  at: string;
  /** The copy, as JSON text. */
  text: string;
}

/** A record read as `T`, or its problems. */
export type Parse<T> = (
  key: string,
  value: unknown,
) => { ok: true; value: T; notices?: Said[] } | { ok: false; errors: Said[] };

export interface Snapshot<T> {
  records: { key: string; value: T }[];
  meta: Meta;
  /** Why the collection may not be written (a newer build's), or null. */
  readOnly: Said | null;
  /** Records that could not be read and were moved to the kept store by this load. */
  moved: Kept[];
  /** What was repaired so that records could be read. */
  notices: Said[];
  /** The read itself failed: the records are not known (not: there are none). */
  failed?: boolean;
}

/** The operations a write may make on one collection, inside one transaction. */
export interface Txn {
  /** The record's value, or undefined (absent, or not in a format this build reads). */
  get(key: string): Promise<unknown>;
  keys(): Promise<string[]>;
  put(key: string, value: unknown): Promise<void>;
  /** Adds a record; fails (and the write with it) if the key is taken. */
  add(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
  meta(): Promise<Meta>;
  setMeta(patch: Partial<Omit<Meta, 'format'>>): Promise<void>;
  keep(copy: Omit<Kept, 'id' | 'at' | 'collection'>): Promise<void>;
}

/** The keys the app used before this store, in localStorage; read once, then removed. */
export const LEGACY_KEYS = {
  scenarios: 'drawdown-map/scenarios/v1',
  slides: 'drawdown-map/deck/v1',
  radii: 'drawdown-map/reach/v1',
} as const satisfies Record<Collection, string>;
const LEGACY_UNREADABLE = '/unreadable';

export type LegacyStorage = Pick<Storage, 'getItem' | 'removeItem'>;

type Db = IDBPDatabase;
type AnyTx = IDBPTransaction<unknown, string[], 'readwrite' | 'readonly'>;

const isStored = (x: unknown): x is Stored =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Stored).format === 'number' &&
  Number.isInteger((x as Stored).format) &&
  'value' in x;

/** A message for a failed write: what happened, and that nothing was saved. */
export function describeWriteError(e: unknown): Said {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return { code: 'saved_full' };
  if (name === 'ConstraintError') return { code: 'saved_same_id' };
  // The browser's own words, kept as a detail.
  const text = e instanceof Error ? e.message : String(e);
  return { code: 'saved_refused', params: { detail: text || name || '?' } };
}

const newerMessage = (c: Collection, format: number): Said => ({
  code: 'saved_newer_collection',
  params: { collection: COLLECTION_NAMES[c], format, known: FORMATS[c] },
});

/** A refusal to write, with why. */
const notSaved = (why: Said): Said => ({ code: 'saved_not_saved', params: { why } });

/** An opened store, with what its opening brought in from earlier versions and set aside. */
export interface Opened {
  store: SavedStore;
  notices: Said[];
  moved: Kept[];
}

export class SavedStore {
  readonly #db: Db | null;
  readonly #channel: BroadcastChannel | null;
  /** Why nothing may be written at all (no storage, or a newer build's database), or null. */
  #readOnly: Said | null;
  get readOnly(): Said | null {
    return this.#readOnly;
  }
  /** Per collection, why it may not be written. */
  readonly #newer = new Map<Collection, Said>();
  /** Writes and loads run one after another, so a load sees every write made before it. */
  #queue: Promise<unknown> = Promise.resolve();
  readonly #listeners = new Set<(c: Collection | 'kept') => void>();

  private constructor(db: Db | null, readOnly: Said | null, channelName: string | null) {
    this.#db = db;
    this.#readOnly = readOnly;
    this.#channel =
      channelName && typeof BroadcastChannel !== 'undefined'
        ? new BroadcastChannel(channelName)
        : null;
    this.#channel?.addEventListener('message', (e: MessageEvent<unknown>) => {
      const c = (e.data as { collection?: unknown } | null)?.collection;
      if (c === 'kept' || COLLECTIONS.includes(c as Collection))
        for (const f of this.#listeners) f(c as Collection | 'kept');
    });
  }

  /**
   * Opens the store, creating it on first use and bringing in what the app kept in
   * localStorage before (`legacy`). Never throws: without IndexedDB (blocked, some private
   * modes) the store reads as empty and refuses writes with a reason.
   */
  static async open(
    opts: {
      /** False: act as a browser without IndexedDB. */
      indexedDb?: boolean;
      legacy?: LegacyStorage | null;
      name?: string;
      channel?: boolean;
    } = {},
  ): Promise<Opened> {
    const name = opts.name ?? DB_NAME;
    const channel = opts.channel === false ? null : `${CHANNEL}/${name}`;
    if (opts.indexedDb === false || typeof indexedDB === 'undefined')
      return {
        store: new SavedStore(null, { code: 'saved_no_storage' }, channel),
        notices: [],
        moved: [],
      };
    // Set once the store exists; until then a newer tab's request has nothing to close.
    let self: SavedStore | null = null;
    const open = (version?: number) =>
      openDB(name, version, {
        upgrade(db) {
          for (const c of COLLECTIONS)
            if (!db.objectStoreNames.contains(c)) db.createObjectStore(c);
          if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
          if (!db.objectStoreNames.contains('kept'))
            db.createObjectStore('kept', { keyPath: 'id', autoIncrement: true });
        },
        // A newer version of the app, open in another tab, needs the database upgraded: let it,
        // and stop writing here (this tab's records would be in the old shape).
        blocking() {
          if (self) self.#stop({ code: 'saved_newer_tab' });
        },
      });
    let db: Db;
    try {
      // An older version's tab that will not let go would leave the app waiting for ever.
      let timer: ReturnType<typeof setTimeout> | undefined;
      db = await Promise.race([
        open(DB_VERSION).finally(() => clearTimeout(timer)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new DOMException('timed out', 'TimeoutError')),
            OPEN_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (e) {
      if ((e as DOMException)?.name === 'TimeoutError')
        return {
          store: new SavedStore(null, { code: 'saved_held' }, channel),
          notices: [],
          moved: [],
        };
      if ((e as DOMException)?.name !== 'VersionError')
        return {
          store: new SavedStore(
            null,
            { code: 'saved_open_refused', params: { detail: String(e) } },
            channel,
          ),
          notices: [],
          moved: [],
        };
      // A newer build's database: read what this build knows of it, and never write.
      try {
        db = await open();
      } catch (e2) {
        return {
          store: new SavedStore(
            null,
            { code: 'saved_open_failed', params: { detail: String(e2) } },
            channel,
          ),
          notices: [],
          moved: [],
        };
      }
      const store = new SavedStore(
        db,
        { code: 'saved_newer_db', params: { version: db.version, known: DB_VERSION } },
        channel,
      );
      return { store, notices: [], moved: [] };
    }
    const store = new SavedStore(db, null, channel);
    self = store;
    const { notices, moved } = opts.legacy
      ? await store.#migrate(opts.legacy)
      : { notices: [], moved: [] };
    return { store, notices, moved };
  }

  /** Closes the database and refuses writes from now on, saying why. */
  #stop(why: Said): void {
    this.#readOnly = why;
    this.#db?.close();
    for (const c of COLLECTIONS) this.#newer.set(c, why);
    for (const f of this.#listeners) for (const c of COLLECTIONS) f(c);
  }

  /** Why collection `c` may not be written, as far as this store knows, or null. */
  refusal(c: Collection): Said | null {
    return this.readOnly ?? this.#newer.get(c) ?? null;
  }

  /** Called when another tab changed a collection (or the kept copies). */
  onChange(f: (c: Collection | 'kept') => void): () => void {
    this.#listeners.add(f);
    return () => this.#listeners.delete(f);
  }

  close(): void {
    this.#channel?.close();
    this.#db?.close();
  }

  #run<R>(f: () => Promise<R>): Promise<R> {
    const next = this.#queue.then(f, f);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #has(name: string): boolean {
    return !!this.#db?.objectStoreNames.contains(name);
  }

  /**
   * The collection's records, read with `parse`. Unreadable records are moved to the kept
   * store first, in this same transaction, unless the collection may not be written.
   */
  load<T>(c: Collection, parse: Parse<T>): Promise<Snapshot<T>> {
    return this.#run(() =>
      this.#load(c, parse).catch((e: unknown): Snapshot<T> => ({
        records: [],
        meta: { format: FORMATS[c] },
        readOnly: this.refusal(c) ?? {
          code: 'saved_read_failed',
          params: { collection: COLLECTION_NAMES[c], detail: String(e) },
        },
        moved: [],
        notices: [],
        failed: true,
      })),
    );
  }

  async #load<T>(c: Collection, parse: Parse<T>): Promise<Snapshot<T>> {
    const empty: Snapshot<T> = {
      records: [],
      meta: { format: FORMATS[c] },
      readOnly: this.readOnly,
      moved: [],
      notices: [],
    };
    const db = this.#db;
    if (!db || !this.#has(c) || !this.#has('meta') || !this.#has('kept')) return empty;
    const tx = db.transaction([c, 'meta', 'kept'], this.readOnly ? 'readonly' : 'readwrite');
    const meta = ((await tx.objectStore('meta').get(c)) as Meta | undefined) ?? {
      format: FORMATS[c],
    };
    let cursor = await tx.objectStore(c).openCursor();
    const rows: { key: string; stored: unknown }[] = [];
    while (cursor) {
      rows.push({ key: String(cursor.key), stored: cursor.value });
      cursor = await cursor.continue();
    }
    const newest = Math.max(
      meta.format,
      ...rows.map((r) => (isStored(r.stored) ? r.stored.format : 0)),
    );
    if (newest > FORMATS[c]) this.#newer.set(c, newerMessage(c, newest));
    else this.#newer.delete(c);
    const readOnly = this.readOnly ?? this.#newer.get(c) ?? null;
    const out: Snapshot<T> = { ...empty, meta, readOnly };
    const at = new Date().toISOString();
    for (const { key, stored } of rows) {
      const known = isStored(stored) && stored.format <= FORMATS[c];
      const r = known ? parse(key, stored.value) : null;
      if (r?.ok) {
        out.records.push({ key, value: r.value });
        out.notices.push(...(r.notices ?? []));
        continue;
      }
      // A record from a newer format is left where it is: the newer build reads it.
      if (readOnly || (isStored(stored) && stored.format > FORMATS[c])) continue;
      const why: Said[] = r
        ? r.errors
        : [
            {
              code: 'saved_not_record',
              params: { detail: JSON.stringify(stored)?.slice(0, 80) ?? String(stored) },
            },
          ];
      const copy = {
        collection: c,
        key,
        reason: 'unreadable' as const,
        why,
        at,
        text: json(isStored(stored) ? stored.value : stored),
      };
      // Not read-only here, so the transaction is a readwrite one.
      const rw = tx as unknown as IDBPTransaction<unknown, string[], 'readwrite'>;
      const id = (await rw.objectStore('kept').add(copy)) as number;
      await rw.objectStore(c).delete(key);
      out.moved.push({ ...copy, id });
    }
    await tx.done;
    return out;
  }

  /**
   * Runs `f` on collection `c` in one transaction. Returns null when it is stored, or a
   * message; on failure (a full disk, a refused key) nothing of it is stored.
   */
  write(c: Collection, f: (t: Txn) => Promise<void>): Promise<Said | null> {
    return this.#run(async () => {
      const refused = this.readOnly ?? this.#newer.get(c);
      if (refused) return notSaved(refused);
      const db = this.#db;
      if (!db) return notSaved({ code: 'saved_no_storage' });
      let kept = false;
      let tx: IDBPTransaction<unknown, string[], 'readwrite'> | null = null;
      try {
        const rw = db.transaction([c, 'meta', 'kept'], 'readwrite');
        tx = rw;
        // Awaited below; on an abort it rejects, and that is reported from the catch.
        rw.done.catch(() => undefined);
        const store = rw.objectStore(c);
        const metaStore = rw.objectStore('meta');
        const readMeta = async (): Promise<Meta> =>
          ((await metaStore.get(c)) as Meta | undefined) ?? { format: FORMATS[c] };
        const meta = await readMeta();
        if (meta.format > FORMATS[c]) {
          rw.abort();
          tx = null;
          this.#newer.set(c, newerMessage(c, meta.format));
          return notSaved(newerMessage(c, meta.format));
        }
        const wrap = (value: unknown): Stored => ({ format: FORMATS[c], value });
        const t: Txn = {
          get: async (key) => {
            const s: unknown = await store.get(key);
            return isStored(s) && s.format <= FORMATS[c] ? s.value : undefined;
          },
          keys: async () => (await store.getAllKeys()).map(String),
          put: async (key, value) => void (await store.put(wrap(value), key)),
          add: async (key, value) => void (await store.add(wrap(value), key)),
          delete: async (key) => store.delete(key),
          clear: async () => store.clear(),
          meta: readMeta,
          setMeta: async (patch) =>
            void (await metaStore.put({ ...(await readMeta()), ...patch, format: FORMATS[c] }, c)),
          keep: async (copy) => {
            kept = true;
            await rw
              .objectStore('kept')
              .add({ ...copy, collection: c, at: new Date().toISOString() });
          },
        };
        await f(t);
        await rw.done;
      } catch (e) {
        // A throw of our own does not abort the transaction by itself: what `f` wrote so far
        // would be committed. Abort it, so a failed write leaves nothing half-done.
        try {
          tx?.abort();
        } catch {
          // Already finished or aborted.
        }
        return describeWriteError(e);
      }
      this.#post(c);
      if (kept) this.#post('kept');
      return null;
    });
  }

  /** The kept copies, oldest first. */
  kept(): Promise<Kept[]> {
    return this.#run(async () => {
      if (!this.#db || !this.#has('kept')) return [];
      return (await this.#db.getAll('kept')) as Kept[];
    });
  }

  /** Deletes a kept copy for good; a message if that failed. */
  removeKept(id: number): Promise<Said | null> {
    return this.#run(async () => {
      if (this.readOnly || !this.#db)
        return {
          code: 'saved_not_removed',
          params: { why: this.readOnly ?? { code: 'saved_no_storage' } },
        };
      try {
        await this.#db.delete('kept', id);
      } catch (e) {
        return describeWriteError(e);
      }
      this.#post('kept');
      return null;
    });
  }

  #post(c: Collection | 'kept'): void {
    this.#channel?.postMessage({ collection: c });
  }

  /**
   * Brings in the localStorage keys of earlier versions: records this store lacks are added,
   * unreadable values (and the copies an earlier reset set aside) become kept copies, and the
   * keys are removed only once all of it is stored.
   */
  async #migrate(legacy: LegacyStorage): Promise<{ notices: Said[]; moved: Kept[] }> {
    const read = (k: string) => {
      try {
        return legacy.getItem(k);
      } catch {
        return null;
      }
    };
    const texts = COLLECTIONS.map((c) => ({
      c,
      key: LEGACY_KEYS[c],
      text: read(LEGACY_KEYS[c]),
      aside: read(LEGACY_KEYS[c] + LEGACY_UNREADABLE),
    })).filter((x) => x.text !== null || x.aside !== null);
    if (!texts.length || !this.#db) return { notices: [], moved: [] };
    const notices: Said[] = [];
    const moved: Kept[] = [];
    let tx: IDBPTransaction<unknown, string[], 'readwrite'> | null = null;
    try {
      tx = this.#db.transaction([...COLLECTIONS, 'meta', 'kept'], 'readwrite');
      tx.done.catch(() => undefined);
      const at = new Date().toISOString();
      const t = tx;
      const keep = async (c: Collection, why: Said[], text: string) => {
        const copy = { collection: c, key: null, reason: 'unreadable' as const, why, at, text };
        moved.push({ ...copy, id: (await t.objectStore('kept').add(copy)) as number });
      };
      for (const { c, text, aside } of texts) {
        if (aside !== null) await keep(c, [{ code: 'saved_set_aside_before' }], aside);
        if (text === null) continue;
        const errors = await migrateOne(tx as unknown as AnyTx, c, text, notices);
        if (errors) await keep(c, errors, text);
      }
      await tx.done;
    } catch (e) {
      try {
        tx?.abort();
      } catch {
        // Already aborted by the failed request.
      }
      return {
        notices: [{ code: 'saved_migration_failed', params: { why: describeWriteError(e) } }],
        moved: [],
      };
    }
    for (const { key } of texts) {
      try {
        legacy.removeItem(key);
        legacy.removeItem(key + LEGACY_UNREADABLE);
      } catch {
        // Left behind: the records are added only where missing, so a second pass is harmless.
      }
    }
    return { notices, moved };
  }
}

/** Adds one legacy value's records where missing; returns why it could not be read, or null. */
async function migrateOne(
  tx: AnyTx,
  c: Collection,
  text: string,
  notices: Said[],
): Promise<Said[] | null> {
  const store = tx.objectStore(c);
  const addMissing = async (key: string, value: unknown) => {
    if ((await store.getKey(key)) === undefined)
      await store.add!({ format: FORMATS[c], value } satisfies Stored, key);
  };
  if (c === 'scenarios') {
    const r = parseScenarioJson(text, undefined, 'storage');
    if (!r.ok) return r.errors;
    for (const s of r.scenarios) await addMissing(s.id, s);
    notices.push(...r.notices.map((n) => about('scenarios', n)));
    return null;
  }
  if (c === 'slides') {
    const r = parseDeckJson(text);
    if (!r.ok) return r.errors;
    const held = await store.getAllKeys();
    // A deck is brought in whole or not at all: merged into slides already here, its order
    // would mean nothing. (Only a second pass over the same keys finds slides here.)
    if (held.length) return null;
    for (const s of r.deck.slides) await addMissing(s.id, s);
    await tx.objectStore('meta').put!(
      {
        format: FORMATS.slides,
        name: r.deck.name,
        order: r.deck.slides.map((s) => s.id),
      } satisfies Meta,
      'slides',
    );
    notices.push(...r.notices.map((n) => about('slides', n)));
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [{ code: 'saved_not_json' }];
  }
  const { radii, rejected } = parseRadii(json);
  // Only the radii the user set and that were accepted: a rejected one falls back to the
  // default, which must stay a default, not become a saved choice.
  const given = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  for (const [kind, km] of Object.entries(radii))
    if (given[kind] === km) await addMissing(kind, km);
  if (rejected.length) return [{ code: 'saved_radii_not_kept' }, ...rejected];
  return null;
}

/** A notice about one collection's records: "saved scenarios: …". */
function about(c: Collection, what: Said): Said {
  return { code: 'saved_about', params: { collection: COLLECTION_NAMES[c], what } };
}

function json(x: unknown): string {
  try {
    return JSON.stringify(x, null, 2) ?? String(x);
  } catch {
    return String(x);
  }
}
