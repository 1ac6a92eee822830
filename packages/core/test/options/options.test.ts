// Options are checked once, where they are given: a bad value is one clear error at
// construction (or at the call that passes it), never a strange failure later.
import { describe, expect, it } from "vitest";
import { createClient, createTransport, KapsoError } from "../../src/index.js";

describe("the transport's options", () => {
  it.each([
    ["timeout", 0],
    ["timeout", -1],
    ["timeout", Number.NaN],
    ["timeout", "1000"],
    ["totalTimeout", 0],
    ["maxRetryDelay", -5],
    ["maxRetries", -1],
    ["maxRetries", 1.5],
    ["maxRetries", Number.NaN],
  ])("refuses %s: %s at construction, naming it", (name, value) => {
    expect(() => createTransport({ [name]: value })).toThrow(KapsoError);
    expect(() => createTransport({ [name]: value })).toThrow(new RegExp(`^${name} must be`));
  });

  it.each([
    ["timeout", Number.POSITIVE_INFINITY],
    ["timeout", 2 ** 40],
    ["totalTimeout", Number.POSITIVE_INFINITY],
    ["maxRetryDelay", 0],
    ["maxRetryDelay", Number.POSITIVE_INFINITY],
    ["maxRetries", 0],
    ["maxRetries", Number.POSITIVE_INFINITY],
  ])("accepts %s: %s", (name, value) => {
    expect(() => createTransport({ [name]: value })).not.toThrow();
  });

  it("refuses a bad value given for one request, before anything is sent", async () => {
    let calls = 0;
    const transport = createTransport({
      fetch: async () => {
        calls++;
        return new Response("{}");
      },
    });
    await expect(transport("https://api.test/x", { timeout: -1 })).rejects.toThrow(/^timeout must be/);
    expect(calls).toBe(0);
  });
});

describe("the API key", () => {
  it.each([["k\ney"], ["k\0ey"], ["k ey"], ["kéy"]])(
    "refuses %j at construction without quoting it",
    (key) => {
      let error: unknown;
      try {
        createClient({ apiKey: `Q9xZ7vK2mW4p${key}` });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KapsoError);
      expect((error as Error).message).not.toContain("Q9xZ7vK2mW4p");
    },
  );
});
