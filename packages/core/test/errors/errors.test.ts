import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  KapsoError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SendOutcomeUnknownError,
  UnprocessableEntityError,
  ValidationError,
} from "../../src/index.js";

const headers = (init: Record<string, string> = {}) => new Headers(init);

describe("APIError.from", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
  ])("maps %i to %o", (status, Class) => {
    const error = APIError.from(status, { error: "x" }, headers());
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(KapsoError);
    expect(error.name).toBe(Class.name);
    expect(error.status).toBe(status);
  });

  it("keeps other statuses as a plain APIError", () => {
    const error = APIError.from(409, {}, headers());
    expect(error.constructor).toBe(APIError);
    expect(error.message).toBe("HTTP 409");
  });

  it("uses the server's message, then its error, then the raw text", () => {
    expect(
      APIError.from(401, { error: "Unauthorized", message: "Invalid or missing API key" }, headers()).message,
    ).toBe("Invalid or missing API key");
    expect(APIError.from(422, { error: "Template requires 2 parameters" }, headers()).message).toBe(
      "Template requires 2 parameters",
    );
    expect(APIError.from(502, "<html>Bad gateway</html>", headers()).message).toBe(
      "<html>Bad gateway</html>",
    );
  });

  it("carries the body, the headers and the request id", () => {
    const body = { error: "Not found", status: 404, message: "WhatsApp template not found" };
    const error = APIError.from(404, body, headers({ "X-Request-Id": "req_42" }));
    expect(error.body).toEqual(body);
    expect(error.headers.get("x-request-id")).toBe("req_42");
    expect(error.requestId).toBe("req_42");
    expect(APIError.from(404, body, headers()).requestId).toBeUndefined();
  });
});

describe("RateLimitError.retryAfter", () => {
  it("reads seconds as milliseconds", () => {
    expect((APIError.from(429, {}, headers({ "Retry-After": "60" })) as RateLimitError).retryAfter).toBe(
      60_000,
    );
  });

  it("reads an HTTP date as the milliseconds until then", () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const retryAfter = (APIError.from(429, {}, headers({ "Retry-After": at })) as RateLimitError).retryAfter!;
    // toUTCString drops milliseconds, so the wait is within one second of 30 s.
    expect(retryAfter).toBeGreaterThan(28_900);
    expect(retryAfter).toBeLessThanOrEqual(30_000);
  });

  it("is undefined without a readable header", () => {
    expect((APIError.from(429, {}, headers()) as RateLimitError).retryAfter).toBeUndefined();
    expect(
      (APIError.from(429, {}, headers({ "Retry-After": "soon" })) as RateLimitError).retryAfter,
    ).toBeUndefined();
    expect(
      (APIError.from(429, {}, headers({ "Retry-After": "-5" })) as RateLimitError).retryAfter,
    ).toBeUndefined();
  });

  it("never goes negative for a date in the past", () => {
    const past = headers({ "Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT" });
    expect((APIError.from(429, {}, past) as RateLimitError).retryAfter).toBe(0);
  });
});

describe("the other errors", () => {
  it("names every class, so names survive minification", () => {
    expect(new APIConnectionError().name).toBe("APIConnectionError");
    expect(new APIConnectionTimeoutError().name).toBe("APIConnectionTimeoutError");
    expect(new APIConnectionTimeoutError()).toBeInstanceOf(APIConnectionError);
    expect(new APIUserAbortError().name).toBe("APIUserAbortError");
    expect(new ValidationError([]).name).toBe("ValidationError");
  });

  it("keeps the runtime's error as the cause of a connection error", () => {
    const cause = new TypeError("fetch failed");
    expect(new APIConnectionError(cause).cause).toBe(cause);
  });

  it("says a send's outcome is unknown and keeps what happened", () => {
    const cause = new APIConnectionTimeoutError();
    const error = new SendOutcomeUnknownError(cause);
    expect(error).toBeInstanceOf(KapsoError);
    expect(error.cause).toBe(cause);
    expect(error.message).toMatch(/outcome unknown.*timed out/i);
  });

  it("lists every validation issue with its path", () => {
    const error = new ValidationError([
      { path: "to", message: "must be E.164" },
      { path: "parameters[1]", message: "must be a non-empty string" },
    ]);
    expect(error.issues).toHaveLength(2);
    expect(error.message).toBe("to must be E.164; parameters[1] must be a non-empty string");
  });
});
