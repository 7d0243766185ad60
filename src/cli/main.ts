// goniocam CLI: measure hip rotation / FPPA on fixture sets or single images, with the app's own pose and
// geometry code (Node, tfjs wasm backend, weights from models/).
//   goniocam measure path/to/manifest.json [--json] [--model per-test|M]
//     [--method 2d-hip-line|2d-trunk-axis|2d-supine-trunk|2d-prone-head-end|3d-world]
//     [--rotation per-test|0|180]
//   goniocam measure IMAGE --test seated --side right [--json]
//   goniocam analyze CLIP --test seated|supine|prone|squat [--side …] [--json|--csv] (analyze_command.ts)
import { parseArgs } from 'node:util';
import { basename, dirname, resolve } from 'node:path';
import { STILL_TESTS, type StillTest } from '../lib/pipeline/measure_still';
import type { FrameRotation } from '../lib/pose/rotation';
import { HIP_METHODS, MODEL_IDS, type HipMethod, type ModelId, type Side } from '../lib/types';
import { ANALYZE_USAGE, analyzeCommand } from './analyze_command';
import { loadManifest } from './manifest';
import { measureCases } from './measure';

const USAGE = `usage:
  goniocam measure MANIFEST.json [--json] [--model M] [--method X] [--rotation R]
  goniocam measure IMAGE --test seated|supine|prone|squat|stand --side left|right [--json] [--model M] [--rotation R]
${ANALYZE_USAGE}
models: ${MODEL_IDS.filter((m) => !m.startsWith('mediapipe')).join(', ')} (default per-test: the model the app uses for each test)
methods: ${HIP_METHODS.join(', ')} (2d-supine-trunk supine only, 2d-prone-head-end prone only; default: the best per test)
rotation: 0 or 180, the frame turned before the model sees it (default per-test: prone 180, the camera behind the head)`;

export async function main(argv: string[]): Promise<number> {
  // analyze has its own options (--csv, --every, …); measure's parser would refuse them.
  if (argv[0] === 'analyze') return analyzeCommand(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        model: { type: 'string', default: 'per-test' },
        method: { type: 'string' },
        rotation: { type: 'string', default: 'per-test' },
        test: { type: 'string' },
        side: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] !== 'measure' || !positionals[1]) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const model = values.model as ModelId | 'per-test';
  if (model !== 'per-test' && (!MODEL_IDS.includes(model) || model.startsWith('mediapipe')))
    return fail(`unknown or browser-only model "${values.model}"`);
  if (values.method && !HIP_METHODS.includes(values.method as HipMethod))
    return fail(`unknown method "${values.method}"`);
  const method = values.method as HipMethod | undefined;
  if (!['per-test', '0', '180'].includes(values.rotation))
    return fail(`unknown rotation "${values.rotation}": per-test, 0 or 180`);
  const rotation = values.rotation === 'per-test' ? 'per-test' : (Number(values.rotation) as FrameRotation);
  const target = resolve(positionals[1]);

  let cases;
  let dir;
  if (target.endsWith('.json')) {
    try {
      const loaded = await loadManifest(target);
      cases = loaded.manifest.cases;
      dir = loaded.dir;
    } catch (err) {
      return fail(err instanceof Error ? err.message : String(err));
    }
  } else {
    if (!STILL_TESTS.includes(values.test as StillTest))
      return fail(`--test must be one of ${STILL_TESTS.join(', ')}`);
    if (values.side !== 'left' && values.side !== 'right') return fail('--side must be left or right');
    dir = dirname(target);
    cases = [
      {
        id: basename(target),
        file: basename(target),
        test: values.test as StillTest,
        side: values.side as Side,
      },
    ];
  }

  const results = await measureCases(cases, dir, { model, rotation, ...(method ? { method } : {}) });
  if (values.json) {
    console.log(JSON.stringify({ format: 'goniocam-results/1', model, rotation, results }, null, 1));
  } else {
    for (const r of results) {
      const value = r.hipRotationDeg ?? r.fppaDeg;
      const what = r.fppaDeg !== null ? 'FPPA' : 'hip rotation';
      console.log(
        r.measurable
          ? `${r.id}: ${what} ${value!.toFixed(1)}° (confidence ${r.confidence.toFixed(2)}, ${r.method}${r.readBy ? `, read by ${r.readBy}: ${r.model} found no one` : ''}${r.kneeByMask ? ', knee scored low and confirmed by the person mask' : ''})`
          : `${r.id}: can't measure: ${r.reason}`,
      );
    }
  }
  return 0;
}

function fail(message: string): number {
  console.error(`goniocam: ${message}`);
  return 2;
}
