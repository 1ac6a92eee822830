// Requests Prism must refuse: they break the contract, so a server would too.
import { describe, expect, it } from "vitest";
import { prismCore, TEMPLATE_ID } from "../support/clients.js";

const sendPath = "/whatsapp_templates/{template_id}/send_template" as const;

describe("requests that break the contract", () => {
  it("rejects a template id that is not a UUID", async () => {
    const { data, response } = await prismCore().POST(sendPath, {
      params: { path: { template_id: "not-a-uuid" } },
      body: { template: { phone_number: "+123456789012" } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
  });

  it("rejects a read whose template id is not a UUID", async () => {
    const { response } = await prismCore().GET("/whatsapp_templates/{template_id}", {
      params: { path: { template_id: "12345" } },
    });
    expect(response.status).toBe(422);
  });

  it("rejects a request without an API key", async () => {
    const { data, response } = await prismCore().POST(sendPath, {
      params: { path: { template_id: TEMPLATE_ID } },
      body: { template: { phone_number: "+123456789012" } },
      headers: { "X-API-Key": null },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
  });

  it("rejects a send without phone_number", async () => {
    const { response } = await prismCore().POST(sendPath, {
      params: { path: { template_id: TEMPLATE_ID } },
      // @ts-expect-error phone_number is required by the spec
      body: { template: { template_parameters: ["John"] } },
    });
    expect(response.status).toBe(422);
  });

  it("rejects a header_type outside the enum", async () => {
    const { response } = await prismCore().POST(sendPath, {
      params: { path: { template_id: TEMPLATE_ID } },
      body: {
        template: {
          phone_number: "+123456789012",
          // @ts-expect-error "audio" is not a header type
          header_type: "audio",
          header_params: "https://example.com/a.mp3",
        },
      },
    });
    expect(response.status).toBe(422);
  });

  it("rejects parameters that are neither strings in an array nor in an object", async () => {
    const { response } = await prismCore().POST(sendPath, {
      params: { path: { template_id: TEMPLATE_ID } },
      // @ts-expect-error parameters are strings
      body: { template: { phone_number: "+123456789012", template_parameters: [1, 2] } },
    });
    expect(response.status).toBe(422);
  });

  it("rejects a per_page above 100", async () => {
    const { response } = await prismCore().GET("/whatsapp_templates", {
      params: { query: { per_page: 101 } },
    });
    expect(response.status).toBe(422);
  });

  it("rejects a status filter outside the enum", async () => {
    const { response } = await prismCore().GET("/whatsapp_templates", {
      // @ts-expect-error "removed" cannot be filtered on
      params: { query: { q: { status_eq: "removed" } } },
    });
    expect(response.status).toBe(422);
  });
});
