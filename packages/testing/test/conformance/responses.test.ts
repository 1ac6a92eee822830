// Every answer the mock gives must fit the spec's schema for that operation and status,
// checked with the same generated validators.
import { describe, expect, it } from "vitest";
import { responseValidators } from "../../src/generated/responses.js";
import { createFixtures, createKapsoMock, fixtures, type OperationId } from "../../src/index.js";
import { get, send } from "../support/requests.js";

function conforms(operation: OperationId, status: number, body: unknown): string[] {
  const validate = responseValidators[operation]?.[String(status)];
  if (!validate) {
    return [`status ${status} is not documented`];
  }
  if (validate(body)) {
    return [];
  }
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe("the mock's answers fit the spec", () => {
  it("every fixture is a valid WhatsappTemplate", () => {
    for (const template of Object.values(createFixtures())) {
      const { customer_id: _, ...wire } = template;
      expect(conforms("getWhatsappTemplate", 200, { data: wire }), template.name).toEqual([]);
    }
  });

  it("a generated validator reports a broken template", () => {
    const broken = { ...fixtures.orderUpdate, created_at: "yesterday", parameter_count: -1 };
    expect(conforms("getWhatsappTemplate", 200, { data: broken }).sort()).toEqual([
      '/data/created_at must match format "date-time"',
      "/data/parameter_count must be >= 0",
    ]);
  });

  it("every answer of a session of calls fits its documented schema", async () => {
    const mock = createKapsoMock({ rateLimit: { perMinute: 1000 } });
    const valid = {
      phone_number: "+14155550123",
      template_parameters: ["Ana", "Fri"],
      header_type: "image",
      header_params: "https://example.com/h.jpg",
    };
    await send(mock, fixtures.appointmentReminder.id, valid);
    await send(mock, fixtures.appointmentReminder.id, { ...valid, template_parameters: ["Ana"] });
    await send(mock, "0e2d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b", valid);
    await send(mock, "bad", valid);
    await get(mock, "/whatsapp_templates");
    await get(mock, "/whatsapp_templates?per_page=1000");
    await get(mock, `/whatsapp_templates/${fixtures.orderUpdate.id}`);
    await get(mock, "/whatsapp_templates", { "X-API-Key": "" });
    for (const status of [401, 404, 422, 429, 500] as const) {
      mock.fault({ kind: "error", status }, { operation: "getWhatsappTemplate" });
      await get(mock, `/whatsapp_templates/${fixtures.orderUpdate.id}`);
    }
    mock.fault({ kind: "error", status: 500 }, { operation: "sendWhatsappTemplate" });
    await send(mock, fixtures.appointmentReminder.id, valid);
    expect(mock.calls).toHaveLength(14);
    for (const call of mock.calls) {
      expect(conforms(call.operation!, call.response!.status, call.response!.body), call.url).toEqual([]);
    }
  });
});
