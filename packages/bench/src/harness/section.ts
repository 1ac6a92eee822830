// What every benchmark hands back, so one writer turns them all into BENCHMARKS.md and a chart.

/** One target from the issue, checked on figures of the same run. */
export interface TargetCheck {
  /** What is compared, e.g. "gzipped browser bundle vs @kapso/whatsapp-cloud-api". */
  name: string;
  /** The measured ratio, kapsokit over the peer. */
  ratio: number;
  /** The most the ratio may be, e.g. 0.05 for "at most 1/20". */
  limit: number;
  /** How the limit reads, e.g. "≤ 1/20". */
  limitText: string;
}

/** One bar group of the chart: a figure per subject, in one unit. */
export interface ChartPanel {
  title: string;
  unit: string;
  /** True when a longer bar is better (requests per second). */
  higherIsBetter?: boolean;
  bars: { label: string; value: number }[];
}

/** A benchmark's result: a table, the targets it checks and what to draw. */
export interface Section {
  id: string;
  title: string;
  /** One paragraph: what was measured and how. */
  method: string;
  columns: string[];
  rows: string[][];
  targets: TargetCheck[];
  charts: ChartPanel[];
  /** Findings worth a sentence under the table. */
  notes: string[];
}

/** How a benchmark runs: full counts for BENCHMARKS.md, tiny ones for the smoke test. */
export interface RunOptions {
  /** Tiny counts: each measurement once or a few times. */
  quick: boolean;
  /** Progress lines. */
  log: (line: string) => void;
}

export type Benchmark = (options: RunOptions) => Promise<Section>;

export const isMet = (check: TargetCheck): boolean => check.ratio <= check.limit;
