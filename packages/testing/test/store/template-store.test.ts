import { describe, expect, it } from "vitest";
import { createKapsoMock, defineTemplate, fixtures } from "../../src/index.js";
import { get, send } from "../support/requests.js";

const positional = fixtures.appointmentReminder;
const named = fixtures.orderUpdate;

describe("sends checked against the stored template", () => {
  it("accepts a send that fits the template and answers like the API", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, positional.id, {
      phone_number: "+14155550123",
      template_parameters: ["Ana", "Friday at 3 PM"],
      header_type: "image",
      header_params: "https://example.com/header.jpg",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "success",
      message: "Template message sent successfully",
      template_id: positional.id,
      template_name: "appointment_reminder",
      response: {
        messaging_product: "whatsapp",
        contacts: [{ input: "+14155550123", wa_id: "14155550123" }],
        messages: [{ id: "wamid.MOCK00000001", message_status: "accepted" }],
      },
    });
  });

  it("answers 404 with the spec's body for a template it does not know", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, "0e2d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b", {
      phone_number: "+14155550123",
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: "Not found",
      status: 404,
      message: "WhatsApp template not found",
    });
    expect(mock.sent).toHaveLength(0);
  });

  it("answers 422 in the API's words when positional parameters are short", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, positional.id, {
      phone_number: "+14155550123",
      template_parameters: ["Ana"],
      header_type: "image",
      header_params: "https://example.com/h.jpg",
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: "Template requires 2 parameters, but 1 were provided" });
  });

  it("refuses positional values for a template with named placeholders", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, named.id, {
      phone_number: "+14155550123",
      template_parameters: ["a", "b"],
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatch(/named parameters \(customer_name, order_number\)/);
  });

  it("refuses named values that miss a placeholder", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, named.id, {
      phone_number: "+14155550123",
      template_parameters: { customer_name: "Ana", order: "1" },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: "Missing template parameters: order_number" });
  });

  it("accepts named values with a text header", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, named.id, {
      phone_number: "+14155550123",
      template_parameters: { customer_name: "Ana", order_number: "1042" },
      header_type: "text",
      header_params: "Order update",
    });
    expect(response.status).toBe(200);
  });

  it("refuses a header that does not match the template's format, and a missing media header", async () => {
    const mock = createKapsoMock();
    const wrong = await send(mock, fixtures.invoiceReady.id, {
      phone_number: "+14155550123",
      template_parameters: ["INV-1"],
      header_type: "image",
      header_params: "https://example.com/x.jpg",
    });
    expect(await wrong.json()).toEqual({
      error: "Template header is DOCUMENT, but header_type image was provided",
    });
    const missing = await send(mock, fixtures.invoiceReady.id, {
      phone_number: "+14155550123",
      template_parameters: ["INV-1"],
    });
    expect(await missing.json()).toEqual({ error: "Template requires a document header" });
  });

  it("accepts a document header with its file name", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, fixtures.invoiceReady.id, {
      phone_number: "+447700900123",
      template_parameters: ["INV-2041"],
      header_type: "document",
      header_params: "https://example.com/invoice.pdf",
      header_filename: "invoice.pdf",
    });
    expect(response.status).toBe(200);
    expect(mock.sent[0]?.template.header_filename).toBe("invoice.pdf");
  });

  it("refuses to send a template that is not approved", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, fixtures.springSaleDraft.id, {
      phone_number: "+14155550123",
      template_parameters: { first_name: "Ana" },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: "Template spring_sale is not approved (status: draft)" });
  });

  it("skips the template checks when told to, keeping the 404", async () => {
    const mock = createKapsoMock({ templateChecks: false });
    const loose = await send(mock, fixtures.springSaleDraft.id, { phone_number: "+14155550123" });
    expect(loose.status).toBe(200);
    const unknown = await send(mock, "0e2d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b", {
      phone_number: "+14155550123",
    });
    expect(unknown.status).toBe(404);
  });
});

describe("the store, edited by the test", () => {
  it("serves a template added during the test and forgets a removed one", async () => {
    const mock = createKapsoMock();
    const added = mock.templates.add(
      defineTemplate({
        id: "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
        name: "pickup_ready",
        content: "Order {{1}} is ready",
      }),
    );
    expect(added.parameter_count).toBe(1);
    const read = await get(mock, `/whatsapp_templates/${added.id}`);
    expect((await read.json()).data.name).toBe("pickup_ready");
    mock.templates.remove(added.id);
    expect((await get(mock, `/whatsapp_templates/${added.id}`)).status).toBe(404);
  });

  it("applies a status change to later sends, and reset() restores the seed", async () => {
    const mock = createKapsoMock();
    mock.templates.update(named.id, { status: "disabled" });
    const refused = await send(mock, named.id, {
      phone_number: "+14155550123",
      template_parameters: { customer_name: "A", order_number: "1" },
      header_type: "text",
      header_params: "x",
    });
    expect(refused.status).toBe(422);
    mock.reset();
    expect(mock.templates.get(named.id)?.status).toBe("approved");
    expect(() => mock.templates.update("0e2d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b", {})).toThrow(/no template/);
  });

  it("starts with the templates it is given instead of the fixtures, each mock with its own copy", async () => {
    const only = defineTemplate({ id: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", name: "hello", content: "Hi" });
    const a = createKapsoMock({ templates: [only] });
    const b = createKapsoMock({ templates: [only] });
    a.templates.update(only.id, { name: "changed" });
    expect(b.templates.get(only.id)?.name).toBe("hello");
    expect(a.templates.size).toBe(1);
    expect(fixtures.appointmentReminder.name).toBe("appointment_reminder");
  });

  it("keeps the shared fixtures frozen, so one test cannot change another's", () => {
    expect(() => {
      (fixtures.orderUpdate.components[0] as { text?: string }).text = "changed";
    }).toThrow(TypeError);
    expect(Object.isFrozen(fixtures.orderUpdate.whatsapp_config_ids)).toBe(true);
  });
});

describe("GET /whatsapp_templates/{id}", () => {
  it("returns the template without the store's own fields, in any letter case of the id", async () => {
    const mock = createKapsoMock();
    const response = await get(mock, `/whatsapp_templates/${fixtures.invoiceReady.id.toUpperCase()}`);
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data.id).toBe(fixtures.invoiceReady.id);
    expect(data).not.toHaveProperty("customer_id");
  });
});

describe("GET /whatsapp_templates paging and filters", () => {
  const many = Array.from({ length: 45 }, (_, i) =>
    defineTemplate({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      name: i % 3 === 0 ? `promo_${i}` : `notice_${i}`,
      category: i % 3 === 0 ? "MARKETING" : "UTILITY",
      status: i % 5 === 0 ? "rejected" : "approved",
      language_code: i % 2 === 0 ? "en_US" : "pt_BR",
      content: "Hi {{1}}",
      created_at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      customer_id: i < 10 ? "11111111-2222-4333-8444-555555555555" : null,
    }),
  );

  it("pages 20 at a time by default, newest first", async () => {
    const mock = createKapsoMock({ templates: many });
    const body = await (await get(mock, "/whatsapp_templates")).json();
    expect(body.meta).toEqual({ page: 1, per_page: 20, total_pages: 3, total_count: 45 });
    expect(body.data).toHaveLength(20);
    expect(body.data[0].name).toBe("notice_44");
  });

  it("returns the last partial page and an empty page past the end", async () => {
    const mock = createKapsoMock({ templates: many });
    const last = await (await get(mock, "/whatsapp_templates?page=3&per_page=20")).json();
    expect(last.data).toHaveLength(5);
    const past = await (await get(mock, "/whatsapp_templates?page=9&per_page=20")).json();
    expect(past.data).toEqual([]);
    expect(past.meta).toEqual({ page: 9, per_page: 20, total_pages: 3, total_count: 45 });
  });

  it("filters on name, language, category, status and customer together", async () => {
    const mock = createKapsoMock({ templates: many });
    const query =
      "q[name_cont]=PROMO&q[category_eq]=MARKETING&q[status_eq]=approved&q[language_code_eq]=en_US&per_page=100";
    const body = await (await get(mock, `/whatsapp_templates?${query}`)).json();
    const expected = many.filter(
      (t) => t.name.startsWith("promo") && t.status === "approved" && t.language_code === "en_US",
    );
    expect(body.meta.total_count).toBe(expected.length);
    expect(body.data.map((t: { id: string }) => t.id).sort()).toEqual(expected.map((t) => t.id).sort());
    const customer = "11111111-2222-4333-8444-555555555555";
    const byCustomer = await (
      await get(mock, `/whatsapp_templates?customer_id=${customer}&per_page=100`)
    ).json();
    expect(byCustomer.meta.total_count).toBe(10);
    const byFilter = await (
      await get(mock, `/whatsapp_templates?q[customer_id_eq]=${customer}&per_page=100`)
    ).json();
    expect(byFilter.meta.total_count).toBe(10);
  });

  it("filters on the WhatsApp Business Account and on the sending number, plain or as q[...]", async () => {
    const config = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    const templates = many.map((t, i) => ({
      ...t,
      business_account_id: i < 7 ? "102290129340398" : null,
      whatsapp_config_ids: i % 4 === 0 ? [config.toUpperCase()] : [],
    }));
    const mock = createKapsoMock({ templates });
    const count = async (query: string) =>
      (await (await get(mock, `/whatsapp_templates?${query}&per_page=100`)).json()).meta.total_count;
    expect(await count("business_account_id=102290129340398")).toBe(7);
    expect(await count("q[business_account_id_eq]=102290129340398")).toBe(7);
    expect(await count(`whatsapp_config_id=${config}`)).toBe(12);
    expect(await count(`q[whatsapp_config_id_eq]=${config}`)).toBe(12);
    expect(await count(`business_account_id=102290129340398&whatsapp_config_id=${config}`)).toBe(2);
    const refused = await get(mock, "/whatsapp_templates?q[whatsapp_config_id_eq]=not-a-uuid");
    expect(refused.status).toBe(422);
  });
});

describe("URL buttons checked against the stored template", () => {
  const shipped = fixtures.orderShipped;
  const fits = { phone_number: "+14155550123", template_parameters: ["Ana", "1042"] };

  it("accepts the value of the URL button whose address ends in {{1}} and records it", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, shipped.id, { ...fits, button_url_params: { "0": "ABC123" } });
    expect(response.status).toBe(200);
    expect(mock.sent[0]?.template.button_url_params).toEqual({ "0": "ABC123" });
  });

  it("refuses a send without it, naming the button", async () => {
    const mock = createKapsoMock();
    for (const missing of [undefined, null, {}, { "0": "" }]) {
      const response = await send(mock, shipped.id, { ...fits, button_url_params: missing });
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({
        error: 'Template button 0 (URL "Track order") requires a URL parameter in button_url_params["0"]',
      });
    }
    expect(mock.sent).toHaveLength(0);
  });

  it("refuses a value for a button that takes none, listing the template's buttons", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, shipped.id, {
      ...fits,
      button_url_params: { "0": "ABC123", "1": "x" },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error:
        'button_url_params["1"] was provided, but template order_shipped has no URL button with a parameter there (buttons: 0 URL "Track order" (https://example.com/track/{{1}}), 1 QUICK_REPLY "Stop updates")',
    });
    const noButtons = await send(mock, positional.id, {
      phone_number: "+14155550123",
      template_parameters: ["Ana", "Friday"],
      header_type: "image",
      header_params: "https://example.com/h.jpg",
      button_url_params: { "0": "x" },
    });
    expect((await noButtons.json()).error).toBe(
      'button_url_params["0"] was provided, but template appointment_reminder has no URL button with a parameter there (buttons: none)',
    );
  });

  it("lets the spec alone decide with template checks off: any string key and value", async () => {
    const mock = createKapsoMock({ templateChecks: false });
    const response = await send(mock, positional.id, { ...fits, button_url_params: { anything: "" } });
    expect(response.status).toBe(200);
    const wrongType = await send(mock, positional.id, { ...fits, button_url_params: { "0": 5 } });
    expect(wrongType.status).toBe(422);
  });
});
