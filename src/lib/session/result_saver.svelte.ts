// Saves each finished outcome to this device's history, once: the live sessions hand their outcome here
// (App.svelte's effect), the record is built (report/session_record.ts) and put in IndexedDB. During a
// screening link the client's label rides along, and the records of this page visit are kept in memory so
// the client screen can seal them for the trainer.
import { APP_VERSION } from '../app_version';
import type { Outcome, RecordingAnalysis } from '../pipeline/analysis_types';
import { recordingPeaks } from '../report/peak_snapshot';
import { recordingRecord, sessionRecord, type SessionRecord } from '../report/session_record';
import { appDb } from '../storage/app_db';
import type { StoredPeak } from '../storage/goniocam_db';
import type { LiveSession } from './live_session.svelte';

export class ResultSaver {
  /** The screening client's label while a screening link is being done; null otherwise. */
  client = $state<string | null>(null);
  /** Records saved since this page opened, oldest first. */
  saved = $state.raw<readonly SessionRecord[]>([]);
  /** Why the last save failed (history unavailable), or null. */
  error = $state<string | null>(null);
  readonly #live: LiveSession;
  /** Results already saved: a re-derived outcome of the same result (findings relinked) is not saved twice. */
  readonly #done = new WeakSet<object>();

  constructor(live: LiveSession) {
    this.#live = live;
  }

  /**
   * Save a finished outcome (no-op if this result was saved already), with its peak snapshots when the
   * test kept them (PeakKeeper). Returns the record, or null.
   */
  save(
    outcome: Outcome,
    placement: string,
    peaks: Promise<readonly StoredPeak[]> = Promise.resolve([]),
  ): SessionRecord | null {
    if (this.#done.has(outcome.result)) return null;
    this.#done.add(outcome.result);
    const record = sessionRecord(
      outcome,
      {
        placement,
        model: this.#live.model,
        backend: this.#live.info?.backend ?? this.#live.backend,
        appVersion: APP_VERSION,
      },
      this.#meta(),
    );
    return this.#keep(record, peaks);
  }

  /** Save an analysed recording with its curve (no-op if this analysis was saved already). */
  saveRecording(analysis: RecordingAnalysis, placement: string): SessionRecord | null {
    if (this.#done.has(analysis)) return null;
    this.#done.add(analysis);
    // Recordings are analysed in the pose Worker, which runs tfjs on wasm (lib/pose/worker).
    const record = recordingRecord(
      analysis,
      { placement, backend: 'wasm', appVersion: APP_VERSION },
      this.#meta(),
    );
    // A recording's peaks are skeletons only: its frames stay in the person's own file.
    const peaks = recordingPeaks(analysis).map((peak) => ({ peak, photo: null }));
    return this.#keep(record, Promise.resolve(peaks));
  }

  #meta(): { id: string; createdAt: Date; client: string | null } {
    // A stamp stored with the record, never mutated or rendered reactively, so SvelteDate adds nothing.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    return { id: crypto.randomUUID(), createdAt: new Date(), client: this.client };
  }

  #keep(live: SessionRecord, peaks: Promise<readonly StoredPeak[]>): SessionRecord {
    // A plain copy: the outcome may hold rune state proxies, which IndexedDB cannot clone.
    const record = $state.snapshot(live) as SessionRecord;
    this.saved = [...this.saved, record];
    Promise.all([appDb(), peaks])
      .then(([db, p]) => db.saveSession(record, p))
      .then(
        () => (this.error = null),
        (e: unknown) => (this.error = `This result could not be saved on this device (${String(e)}).`),
      );
    return record;
  }
}
