// Every answer the mock gives must fit the spec's schema for that operation and status,
// checked with the same generated validators.
import { describe, expect, it } from "vitest";
import { operationSpecs, validateWhatsappTemplate } from "../../src/generated/validators.js";
import { createFixtures, createKapsoMock, fixtures, type OperationId } from "../../src/index.js";
import type { Violation } from "../../src/validation/types.js";
import { get, send } from "../support/requests.js";

function conforms(operation: OperationId, status: number, body: unknown): Violation[] {
  const spec = operationSpecs.find((o) => o.operationId === operation)!;
  const validate = spec.responses[status];
  if (!validate) return [{ path: [], code: "status", message: `status ${status} is not documented` }];
  const errors: Violation[] = [];
  validate(body, [], errors);
  return errors;
}

describe("the mock's answers fit the spec", () => {
  it("every fixture is a valid WhatsappTemplate", () => {
    for (const template of Object.values(createFixtures())) {
      const errors: Violation[] = [];
      validateWhatsappTemplate(template, [], errors);
      expect(errors, template.name).toEqual([]);
    }
  });

  it("a generated validator reports a broken template", () => {
    const errors: Violation[] = [];
    validateWhatsappTemplate(
      { ...fixtures.orderUpdate, created_at: "yesterday", parameter_count: -1 },
      [],
      errors,
    );
    expect(errors.map((e) => e.code).sort()).toEqual(["format", "minimum"]);
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
