import type { Benchmark } from "./harness/section.js";
import { perCall } from "./per-call/per-call.js";

/** Every benchmark, in the order BENCHMARKS.md shows them. */
export const benchmarks: Record<string, Benchmark> = {
  "per-call": perCall,
};
