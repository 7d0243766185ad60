// The IndexedDB schema as data: each version lists what it adds, and opening runs the steps between the
// stored version and this one, in order (excalidraw-style: one path, pure, tested in Node). The records
// inside are goniocam-report/N and are brought up to date on read by report/report_restore.ts, so a
// schema step never has to rewrite them.
import type { TestId } from '../protocols/types';

export const DB_NAME = 'goniocam';
export const DB_VERSION = 1;

export const STORES = {
  /** This device's finished tests (hip, squat, recordings): SessionEntry by id. */
  sessions: 'sessions',
  /** Reports imported by a trainer from clients' files: SessionEntry by id. */
  clients: 'clients',
  /** The trainer's ECDH key pair (CryptoKeyPair, private half non-extractable), under TRAINER_KEY. */
  keys: 'keys',
} as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];

export const TRAINER_KEY = 'trainer';

/** What a sessions/clients row holds: the record plus the fields it is listed and grouped by. */
export interface SessionEntry {
  readonly id: string;
  readonly createdAt: string;
  readonly test: TestId;
  /** The client label ('' for this device's own tests), the index the clients view groups by. */
  readonly client: string;
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
];

/** The steps that take a database from `oldVersion` to `newVersion` (IndexedDB reports 0 for a new one). */
export function stepsBetween(oldVersion: number, newVersion: number): SchemaStep[] {
  if (newVersion < oldVersion) throw new Error(`cannot go back from schema ${oldVersion} to ${newVersion}`);
  return SCHEMA_STEPS.filter((s) => s.version > oldVersion && s.version <= newVersion);
}
