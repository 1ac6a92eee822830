import { describe, expect, it } from "vitest";
import { createKapsoMock, fixtures, MockNetworkError } from "../../src/index.js";
import { get, send } from "../support/requests.js";

const template = fixtures.orderUpdate;
const valid = {
  phone_number: "+14155550123",
  template_parameters: { customer_name: "Ana", order_number: "1042" },
  header_type: "text",
  header_params: "Order update",
};

describe("faults on demand", () => {
  it("answers a documented error with the spec's body for that operation", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "error", status: 500 }, { operation: "sendWhatsappTemplate" });
    const failed = await send(mock, template.id, valid);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({
      status: "error",
      message: "Failed to send template message: (#131026) Message undeliverable",
    });
    mock.fault({ kind: "error", status: 500 });
    const listFailed = await get(mock, "/whatsapp_templates");
    expect(await listFailed.json()).toEqual({
      error: "Internal server error",
      status: 500,
      message: "Something went wrong, please try again later",
    });
  });

  it("answers an undocumented status with a general error body, or the body given", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "error", status: 503 });
    const generic = await get(mock, "/whatsapp_templates");
    expect(generic.status).toBe(503);
    expect(await generic.json()).toEqual({
      error: "Service unavailable",
      status: 503,
      message: "Service unavailable",
    });
    mock.fault({
      kind: "error",
      status: 403,
      body: { error: "Forbidden" },
      headers: { "X-Request-Id": "req_1" },
    });
    const custom = await get(mock, "/whatsapp_templates");
    expect(await custom.json()).toEqual({ error: "Forbidden" });
    expect(custom.headers.get("x-request-id")).toBe("req_1");
  });

  it("answers 429 with Retry-After and X-RateLimit-Remaining: 0", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "rateLimited", retryAfter: 7, limit: 100 });
    const response = await get(mock, "/whatsapp_templates");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(response.headers.get("x-ratelimit-limit")).toBe("100");
    expect(await response.json()).toEqual({ error: "Rate limit exceeded" });
  });

  it("fails N times, then succeeds", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "error", status: 500 }, { times: 2, operation: "getWhatsappTemplate" });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await get(mock, `/whatsapp_templates/${template.id}`)).status);
    }
    expect(statuses).toEqual([500, 500, 200]);
    expect(mock.pendingFaults).toBe(0);
  });

  it("targets one operation and leaves the others alone", async () => {
    const mock = createKapsoMock();
    mock.fault(
      { kind: "error", status: 500 },
      { operation: ["sendWhatsappTemplate"], times: Number.POSITIVE_INFINITY },
    );
    expect((await get(mock, "/whatsapp_templates")).status).toBe(200);
    expect((await send(mock, template.id, valid)).status).toBe(500);
    expect((await send(mock, template.id, valid)).status).toBe(500);
    mock.clearFaults();
    expect((await send(mock, template.id, valid)).status).toBe(200);
    expect(() => mock.fault({ kind: "hang" }, { times: 0 })).toThrow(RangeError);
  });

  it("lists the armed faults in the order requests use them, each with what it has left", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "error", status: 500 }, { times: 2, operation: "getWhatsappTemplate" });
    mock.fault({ kind: "rateLimited", retryAfter: 30 });
    expect(mock.armedFaults).toEqual([
      { fault: { kind: "error", status: 500 }, operations: ["getWhatsappTemplate"], remaining: 2 },
      { fault: { kind: "rateLimited", retryAfter: 30 }, operations: null, remaining: 1 },
    ]);
    await get(mock, `/whatsapp_templates/${template.id}`);
    expect(mock.armedFaults.map((armed) => armed.remaining)).toEqual([1, 1]);
    // A copy: changing it arms nothing.
    (mock.armedFaults[0] as { remaining: number }).remaining = 9;
    expect(mock.armedFaults[0]?.remaining).toBe(1);
    mock.clearFaults();
    expect(mock.armedFaults).toEqual([]);
  });

  it("rejects with a TypeError like fetch for a network error, and sends nothing", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "networkError" });
    const error = await send(mock, template.id, valid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toBeInstanceOf(MockNetworkError);
    expect((error as MockNetworkError).afterAccept).toBe(false);
    expect((error as MockNetworkError).message).toBe("fetch failed");
    expect((error as MockNetworkError).cause.code).toBe("ECONNREFUSED");
    expect(mock.sent).toHaveLength(0);
    expect(mock.calls[0]?.error).toBe("network");
  });

  it("records the send but drops the connection when the request was accepted", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "dropAfterAccept" }, { operation: "sendWhatsappTemplate" });
    const error = await send(mock, template.id, valid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as MockNetworkError).afterAccept).toBe(true);
    expect((error as MockNetworkError).cause.code).toBe("UND_ERR_SOCKET");
    expect(mock.sent).toHaveLength(1);
    expect(mock.sent[0]?.to).toBe("+14155550123");
    expect(mock.calls[0]?.response?.status).toBe(200);
    expect(mock.calls[0]?.error).toBe("network");
  });

  it("fails with the socket error code it is given, still sending nothing", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "networkError", code: "ECONNRESET" });
    const error = await send(mock, template.id, valid).catch((e: unknown) => e);
    expect((error as MockNetworkError).cause).toMatchObject({ code: "ECONNRESET" });
    expect(mock.sent).toHaveLength(0);
  });

  it("delays the answer by the given time", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "delay", ms: 80 });
    const started = performance.now();
    const response = await get(mock, "/whatsapp_templates");
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
  });

  it("aborts a delayed request when the caller aborts", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "delay", ms: 60_000 });
    const controller = new AbortController();
    const pending = send(mock, template.id, valid, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(mock.sent).toHaveLength(0);
  });

  it("hangs until the caller aborts, then rejects with the abort reason", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "hang" });
    const controller = new AbortController();
    const hung = mock.fetch(`${mock.baseUrl}/whatsapp_templates`, {
      headers: { "X-API-Key": "k" },
      signal: controller.signal,
    });
    const settled = hung.then(
      () => "answered",
      () => "rejected",
    );
    const early = await Promise.race([settled, new Promise((r) => setTimeout(() => r("still hanging"), 50))]);
    expect(early).toBe("still hanging");
    const reason = new Error("gave up");
    controller.abort(reason);
    await expect(hung).rejects.toBe(reason);
    expect(mock.calls[0]?.response).toBeNull();
    expect(mock.calls[0]?.error).toBe("aborted");
  });

  it("answers malformed JSON that a client cannot parse", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "malformedJson" });
    const response = await get(mock, "/whatsapp_templates");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    await expect(response.json()).rejects.toThrow(SyntaxError);
    expect(mock.calls[0]?.response).toMatchObject({
      status: 200,
      body: '{"status":"success","message":"Template mess',
    });
  });

  it("still records how a request it answered with a fault breaks the spec", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "error", status: 500 }, { times: 3 });
    mock.fault({ kind: "networkError" });
    const { phone_number: _, ...noPhone } = valid;
    expect((await send(mock, template.id, noPhone)).status).toBe(500);
    expect((await send(mock, "not-a-uuid", valid)).status).toBe(500);
    expect((await send(mock, template.id, valid)).status).toBe(500);
    await expect(send(mock, template.id, { ...valid, phone_number: 14155550123 })).rejects.toThrow(TypeError);
    const [missing, badId, fine, network] = mock.calls.map((call) => call.violations);
    expect(missing).toEqual([expect.stringContaining("phone_number")]);
    expect(badId).toEqual([expect.stringContaining("uuid")]);
    expect(fine).toEqual([]);
    expect(network).toEqual([expect.stringContaining("phone_number")]);
    expect(mock.sent).toEqual([]);
  });

  it("records a body that is not JSON as a violation under a fault, as the 400 would say", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "error", status: 503 });
    const answer = await mock.fetch(`${mock.baseUrl}/whatsapp_templates/${template.id}/send_template`, {
      method: "POST",
      headers: { "X-API-Key": "key", "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(answer.status).toBe(503);
    expect(mock.calls[0]?.violations).toEqual([expect.stringMatching(/^the body is not valid JSON: /)]);
  });

  it("records the same violations without a fault as its 422 lists", async () => {
    const mock = createKapsoMock();
    const { phone_number: _, ...noPhone } = valid;
    const refused = await send(mock, template.id, noPhone);
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { violations: { message: string }[] };
    expect(mock.calls[0]?.violations).toEqual(body.violations.map((v) => v.message));
    mock.fault({ kind: "error", status: 500 });
    await send(mock, template.id, noPhone);
    expect(mock.calls[1]?.violations).toEqual(mock.calls[0]?.violations);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const mock = createKapsoMock();
    const controller = new AbortController();
    controller.abort();
    await expect(send(mock, template.id, valid, { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});
