/**
 * The registers in force, kept in this browser (IndexedDB) so the choice survives a reload and
 * never leaves it. A database of its own, beside datasetStore's: a register is one small record
 * (its validated rows, a few hundred kilobytes at most), read whole at start, where datasets run
 * to hundreds of megabytes; neither store's upgrade or full disk touches the other.
 *
 * One object store, `registers`, one record per register, keyed by its id. Records carry a
 * format version; one this code cannot read is reported by name and left in place (a newer tab
 * may have written it), never deleted.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Said } from '../domain/problems.ts';
import { describeKeepError } from './datasetStore.ts';
import { REGISTER_KINDS, type Register } from './registers.ts';

export const REGISTER_DB_NAME = 'drawdown-map-registers';
const DB_VERSION = 1;
const STORE = 'registers';
const CHANNEL = 'drawdown-map/registers';
/** The shape of a stored register; raised when Register changes. */
export const REGISTER_RECORD_VERSION = 1;

type Stored = Register & { version: number };
type Db = IDBPDatabase<unknown>;

/** Whether a stored value is a register this code can use. */
function isRegister(v: unknown): v is Stored {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<Stored>;
  const c = r.content as { kind?: unknown } | undefined;
  return (
    r.version === REGISTER_RECORD_VERSION &&
    typeof r.id === 'string' &&
    typeof r.name === 'string' &&
    typeof r.added === 'string' &&
    typeof r.format === 'string' &&
    Object.hasOwn(REGISTER_KINDS, r.format) &&
    (r.mode === 'add' || r.mode === 'replace') &&
    c?.kind === REGISTER_KINDS[r.format]
  );
}

export class RegisterStore {
  readonly #db: Db | null;
  readonly #channel: BroadcastChannel | null;
  /** Why nothing can be kept (no IndexedDB), or null. */
  readonly unavailable: Said | null;

  private constructor(db: Db | null, unavailable: Said | null) {
    this.#db = db;
    this.unavailable = unavailable;
    this.#channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  }

  /** Opens the store; never throws (without IndexedDB, registers last until the page closes). */
  static async open(name = REGISTER_DB_NAME): Promise<RegisterStore> {
    if (typeof indexedDB === 'undefined')
      return new RegisterStore(null, { code: 'import_no_storage' });
    try {
      const db = await openDB(name, DB_VERSION, {
        upgrade(db) {
          if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE);
        },
        blocking() {
          db.close();
        },
      });
      return new RegisterStore(db, null);
    } catch (e) {
      return new RegisterStore(null, {
        code: 'import_no_storage_detail',
        params: { detail: String(e) },
      });
    }
  }

  /** The registers kept, oldest first, and the names of records that could not be read. */
  async list(): Promise<{ registers: Register[]; unreadable: string[] }> {
    if (!this.#db) return { registers: [], unreadable: [] };
    const all = (await this.#db.getAll(STORE)) as unknown[];
    const registers: Register[] = [];
    const unreadable: string[] = [];
    for (const v of all) {
      if (isRegister(v)) {
        const register: Partial<Stored> = { ...v };
        delete register.version;
        registers.push(register as Register);
      } else
        unreadable.push(
          typeof (v as { name?: unknown } | null)?.name === 'string'
            ? (v as { name: string }).name
            : '?',
        );
    }
    registers.sort((a, b) => a.added.localeCompare(b.added) || a.id.localeCompare(b.id));
    return { registers, unreadable };
  }

  /** Keeps a register (or its new mode); null when kept, else why not. */
  async put(register: Register): Promise<Said | null> {
    if (!this.#db) return this.unavailable;
    try {
      const record: Stored = { ...register, version: REGISTER_RECORD_VERSION };
      await this.#db.put(STORE, record, register.id);
    } catch (e) {
      return describeKeepError(e);
    }
    this.#channel?.postMessage('changed');
    return null;
  }

  /** Removes a register; null when done, else why not. */
  async remove(id: string): Promise<Said | null> {
    if (!this.#db) return null;
    try {
      await this.#db.delete(STORE, id);
    } catch (e) {
      return describeKeepError(e);
    }
    this.#channel?.postMessage('changed');
    return null;
  }

  /** Called when another tab adds or removes a register. */
  onChange(f: () => void): () => void {
    const listener = () => f();
    this.#channel?.addEventListener('message', listener);
    return () => this.#channel?.removeEventListener('message', listener);
  }

  close(): void {
    this.#channel?.close();
    this.#db?.close();
  }
}
