// The words and the fraction the progress bar shows while a recording is analysed. Pure: the session
// measures frames/s and time left; this only turns them into something a person reads at a glance.
import type { AnalysisProgress } from '../../lib/capture/video_timeline';

export interface ProgressText {
  /** 0..1, or null when neither a frame count nor a duration is known (an indeterminate bar). */
  readonly fraction: number | null;
  readonly done: string;
  readonly rate: string;
  readonly left: string;
}

/** "about 1 min 5 s" / "about 12 s" / "under a second". */
export function duration(s: number): string {
  if (s < 1) return 'under a second';
  const whole = Math.round(s);
  const m = Math.floor(whole / 60);
  const sec = whole % 60;
  return m > 0 ? `about ${m} min${sec ? ` ${sec} s` : ''}` : `about ${sec} s`;
}

export function progressText(p: AnalysisProgress): ProgressText {
  const total = p.total && p.total > 0 ? p.total : null;
  const fraction =
    total !== null
      ? Math.min(1, p.frames / total)
      : p.durationS && p.durationS > 0
        ? Math.min(1, p.mediaS / p.durationS)
        : null;
  return {
    fraction,
    done: total !== null ? `frame ${p.frames} of ${total}` : `${p.frames} frames`,
    rate: p.fps > 0 ? `${p.fps.toFixed(1)} frames/s` : 'starting…',
    left: p.etaS === null || !Number.isFinite(p.etaS) ? 'estimating time left…' : `${duration(p.etaS)} left`,
  };
}
