// Over any sequence of attempt outcomes, a send is never attempted again once an attempt may
// have reached the server (a success, an HTTP answer other than 429, a timeout or a drop),
// unless retryUnsafe is set; and no call ever makes more than maxRetries + 1 attempts.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTransport } from "../../src/index.js";
import { get, json, post, refused, reset, type Step, scriptedFetch } from "../support/scripted-fetch.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

type Outcome = "200" | "400" | "404" | "408" | "422" | "429" | "500" | "503" | "timeout" | "drop" | "refused";
const OUTCOMES: Outcome[] = [
  "200",
  "400",
  "404",
  "408",
  "422",
  "429",
  "500",
  "503",
  "timeout",
  "drop",
  "refused",
];
/** Outcomes after which the server may have acted on the request. */
const MAY_HAVE_ACTED = new Set<Outcome>(["200", "400", "404", "408", "422", "500", "503", "timeout", "drop"]);

const step = (outcome: Outcome): Step =>
  outcome === "timeout"
    ? "hang"
    : outcome === "drop"
      ? reset()
      : outcome === "refused"
        ? refused()
        : json(Number(outcome), {}, outcome === "429" ? { "Retry-After": "0" } : {});

/** A small deterministic generator, so every sequence of length 1–4 is covered exactly. */
function* sequences(length: number): Generator<Outcome[]> {
  if (length === 0) {
    yield [];
    return;
  }
  for (const head of OUTCOMES) {
    for (const rest of sequences(length - 1)) {
      yield [head, ...rest];
    }
  }
}

async function attempts(
  outcomes: Outcome[],
  method: "GET" | "POST",
  maxRetries: number,
  retryUnsafe = false,
) {
  const { fetch, requests } = scriptedFetch(...outcomes.map(step));
  const done = createTransport({ fetch, timeout: 100, maxRetries, retryUnsafe })(
    method === "GET" ? get() : post(),
  );
  done.catch(() => {});
  await vi.runAllTimersAsync();
  await done.catch(() => {});
  return requests.length;
}

const all = [...sequences(1), ...sequences(2), ...sequences(3)];

// Thousands of calls each: on a loaded 2-core machine they need more than the default 5 s.
describe("over every sequence of up to three outcomes", { timeout: 60_000 }, () => {
  it(`a send stops at the first outcome that may have reached the server (${all.length} sequences)`, async () => {
    for (const outcomes of all) {
      const made = await attempts(outcomes, "POST", outcomes.length - 1);
      const firstActed = outcomes.findIndex((o) => MAY_HAVE_ACTED.has(o));
      const expected = firstActed === -1 ? outcomes.length : firstActed + 1;
      expect(made, outcomes.join(",")).toBe(expected);
    }
  });

  it("a read continues through every retryable outcome, within maxRetries", async () => {
    const retryable = new Set<Outcome>(["408", "429", "500", "503", "timeout", "drop", "refused"]);
    for (const outcomes of all) {
      const made = await attempts(outcomes, "GET", outcomes.length - 1);
      const firstFinal = outcomes.findIndex((o) => !retryable.has(o));
      expect(made, outcomes.join(",")).toBe(firstFinal === -1 ? outcomes.length : firstFinal + 1);
    }
  });

  it("retryUnsafe lets a send continue like a read, and no call exceeds maxRetries + 1 attempts", async () => {
    for (const outcomes of sequences(2)) {
      for (const maxRetries of [0, 1]) {
        const made = await attempts([...outcomes, "500"], "POST", maxRetries, true);
        expect(made).toBeLessThanOrEqual(maxRetries + 1);
        const unsafeRead = await attempts([...outcomes, "500"], "GET", maxRetries);
        expect(made, outcomes.join(",")).toBe(unsafeRead);
      }
    }
  });
});
