import { describe, expect, it } from "vitest";
import { prismCore, TEMPLATE_ID, violations } from "../support/clients.js";
import { responseExample } from "../support/spec.js";

describe("template reads through @kapsokit/core", () => {
  it("lists templates with paging and every filter, with no contract violation", async () => {
    const { data, response } = await prismCore().GET("/whatsapp_templates", {
      params: {
        query: {
          page: 2,
          per_page: 50,
          customer_id: TEMPLATE_ID,
          q: {
            name_cont: "reminder",
            language_code_eq: "en_US",
            category_eq: "UTILITY",
            status_eq: "approved",
            customer_id_eq: TEMPLATE_ID,
          },
        },
      },
    });
    expect(violations(response)).toBeNull();
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toContain("q[status_eq]=approved");
    expect(data).toEqual(responseExample("listWhatsappTemplates", "200"));
  });

  it("lists templates with no query at all", async () => {
    const { data, response } = await prismCore().GET("/whatsapp_templates");
    expect(violations(response)).toBeNull();
    expect(data?.meta.page).toBe(1);
  });

  it("gets one template, with no contract violation", async () => {
    const { data, response } = await prismCore().GET("/whatsapp_templates/{template_id}", {
      params: { path: { template_id: TEMPLATE_ID } },
    });
    expect(violations(response)).toBeNull();
    expect(response.status).toBe(200);
    expect(data).toEqual(responseExample("getWhatsappTemplate", "200"));
  });
});
