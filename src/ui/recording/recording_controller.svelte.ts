// The recording screen's state between screens: which test a recording shows, a dropped file waiting for
// that answer, the analysis under way, and the last one that finished. Each analysis gets its own
// RecordingSession, so a cancelled run or a bad file never touches the last good result: its chart,
// its frames (scrubbing decodes from its file) and its exports stay as they were.
import type { TestId } from '../../lib/protocols/types';
import type { RecordingSession } from '../../lib/session/recording_session.svelte';

/** The decoder, worker and models load only when a recording is first opened, not with the first screen. */
async function newSession(): Promise<RecordingSession> {
  const { RecordingSession } = await import('../../lib/session/recording_session.svelte');
  return new RecordingSession();
}

export class RecordingController {
  /** The test the next recording is analysed as. */
  test = $state<TestId>('seated');
  /** A file dropped where no test was chosen: the screen asks which test it shows. */
  pending = $state<File | null>(null);
  /** The run in progress, or the last one that failed or was cancelled (for its message). */
  current = $state<RecordingSession | null>(null);
  /** The last finished analysis (its session still decodes frames for scrubbing). */
  last = $state<RecordingSession | null>(null);
  /** Results on screen; false = the chooser (with the last result one click away). */
  showResults = $state(false);
  /** The analyser itself failed to load (e.g. an update replaced its files): say so, keep the rest. */
  loadProblem = $state<{ title: string; message: string; action: string } | null>(null);

  get busy(): boolean {
    const s = this.current?.status;
    return s === 'checking' || s === 'analysing';
  }

  /** A file with no test yet (dropped on a screen without a test picker). */
  ask(file: File): void {
    this.pending = file;
    this.showResults = false;
  }

  async analyse(file: File, test: TestId): Promise<void> {
    this.current?.cancel();
    this.test = test;
    this.pending = null;
    this.showResults = false;
    let s: RecordingSession;
    try {
      s = await newSession();
      this.loadProblem = null;
    } catch (e) {
      this.loadProblem = {
        title: 'The video analyser could not be loaded',
        message: `${e instanceof Error ? e.message : String(e)}`,
        action: 'Reload the page and try again; your earlier results are kept until you do.',
      };
      return;
    }
    this.current = s;
    await s.analyse(file, test);
    // A newer analysis may have started meanwhile; only the run still current may change what is shown.
    if (this.current !== s) return;
    if (s.status === 'done' && s.analysis) {
      const old = this.last;
      this.last = s;
      this.current = null;
      this.showResults = true;
      if (old && old !== s) old.reset();
    }
  }

  cancel(): void {
    this.current?.cancel();
  }

  /** Back to the chooser; the last result stays one click away. */
  choose(): void {
    this.showResults = false;
    if (!this.busy) this.current = null;
  }
}
