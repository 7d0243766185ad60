// Session records made the way the app makes them: a scripted person through the real protocol, the
// result through the pipeline's outcome functions, then sessionRecord. For the report, storage and
// screening tests (data only; nothing here runs in the app).
import { hipOutcome, squatOutcome } from '../lib/pipeline/outcome';
import { runProtocol } from '../lib/pipeline/run_protocol';
import { hipProtocol } from '../lib/protocols/hip_guided';
import { squatProtocol } from '../lib/protocols/squat';
import type { HipTestId } from '../lib/protocols/types';
import { sessionRecord, type SessionRecord } from '../lib/report/session_record';
import { scriptedFrames, standardTrials } from './scripted_person';
import { squatScript } from './squat_script';

const CONTEXT = {
  placement: 'Camera in front of you at knee height, 2–3 m away, facing your knees.',
  backend: 'wasm',
  appVersion: '0.1.0',
} as const;

/** A full hip test: right IR 40 / ER 30, left IR 28 / ER 38 (left below the 35° minimum). */
export function hipRecord(
  test: HipTestId = 'seated',
  meta: { id?: string; client?: string | null; createdAt?: Date } = {},
): SessionRecord {
  const frames = scriptedFrames({
    test,
    trials: standardTrials({ right: { internal: 40, external: 30 }, left: { internal: 28, external: 38 } }),
  });
  const run = runProtocol(hipProtocol({ test }), frames);
  if (!run.result) throw new Error('scripted hip test gave no result');
  return sessionRecord(
    hipOutcome(run.result),
    { ...CONTEXT, model: 'blazepose-full' },
    {
      id: meta.id ?? `hip-${test}`,
      createdAt: meta.createdAt ?? new Date('2026-11-20T10:00:00Z'),
      client: meta.client ?? null,
    },
  );
}

/** Five double-leg squats, the left knee into 18° of valgus, the right 6°. */
export function squatRecord(meta: { id?: string } = {}): SessionRecord {
  const frames = squatScript(
    Array.from({ length: 5 }, () => ({ depth: 0.4, fppaDeg: { left: 18, right: 6 } })),
    { standMs: 1500 },
  );
  const run = runProtocol(squatProtocol({ targetReps: 5 }), frames);
  if (!run.result) throw new Error('scripted squat gave no result');
  return sessionRecord(
    squatOutcome(run.result),
    { ...CONTEXT, model: 'blazepose-full' },
    { id: meta.id ?? 'squat-1', createdAt: new Date('2026-11-21T10:00:00Z') },
  );
}
