import { bulkSend } from "./bulk.js";
import { bundleSize } from "./bundle-size/bundle-size.js";
import { coldImport } from "./cold-import/cold-import.js";
import type { Benchmark } from "./harness/section.js";
import { mockStart } from "./mock-start/mock-start.js";
import { perCall } from "./per-call/per-call.js";
import { queueCampaigns } from "./queue/queue.js";
import { typeCheck } from "./type-check/type-check.js";

/** Every benchmark, in the order BENCHMARKS.md shows them. */
export const benchmarks: Record<string, Benchmark> = {
  "per-call": perCall,
  "bundle-size": bundleSize,
  "cold-import": coldImport,
  "mock-start": mockStart,
  "type-check": typeCheck,
  bulk: bulkSend,
  queue: queueCampaigns,
};
