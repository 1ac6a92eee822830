import { describe, expect, it } from "vitest";
import { DEFAULT_BASE_URL, toRequest } from "../../src/index.js";

const ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

describe("toRequest", () => {
  it("fills in path parameters under the default base URL", () => {
    const request = toRequest({ apiKey: "k" }, "GET", "/whatsapp_templates/{template_id}", {
      path: { template_id: ID },
    });
    expect(request.url).toBe(`${DEFAULT_BASE_URL}/whatsapp_templates/${ID}`);
    expect(request.method).toBe("GET");
  });

  it("encodes path parameters, so a value cannot change the path", () => {
    const request = toRequest(
      { apiKey: "k", baseUrl: "http://127.0.0.1:4010/" },
      "GET",
      "/whatsapp_templates/{template_id}",
      {
        path: { template_id: "../x?y" },
      },
    );
    expect(request.url).toBe("http://127.0.0.1:4010/whatsapp_templates/..%2Fx%3Fy");
  });

  it("writes object query values as name[key] pairs and skips undefined ones", () => {
    const request = toRequest({ apiKey: "k" }, "GET", "/whatsapp_templates", {
      query: { page: 2, per_page: undefined, q: { status_eq: "approved", name_cont: undefined } },
    });
    const url = new URL(request.url);
    expect([...url.searchParams]).toEqual([
      ["page", "2"],
      ["q[status_eq]", "approved"],
    ]);
  });

  it("sends a JSON body with its content type, the key and the User-Agent", async () => {
    const request = toRequest(
      { apiKey: "secret" },
      "POST",
      "/whatsapp_templates/{template_id}/send_template",
      {
        path: { template_id: ID },
        body: { template: { phone_number: "+14155550123" } },
      },
    );
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.get("x-api-key")).toBe("secret");
    expect(request.headers.get("user-agent")).toMatch(/^kapsokit\//);
    expect(await request.json()).toEqual({ template: { phone_number: "+14155550123" } });
  });

  it("lets extra headers through but never over the API key", () => {
    const request = toRequest(
      { apiKey: "real", headers: { "X-API-Key": "other", Prefer: "code=404" } },
      "GET",
      "/whatsapp_templates",
      {
        headers: { "x-api-key": "third", "X-Trace": "1" },
      },
    );
    expect(request.headers.get("x-api-key")).toBe("real");
    expect(request.headers.get("prefer")).toBe("code=404");
    expect(request.headers.get("x-trace")).toBe("1");
  });

  it("sends no body and no content type without a body", () => {
    const request = toRequest({ apiKey: "k" }, "GET", "/whatsapp_templates");
    expect(request.body).toBeNull();
    expect(request.headers.has("content-type")).toBe(false);
  });
});
