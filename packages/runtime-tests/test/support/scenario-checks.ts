import { beforeAll, describe, expect, it } from "vitest";
import type { RuntimeInfo, ScenarioResult, Step } from "../../scenario/result.js";

const TEMPLATE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

/** The value of a step, or a failure that shows the error the runtime reported. */
function stepValue<T>(step: Step<T> | undefined, name: string): T {
  if (!step) throw new Error(`the runtime reported no "${name}" step`);
  if (!step.ok)
    throw new Error(`step "${name}" failed in the runtime: ${step.error.name}: ${step.error.message}`);
  return step.value;
}

/**
 * Runs the scenario once in a runtime (`load`) and checks every observation it reports.
 * `runtime` is who must have answered: a wrong binary or a silent fallback fails here.
 */
export function describeScenario(
  title: string,
  runtime: { name: RuntimeInfo["name"]; version: RegExp },
  load: () => Promise<ScenarioResult>,
): void {
  describe(title, () => {
    let result: ScenarioResult;
    beforeAll(async () => {
      result = await load();
    });

    it("ran in the expected runtime", () => {
      expect(result.runtime.name).toBe(runtime.name);
      expect(result.runtime.version).toMatch(runtime.version);
    });

    it("gets a template", () => {
      expect(stepValue(result.steps.get, "get")).toEqual({
        id: TEMPLATE_ID,
        name: "order_update",
        status: "approved",
      });
    });
  });
}
