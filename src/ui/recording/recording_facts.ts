// The one line under a recording's results title: what was analysed and how. Pure.
import type { RecordingInfo } from '../../lib/pipeline/analysis_types';
import type { ModelId } from '../../lib/types';
import { MODEL_LABELS } from '../model_labels';

/** "BlazePose full · 33 points + 3D" → "BlazePose full". */
const modelName = (m: ModelId) => MODEL_LABELS[m].split(/ [·(]/)[0]!.trim();

export function recordingFacts(info: RecordingInfo): string[] {
  const facts = [
    `${info.frames} frames`,
    `${Math.round(info.fps * 10) / 10} fps`,
    `${info.durationS.toFixed(1)} s`,
    `${info.width}×${info.height}`,
    `analysed in ${info.analysisS.toFixed(1)} s with ${modelName(info.model)}`,
  ];
  if (info.rotationDeg) facts.push(`turned ${info.rotationDeg}° as the file says`);
  return facts;
}
