/**
 * Run history: every finished run of the session, kept across reloads in IndexedDB (via `idb`).
 * Curves are thinned and NaN is stored as null, so a record is plain structured-clone data.
 * Without IndexedDB (private modes that refuse it) the history lives in memory and says so.
 */
import { openDB, type IDBPDatabase } from 'idb';
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

export class RunHistory {
  /** Why the history is not persistent, when it is not. */
  volatile: string | null = null;
  private db?: Promise<IDBPDatabase | null>;
  private memory = new Map<number, Json>();
  private nextId = 1;

  constructor(private readonly name = 'identifiability-sandbox') {}

  private open(): Promise<IDBPDatabase | null> {
    this.db ??= (async () => {
      if (typeof indexedDB === 'undefined') {
        this.volatile = 'this browser offers no IndexedDB';
        return null;
      }
      try {
        return await openDB(this.name, 1, {
          upgrade(db) {
            const store = db.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
            store.createIndex('experiment', 'experiment');
          },
        });
      } catch (e) {
        this.volatile = `IndexedDB refused (${e instanceof Error ? e.message : String(e)})`;
        return null;
      }
    })();
    return this.db;
  }

  async list(experiment: string): Promise<StoredRun[]> {
    const db = await this.open();
    const rows: Json[] = db
      ? await db.getAllFromIndex('runs', 'experiment', experiment)
      : [...this.memory.values()].filter((r) => r.experiment === experiment);
    return rows.map(decode).sort((a, b) => b.id - a.id);
  }

  async add(run: Omit<StoredRun, 'id'>): Promise<StoredRun> {
    const db = await this.open();
    const json = encode({ ...run, id: 0 }) as Partial<Json>;
    delete json.id;
    let id: number;
    if (db) id = (await db.add('runs', json)) as number;
    else {
      id = this.nextId++;
      this.memory.set(id, { ...(json as Json), id });
    }
    await this.prune(run.experiment);
    return { ...decode({ ...(json as Json), id }) };
  }

  async update(id: number, patch: Partial<Pick<StoredRun, 'pinned'>>): Promise<void> {
    const db = await this.open();
    if (db) {
      const row = (await db.get('runs', id)) as Json | undefined;
      if (row) await db.put('runs', { ...row, ...patch });
    } else {
      const row = this.memory.get(id);
      if (row) this.memory.set(id, { ...row, ...patch });
    }
  }

  async remove(id: number): Promise<void> {
    const db = await this.open();
    if (db) await db.delete('runs', id);
    else this.memory.delete(id);
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
