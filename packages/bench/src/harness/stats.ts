// Order statistics of a sample: the median and the spread around it.

/** A sample summed up: median, upper percentiles and the median absolute deviation. */
export interface Summary {
  median: number;
  p75: number;
  p99: number;
  /** Median absolute deviation from the median (unscaled). */
  mad: number;
  /** How many values were measured. */
  n: number;
}

/** The `q` quantile (0..1) of sorted values, linearly interpolated. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/** Median, p75, p99 and MAD of the values. */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const deviations = sorted.map((value) => Math.abs(value - median)).sort((a, b) => a - b);
  return {
    median,
    p75: quantile(sorted, 0.75),
    p99: quantile(sorted, 0.99),
    mad: quantile(deviations, 0.5),
    n: sorted.length,
  };
}
