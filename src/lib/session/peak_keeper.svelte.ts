// Each trial's peak moment of a live hip test, kept for the report: the skeleton always (report/
// peak_snapshot.ts), the camera picture only when the person has switched photos on (remembered on this
// device). Trials are caught as the guided test records them (App.svelte feeds `track`); when the test's
// result is saved, ResultSaver takes them into the session's row. The peaks so far are kept with the test in
// progress (HipProgress), so a resumed test brings back those from before the reload.
import type { HipState } from '../protocols/hip_guided';
import { trialPeak } from '../report/peak_snapshot';
import type { StoredPeak } from '../storage/goniocam_db';
import type { LiveSession } from './live_session.svelte';

const PHOTOS_KEY = 'goniocam.peakPhotos';

export class PeakKeeper {
  /** Keep a photo of each peak too (off by default: the skeleton only). */
  photos = $state(false);
  readonly #live: LiveSession;
  /** The run being followed (its start time) and how many of its trials have a peak. */
  #run: number | null = null;
  #seen = 0;
  #peaks: Promise<StoredPeak>[] = [];
  /** Peaks a resumed test brings back, taken up by the next run that starts. */
  #carry: readonly StoredPeak[] = [];

  constructor(live: LiveSession) {
    this.#live = live;
    try {
      this.photos = localStorage.getItem(PHOTOS_KEY) === '1';
    } catch {
      // No storage (a locked-down browser): photos stay off.
    }
  }

  setPhotos(on: boolean): void {
    this.photos = on;
    try {
      localStorage.setItem(PHOTOS_KEY, on ? '1' : '0');
    } catch {
      // Not remembered; still applies to this visit.
    }
  }

  /** Called with the guided test's state: each newly recorded trial gets its peak from the current frame. */
  track(state: HipState | null): void {
    if (!state) return;
    if (state.startedMs !== this.#run) {
      this.#run = state.startedMs;
      this.#seen = state.trials.length;
      this.#peaks = this.#carry.map((p) => Promise.resolve(p));
      this.#carry = [];
      return;
    }
    while (this.#seen < state.trials.length) {
      const peak = trialPeak(state.trials[this.#seen++]!, this.#live.pose);
      const photo = this.photos ? this.#live.grabFrame().catch(() => null) : Promise.resolve(null);
      this.#peaks.push(photo.then((p) => ({ peak, photo: p })));
    }
  }

  /** The next run is a resumed test: these are its peaks from before the reload. */
  carryOver(peaks: readonly StoredPeak[]): void {
    this.#carry = peaks;
  }

  /** The peaks of the run so far (kept with the test in progress). */
  sofar(): Promise<StoredPeak[]> {
    return Promise.all(this.#peaks);
  }

  /** The peaks of the test that just ended, handed over once. */
  take(): Promise<StoredPeak[]> {
    const all = Promise.all(this.#peaks);
    this.#peaks = [];
    return all;
  }
}
