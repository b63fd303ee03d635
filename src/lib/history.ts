/**
 * Run history: every finished run of the session, kept across reloads in IndexedDB (via `idb`).
 * Curves are thinned and NaN is stored as null, so a record is plain structured-clone data.
 * Without IndexedDB (private modes that refuse it) the history lives in memory and says so.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { TIMED_OUT, within } from './timeout';
import { recordFromJson, recordToJson, type RunRecord } from '../../experiments/core/bundle';

export const HISTORY_POINTS = 400;
/** The oldest unpinned runs are dropped beyond this many per experiment. */
export const HISTORY_LIMIT = 200;

/** A run in the history: the app's run record, and where and when it was made. */
export interface StoredRun extends RunRecord {
  id: number;
  experiment: string;
  preset: string;
  created: string;
  sweepKey?: string;
  backend: string;
  pinned: boolean;
  /** Where a run came from when it was not trained here (e.g. a loaded bundle). */
  source?: string;
}

type Json = ReturnType<typeof recordToJson<StoredRun>>;

const encode = (r: StoredRun): Json => recordToJson(r, HISTORY_POINTS);
const decode = (r: Json): StoredRun => recordFromJson(r);

/**
 * How long IndexedDB may take to open. A blocked upgrade (another tab holds the database) never
 * completes, and IndexedDB says so through `blocked`: then the page gives up after a short grace.
 * Otherwise it waits long, because on a loaded machine a healthy open can take seconds.
 */
const OPEN_TIMEOUT_MS = 20000;
const BLOCKED_GRACE_MS = 3000;
/** Runs kept in memory get ids far above IndexedDB's, so the two never collide in one list. */
const MEMORY_IDS = 1_000_000_000;

export class RunHistory {
  /** Why the history is not persistent, when it is not (or no longer). */
  volatile: string | null = null;
  private db?: Promise<IDBPDatabase | null>;
  private memory = new Map<number, Json>();
  private nextId = MEMORY_IDS;

  constructor(private readonly name = 'identifiability-sandbox') {}

  private open(): Promise<IDBPDatabase | null> {
    this.db ??= (async () => {
      if (typeof indexedDB === 'undefined') {
        this.volatile = 'this browser offers no IndexedDB';
        return null;
      }
      try {
        let blocked = false;
        let onBlocked = () => {};
        const blockedSignal = new Promise<void>((r) => (onBlocked = r));
        const opening = openDB(this.name, 1, {
          upgrade(db) {
            const store = db.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
            store.createIndex('experiment', 'experiment');
          },
          blocked() {
            blocked = true;
            onBlocked();
          },
        });
        const db = await within(
          Promise.race([opening, blockedSignal.then(() => within(opening, BLOCKED_GRACE_MS))]),
          OPEN_TIMEOUT_MS,
        );
        if (db !== TIMED_OUT) return db;
        this.volatile = blocked
          ? 'IndexedDB is held by another tab of this page (its upgrade is blocked)'
          : `IndexedDB did not open within ${OPEN_TIMEOUT_MS / 1000} s`;
        return null;
      } catch (e) {
        this.volatile = `IndexedDB refused (${e instanceof Error ? e.message : String(e)})`;
        return null;
      }
    })();
    return this.db;
  }

  async list(experiment: string): Promise<StoredRun[]> {
    const db = await this.open();
    const stored: Json[] = db ? await db.getAllFromIndex('runs', 'experiment', experiment) : [];
    const kept = [...this.memory.values()].filter((r) => r.experiment === experiment);
    return [...stored, ...kept].map(decode).sort((a, b) => b.id - a.id);
  }

  /** Store a run; a write IndexedDB refuses (quota, a closed database) keeps it in memory, and says so. */
  async add(run: Omit<StoredRun, 'id'>): Promise<StoredRun> {
    const db = await this.open();
    const json = encode({ ...run, id: 0 }) as Partial<Json>;
    delete json.id;
    let id: number | undefined;
    if (db) {
      try {
        id = (await db.add('runs', json)) as number;
      } catch (e) {
        this.volatile = `IndexedDB refused to store a run (${e instanceof Error ? e.message : String(e)})`;
      }
    }
    if (id === undefined) {
      id = this.nextId++;
      this.memory.set(id, { ...(json as Json), id });
    }
    await this.prune(run.experiment);
    return { ...decode({ ...(json as Json), id }) };
  }

  /**
   * Store several runs (a loaded bundle) all at once or not at all: one IndexedDB transaction, so a
   * reload half-way keeps none of them; without IndexedDB they are kept for the page.
   */
  async addAll(runs: Omit<StoredRun, 'id'>[]): Promise<void> {
    if (!runs.length) return;
    const db = await this.open();
    // Encoded in slices with a yield between them, so a bundle of many runs leaves the page
    // responsive; all before the transaction opens (a transaction left idle commits early).
    const rows: Partial<Json>[] = [];
    for (const run of runs) {
      const json = encode({ ...run, id: 0 }) as Partial<Json>;
      delete json.id;
      rows.push(json);
      if (rows.length % 10 === 0) await new Promise((r) => setTimeout(r));
    }
    let stored = false;
    if (db) {
      try {
        const tx = db.transaction('runs', 'readwrite');
        await Promise.all([...rows.map((r) => tx.store.add(r)), tx.done]);
        stored = true;
      } catch (e) {
        this.volatile = `IndexedDB refused to store the runs (${e instanceof Error ? e.message : String(e)})`;
      }
    }
    if (!stored)
      for (const r of rows) this.memory.set(this.nextId, { ...(r as Json), id: this.nextId++ });
    for (const e of new Set(runs.map((r) => r.experiment))) await this.prune(e);
  }

  async update(id: number, patch: Partial<Pick<StoredRun, 'pinned'>>): Promise<void> {
    const kept = this.memory.get(id);
    if (kept) return void this.memory.set(id, { ...kept, ...patch });
    const db = await this.open();
    const row = db ? ((await db.get('runs', id)) as Json | undefined) : undefined;
    if (db && row) await db.put('runs', { ...row, ...patch });
  }

  async remove(id: number): Promise<void> {
    if (this.memory.delete(id)) return;
    const db = await this.open();
    if (db) await db.delete('runs', id);
  }

  async clear(experiment: string): Promise<void> {
    for (const r of await this.list(experiment)) await this.remove(r.id);
  }

  private async prune(experiment: string): Promise<void> {
    const all = await this.list(experiment);
    const unpinned = all.filter((r) => !r.pinned);
    for (const r of unpinned.slice(Math.max(0, HISTORY_LIMIT - (all.length - unpinned.length))))
      await this.remove(r.id);
  }
}
