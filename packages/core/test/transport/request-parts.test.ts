// The Kapso client hands the transport the parts of a request rather than a Request, so each
// attempt builds exactly one Request: same method, headers and body on every attempt.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTransport, SendOutcomeUnknownError, toRequestParts } from "../../src/index.js";
import { json, reset, scriptedFetch } from "../support/scripted-fetch.js";
import { settle } from "../support/settle.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const connection = { apiKey: "key_parts", baseUrl: "https://api.test" };
const send = () =>
  toRequestParts(connection, "POST", "/whatsapp_templates/{template_id}/send_template", {
    path: { template_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a" },
    body: { template: { phone_number: "+14155550123" } },
  });

describe("a transport given request parts", () => {
  it("sends one Request per attempt with the same method, headers and body", async () => {
    const { fetch, requests, bodies } = scriptedFetch(json(429, {}, { "Retry-After": "1" }), json(200));
    const { value } = await settle(createTransport({ fetch })(send()));
    expect(value?.status).toBe(200);
    expect(requests).toHaveLength(2);
    for (const [i, request] of requests.entries()) {
      expect(request.method).toBe("POST");
      expect(request.url).toBe(
        "https://api.test/whatsapp_templates/3c90c3cc-0d44-4b50-8888-8dd25736052a/send_template",
      );
      expect(request.headers.get("x-api-key")).toBe("key_parts");
      expect(request.headers.get("content-type")).toBe("application/json");
      expect(bodies[i]).toBe('{"template":{"phone_number":"+14155550123"}}');
    }
  });

  it("still never repeats a send whose connection dropped after it was written", async () => {
    const { fetch, requests } = scriptedFetch(reset(), json(200));
    const { error } = await settle(createTransport({ fetch })(send()));
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(requests).toHaveLength(1);
  });

  it("honours the caller's signal, having no Request of its own to take one from", async () => {
    const { fetch, requests } = scriptedFetch("hang");
    const controller = new AbortController();
    const pending = settle(createTransport({ fetch })(send(), { signal: controller.signal }));
    controller.abort();
    const { error } = await pending;
    expect((error as Error).name).toBe("APIUserAbortError");
    expect(requests).toHaveLength(1);
  });
});
