// The app's IndexedDB (through idb): finished sessions, imported client reports, and the trainer's key
// pair. Every record read goes through report/report_restore.ts, so a stored record from an older app is
// migrated and a damaged one is reported, never rendered. Browser only (IndexedDB); tested in Chromium.
import { openDB, type IDBPDatabase } from 'idb';
import { restoreReport } from '../report/report_restore';
import { generateTrainerKeys } from '../report/screening_crypto';
import type { PeakSnapshot } from '../report/peak_snapshot';
import type { SessionRecord } from '../report/session_record';
import { restoreDrillRecord, type DrillRecord } from '../report/drill_record';
import type { HipSnapshot } from '../protocols/hip_snapshot';
import { restoreProgress, type StoredProgress } from './progress_schema';
import {
  DB_NAME,
  DB_VERSION,
  PROGRESS_KEY,
  STORES,
  TRAINER_KEY,
  stepsBetween,
  type SessionEntry,
} from './schema';

/**
 * One peak of a session: the skeleton and words, and the camera picture only if the person opted in. Kept
 * in the session's row, not in its record, so no export, print-out of the JSON or screening reply carries
 * a photo; deleting the session deletes them.
 */
export interface StoredPeak {
  readonly peak: PeakSnapshot;
  /** A small JPEG of the frame; null unless photos were switched on. */
  readonly photo: Blob | null;
}
type SessionRow = SessionEntry & { readonly peaks?: readonly StoredPeak[] };

export interface Listed {
  readonly records: readonly SessionRecord[];
  /** Rows that no longer restore (damaged, or from a newer app), with why; kept, not deleted. */
  readonly unreadable: readonly { readonly id: string; readonly error: string }[];
}

export class GoniocamDb {
  readonly #db: IDBPDatabase;

  private constructor(db: IDBPDatabase) {
    this.#db = db;
  }

  static async open(name: string = DB_NAME): Promise<GoniocamDb> {
    const db = await openDB(name, DB_VERSION, {
      async upgrade(database, oldVersion, newVersion, tx) {
        for (const step of stepsBetween(oldVersion, newVersion ?? DB_VERSION)) {
          for (const spec of step.create) {
            const store = database.createObjectStore(
              spec.name,
              spec.keyPath ? { keyPath: spec.keyPath } : {},
            );
            for (const ix of spec.indexes) store.createIndex(ix.name, ix.keyPath);
          }
          for (const ix of step.addIndexes ?? []) tx.objectStore(ix.store).createIndex(ix.name, ix.keyPath);
          // Rows an older schema wrote, rewritten inside this upgrade: it commits whole or not at all.
          if (step.migrateRow)
            for (const name of step.migrateStores ?? []) {
              let cursor = await tx.objectStore(name).openCursor();
              while (cursor) {
                await cursor.update(step.migrateRow(cursor.value as Record<string, unknown>));
                cursor = await cursor.continue();
              }
            }
        }
      },
      // Another tab wants a newer schema: let it, this tab reloads to get the new code.
      blocking() {
        db.close();
      },
    });
    return new GoniocamDb(db);
  }

  close(): void {
    this.#db.close();
  }

  /** This device's history; the peaks ride in the same row, beside (not inside) the record. */
  saveSession(record: SessionRecord, peaks: readonly StoredPeak[] = []): Promise<void> {
    return this.#put(STORES.sessions, [peaks.length ? { ...entry(record), peaks } : entry(record)]);
  }
  /** A session's peak-frame snapshots (none for an imported report, or one saved before they existed). */
  async getPeaks(id: string): Promise<readonly StoredPeak[]> {
    const row = (await this.#db.get(STORES.sessions, id)) as SessionRow | undefined;
    return Array.isArray(row?.peaks) ? row.peaks : [];
  }
  listSessions(): Promise<Listed> {
    return this.#list(STORES.sessions);
  }
  async getSession(id: string): Promise<SessionRecord | null> {
    const row = (await this.#db.get(STORES.sessions, id)) as SessionEntry | undefined;
    const r = row ? restoreReport(row.record) : null;
    return r?.ok ? r.record : null;
  }
  deleteSession(id: string): Promise<void> {
    return this.#db.delete(STORES.sessions, id);
  }

  /** Drill sessions (holds, lifts, circles) on this device. */
  async saveDrill(record: DrillRecord): Promise<void> {
    await this.#db.put(STORES.drills, record);
  }
  /** Every drill session, oldest first; rows that no longer restore are listed with why, not deleted. */
  async listDrills(): Promise<{ records: DrillRecord[]; unreadable: { id: string; error: string }[] }> {
    const rows = (await this.#db.getAllFromIndex(STORES.drills, 'createdAt')) as unknown[];
    const records: DrillRecord[] = [];
    const unreadable: { id: string; error: string }[] = [];
    for (const row of rows) {
      const r = restoreDrillRecord(row);
      if (r.ok) records.push(r.record);
      else unreadable.push({ id: String((row as { id?: unknown }).id), error: r.error });
    }
    return { records, unreadable };
  }

  /** Imported client reports: all of one reply in one transaction, so a failure stores none of them. */
  importClientRecords(records: readonly SessionRecord[], importedAt: Date): Promise<void> {
    return this.#put(
      STORES.clients,
      records.map((r) => ({ ...entry(r), importedAt: importedAt.toISOString() })),
    );
  }
  listClientRecords(): Promise<Listed> {
    return this.#list(STORES.clients);
  }
  deleteClientRecord(id: string): Promise<void> {
    return this.#db.delete(STORES.clients, id);
  }

  /** Everything measured or imported, and a test in progress (the trainer key stays: links already sent still work). */
  async deleteAll(): Promise<void> {
    const stores = [STORES.sessions, STORES.clients, STORES.progress, STORES.drills] as const;
    const tx = this.#db.transaction(stores, 'readwrite');
    await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done]);
  }

  /** The guided hip test in progress (one at a time), replaced after each trial. */
  async saveProgress(snapshot: HipSnapshot, savedAt: Date, peaks: readonly StoredPeak[] = []): Promise<void> {
    const row: StoredProgress = { savedAt: savedAt.toISOString(), snapshot, peaks };
    await this.#db.put(STORES.progress, row, PROGRESS_KEY);
  }
  /** The test in progress, or null (none, or one this version cannot resume: it is then dropped). */
  async getProgress(): Promise<StoredProgress | null> {
    const row: unknown = await this.#db.get(STORES.progress, PROGRESS_KEY);
    if (row === undefined) return null;
    const stored = restoreProgress(row);
    if (!stored) await this.clearProgress();
    return stored;
  }
  clearProgress(): Promise<void> {
    return this.#db.delete(STORES.progress, PROGRESS_KEY);
  }

  /** The trainer's key pair, made on first use and kept; the private key is non-extractable. */
  async trainerKeys(): Promise<CryptoKeyPair> {
    const stored = (await this.#db.get(STORES.keys, TRAINER_KEY)) as CryptoKeyPair | undefined;
    if (stored) return stored;
    const keys = await generateTrainerKeys();
    // Only the first of two racing tabs keeps its pair: add() fails on an existing key.
    try {
      await this.#db.add(STORES.keys, keys, TRAINER_KEY);
      return keys;
    } catch {
      return (await this.#db.get(STORES.keys, TRAINER_KEY)) as CryptoKeyPair;
    }
  }

  async #put(store: typeof STORES.sessions | typeof STORES.clients, rows: SessionRow[]): Promise<void> {
    const tx = this.#db.transaction(store, 'readwrite');
    await Promise.all([...rows.map((r) => tx.store.put(r)), tx.done]);
  }

  async #list(store: typeof STORES.sessions | typeof STORES.clients): Promise<Listed> {
    const rows = (await this.#db.getAllFromIndex(store, 'createdAt')) as SessionEntry[];
    const records: SessionRecord[] = [];
    const unreadable: { id: string; error: string }[] = [];
    for (const row of rows) {
      const r = restoreReport(row.record);
      if (r.ok) records.push(r.record);
      else unreadable.push({ id: String(row.id), error: r.error });
    }
    return { records, unreadable };
  }
}

function entry(record: SessionRecord): SessionEntry {
  return {
    id: record.id,
    createdAt: record.createdAt,
    test: record.context.test,
    client: record.client?.label ?? '',
    source: record.context.source,
    record,
  };
}
