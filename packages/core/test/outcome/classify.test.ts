// One classifier of what a failed send means, read from fields every kapsokit error has.
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  classifyFailure,
  InternalServerError,
  SendOutcomeUnknownError,
} from "../../src/index.js";

describe("classifyFailure", () => {
  it("a 429 is rate-limited, with the wait its Retry-After asked for", () => {
    expect(classifyFailure(APIError.from(429, {}, new Headers({ "Retry-After": "7" })))).toEqual({
      kind: "rate-limited",
      retryAfter: 7000,
    });
  });

  it("a send whose outcome is unknown is unknown, whatever its cause", () => {
    expect(classifyFailure(new SendOutcomeUnknownError(new APIConnectionTimeoutError()))).toEqual({
      kind: "unknown",
    });
    expect(
      classifyFailure(new SendOutcomeUnknownError(new InternalServerError(503, {}, new Headers()))),
    ).toEqual({ kind: "unknown" });
  });

  it("another runtime's abort or timeout is unknown: it says nothing about the request", () => {
    expect(classifyFailure(new DOMException("aborted", "AbortError"))).toEqual({ kind: "unknown" });
    expect(classifyFailure(new DOMException("timed out", "TimeoutError"))).toEqual({ kind: "unknown" });
  });

  it("a refusal, a connection never made and an abort before sending are failed: safe to send again", () => {
    expect(classifyFailure(APIError.from(422, {}, new Headers()))).toEqual({ kind: "failed" });
    expect(classifyFailure(new APIConnectionError(new Error("ECONNREFUSED")))).toEqual({ kind: "failed" });
    expect(classifyFailure(new APIUserAbortError())).toEqual({ kind: "failed" });
    expect(classifyFailure("a string")).toEqual({ kind: "failed" });
    expect(classifyFailure(undefined)).toEqual({ kind: "failed" });
  });

  it("reads names, so an error from another copy of core classifies the same", () => {
    const foreign = { name: "SendOutcomeUnknownError", message: "x" };
    expect(classifyFailure(foreign)).toEqual({ kind: "unknown" });
    expect(classifyFailure({ name: "RateLimitError", status: 429, retryAfter: 1000 })).toEqual({
      kind: "rate-limited",
      retryAfter: 1000,
    });
  });
});
