import { fixtures } from "@kapsokit/testing";
import { describe, expect, it } from "vitest";
import type { RuntimeInfo, ScenarioResult, Step } from "../../scenario/result.js";
import { RETRY_AFTER_SECONDS } from "../../scenario/run-scenario.js";

/** The value of a step, or a failure that shows the error the runtime reported. */
function stepValue<T>(step: Step<T> | undefined, name: string): T {
  if (!step) {
    throw new Error(`the runtime reported no "${name}" step`);
  }
  if (!step.ok) {
    throw new Error(`step "${name}" failed in the runtime: ${step.error.name}: ${step.error.message}`);
  }
  return step.value;
}

const approvedIds = Object.values(fixtures)
  .filter((t) => t.status === "approved")
  .map((t) => t.id);
// The scenario lists two templates a page.
const approvedPages = Math.ceil(approvedIds.length / 2);

export interface ExpectedRuntime {
  name: RuntimeInfo["name"];
  version: RegExp;
  /** A web page: the constructor must refuse an API key unless allowed. */
  browser?: boolean;
  /** The runtime's object inspector, which must show the client without its key. */
  inspector?: string;
  /** How long starting the runtime may take, when longer than the default test timeout. */
  startTimeout?: number;
}

/**
 * Runs the scenario once in a runtime (`load`) and checks every observation it reports.
 * `runtime` is who must have answered: a wrong binary or a silent fallback fails here.
 */
export function describeScenario(
  title: string,
  runtime: ExpectedRuntime,
  load: () => Promise<ScenarioResult>,
): void {
  describe(title, () => {
    // Started in a test, not a hook: a runtime that cannot start must count as failed tests,
    // where a failing beforeAll would only mark them skipped.
    let started: ScenarioResult | undefined;
    const reported = (): ScenarioResult => {
      if (!started) {
        throw new Error(`${title} did not report a result; see "starts and reports a result"`);
      }
      return started;
    };

    it("starts and reports a result", { timeout: runtime.startTimeout }, async () => {
      const result = await load();
      expect(result.steps).toBeTypeOf("object");
      started = result;
    });

    it("ran in the expected runtime", () => {
      expect(reported().runtime.name).toBe(runtime.name);
      expect(reported().runtime.version).toMatch(runtime.version);
    });

    it("sends a positional template, phone number normalised on the wire", () => {
      expect(stepValue(reported().steps.sendPositional, "sendPositional")).toEqual({
        status: "success",
        templateId: fixtures.appointmentReminder.id,
        recorded: {
          templateId: fixtures.appointmentReminder.id,
          phoneNumber: "+14155550123",
          parameters: ["Ana", "Friday 10:00"],
        },
      });
    });

    it("sends a named template", () => {
      expect(stepValue(reported().steps.sendNamed, "sendNamed")).toEqual({
        status: "success",
        templateId: fixtures.orderUpdate.id,
        recorded: {
          templateId: fixtures.orderUpdate.id,
          phoneNumber: "+442079460958",
          parameters: { customer_name: "Ana", order_number: "1042" },
        },
      });
    });

    it("gets a template", () => {
      expect(stepValue(reported().steps.get, "get")).toEqual({
        id: fixtures.invoiceReady.id,
        name: fixtures.invoiceReady.name,
        status: "approved",
      });
    });

    it("lists one page, and every page with for await", () => {
      const list = stepValue(reported().steps.list, "list");
      expect(list.page).toMatchObject({
        page: 1,
        perPage: 2,
        totalPages: approvedPages,
        totalCount: approvedIds.length,
      });
      expect(approvedPages).toBeGreaterThan(1);
      expect(list.page.ids).toHaveLength(2);
      // Pages of two: each approved template exactly once, in the server's order.
      expect(list.iterated).toHaveLength(approvedIds.length);
      expect([...list.iterated].sort()).toEqual([...approvedIds].sort());
      expect(list.iterated.slice(0, 2)).toEqual(list.page.ids);
      expect(list.requests).toBe(approvedPages);
    });

    it("throws ValidationError for bad input before anything reaches the wire", () => {
      const validation = stepValue(reported().steps.validation, "validation");
      expect(validation).toMatchObject({
        name: "ValidationError",
        isExpectedClass: true,
        requestsDuringBadSend: 0,
      });
      expect(validation.paths).toEqual(expect.arrayContaining(["to", "parameters[1]"]));
    });

    it("turns the mock's 429 into RateLimitError with retryAfter in ms", () => {
      expect(stepValue(reported().steps.rateLimit, "rateLimit")).toMatchObject({
        name: "RateLimitError",
        isExpectedClass: true,
        status: 429,
        retryAfter: RETRY_AFTER_SECONDS * 1000,
        attempts: 1,
      });
    });

    it("has the mock refuse a request that breaks the spec, naming each violation", () => {
      const mockValidation = stepValue(reported().steps.mockValidation, "mockValidation");
      expect(mockValidation.status).toBe(422);
      expect(mockValidation.locations).toEqual(
        expect.arrayContaining(["body.template.phone_number", "body.template.template_parameters.1"]),
      );
      expect(mockValidation.sent).toBe(0);
    });

    it("maps the mock's 401 for an unknown key to AuthenticationError", () => {
      expect(stepValue(reported().steps.authentication, "authentication")).toMatchObject({
        name: "AuthenticationError",
        isExpectedClass: true,
        status: 401,
      });
    });

    it("sends the key, and never shows it in the serialised or inspected client, errors, logs or recorded calls", () => {
      const key = stepValue(reported().steps.key, "key");
      expect(key.authenticated).toBe(true);
      expect(key.inspector).toBe(runtime.inspector ?? null);
      expect(key.leaks).toEqual([]);
      expect(key.serializedClientLength).toBeGreaterThan(2);
      // Two sends, a get, the first list page and every page again when iterated, the 429;
      // each logged.
      expect(key.requests).toBe(2 + 1 + (1 + approvedPages) + 1);
      expect(key.logLines).toBeGreaterThanOrEqual(key.requests);
      expect(reported().apiKeyLength).toBeGreaterThan(20);
    });

    if (runtime.browser) {
      it("refuses an API key in the page unless dangerouslyAllowBrowser is set", () => {
        const guard = stepValue(reported().steps.browserGuard, "browserGuard");
        expect(guard.withoutFlag).toMatchObject({ threw: true, name: "KapsoError" });
        expect(guard.withoutFlag.message).toMatch(/dangerouslyAllowBrowser/);
        expect(guard.withFlag).toEqual({ constructed: true, sendStatus: "success" });
      });
    } else {
      it("is not mistaken for a browser", () => {
        // The scenario constructs its client without dangerouslyAllowBrowser here; getting
        // this far means the constructor accepted it.
        expect(reported().steps.browserGuard).toBeUndefined();
        expect(reported().steps.sendPositional.ok).toBe(true);
      });
    }
  });
}
