// Every documented error status of every operation, asked of Prism with `Prefer: code=`,
// comes back with the spec's body (and, for 429, its headers).
import { describe, expect, it } from "vitest";
import { prismCore, TEMPLATE_ID } from "../support/clients.js";
import { operations, responseExample, responseHeaders } from "../support/spec.js";

const validSend = { template: { phone_number: "+123456789012", template_parameters: ["John"] } };

async function call(operationId: string, status: string) {
  const api = prismCore({ Prefer: `code=${status}` });
  const path = { template_id: TEMPLATE_ID };
  switch (operationId) {
    case "listWhatsappTemplates":
      return api.GET("/whatsapp_templates");
    case "getWhatsappTemplate":
      return api.GET("/whatsapp_templates/{template_id}", { params: { path } });
    case "sendWhatsappTemplate":
      return api.POST("/whatsapp_templates/{template_id}/send_template", {
        params: { path },
        body: validSend,
      });
    default:
      throw new Error(`no call for ${operationId}`);
  }
}

const cases = operations().flatMap((op) =>
  op.statuses.filter((s) => s !== "200").map((status) => ({ ...op, status })),
);

describe("documented error statuses", () => {
  it("covers every operation and every documented status", () => {
    expect(cases.map((c) => `${c.operationId} ${c.status}`).sort()).toEqual(
      [
        "getWhatsappTemplate 401",
        "getWhatsappTemplate 404",
        "getWhatsappTemplate 422",
        "getWhatsappTemplate 429",
        "getWhatsappTemplate 500",
        "listWhatsappTemplates 401",
        "listWhatsappTemplates 422",
        "listWhatsappTemplates 429",
        "listWhatsappTemplates 500",
        "sendWhatsappTemplate 401",
        "sendWhatsappTemplate 404",
        "sendWhatsappTemplate 422",
        "sendWhatsappTemplate 429",
        "sendWhatsappTemplate 500",
      ].sort(),
    );
  });

  for (const { operationId, status } of cases) {
    it(`${operationId} answers ${status} with the spec's body`, async () => {
      const { error, response } = await call(operationId, status);
      expect(response.status).toBe(Number(status));
      expect(error).toEqual(responseExample(operationId, status));
      for (const header of responseHeaders(operationId, status)) {
        expect(response.headers.has(header), `${header} header`).toBe(true);
      }
    });
  }
});
