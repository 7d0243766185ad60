// What a report keeps of each trial's end-range moment (a squat rep's deepest): the skeleton the model saw
// then, in the frame's own pixels, with the trial's words. A skeleton only: the camera picture is kept
// beside it only when the person opts in (storage keeps that photo apart, and no export carries it).
// Pure: the poses are handed in.
import type { RecordingAnalysis } from '../pipeline/analysis_types';
import type { Trial } from '../protocols/types';
import type { JointName, Pose, Side } from '../types';

export interface PeakSkeleton {
  readonly width: number;
  readonly height: number;
  /** Joint positions in frame pixels (0.1 px) with their scores (0.01). */
  readonly joints: Readonly<Partial<Record<JointName, { x: number; y: number; score: number }>>>;
}

export interface PeakSnapshot {
  /** 'right IR #2', 'rep 3'. */
  readonly title: string;
  /** The leg it is about; null for a squat rep (both legs). */
  readonly side: Side | null;
  /** The value in words ('37.4°', 'void: the left knee moved…'). */
  readonly value: string;
  readonly valid: boolean;
  /** The frame time of the moment (ms, the test's clock or the recording's). */
  readonly tMs: number;
  /** Null when nobody was found in that frame. */
  readonly skeleton: PeakSkeleton | null;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const DIR = { internal: 'IR', external: 'ER' } as const;

export function skeletonOf(pose: Pose | null): PeakSkeleton | null {
  if (!pose) return null;
  const joints: Partial<Record<JointName, { x: number; y: number; score: number }>> = {};
  for (const [name, j] of Object.entries(pose.joints) as [JointName, Pose['joints'][JointName]][])
    if (j) joints[name] = { x: r1(j.x), y: r1(j.y), score: Math.round(j.score * 100) / 100 };
  return { width: pose.width, height: pose.height, joints };
}

/** A live trial just recorded, with the pose of the frame that ended it (the hold's last, or the void's). */
export function trialPeak(t: Trial, pose: Pose | null): PeakSnapshot {
  return {
    title: `${t.side} ${DIR[t.direction]} #${t.attempt}`,
    side: t.side,
    value:
      t.valid && t.valueDeg !== null
        ? `${t.valueDeg.toFixed(1)}°`
        : `void: ${t.compensations.find((c) => c.severity === 'invalid')?.message ?? 'not counted'}`,
    valid: t.valid,
    tMs: t.endMs,
    skeleton: skeletonOf(pose),
  };
}

/** A recording's peaks: each trial's end-range frame, or each rep's deepest, from the analysed frames. */
export function recordingPeaks(a: RecordingAnalysis): PeakSnapshot[] {
  const poseAt = (tMs: number): Pose | null => {
    let best: Pose | null = null;
    let gap = Infinity;
    for (const f of a.frames)
      if (Math.abs(f.tMs - tMs) < gap) {
        gap = Math.abs(f.tMs - tMs);
        best = f.pose;
      }
    return best;
  };
  if (a.kind === 'hip')
    return [...a.trials]
      .sort((x, y) => x.peakMs - y.peakMs)
      .map((t) => {
        const p = trialPeak(t, poseAt(t.peakMs));
        // A valid trial after the three that count is shown, but says so.
        return { ...p, tMs: t.peakMs, value: t.valid && t.excluded ? `${p.value}, not counted` : p.value };
      });
  return a.outcome.result.reps.map((r) => {
    const parts = (['right', 'left'] as const).flatMap((s) => {
      const v = r.legs[s]?.fppaDeg;
      return v?.ok ? [`${s === 'left' ? 'L' : 'R'} ${r1(v.value)}°`] : [];
    });
    return {
      title: `rep ${r.index}`,
      side: null,
      value: parts.length ? `FPPA ${parts.join(' · ')}` : 'FPPA not measured',
      valid: true,
      tMs: r.bottomMs,
      skeleton: skeletonOf(poseAt(r.bottomMs)),
    };
  });
}
