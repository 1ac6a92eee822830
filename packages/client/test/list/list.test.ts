// A list is one page when awaited and every template of every page when iterated.
import { describe, expect, it } from "vitest";
import { Kapso, ValidationError, type WhatsappTemplate } from "../../src/index.js";
import { API_KEY, fakeApi, OTHER_ID, TEMPLATE_ID, template } from "../support/fake-api.js";

const many = Array.from({ length: 7 }, (_, i) =>
  template({ id: `00000000-0000-4000-8000-00000000000${i}`, name: `t${i}` }),
);

function client(templates: WhatsappTemplate[] = many) {
  const api = fakeApi({ templates });
  return { api, kapso: new Kapso({ apiKey: API_KEY, fetch: api.fetch }) };
}

describe("templates.list", () => {
  it("awaited, gives one page with its meta, unchanged", async () => {
    const { kapso } = client();
    const page = await kapso.templates.list({ perPage: 3 });
    expect(page.data.map((t) => t.name)).toEqual(["t0", "t1", "t2"]);
    expect(page.meta).toEqual({ page: 1, per_page: 3, total_pages: 3, total_count: 7 });
  });

  it("iterated, walks every page in order", async () => {
    const { api, kapso } = client();
    const names: string[] = [];
    for await (const t of kapso.templates.list({ perPage: 3 })) names.push(t.name);
    expect(names).toEqual(["t0", "t1", "t2", "t3", "t4", "t5", "t6"]);
    expect(api.calls.map((c) => c.url.searchParams.get("page"))).toEqual([null, "2", "3"]);
  });

  it("iterated from a given page, starts there", async () => {
    const { kapso } = client();
    const names: string[] = [];
    for await (const t of kapso.templates.list({ perPage: 3, page: 3 })) names.push(t.name);
    expect(names).toEqual(["t6"]);
  });

  it("stops after the first page when there is nothing", async () => {
    const { api, kapso } = client([]);
    const names: string[] = [];
    for await (const t of kapso.templates.list()) names.push(t.name);
    expect(names).toEqual([]);
    expect(api.calls).toHaveLength(1);
  });

  it("stops fetching when the loop breaks", async () => {
    const { api, kapso } = client();
    for await (const t of kapso.templates.list({ perPage: 3 })) {
      if (t.name === "t1") break;
    }
    expect(api.calls).toHaveLength(1);
  });

  it("maps filters to the API's query parameters", async () => {
    const { api, kapso } = client();
    await kapso.templates.list({
      page: 2,
      perPage: 50,
      customerId: TEMPLATE_ID,
      businessAccountId: "102290129340398",
      whatsappConfigId: OTHER_ID,
      name: "order",
      languageCode: "en_US",
      category: "UTILITY",
      status: "approved",
    });
    expect(Object.fromEntries(api.calls[0]!.url.searchParams)).toEqual({
      page: "2",
      per_page: "50",
      customer_id: TEMPLATE_ID,
      business_account_id: "102290129340398",
      whatsapp_config_id: OTHER_ID,
      "q[name_cont]": "order",
      "q[language_code_eq]": "en_US",
      "q[category_eq]": "UTILITY",
      "q[status_eq]": "approved",
    });
  });

  it("sends no query at all without filters", async () => {
    const { api, kapso } = client();
    await kapso.templates.list();
    expect(api.calls[0]?.url.search).toBe("");
  });

  it("refuses a bad page, page size, customer or sending number before sending", async () => {
    const { api, kapso } = client();
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
    expect(api.calls).toHaveLength(0);
  });

  it("gives the response with withResponse()", async () => {
    const { kapso } = client();
    const { data, response } = await kapso.templates.list().withResponse();
    expect(data.meta.total_count).toBe(7);
    expect(response.ok).toBe(true);
  });
});
