// The IndexedDB schema as data: each version lists what it adds, and opening runs the steps between the
// stored version and this one, in order (excalidraw-style: one path, pure, tested in Node). The records
// inside are goniocam-report/N and are brought up to date on read by report/report_restore.ts, so a
// schema step never has to rewrite them; a step may still fill in a new listing field on the rows it finds
// (`migrateRow`, pure, run inside the upgrade transaction).
import type { TestId } from '../protocols/types';

export const DB_NAME = 'goniocam';
export const DB_VERSION = 3;

export const STORES = {
  /** This device's finished tests (hip, squat, recordings): SessionEntry by id. */
  sessions: 'sessions',
  /** Reports imported by a trainer from clients' files: SessionEntry by id. */
  clients: 'clients',
  /** The trainer's ECDH key pair (CryptoKeyPair, private half non-extractable), under TRAINER_KEY. */
  keys: 'keys',
  /** A guided hip test in progress (protocols/hip_snapshot.ts), under PROGRESS_KEY: resumed after a reload. */
  progress: 'progress',
  /** Finished drill sessions (report/drill_record.ts, goniocam-drill/N) by id. */
  drills: 'drills',
} as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];

export const TRAINER_KEY = 'trainer';
export const PROGRESS_KEY = 'hip';

/** What a sessions/clients row holds: the record plus the fields it is listed and grouped by. */
export interface SessionEntry {
  readonly id: string;
  readonly createdAt: string;
  readonly test: TestId;
  /** The client label ('' for this device's own tests), the index the clients view groups by. */
  readonly client: string;
  /** Live camera or recorded video (schema 2; filled in on the rows schema 1 wrote). */
  readonly source: 'live' | 'recording';
  /** The goniocam-report/N record as written; restored (migrated, validated) on every read. */
  readonly record: unknown;
  /** When a trainer imported it (clients store), ISO. */
  readonly importedAt?: string;
}

export interface StoreSpec {
  readonly name: StoreName;
  readonly keyPath: string | null;
  readonly indexes: readonly { readonly name: string; readonly keyPath: string }[];
}

export interface SchemaStep {
  readonly version: number;
  readonly why: string;
  readonly create: readonly StoreSpec[];
  /** Indexes added to stores an earlier step created. */
  readonly addIndexes?: readonly {
    readonly store: StoreName;
    readonly name: string;
    readonly keyPath: string;
  }[];
  /** Rows of these stores rewritten by `migrateRow` (pure: the row as stored → the row as it now must be). */
  readonly migrateStores?: readonly StoreName[];
  readonly migrateRow?: (row: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

export const SCHEMA_STEPS: readonly SchemaStep[] = [
  {
    version: 1,
    why: 'history, imported client reports and the trainer key',
    create: [
      {
        name: STORES.sessions,
        keyPath: 'id',
        indexes: [
          { name: 'createdAt', keyPath: 'createdAt' },
          { name: 'test', keyPath: 'test' },
        ],
      },
      {
        name: STORES.clients,
        keyPath: 'id',
        indexes: [
          { name: 'client', keyPath: 'client' },
          { name: 'createdAt', keyPath: 'createdAt' },
        ],
      },
      { name: STORES.keys, keyPath: null, indexes: [] },
    ],
  },
  {
    version: 2,
    why: 'a hip test in progress survives a reload; rows say whether they came from the camera or a video',
    create: [{ name: STORES.progress, keyPath: null, indexes: [] }],
    addIndexes: [
      { store: STORES.sessions, name: 'source', keyPath: 'source' },
      { store: STORES.clients, name: 'source', keyPath: 'source' },
    ],
    migrateStores: [STORES.sessions, STORES.clients],
    migrateRow: withSource,
  },
  {
    version: 3,
    why: 'drill sessions (holds, lifts, hip circles) kept beside the tests',
    create: [{ name: STORES.drills, keyPath: 'id', indexes: [{ name: 'createdAt', keyPath: 'createdAt' }] }],
  },
];

/** Schema 2: a row gets `source` from its record's capture context ('live' where the record does not say). */
export function withSource(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const record = row.record as { context?: { source?: unknown } } | null | undefined;
  const source = record?.context?.source === 'recording' ? 'recording' : 'live';
  return { ...row, source };
}

/** The steps that take a database from `oldVersion` to `newVersion` (IndexedDB reports 0 for a new one). */
export function stepsBetween(oldVersion: number, newVersion: number): SchemaStep[] {
  if (newVersion < oldVersion) throw new Error(`cannot go back from schema ${oldVersion} to ${newVersion}`);
  return SCHEMA_STEPS.filter((s) => s.version > oldVersion && s.version <= newVersion);
}
