// Which connection errors prove that a request was never written, so a send may be retried.
import { describe, expect, it } from "vitest";
import { isNotSent } from "../../src/not-sent.js";

const fetchFailed = (cause: unknown) => new TypeError("fetch failed", { cause });
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("isNotSent", () => {
  it.each([
    ["Node: connection refused", fetchFailed(coded("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:4010"))],
    ["Node: unknown host", fetchFailed(coded("ENOTFOUND", "getaddrinfo ENOTFOUND app.kapso.ai"))],
    ["Node: DNS temporarily failing", fetchFailed(coded("EAI_AGAIN"))],
    ["undici: connect timeout", fetchFailed(coded("UND_ERR_CONNECT_TIMEOUT", "Connect Timeout Error"))],
    [
      "Bun: connection refused",
      Object.assign(new TypeError("Unable to connect"), { code: "ConnectionRefused" }),
    ],
    [
      "Bun: no socket",
      Object.assign(new Error("Was there a typo in the url or port?"), { code: "FailedToOpenSocket" }),
    ],
    [
      "Deno: connection refused",
      new TypeError("client error (Connect): tcp connect error: Connection refused (os error 111)"),
    ],
    ["Deno: DNS", new TypeError("client error (Connect): dns error: failed to lookup address information")],
    ["a refusal a few causes deep", fetchFailed(fetchFailed(coded("ECONNREFUSED")))],
    ["a message saying so", new TypeError("fetch failed: connection refused")],
  ])("%s: not sent", (_, error) => {
    expect(isNotSent(error)).toBe(true);
  });

  it.each([
    ["Node: connection reset", fetchFailed(coded("ECONNRESET", "read ECONNRESET"))],
    ["undici: other side closed", fetchFailed(coded("UND_ERR_SOCKET", "other side closed"))],
    ["a browser's bare failure", new TypeError("Failed to fetch")],
    ["an abort", new DOMException("This operation was aborted", "AbortError")],
    ["nothing useful", "boom"],
    ["undefined", undefined],
  ])("%s: may have been sent", (_, error) => {
    expect(isNotSent(error)).toBe(false);
  });

  it("stops on a cause chain that loops", () => {
    const error = new Error("loop") as Error & { cause?: unknown };
    error.cause = error;
    expect(isNotSent(error)).toBe(false);
  });
});
