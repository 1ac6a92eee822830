// The same network fault, served two ways, as a client built on @kapsokit/core's transport
// sees it. `mock.fetch` rejects like undici, with the socket error's code: a refused
// connection is known not to have sent anything, so a send is retried. MSW can only fail a
// request with `HttpResponse.error()`, which fetch turns into a bare "Failed to fetch" with
// no code, as a browser does: a send's outcome is then unknown, and it is never repeated.
import { APIConnectionError, createClient, SendOutcomeUnknownError } from "@kapsokit/core";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKapsoMock, fixtures } from "../../src/index.js";
import { createKapsoHandlers } from "../../src/msw.js";

const template = {
  phone_number: "+14155550123",
  template_parameters: { customer_name: "Ana", order_number: "7" },
  header_type: "text" as const,
  header_params: "Order update",
};

function sendWith(api: ReturnType<typeof createClient>) {
  return api.POST("/whatsapp_templates/{template_id}/send_template", {
    params: { path: { template_id: fixtures.orderUpdate.id } },
    body: { template },
  });
}

describe("a networkError fault through mock.fetch", () => {
  it("is a connection that was refused: the send is retried and goes out once", async () => {
    const mock = createKapsoMock();
    const api = createClient({ apiKey: "k", baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 1 });
    mock.fault({ kind: "networkError" });
    const { response } = await sendWith(api);
    expect(response.status).toBe(200);
    expect(mock.calls.map((call) => call.error)).toEqual(["network", null]);
    expect(mock.sent).toHaveLength(1);
  });

  it("is an APIConnectionError carrying the code, when no retry is left", async () => {
    const mock = createKapsoMock();
    const api = createClient({ apiKey: "k", baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 0 });
    mock.fault({ kind: "networkError" });
    const error = await sendWith(api).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError & { cause: { cause: { code: string } } }).cause.cause.code).toBe(
      "ECONNREFUSED",
    );
    expect(mock.sent).toHaveLength(0);
  });
});

describe("faults that read the same through both", () => {
  const mock = createKapsoMock();
  const server = setupServer(...createKapsoHandlers({ mock }));
  const transports = {
    "mock.fetch": createClient({ apiKey: "k", baseUrl: mock.baseUrl, fetch: mock.fetch, maxRetries: 1 }),
    MSW: createClient({ apiKey: "k", maxRetries: 1 }),
  };
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  it.each(Object.keys(transports) as (keyof typeof transports)[])(
    "through %s: a reset connection or a drop after the send was accepted is an unknown outcome",
    async (through) => {
      mock.reset();
      mock.fault({ kind: "networkError", code: "ECONNRESET" });
      await expect(sendWith(transports[through])).rejects.toBeInstanceOf(SendOutcomeUnknownError);
      expect(mock.sent).toHaveLength(0);
      mock.fault({ kind: "dropAfterAccept" });
      await expect(sendWith(transports[through])).rejects.toBeInstanceOf(SendOutcomeUnknownError);
      expect(mock.sent).toHaveLength(1);
      expect(mock.calls).toHaveLength(2);
    },
  );
});

describe("a networkError fault through the MSW handlers", () => {
  const mock = createKapsoMock();
  const server = setupServer(...createKapsoHandlers({ mock }));
  // The global fetch, which MSW intercepts.
  const api = createClient({ apiKey: "k", maxRetries: 1 });
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  it("is a send whose outcome is unknown: never repeated, though nothing was sent", async () => {
    mock.reset();
    mock.fault({ kind: "networkError" });
    const error = await sendWith(api).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    const cause = (error as SendOutcomeUnknownError).cause;
    expect(cause).toBeInstanceOf(APIConnectionError);
    expect(cause.cause).toMatchObject({ name: "TypeError", message: "Failed to fetch" });
    expect((cause.cause as { cause?: { code?: unknown } }).cause?.code).toBeUndefined();
    expect(mock.calls).toHaveLength(1);
    expect(mock.sent).toHaveLength(0);
  });

  it("is an APIConnectionError for a read, which is retried", async () => {
    mock.reset();
    mock.fault({ kind: "networkError" });
    const { response } = await api.GET("/whatsapp_templates");
    expect(response.status).toBe(200);
    expect(mock.calls.map((call) => call.error)).toEqual(["network", null]);
    mock.fault({ kind: "networkError" }, { times: 2 });
    await expect(api.GET("/whatsapp_templates")).rejects.toBeInstanceOf(APIConnectionError);
  });
});
