import { readFileSync } from 'node:fs';
import { parsePoseSequence } from '../src/lib/pipeline/pose_sequence';
import { loopedSeatedRun, loopMs } from '../src/testing/looped_replay';
const body = process.argv[2]!;
const every = Number(process.argv[3] ?? 1);
const seq = parsePoseSequence(JSON.parse(readFileSync(`/tmp/gb/${body}/seated.poses.json`, 'utf8')));
if (!seq.ok) throw new Error(seq.error);
const run = loopedSeatedRun(seq.value, 6, every);
const L = loopMs(seq.value);
for (const t of run.state.trials)
  console.log(t.side, t.direction, t.attempt, t.valid, t.valueDeg, t.neutralDeg, 'clip t', Math.round((t.startMs % L) / 100) / 10, '→', Math.round((t.endMs % L) / 100) / 10, t.compensations.map((c) => `${c.kind}:${c.severity}:${c.evidence.value}`).join(','));
