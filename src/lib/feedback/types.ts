// Findings: what goniocam says about results, each with its evidence and sources (feedback/sources.ts).
import type { Evidence } from '../protocols/types';

export type FindingLevel = 'ok' | 'info' | 'attention' | 'flag';

export interface Finding {
  /** Stable key, e.g. 'hir-below-minimum-right'. */
  readonly id: string;
  readonly level: FindingLevel;
  /** Short headline. */
  readonly title: string;
  /** Plain language a non-clinician understands: what it means and what to do next. Screening, not diagnosis. */
  readonly text: string;
  readonly evidence: readonly Evidence[];
  /** 0..1: how far the inputs let us trust the finding. */
  readonly confidence: number;
  /** Drill ids from feedback/drills.ts that fit this finding. */
  readonly drills: readonly string[];
}
