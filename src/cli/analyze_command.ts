// `goniocam analyze CLIP --test T [--side right|left|both] [--json|--csv] [--frames-csv FILE] [--model M]
// [--every K]`: arguments checked, the clip analysed, one output printed on stdout. A bad clip is one line on
// stderr and exit 1; a usage error or a missing ffmpeg exit 2. Nothing else goes to stdout, so
// `--json | jq` and `--csv > trials.csv` work. Node only.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { analysisJson, framesCsv, trialsCsv } from '../lib/report/analysis_export';
import { MODEL_IDS, TEST_IDS, type ModelId, type Side, type TestId } from '../lib/types';
import { analyzeClip } from './analyze';
import { formatAnalysis } from './analyze_print';
import { MissingToolError, VideoFileError } from './ffprobe';

export const ANALYZE_USAGE = `  goniocam analyze CLIP --test seated|supine|prone|squat [--side right|left|both] [--json|--csv]
      [--frames-csv FILE] [--model M] [--every K]
    CLIP: a video (MP4/MOV/WebM/…, anything ffmpeg decodes; ffmpeg and ffprobe must be on PATH).
    --json: one goniocam-analysis/1 object; --csv: one row per trial (per rep for squat);
    default: a table. --frames-csv FILE also writes every frame's joints and angles.
    --every K: infer every K-th frame only (default: about 15 frames a second, as the app:
      every frame of a clip up to 22 fps, every 2nd of a 30 fps clip).`;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Progress on stderr only where a person watches it. */
  readonly progress: boolean;
}

const PROCESS_IO: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  progress: process.stderr.isTTY === true,
};

export async function analyzeCommand(argv: readonly string[], io: Io = PROCESS_IO): Promise<number> {
  const usage = (msg: string) => {
    io.err(`goniocam analyze: ${msg}\nusage:\n${ANALYZE_USAGE}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        test: { type: 'string' },
        side: { type: 'string', default: 'both' },
        json: { type: 'boolean', default: false },
        csv: { type: 'boolean', default: false },
        'frames-csv': { type: 'string' },
        model: { type: 'string' },
        every: { type: 'string' },
      },
    });
  } catch (err) {
    return usage(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usage('give exactly one CLIP');
  const clip = positionals[0]!;
  if (!TEST_IDS.includes(values.test as TestId)) return usage(`--test must be one of ${TEST_IDS.join(', ')}`);
  const test = values.test as TestId;
  if (!['right', 'left', 'both'].includes(values.side)) return usage('--side must be right, left or both');
  const sides: Side[] = values.side === 'both' ? ['right', 'left'] : [values.side as Side];
  if (values.json && values.csv) return usage('--json and --csv print different things: choose one');
  const model = values.model as ModelId | undefined;
  if (model !== undefined && (!MODEL_IDS.includes(model) || model.startsWith('mediapipe')))
    return usage(`unknown or browser-only model "${values.model}"`);
  const every = values.every === undefined ? undefined : Number(values.every);
  if (every !== undefined && (!Number.isInteger(every) || every < 1))
    return usage(`--every must be a whole number ≥ 1, got "${values.every}"`);

  let analysis;
  try {
    analysis = await analyzeClip(clip, {
      test,
      sides,
      ...(every !== undefined ? { every } : {}),
      ...(model ? { model } : {}),
      ...(io.progress
        ? {
            onProgress: (n: number, total: number | null) =>
              io.err(`\r${n}${total ? ` / ${total}` : ''} frames`),
          }
        : {}),
    });
  } catch (err) {
    if (io.progress) io.err('\n');
    if (err instanceof MissingToolError) {
      io.err(`goniocam: ${err.message}\n`);
      return 2;
    }
    if (err instanceof VideoFileError) {
      io.err(`goniocam: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  if (io.progress) io.err('\n');
  if (values['frames-csv']) await writeFile(values['frames-csv'], framesCsv(analysis));
  const json = analysisJson(analysis);
  if (values.json) io.out(JSON.stringify(json) + '\n');
  else if (values.csv) io.out(trialsCsv(analysis));
  else io.out(formatAnalysis(json) + '\n');
  return 0;
}
