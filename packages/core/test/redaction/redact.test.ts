// The redactor removes an API key, or any run of 8 or more of its characters, from texts,
// values and headers, and never changes text that holds no part of the key.
import { describe, expect, it } from "vitest";
import { createRedactor } from "../../src/internal/redact.js";

const KEY = "Q9xZ7vK2mW4pR8tYb3Lc";

describe("createRedactor", () => {
  const redact = createRedactor(KEY);

  it("replaces the whole key, wherever it stands", () => {
    expect(redact.text(`key=${KEY}&x`)).toBe("key=[redacted]&x");
    expect(redact.text(`${KEY}${KEY}`)).toBe("[redacted]");
  });

  it("replaces any run of 8 or more of its characters: a prefix, a middle, a suffix", () => {
    expect(redact.text(`Invalid API key ${KEY.slice(0, 16)}...`)).toBe("Invalid API key [redacted]...");
    expect(redact.text(`…${KEY.slice(5, 14)}…`)).toBe("…[redacted]…");
    expect(redact.text(`ends ${KEY.slice(-8)}`)).toBe("ends [redacted]");
  });

  it("leaves runs shorter than 8 alone, and text with no part of the key unchanged", () => {
    expect(redact.text(`short ${KEY.slice(0, 7)}!`)).toBe(`short ${KEY.slice(0, 7)}!`);
    const text = "kapso: POST /whatsapp_templates 200 12ms";
    expect(redact.text(text)).toBe(text);
  });

  it("redacts only free-standing occurrences of a short key", () => {
    const short = createRedactor("k");
    expect(short.text("kapso: key k refused")).toBe("kapso: key [redacted] refused");
    expect(short.text("kapso:")).toBe("kapso:");
  });

  it("copies a value only where it changes, keys and nested values included", () => {
    const clean = { a: [1, "x"], b: { c: "y" } };
    expect(redact.value(clean)).toBe(clean);
    expect(redact.value({ error: `bad ${KEY}`, nested: [{ [KEY]: KEY }] })).toEqual({
      error: "bad [redacted]",
      nested: [{ "[redacted]": "[redacted]" }],
    });
  });

  it("copies headers only where a value holds the key", () => {
    const clean = new Headers({ a: "1" });
    expect(redact.headers(clean)).toBe(clean);
    const echoed = redact.headers(new Headers({ "x-echo": KEY, a: "1" }));
    expect(echoed.get("x-echo")).toBe("[redacted]");
    expect(echoed.get("a")).toBe("1");
  });

  it("redacts a large body in reasonable time", () => {
    const body = `${"x".repeat(5_000_000)}${KEY.slice(3, 15)}${"y".repeat(5_000_000)}`;
    const started = performance.now();
    const out = redact.text(body);
    expect(out).toContain("x[redacted]y");
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
