/**
 * The user's registers (registers.ts): a file of ours (sites.csv, hotspots.csv, events.csv) or
 * a Geo-PKO file is read and checked, then waits for the user's choice, Add to the bundled
 * records or Replace them; in force, it is laid over the bundled data by ScenarioState, kept in
 * this browser (registerStore.ts) and restored on the next visit, until it is removed.
 */
import { createContext } from 'svelte';
import type { Said } from '../domain/problems.ts';
import { RegisterStore } from '../data/registerStore.ts';
import {
  clashes,
  isRegisterFormat,
  mergeRegisters,
  REGISTER_KINDS,
  type Register,
  type RegisterMode,
  type RegisterRead,
} from '../data/registers.ts';
import type { Detected, Sniffed } from '../import/types.ts';
import { locale } from './locale.svelte.ts';
import type { ScenarioState } from './scenarioState.svelte.ts';

/** One of our own files as the import worker hands it over (protocol.ts, `table`). */
export interface TableRead {
  name: string;
  detected: Detected;
  text: string;
}

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `r${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;

export class RegisterState {
  /** The file read and waiting for the user's choice (or, failed, for them to read why). */
  pending = $state.raw<RegisterRead | null>(null);
  /** The name of the Geo-PKO file being turned into sites, or null. */
  working = $state<string | null>(null);
  /** Storage problems (not kept, not read back), worded where shown. */
  notice = $state.raw<Said | null>(null);

  readonly #data: ScenarioState;
  readonly #open: () => Promise<RegisterStore>;
  #store: Promise<RegisterStore> | null = null;
  #loading: Promise<void> | null = null;

  /** `open` opens the store (a test gives a database of its own). */
  constructor(
    data: ScenarioState,
    open: () => Promise<RegisterStore> = () => RegisterStore.open(),
  ) {
    this.#data = data;
    this.#open = open;
  }

  /** The registers in force, in the order added. */
  get list(): readonly Register[] {
    return this.#data.registers;
  }

  /** The registers in force but one from a file of the same name and kind (a new copy of it). */
  #others(read: Pick<RegisterRead, 'name' | 'format'>): readonly Register[] {
    const kind = REGISTER_KINDS[read.format];
    return this.list.filter((r) => !(r.name === read.name && r.content.kind === kind));
  }

  /** The ids the waiting register's rows would replace if added (shown, bundled or earlier). */
  clashes = $derived.by(() => {
    const p = this.pending;
    const bundled = this.#data.bundled;
    if (!p || p.failed || !bundled) return [];
    return clashes(mergeRegisters(bundled, this.#others(p)).scenario, p.content);
  });

  /** The register a file of the same name replaces when the waiting one is used, if any. */
  renewing = $derived.by(() => {
    const p = this.pending;
    return p ? (this.list.find((r) => !this.#others(p).includes(r)) ?? null) : null;
  });

  #storeOnce(): Promise<RegisterStore> {
    this.#store ??= this.#open();
    return this.#store;
  }

  /** Reads the kept registers back, once, and follows other tabs' changes. */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      const store = await this.#storeOnce();
      store.onChange(() => void this.#reload());
      await this.#reload();
    })();
    return this.#loading;
  }

  async #reload(): Promise<void> {
    const { registers, unreadable } = await (await this.#storeOnce()).list();
    this.#data.registers = registers;
    if (unreadable.length)
      this.notice = { code: 'import_lost', params: { name: unreadable.join(', ') } };
  }

  /**
   * One of our own files from the import: read and checked (the readers are loaded with the
   * first file), then waiting for the choice. Resolves to what was read, or null for a format
   * that is not one of ours.
   */
  async offer(t: TableRead): Promise<RegisterRead | null> {
    const format = t.detected.format;
    if (!isRegisterFormat(format) || format === 'geopko') return null;
    const { readRegister } = await import('../data/registerRead.ts');
    const read = readRegister(t.name, format, t.text, this.#data.provinces);
    this.pending = read;
    return read;
  }

  /**
   * A Geo-PKO file (an imported dataset's file, as kept) turned into sites, then waiting for
   * the choice. `sniffed` is how the import read it; without it, the file is sniffed again.
   */
  async fromGeopko(name: string, file: Blob, sniffed?: Sniffed): Promise<RegisterRead | null> {
    const provinces = this.#data.provinces;
    if (!provinces) return null;
    this.working = name;
    try {
      const { readGeopkoFile } = await import('../data/registerRead.ts');
      const read = await readGeopkoFile(name, file, { provinces, locale: locale.current, sniffed });
      this.pending = read;
      return read;
    } finally {
      this.working = null;
    }
  }

  /** Puts the waiting register in force, added to or in place of the bundled records. */
  async choose(mode: RegisterMode): Promise<void> {
    const p = this.pending;
    if (!p || p.failed) return;
    const old = this.renewing;
    const register: Register = {
      id: newId(),
      name: p.name,
      format: p.format,
      mode,
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
      added: new Date().toISOString(),
      content: p.content,
      rows: p.rows,
      rejected: p.rejected,
    };
    this.#data.registers = [...this.#others(p), register];
    this.pending = null;
    const store = await this.#storeOnce();
    if (old) await store.remove(old.id);
    const why = await store.put(register);
    if (why) this.notice = why;
  }

  /** Sets the waiting file aside without using it. */
  dismiss(): void {
    this.pending = null;
  }

  /** Takes a register out of force (the bundled records it replaced come back) and forgets it. */
  async remove(id: string): Promise<void> {
    this.#data.registers = this.list.filter((r) => r.id !== id);
    const why = await (await this.#storeOnce()).remove(id);
    if (why) this.notice = why;
  }
}

const [get, set] = createContext<RegisterState>();

/** Creates the register state for this tree, over its scenario state. Call once, in App. */
export function prepareRegisterState(data: ScenarioState): RegisterState {
  return set(new RegisterState(data));
}

/** The register state of the enclosing tree. */
export const getRegisterState = get;
