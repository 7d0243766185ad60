// Which frames of a recording deserve a thumbnail: every trial's end-range frame (hip tests) or every
// rep's deepest frame (squat), in time order, with the words under each. Pure.
import type { RecordingAnalysis } from '../../lib/pipeline/analysis_types';
import type { Side } from '../../lib/types';

export interface PeakFrame {
  readonly tMs: number;
  /** The leg it is about; null for a squat rep (both legs). */
  readonly side: Side | null;
  readonly title: string;
  readonly value: string;
  /** A voided trial or one beyond the three that count: shown, but marked as not counted. */
  readonly voided: boolean;
}

const DIR: Record<'internal' | 'external', string> = { internal: 'IR', external: 'ER' };
const deg = (x: number) => `${Math.round(x * 10) / 10}°`;

export function peakFrames(a: RecordingAnalysis): PeakFrame[] {
  if (a.kind === 'hip')
    return a.trials
      .map((t) => ({
        tMs: t.peakMs,
        side: t.side,
        title: `${t.side} ${DIR[t.direction]} #${t.attempt}`,
        value: !t.valid
          ? `void: ${t.compensations[0]?.message ?? 'not counted'}`
          : t.excluded
            ? `${deg(t.peakDeg)}, not counted: ${t.excluded}`
            : deg(t.peakDeg),
        voided: !t.valid || t.excluded !== undefined,
      }))
      .sort((x, y) => x.tMs - y.tMs);
  return a.outcome.result.reps.map((r) => {
    const parts = (['left', 'right'] as const).flatMap((s) => {
      const v = r.legs[s]?.fppaDeg;
      return v?.ok ? [`${s === 'left' ? 'L' : 'R'} ${deg(v.value)}`] : [];
    });
    return {
      tMs: r.bottomMs,
      side: null,
      title: `rep ${r.index}`,
      value: parts.length ? `FPPA ${parts.join(' · ')}` : 'FPPA not measured',
      voided: false,
    };
  });
}
