// What a send puts on the wire, and what it gives back.
import { describe, expect, it } from "vitest";
import { Kapso, ValidationError } from "../../src/index.js";
import { API_KEY, fakeApi, OTHER_ID, sendAnswer, TEMPLATE_ID } from "../support/fake-api.js";

function client() {
  const api = fakeApi();
  return { api, kapso: new Kapso({ apiKey: API_KEY, fetch: api.fetch, logLevel: "off" }) };
}

describe("templates.send", () => {
  it("posts positional parameters with the number in E.164", async () => {
    const { api, kapso } = client();
    await kapso.templates.send(TEMPLATE_ID, { to: "+1 (415) 555-0123", parameters: ["John", "Tomorrow"] });
    const [call] = api.calls;
    expect(call?.method).toBe("POST");
    expect(call?.url.href).toBe(
      `https://app.kapso.ai/api/v1/whatsapp_templates/${TEMPLATE_ID}/send_template`,
    );
    expect(call?.body).toEqual({
      template: { phone_number: "+14155550123", template_parameters: ["John", "Tomorrow"] },
    });
    expect(call?.headers.get("x-api-key")).toBe(API_KEY);
    expect(call?.headers.get("content-type")).toBe("application/json");
  });

  it("posts named parameters as an object", async () => {
    const { api, kapso } = client();
    await kapso.templates.send(TEMPLATE_ID, {
      to: "+14155550123",
      parameters: { customer_name: "John", order_number: "1042" },
    });
    expect(api.calls[0]?.body).toEqual({
      template: {
        phone_number: "+14155550123",
        template_parameters: { customer_name: "John", order_number: "1042" },
      },
    });
  });

  it.each([
    [
      { type: "image", url: "https://example.com/a.jpg" },
      { header_type: "image", header_params: "https://example.com/a.jpg" },
    ],
    [
      { type: "video", url: "https://example.com/a.mp4" },
      { header_type: "video", header_params: "https://example.com/a.mp4" },
    ],
    [
      { type: "document", url: "https://example.com/i.pdf", filename: "invoice.pdf" },
      { header_type: "document", header_params: "https://example.com/i.pdf", header_filename: "invoice.pdf" },
    ],
    [
      { type: "document", url: "https://example.com/i.pdf" },
      { header_type: "document", header_params: "https://example.com/i.pdf" },
    ],
    // The API uses a file name for documents only and ignores it on images and videos; it is
    // passed through, as the API documentation's own example sends it.
    [
      { type: "image", url: "https://example.com/a.jpg", filename: "invoice.pdf" },
      { header_type: "image", header_params: "https://example.com/a.jpg", header_filename: "invoice.pdf" },
    ],
    [
      { type: "video", url: "https://example.com/a.mp4", filename: "clip.mp4" },
      { header_type: "video", header_params: "https://example.com/a.mp4", header_filename: "clip.mp4" },
    ],
    [
      { type: "text", text: "Your order" },
      { header_type: "text", header_params: "Your order" },
    ],
  ] as const)("maps the header %o to the wire fields", async (header, wire) => {
    const { api, kapso } = client();
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", header });
    expect(api.calls[0]?.body).toEqual({ template: { phone_number: "+14155550123", ...wire } });
  });

  it("passes the sending number and the customer", async () => {
    const { api, kapso } = client();
    await kapso.templates.send(TEMPLATE_ID, {
      to: "+14155550123",
      whatsappConfigId: OTHER_ID,
      customerId: TEMPLATE_ID,
    });
    expect(api.calls[0]?.body).toEqual({
      template: { phone_number: "+14155550123", whatsapp_config_id: OTHER_ID, customer_id: TEMPLATE_ID },
    });
  });

  it("maps URL buttons to button_url_params, keyed by position", async () => {
    const { api, kapso } = client();
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", buttons: { 0: "track123", 1: "help" } });
    expect(api.calls[0]?.body).toEqual({
      template: { phone_number: "+14155550123", button_url_params: { "0": "track123", "1": "help" } },
    });
  });

  it("leaves button_url_params out when no button is given", async () => {
    const { api, kapso } = client();
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", buttons: {} });
    expect(api.calls[0]?.body).toEqual({ template: { phone_number: "+14155550123" } });
  });

  it("types WhatsApp's message id: no cast needed", async () => {
    const { kapso } = client();
    const result = await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" });
    const id: string = result.response.messages[0].id;
    expect(id).toBe(sendAnswer.response.messages[0].id);
    expect(result.response.contacts[0].wa_id).toBe(sendAnswer.response.contacts[0].wa_id);
  });

  it("returns the spec's response unchanged", async () => {
    const { kapso } = client();
    expect(await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" })).toEqual(sendAnswer);
  });

  it("gives the raw response and the request id with withResponse()", async () => {
    const { kapso } = client();
    const { data, response, requestId } = await kapso.templates
      .send(TEMPLATE_ID, { to: "+14155550123" })
      .withResponse();
    expect(data).toEqual(sendAnswer);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(requestId).toBe("req_send");
  });

  it("sends per-request and default headers, never over the key", async () => {
    const api = fakeApi();
    const kapso = new Kapso({
      apiKey: API_KEY,
      fetch: api.fetch,
      defaultHeaders: { "X-Team": "ops", "x-api-key": "x" },
    });
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }, { headers: { Prefer: "code=200" } });
    const headers = api.calls[0]?.headers;
    expect(headers?.get("x-team")).toBe("ops");
    expect(headers?.get("prefer")).toBe("code=200");
    expect(headers?.get("x-api-key")).toBe(API_KEY);
  });
});

describe("templates.get", () => {
  it("refuses an id that is not a UUID before sending", async () => {
    const { api, kapso } = client();
    const error = await kapso.templates.get("appointment_reminder").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: "templateId", message: "must be a UUID" }]);
    expect(api.calls).toHaveLength(0);
  });

  it("reads one template as { data }", async () => {
    const { api, kapso } = client();
    const { data } = await kapso.templates.get(TEMPLATE_ID);
    expect(data.id).toBe(TEMPLATE_ID);
    expect(api.calls[0]?.url.pathname).toBe(`/api/v1/whatsapp_templates/${TEMPLATE_ID}`);
  });
});
