// The mock behind @kapsokit/core's typed openapi-fetch client, as a user would wire it.
import { createClient } from "@kapsokit/core";
import { describe, expect, it } from "vitest";
import { createKapsoMock, fixtures } from "../../src/index.js";

describe("@kapsokit/core's createClient on the mock's fetch", () => {
  it("sends a template and reads it back", async () => {
    const mock = createKapsoMock();
    const api = createClient({ apiKey: "test_key", baseUrl: mock.baseUrl, fetch: mock.fetch });
    const { data, response } = await api.POST("/whatsapp_templates/{template_id}/send_template", {
      params: { path: { template_id: fixtures.orderUpdate.id } },
      body: {
        template: {
          phone_number: "+14155550123",
          template_parameters: { customer_name: "Ana", order_number: "1042" },
          header_type: "text",
          header_params: "Order update",
        },
      },
    });
    expect(response.status).toBe(200);
    expect(data?.template_name).toBe("order_update");
    const read = await api.GET("/whatsapp_templates/{template_id}", {
      params: { path: { template_id: fixtures.orderUpdate.id } },
    });
    expect(read.data?.data.name).toBe("order_update");
    expect(mock.calls[0]?.headers["user-agent"]).toMatch(/^kapsokit\//);
    expect(mock.calls[0]?.headers["x-api-key"]).toBe("[redacted]");
  });

  it("serialises list filters the way the mock reads them", async () => {
    const mock = createKapsoMock();
    const api = createClient({ apiKey: "test_key", baseUrl: mock.baseUrl, fetch: mock.fetch });
    const { data, error } = await api.GET("/whatsapp_templates", {
      params: { query: { per_page: 1, q: { status_eq: "approved", name_cont: "order" } } },
    });
    expect(error).toBeUndefined();
    expect(data?.data.map((t) => t.name)).toEqual(["order_update"]);
    expect(data?.meta).toEqual({ page: 1, per_page: 1, total_pages: 2, total_count: 2 });
  });

  it("gives the client the 422 body that names the violation", async () => {
    const mock = createKapsoMock();
    const api = createClient({ apiKey: "test_key", baseUrl: mock.baseUrl, fetch: mock.fetch });
    const { error, response } = await api.GET("/whatsapp_templates", {
      params: { query: { per_page: 500 } },
    });
    expect(response.status).toBe(422);
    expect(error).toMatchObject({
      error: "Validation failed",
      message: "query parameter per_page must be <= 100",
    });
  });
});
