// Each benchmark once, with tiny counts, so a broken benchmark fails the test run. The
// figures themselves come from `pnpm --filter bench bench`, never from a test.
import { describe, expect, it } from "vitest";
import { mockInNewProcess, mockInProcess, mockServer, prism, sample } from "../../src/startup.mjs";
import { mockThroughput } from "../../src/throughput.mjs";

describe("benchmarks run", () => {
  it("measures every start-up once", async () => {
    for (const measure of [mockInProcess, mockInNewProcess, mockServer, prism]) {
      const result = await sample(measure, 1);
      expect(result.samplesMs).toHaveLength(1);
      expect(result.medianMs).toBeGreaterThan(0);
    }
  });

  it("measures the mock's requests per second briefly", async () => {
    const result = await mockThroughput({ timeMs: 50 });
    for (const task of Object.values(result)) expect(task.requestsPerSecond).toBeGreaterThan(0);
  });
});
