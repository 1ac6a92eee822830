// What a send puts on the wire, and what it gives back.
import { defineTemplate, fixtures, type StoredTemplate } from "@kapsokit/testing";
import { afterEach, describe, expect, it } from "vitest";
import { Kapso, ValidationError } from "../../src/index.js";
import { API_KEY, expectRequestsKeptToTheSpec, kapsoOnMock, notice } from "../support/mock-client.js";

afterEach(expectRequestsKeptToTheSpec);

const TEMPLATE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const CONFIG_ID = "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";
const CUSTOMER_ID = "0b6a9e1d-5c3f-4e2a-9b8d-7f1e3c5a9d02";

/** A template of this shape under TEMPLATE_ID, and a client on a mock that has only it. */
function client(template: Partial<StoredTemplate> = {}) {
  const content = template.content ?? "Your update is ready.";
  return kapsoOnMock(
    { logLevel: "off" },
    { templates: [defineTemplate({ id: TEMPLATE_ID, name: "update", content, ...template })] },
  );
}

const withHeader = (format: "IMAGE" | "VIDEO" | "DOCUMENT" | "TEXT") =>
  client({
    components: [
      { type: "HEADER", format, ...(format === "TEXT" ? { text: "Update {{1}}" } : {}) },
      { type: "BODY", text: "Your update is ready." },
    ],
  });

describe("templates.send", () => {
  it("posts positional parameters with the number in E.164, with the key and a JSON body", async () => {
    const { mock, kapso } = client({ content: "Hi {{1}}, see you {{2}}." });
    await kapso.templates.send(TEMPLATE_ID, { to: "+1 (415) 555-0123", parameters: ["John", "Tomorrow"] });
    const [call] = mock.calls;
    expect(call?.method).toBe("POST");
    expect(call?.url).toBe(`https://app.kapso.ai/api/v1/whatsapp_templates/${TEMPLATE_ID}/send_template`);
    expect(call?.body).toEqual({
      template: { phone_number: "+14155550123", template_parameters: ["John", "Tomorrow"] },
    });
    // The mock accepts API_KEY alone, and records it redacted.
    expect(call?.response?.status).toBe(200);
    expect(call?.headers["x-api-key"]).toBe("[redacted]");
    expect(call?.headers["content-type"]).toBe("application/json");
  });

  it("posts named parameters as an object", async () => {
    const { mock, kapso } = kapsoOnMock({ logLevel: "off" });
    await kapso.templates.send(fixtures.orderUpdate.id, {
      to: "+14155550123",
      parameters: { customer_name: "John", order_number: "1042" },
    });
    expect(mock.calls[0]?.body).toEqual({
      template: {
        phone_number: "+14155550123",
        template_parameters: { customer_name: "John", order_number: "1042" },
      },
    });
    expect(mock.sent).toHaveLength(1);
  });

  it.each([
    [
      "IMAGE",
      { type: "image", url: "https://example.com/a.jpg" },
      { header_type: "image", header_params: "https://example.com/a.jpg" },
    ],
    [
      "VIDEO",
      { type: "video", url: "https://example.com/a.mp4" },
      { header_type: "video", header_params: "https://example.com/a.mp4" },
    ],
    [
      "DOCUMENT",
      { type: "document", url: "https://example.com/i.pdf", filename: "invoice.pdf" },
      { header_type: "document", header_params: "https://example.com/i.pdf", header_filename: "invoice.pdf" },
    ],
    [
      "DOCUMENT",
      { type: "document", url: "https://example.com/i.pdf" },
      { header_type: "document", header_params: "https://example.com/i.pdf" },
    ],
    // The API uses a file name for documents only and ignores it on images and videos; it is
    // passed through, as the API documentation's own example sends it.
    [
      "IMAGE",
      { type: "image", url: "https://example.com/a.jpg", filename: "invoice.pdf" },
      { header_type: "image", header_params: "https://example.com/a.jpg", header_filename: "invoice.pdf" },
    ],
    [
      "VIDEO",
      { type: "video", url: "https://example.com/a.mp4", filename: "clip.mp4" },
      { header_type: "video", header_params: "https://example.com/a.mp4", header_filename: "clip.mp4" },
    ],
    ["TEXT", { type: "text", text: "Your order" }, { header_type: "text", header_params: "Your order" }],
  ] as const)("maps a header to a %s template's wire fields: %o", async (format, header, wire) => {
    const { mock, kapso } = withHeader(format);
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", header });
    expect(mock.calls[0]?.body).toEqual({ template: { phone_number: "+14155550123", ...wire } });
    expect(mock.sent).toHaveLength(1);
  });

  it("passes the sending number and the customer", async () => {
    const { mock, kapso } = client();
    await kapso.templates.send(TEMPLATE_ID, {
      to: "+14155550123",
      whatsappConfigId: CONFIG_ID,
      customerId: CUSTOMER_ID,
    });
    expect(mock.calls[0]?.body).toEqual({
      template: { phone_number: "+14155550123", whatsapp_config_id: CONFIG_ID, customer_id: CUSTOMER_ID },
    });
    expect(mock.sent).toHaveLength(1);
  });

  it("maps URL buttons to button_url_params, keyed by position", async () => {
    const { mock, kapso } = client({
      components: [
        { type: "BODY", text: "Your update is ready." },
        {
          type: "BUTTONS",
          buttons: [
            { type: "URL", text: "Track", url: "https://example.com/track/{{1}}" },
            { type: "URL", text: "Help", url: "https://example.com/help/{{1}}" },
          ],
        },
      ],
    });
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", buttons: { 0: "track123", 1: "help" } });
    expect(mock.calls[0]?.body).toEqual({
      template: { phone_number: "+14155550123", button_url_params: { "0": "track123", "1": "help" } },
    });
    expect(mock.sent).toHaveLength(1);
  });

  it("leaves button_url_params out when no button is given", async () => {
    const { mock, kapso } = client();
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", buttons: {} });
    expect(mock.calls[0]?.body).toEqual({ template: { phone_number: "+14155550123" } });
  });

  it("types WhatsApp's message id and the contact: no cast needed", async () => {
    const { mock, kapso } = client();
    const result = await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" });
    const id: string = result.response.messages[0].id;
    expect(id).toBe(mock.sent[0]?.messageId);
    const waId: string = result.response.contacts[0].wa_id;
    expect(waId).toBe("14155550123");
  });

  it("returns the server's answer unchanged", async () => {
    const { mock, kapso } = client();
    const result = await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" });
    expect(result).toEqual(mock.calls[0]?.response?.body);
    expect(result.status).toBe("success");
  });

  it("gives the data, the raw response and the server's request id with withResponse()", async () => {
    const { mock } = kapsoOnMock();
    // The spec documents no X-Request-Id and the mock sends none; a gateway in front of the
    // API may, so this fetch adds one to the mock's answer.
    const kapso = new Kapso({
      apiKey: API_KEY,
      baseUrl: mock.baseUrl,
      fetch: async (input, init) => {
        const response = await mock.fetch(input, init);
        response.headers.set("X-Request-Id", "req_send");
        return response;
      },
    });
    const { data, response, requestId } = await kapso.templates.send(notice.id, notice.input).withResponse();
    expect(data).toEqual(mock.calls[0]?.response?.body);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(requestId).toBe("req_send");
  });

  it("gives no request id with withResponse() when the server sent none", async () => {
    const { kapso } = kapsoOnMock();
    const { requestId } = await kapso.templates.send(notice.id, notice.input).withResponse();
    expect(requestId).toBeUndefined();
  });

  it("sends per-request and default headers, never over the key", async () => {
    const { mock, kapso } = kapsoOnMock({ defaultHeaders: { "X-Team": "ops", "x-api-key": "x" } });
    await kapso.templates.send(notice.id, notice.input, { headers: { Prefer: "code=200" } });
    const headers = mock.calls[0]?.headers;
    expect(headers?.["x-team"]).toBe("ops");
    expect(headers?.prefer).toBe("code=200");
    // The mock accepts API_KEY alone: "x" would have been answered 401.
    expect(mock.calls[0]?.response?.status).toBe(200);
  });
});

describe("templates.get", () => {
  it("refuses an id that is not a UUID before sending", async () => {
    const { mock, kapso } = kapsoOnMock();
    const error = await kapso.templates.get("appointment_reminder").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: "templateId", message: "must be a UUID" }]);
    expect(mock.calls).toHaveLength(0);
  });

  it("reads one template as { data }", async () => {
    const { mock, kapso } = kapsoOnMock();
    const { data } = await kapso.templates.get(fixtures.orderShipped.id);
    expect(data).toEqual(fixtures.orderShipped);
    expect(new URL(mock.calls[0]!.url).pathname).toBe(
      `/api/v1/whatsapp_templates/${fixtures.orderShipped.id}`,
    );
  });
});
