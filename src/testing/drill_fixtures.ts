// Drill records made the way the app makes them: a scripted body through the real drill protocol, then
// drillRecord. For the progress, storage and screen tests (data only; nothing here runs in the app).
import { drillPipeline } from '../lib/pipeline/drill_pipeline';
import { hipOutcome } from '../lib/pipeline/outcome';
import { hipProtocol } from '../lib/protocols/hip_guided';
import { sessionRecord, type SessionRecord } from '../lib/report/session_record';
import { scriptedFrames, standardTrials } from './scripted_person';
import { runProtocol } from '../lib/pipeline/run_protocol';
import { drillRecord, type DrillRecord } from '../lib/report/drill_record';
import type { Side } from '../lib/types';
import { drillFrames, seatedLiftPose, supineDrillPose, type Segment } from './drill_script';

const CONTEXT = { backend: 'wasm', appVersion: '0.1.0' } as const;

function record(
  drill: 'seated-ir-lift' | 'supine-passive-ir',
  side: Side,
  segments: Segment[],
  target: number,
  meta: { id: string; createdAt: Date },
): DrillRecord {
  const p = drillPipeline(drill);
  const { result } = runProtocol(p.protocol(side, { target }), drillFrames(segments));
  if (!result) throw new Error('scripted drill gave no result');
  return drillRecord(result, { ...CONTEXT, placement: p.placement, model: p.model }, meta);
}

/** Seated lifts on one side reaching the given peaks (1.5 s at each), after a still hanging leg. */
export function liftRecord(
  side: Side,
  peaks: readonly number[],
  meta: { id: string; createdAt: Date },
): DrillRecord {
  const rest = (ms: number): Segment => ({ ms, pose: () => seatedLiftPose(side, 0) });
  const segs: Segment[] = [rest(1500)];
  for (const peak of peaks)
    segs.push(
      { ms: 800, pose: (u) => seatedLiftPose(side, peak * u) },
      { ms: 1500, pose: () => seatedLiftPose(side, peak) },
      { ms: 800, pose: (u) => seatedLiftPose(side, peak * (1 - u)) },
      rest(1200),
    );
  return record('seated-ir-lift', side, segs, peaks.length, meta);
}

/** A supine passive hold of `seconds` at `deg`. */
export function supineHoldRecord(
  side: Side,
  deg: number,
  seconds: number,
  meta: { id: string; createdAt: Date },
): DrillRecord {
  return record(
    'supine-passive-ir',
    side,
    [
      { ms: 1000, pose: () => supineDrillPose(side, 0) },
      { ms: seconds * 1000 + 200, pose: () => supineDrillPose(side, deg) },
    ],
    seconds * 1000,
    meta,
  );
}

/** A finished supine (passive) test with the given inward rotation per side, as the app would store it. */
export function supineTestRecord(
  peaks: Partial<Record<Side, number>>,
  meta: { id: string; createdAt: Date },
): SessionRecord {
  const frames = scriptedFrames({
    test: 'supine',
    trials: standardTrials(
      Object.fromEntries(Object.entries(peaks).map(([s, v]) => [s, { internal: v }])) as Partial<
        Record<Side, { internal: number }>
      >,
    ),
  });
  const run = runProtocol(
    hipProtocol({
      test: 'supine',
      directions: ['internal'],
      sides: (['right', 'left'] as const).filter((s) => peaks[s] !== undefined),
    }),
    frames,
  );
  if (!run.result) throw new Error('scripted supine test gave no result');
  return sessionRecord(
    hipOutcome(run.result),
    { placement: 'Camera overhead.', model: 'movenet-thunder', ...CONTEXT },
    { ...meta, client: null },
  );
}
