// The client against @kapsokit/testing's mock, which validates every request against the
// spec and counts accepted sends: what the mock's faults mean for a send, end to end.
import { createKapsoMock, fixtures } from "@kapsokit/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  APIConnectionError,
  Kapso,
  RateLimitError,
  SendOutcomeUnknownError,
  UnprocessableEntityError,
  ValidationError,
} from "../../src/index.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const mock = createKapsoMock();
const kapso = new Kapso({
  apiKey: "test_key_mock_123",
  fetch: mock.fetch,
  baseUrl: mock.baseUrl,
  logLevel: "off",
});
const id = fixtures.appointmentReminder.id;
const header = { type: "image", url: "https://example.com/reminder.jpg" } as const;
const input = { to: "+1 415 555 0123", parameters: ["Ana", "Friday at 3 PM"], header };

async function settle<T>(promise: Promise<T>) {
  const outcome = promise.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

beforeEach(() => mock.reset());

describe("Kapso against the testing mock", () => {
  it("sends once, with a request the mock's spec validation accepts", async () => {
    const { value } = await settle(kapso.templates.send(id, input));
    expect(value?.status).toBe("success");
    expect(mock.sent).toHaveLength(1);
  });

  it("retries a connection refused before anything was sent, and sends once", async () => {
    mock.fault({ kind: "networkError" }, { times: 1 });
    const { value } = await settle(kapso.templates.send(id, input));
    expect(value?.status).toBe("success");
    expect(mock.calls).toHaveLength(2);
    expect(mock.sent).toHaveLength(1);
  });

  it("does not repeat a send whose connection dropped after the mock accepted it", async () => {
    mock.fault({ kind: "dropAfterAccept" }, { times: 1 });
    const { error } = await settle(kapso.templates.send(id, input));
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(mock.sent).toHaveLength(1);
    expect(mock.calls).toHaveLength(1);
  });

  it("does not repeat a send after a reset connection", async () => {
    mock.fault({ kind: "networkError", code: "ECONNRESET" }, { times: 1 });
    const { error } = await settle(kapso.templates.send(id, input));
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect((error as SendOutcomeUnknownError).cause).toBeInstanceOf(APIConnectionError);
    expect(mock.calls).toHaveLength(1);
  });

  it("does not repeat a send after a 500", async () => {
    mock.fault({ kind: "error", status: 500 }, { times: Number.POSITIVE_INFINITY });
    const { error } = await settle(kapso.templates.send(id, input));
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(mock.calls).toHaveLength(1);
  });

  it("waits out a 429's Retry-After and sends once", async () => {
    mock.fault({ kind: "rateLimited", retryAfter: 5 }, { times: 1 });
    const { value } = await settle(kapso.templates.send(id, input));
    expect(value?.status).toBe("success");
    expect(mock.sent).toHaveLength(1);
  });

  it("hands back a 429 whose wait is longer than maxRetryDelay", async () => {
    mock.fault({ kind: "rateLimited", retryAfter: 120 }, { times: 1 });
    const { error } = await settle(kapso.templates.send(id, input));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120_000);
    expect(mock.sent).toHaveLength(0);
  });

  it("makes a cut-off success answer to a send an unknown outcome", async () => {
    mock.fault({ kind: "malformedJson" }, { times: 1 });
    const { error } = await settle(kapso.templates.send(id, input));
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
  });

  it("gets the mock's 422 for a send that does not fit the template", async () => {
    const { error } = await settle(
      kapso.templates.send(id, { to: "+14155550123", parameters: ["Ana"], header }),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).message).toMatch(/requires 2 parameters/);
  });

  it("refuses the same send before the wire with validateAgainstTemplate", async () => {
    const checked = new Kapso({
      apiKey: "test_key_mock_123",
      fetch: mock.fetch,
      baseUrl: mock.baseUrl,
      validateAgainstTemplate: true,
    });
    const { error } = await settle(checked.templates.send(id, { to: "+14155550123", parameters: ["Ana"] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(mock.calls.map((c) => c.method)).toEqual(["GET"]);
  });

  it("never lets the mock record the API key", async () => {
    await settle(kapso.templates.send(id, input));
    expect(JSON.stringify(mock.calls)).not.toContain("test_key_mock_123");
  });
});
