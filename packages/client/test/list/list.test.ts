// A list is one page when awaited and every template of every page when iterated.
import { defineTemplate, type StoredTemplate } from "@kapsokit/testing";
import { afterEach, describe, expect, it } from "vitest";
import { ValidationError } from "../../src/index.js";
import { expectRequestsKeptToTheSpec, kapsoOnMock } from "../support/mock-client.js";

afterEach(expectRequestsKeptToTheSpec);

// Seven templates, t0 the newest: the API lists newest first.
const many = Array.from({ length: 7 }, (_, i) =>
  defineTemplate({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    name: `t${i}`,
    content: "Hi {{1}}",
    created_at: new Date(Date.UTC(2025, 0, 20 - i)).toISOString(),
  }),
);

const CUSTOMER_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const CONFIG_ID = "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";

function client(templates: StoredTemplate[] = many) {
  return kapsoOnMock({}, { templates });
}

describe("templates.list", () => {
  it("awaited, gives one page with its meta, unchanged", async () => {
    const { kapso } = client();
    const page = await kapso.templates.list({ perPage: 3 });
    expect(page.data.map((t) => t.name)).toEqual(["t0", "t1", "t2"]);
    expect(page.meta).toEqual({ page: 1, per_page: 3, total_pages: 3, total_count: 7 });
  });

  it("iterated, walks every page in order, asking for each page once", async () => {
    const { mock, kapso } = client();
    const names: string[] = [];
    for await (const t of kapso.templates.list({ perPage: 3 })) {
      names.push(t.name);
    }
    expect(names).toEqual(["t0", "t1", "t2", "t3", "t4", "t5", "t6"]);
    expect(mock.calls.map((c) => c.query)).toEqual([
      { per_page: "3" },
      { page: "2", per_page: "3" },
      { page: "3", per_page: "3" },
    ]);
  });

  it("iterated from a given page, starts there", async () => {
    const { kapso } = client();
    const names: string[] = [];
    for await (const t of kapso.templates.list({ perPage: 3, page: 3 })) {
      names.push(t.name);
    }
    expect(names).toEqual(["t6"]);
  });

  it("stops after the first page when there is nothing", async () => {
    const { mock, kapso } = client([]);
    const names: string[] = [];
    for await (const t of kapso.templates.list()) {
      names.push(t.name);
    }
    expect(names).toEqual([]);
    expect(mock.calls).toHaveLength(1);
  });

  it("stops fetching when the loop breaks", async () => {
    const { mock, kapso } = client();
    for await (const t of kapso.templates.list({ perPage: 3 })) {
      if (t.name === "t1") {
        break;
      }
    }
    expect(mock.calls).toHaveLength(1);
  });

  it("maps filters to the API's query parameters, which the spec accepts", async () => {
    const { mock, kapso } = client();
    await kapso.templates.list({
      page: 2,
      perPage: 50,
      customerId: CUSTOMER_ID,
      businessAccountId: "102290129340398",
      whatsappConfigId: CONFIG_ID,
      name: "order",
      languageCode: "en_US",
      category: "UTILITY",
      status: "approved",
    });
    expect(mock.calls[0]?.query).toEqual({
      page: "2",
      per_page: "50",
      customer_id: CUSTOMER_ID,
      business_account_id: "102290129340398",
      whatsapp_config_id: CONFIG_ID,
      "q[name_cont]": "order",
      "q[language_code_eq]": "en_US",
      "q[category_eq]": "UTILITY",
      "q[status_eq]": "approved",
    });
    expect(mock.calls[0]?.response?.status).toBe(200);
  });

  it("sends no query at all without filters", async () => {
    const { mock, kapso } = client();
    await kapso.templates.list();
    expect(new URL(mock.calls[0]!.url).search).toBe("");
  });

  it("refuses a bad page, page size, customer or sending number before sending", async () => {
    const { mock, kapso } = client();
    const error = await kapso.templates
      .list({ page: 0, perPage: 101, customerId: "x", whatsappConfigId: "y" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      "page",
      "perPage",
      "customerId",
      "whatsappConfigId",
    ]);
    await expect(kapso.templates.list({ perPage: 2.5 })).rejects.toBeInstanceOf(ValidationError);
    expect(mock.calls).toHaveLength(0);
  });

  it("gives the data and the response with withResponse()", async () => {
    const { kapso } = client();
    const { data, response } = await kapso.templates.list().withResponse();
    expect(data.meta.total_count).toBe(7);
    expect(response.ok).toBe(true);
  });
});
