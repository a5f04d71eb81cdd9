/**
 * Timing a draft of a big report, for `npm run bench` (a 1 MB report should draft in well under
 * a second). Not a unit test: timing belongs to the benchmark.
 */
import { draftBrief } from './draft.js';

export interface DraftTiming {
  /** Size of the report drafted, in UTF-8 bytes. */
  bytes: number;
  /** Best of the runs, in milliseconds. */
  ms: number;
  runs: number;
}

/** Draft `report` repeated until it is at least `bytes` long; best of `runs` timings. */
export function benchmarkDraft(report: string, bytes = 1024 * 1024, runs = 3): DraftTiming {
  const unit = Buffer.byteLength(report, 'utf8');
  const text = unit > 0 ? report.repeat(Math.max(1, Math.ceil(bytes / unit))) : report;
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    draftBrief(text, { date: '2025-01' });
    best = Math.min(best, performance.now() - start);
  }
  return { bytes: Buffer.byteLength(text, 'utf8'), ms: Math.round(best), runs };
}
