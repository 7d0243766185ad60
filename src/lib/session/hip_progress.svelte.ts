// A guided hip test in progress is kept on this device as it goes, so a reload or a crash costs at most
// the trial under way: after every trial (and every step finished, skipped or accepted) the test's snapshot
// (protocols/hip_snapshot.ts) replaces the stored one; a finished test removes it. When the app opens it
// looks for one and offers it: resume (the test goes on from the step it was in, on the new page's clock) or
// discard. App.svelte feeds `track` the guided session's state; components only render `pending`.
import { hipPipeline } from '../pipeline/hip_pipeline';
import type { HipState } from '../protocols/hip_guided';
import { resumeHip, snapshotHip, snapshotKey } from '../protocols/hip_snapshot';
import { appDb } from '../storage/app_db';
import type { GoniocamDb } from '../storage/goniocam_db';
import type { StoredProgress } from '../storage/progress_schema';
import type { GuidedSession } from './guided_session.svelte';
import type { PeakKeeper } from './peak_keeper.svelte';

export class HipProgress {
  /** An unfinished test found when the app opened, until it is resumed or discarded. */
  pending = $state.raw<StoredProgress | null>(null);
  /** Why keeping the test in progress failed (no IndexedDB here), or null. */
  error = $state<string | null>(null);
  readonly #guided: GuidedSession;
  readonly #peaks: PeakKeeper;
  #lastKey: string | null = null;
  /** Writes run one after another, so a late save can never land after the clear that ended its test. */
  #writes: Promise<void> = Promise.resolve();

  constructor(guided: GuidedSession, peaks: PeakKeeper) {
    this.#guided = guided;
    this.#peaks = peaks;
  }

  /** Settles once the look for an unfinished test is over (a hands-free start waits for it). */
  loaded: Promise<void> = Promise.resolve();

  /** Look for an unfinished test (once, when the app opens). */
  load(): Promise<void> {
    this.loaded = (async () => {
      try {
        this.pending = await (await appDb()).getProgress();
      } catch (e) {
        this.error = `An unfinished test could not be looked for on this device (${String(e)}).`;
      }
    })();
    return this.loaded;
  }

  /** Called with the guided test's state on every change; stores it when a trial or step has changed. */
  track(state: HipState | null): void {
    if (!state) return;
    const key = snapshotKey(state);
    if (key === this.#lastKey && state.phase !== 'done') return;
    if (state.phase === 'done') {
      if (this.#lastKey === 'done') return;
      this.#lastKey = 'done';
      // The result is saved to history (ResultSaver); nothing is left to resume.
      this.#write((db) => db.clearProgress());
      return;
    }
    this.#lastKey = key;
    const snapshot = snapshotHip(state);
    if (!snapshot) return;
    // A stamp stored with the snapshot, never rendered reactively, so SvelteDate adds nothing.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const savedAt = new Date();
    // The trial just recorded gets its peak first, so it is kept with the snapshot.
    this.#peaks.track(state);
    const peaks = this.#peaks.sofar();
    this.#write(async (db) => db.saveProgress(snapshot, savedAt, await peaks));
  }

  /** Go on with the pending test: same test, plan and trials, starting again at its step's set-up check. */
  resume(): Promise<void> {
    const p = this.pending;
    if (!p) return Promise.resolve();
    this.pending = null;
    const snap = p.snapshot;
    const g = this.#guided;
    g.test = snap.test;
    g.firstSide = snap.plan[0]!.side;
    g.includeExternal = snap.plan.some((s) => s.direction === 'external');
    const pipe = hipPipeline(snap.test);
    // The pipeline's protocol (its step and result), started from the snapshot instead of from scratch.
    const base = pipe.guided({ firstSide: g.firstSide, includeExternal: g.includeExternal });
    const protocol = { ...base, init: (tMs: number) => resumeHip(snap, tMs) };
    this.#peaks.carryOver(p.peaks);
    return g.run.begin({ protocol, model: pipe.model, rotation: pipe.rotation, kneeMask: pipe.kneeMask });
  }

  /** Drop the pending test (its trials are not kept). */
  discard(): Promise<void> {
    this.pending = null;
    return this.#write((db) => db.clearProgress());
  }

  #write(op: (db: GoniocamDb) => Promise<void>): Promise<void> {
    this.#writes = this.#writes
      .then(async () => op(await appDb()))
      .then(
        () => {
          this.error = null;
        },
        (e: unknown) => {
          this.error = `The test in progress could not be kept on this device (${String(e)}).`;
        },
      );
    return this.#writes;
  }
}
