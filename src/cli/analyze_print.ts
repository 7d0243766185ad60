// The human-readable form of `goniocam analyze`: the same numbers as --json (it is printed from the JSON
// object), laid out as a short table per side or per rep, then the findings. Pure.
import type { AnalysisJson } from '../lib/report/analysis_export';

const deg = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}°`);

export function formatAnalysis(a: AnalysisJson): string {
  const out: string[] = [];
  out.push(
    `${a.file}: ${a.test} test, ${a.frames} frames analysed over ${a.durationS.toFixed(1)} s ` +
      `(${a.fps.toFixed(1)} fps), model ${a.model}, ${a.analysisS.toFixed(1)} s ` +
      `(${a.analysisS > 0 ? (a.durationS / a.analysisS).toFixed(2) : '—'}× real time)`,
  );
  if (a.reps) {
    out.push('', 'rep   start s  bottom s   end s   FPPA left  FPPA right  depth (hip drop / leg)');
    a.reps.forEach((r, i) => {
      out.push(
        [
          String(i + 1).padEnd(4),
          (r.startMs / 1000).toFixed(1).padStart(8),
          (r.bottomMs / 1000).toFixed(1).padStart(9),
          (r.endMs / 1000).toFixed(1).padStart(7),
          deg(r.fppaDeg.left).padStart(11),
          deg(r.fppaDeg.right).padStart(11),
          (r.depthFraction === null ? '—' : r.depthFraction.toFixed(2)).padStart(8),
        ].join(' '),
      );
    });
    if (a.reps.length === 0) out.push('no squat rep found');
  }
  for (const s of a.sides) {
    for (const d of s.directions ?? []) {
      const head = `${s.side} ${d.direction}`.padEnd(15);
      if (d.resultDeg === null) {
        out.push(`${head} can't measure: ${d.reason ?? 'not measured'}`);
        continue;
      }
      const trials = d.trials
        .map((t) =>
          !t.valid
            ? 'void'
            : `${t.peakDeg.toFixed(1)}°@${(t.peakMs / 1000).toFixed(1)}s${t.excluded ? ' not counted' : ''}`,
        )
        .join(', ');
      out.push(
        `${head} ${deg(d.resultDeg).padStart(6)}  ${d.rule}, confidence ${d.confidence.toFixed(2)}` +
          (trials ? `  [peaks: ${trials}]` : ''),
      );
    }
  }
  if (a.findings.length > 0) {
    out.push('', 'findings:');
    for (const f of a.findings) out.push(`  ${f.level.padEnd(4)}  ${f.title}`);
  }
  return out.join('\n');
}
