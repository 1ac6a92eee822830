import {
  APIConnectionError,
  APIConnectionTimeoutError,
  InternalServerError,
  RateLimitError,
  SendOutcomeUnknownError,
  UnprocessableEntityError,
  ValidationError,
} from "@kapsokit/client";
import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify.js";

const headers = (entries: Record<string, string> = {}) => new Headers(entries);

describe("classify", () => {
  it("a 429 is rate-limited, with Retry-After in ms", () => {
    expect(
      classify(new RateLimitError(429, { error: "Rate limit exceeded" }, headers({ "retry-after": "2" }))),
    ).toEqual({
      kind: "rate-limited",
      retryAfter: 2_000,
    });
  });

  it("anything the server may have acted on is unknown", () => {
    const fiveHundred = new InternalServerError(500, { error: "boom" }, headers());
    expect(classify(fiveHundred)).toEqual({ kind: "unknown" });
    expect(classify(new SendOutcomeUnknownError(fiveHundred))).toEqual({ kind: "unknown" });
    expect(classify(new APIConnectionTimeoutError())).toEqual({ kind: "unknown" });
    expect(classify(new TypeError("a fault we cannot place"))).toEqual({ kind: "unknown" });
  });

  it("what never reached the server, or was refused by it, failed", () => {
    expect(
      classify(new UnprocessableEntityError(422, { error: "Template requires 2 parameters" }, headers())),
    ).toEqual({
      kind: "failed",
    });
    expect(classify(new APIConnectionError(new Error("ECONNREFUSED")))).toEqual({ kind: "failed" });
    expect(classify(new ValidationError([{ path: "to", message: "must be E.164" }]))).toEqual({
      kind: "failed",
    });
  });
});
