// How many of a recording's frames the model sees by default. A 30 fps phone clip holds twice the frames a
// trial needs: each hold is ≈ 1.5 s, and the trial finder reads the hold's still window, so ≈ 15 poses a
// second keep every hold 20+ frames long while halving the analysis time (the 60 s seated clip in ≤ 30 s on
// 2 cores, docs/video-analysis.md). The replays of what the real models saw (analyse_recording_replay.test.ts)
// move no result by more than 1° even at 5 and 3.3 poses a second (every 2nd or 3rd frame of 10 fps clips).
// Both feeders (the browser's RecordingSession and goniocam analyze) call this, so they infer the same frames.
// Pure.

/** Poses per second of video the analysis aims for by default. */
export const TARGET_INFERRED_FPS = 15;

/**
 * Infer every k-th frame: 1 up to 1.5 × the target (a 10–22 fps clip: every frame), else the k that brings
 * the clip nearest the target (30 fps → 2, 60 fps → 4). An unknown rate (no frame count or duration): 1.
 */
export function defaultEvery(frameCount: number | null, durationS: number | null): number {
  if (!frameCount || !durationS || !(frameCount > 0) || !(durationS > 0)) return 1;
  const fps = frameCount / durationS;
  if (!Number.isFinite(fps) || fps <= 1.5 * TARGET_INFERRED_FPS) return 1;
  return Math.max(1, Math.round(fps / TARGET_INFERRED_FPS));
}
