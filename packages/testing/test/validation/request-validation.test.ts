import { describe, expect, it } from "vitest";
import { createKapsoMock, fixtures } from "../../src/index.js";
import { API_KEY, get, send } from "../support/requests.js";

const id = fixtures.appointmentReminder.id;

async function violations(response: Response): Promise<string[]> {
  const body = await response.json();
  return body.violations.map((v: { message: string }) => v.message);
}

describe("requests validated against the spec", () => {
  it("answers 422 naming every violation of a send body at once", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, id, {
      phone_number: "123",
      header_type: "audio",
      whatsapp_config_id: "nope",
      color: "red",
    });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toBe("Validation failed");
    expect(body.status).toBe(422);
    // In ajv's order, which is Prism's.
    expect(body.violations.map((v: { message: string }) => v.message)).toEqual([
      "body template must NOT have additional properties; found 'color'",
      'body template.phone_number must match pattern "^\\+[1-9][0-9]{6,14}$"',
      "body template.header_type must be equal to one of the allowed values: text, image, video, document",
      'body template.whatsapp_config_id must match format "uuid"',
    ]);
    expect(body.message).toContain("template.phone_number must match pattern");
    expect(mock.sent).toHaveLength(0);
  });

  it("names a bad template id in the path", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, "not-a-uuid", { phone_number: "+14155550123" });
    expect(response.status).toBe(422);
    expect(await violations(response)).toEqual(['path parameter template_id must match format "uuid"']);
  });

  it("rejects parameters that are neither an array of strings nor an object of strings", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, id, { phone_number: "+14155550123", template_parameters: [1, "b"] });
    expect(response.status).toBe(422);
    expect(await violations(response)).toEqual([
      "body template.template_parameters.0 must be string",
      "body template.template_parameters must be object",
      "body template.template_parameters must match exactly one schema in oneOf",
    ]);
  });

  it("rejects a missing body, a body that is not JSON and a body that does not parse", async () => {
    const mock = createKapsoMock();
    const url = `${mock.baseUrl}/whatsapp_templates/${id}/send_template`;
    const empty = await mock.fetch(url, { method: "POST", headers: { "X-API-Key": API_KEY } });
    expect(empty.status).toBe(422);
    expect(await violations(empty)).toEqual(["body is required"]);
    const text = await mock.fetch(url, {
      method: "POST",
      headers: { "X-API-Key": API_KEY, "Content-Type": "text/plain" },
      body: "hello",
    });
    expect(text.status).toBe(422);
    expect(await violations(text)).toEqual(["body must be sent as application/json"]);
    const broken = await mock.fetch(url, {
      method: "POST",
      headers: { "X-API-Key": API_KEY, "Content-Type": "application/json" },
      body: '{"template":',
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toBe("Invalid JSON");
  });

  it("coerces query values like Prism and names out-of-range ones", async () => {
    const mock = createKapsoMock();
    expect((await get(mock, "/whatsapp_templates?per_page=1e1&page=")).status).toBe(200);
    const bad = await get(mock, "/whatsapp_templates?per_page=101&page=0&q[status_eq]=removed&customer_id=x");
    expect(bad.status).toBe(422);
    expect(await violations(bad)).toEqual([
      "query parameter page must be >= 1",
      "query parameter per_page must be <= 100",
      'query parameter customer_id must match format "uuid"',
      "query parameter q.status_eq must be equal to one of the allowed values: draft, submitted, approved, rejected, disabled",
    ]);
    const repeated = await get(mock, "/whatsapp_templates?per_page=5&per_page=6");
    expect(await violations(repeated)).toEqual(["query parameter per_page must be integer"]);
  });

  it("answers 401 with the spec's body when the key is missing, before validating", async () => {
    const mock = createKapsoMock();
    const response = await mock.fetch(`${mock.baseUrl}/whatsapp_templates?per_page=0`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: "Unauthorized",
      status: 401,
      message: "Invalid or missing API key",
    });
  });

  it("accepts only the listed keys when given some", async () => {
    const mock = createKapsoMock({ apiKeys: ["good"] });
    expect((await get(mock, "/whatsapp_templates", { "X-API-Key": "bad" })).status).toBe(401);
    expect((await get(mock, "/whatsapp_templates", { "X-API-Key": "good" })).status).toBe(200);
  });

  it("answers 404 for an unknown path and 405 for a known path with another method", async () => {
    const mock = createKapsoMock();
    expect((await get(mock, "/whatsapp_configs")).status).toBe(404);
    const wrong = await mock.fetch(`${mock.baseUrl}/whatsapp_templates`, {
      method: "DELETE",
      headers: { "X-API-Key": API_KEY },
    });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });

  it("answers on any host, with or without the base URL's path", async () => {
    const mock = createKapsoMock();
    const bare = await mock.fetch("http://localhost:1234/whatsapp_templates", {
      headers: { "X-API-Key": "k" },
    });
    expect(bare.status).toBe(200);
  });
});
