// msw intercepts the global fetch by design; these tests exercise the handlers that way.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createKapsoMock, fixtures } from "../../src/index.js";
import { createKapsoHandlers } from "../../src/msw.js";

const mock = createKapsoMock();
const server = setupServer(...createKapsoHandlers({ mock }));
const base = "https://app.kapso.ai/api/v1";

describe("MSW handlers", () => {
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => mock.reset());
  afterAll(() => server.close());

  it("answers a send on the API's base URL through msw's setupServer", async () => {
    const response = await fetch(`${base}/whatsapp_templates/${fixtures.orderUpdate.id}/send_template`, {
      method: "POST",
      headers: { "X-API-Key": "k", "Content-Type": "application/json" },
      body: JSON.stringify({
        template: {
          phone_number: "+14155550123",
          template_parameters: { customer_name: "Ana", order_number: "7" },
          header_type: "text",
          header_params: "Order update",
        },
      }),
    });
    expect(response.status).toBe(200);
    expect(mock.sent).toHaveLength(1);
    expect(mock.calls[0]?.headers["x-api-key"]).toBe("[redacted]");
  });

  it("validates against the spec behind msw too", async () => {
    const response = await fetch(`${base}/whatsapp_templates?per_page=0`, { headers: { "X-API-Key": "k" } });
    expect(response.status).toBe(422);
  });

  it("turns a network fault into a failed fetch", async () => {
    mock.fault({ kind: "networkError" });
    await expect(fetch(`${base}/whatsapp_templates`, { headers: { "X-API-Key": "k" } })).rejects.toThrow(
      TypeError,
    );
  });

  it("serves its own mock on another base URL when given one", async () => {
    const other = setupServer(...createKapsoHandlers({ baseUrl: "http://kapso.test/api/v1" }));
    server.close();
    other.listen({ onUnhandledRequest: "error" });
    try {
      const response = await fetch("http://kapso.test/api/v1/whatsapp_templates", {
        headers: { "X-API-Key": "k" },
      });
      expect(response.status).toBe(200);
      expect((await response.json()).meta.total_count).toBe(Object.keys(fixtures).length);
    } finally {
      other.close();
      server.listen({ onUnhandledRequest: "error" });
    }
  });
});
