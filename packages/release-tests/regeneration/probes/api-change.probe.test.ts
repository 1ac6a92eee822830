// The mock after the spec change of the regeneration test: its validators and route table
// come from the spec, so the new field and the new operation must be known without any
// hand edit, and what the spec still forbids must still be refused.
import { describe, expect, it } from "vitest";
import { createKapsoMock, fixtures } from "../src/index.js";

const valid = {
  phone_number: "+14155550123",
  template_parameters: { customer_name: "Ada", order_number: "1042" },
  header_type: "text",
  header_params: "Order update",
};

function post(path: string, body?: unknown) {
  const mock = createKapsoMock();
  const response = mock.fetch(`${mock.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": "sk_test_probe" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { mock, response };
}

const sendPath = `/whatsapp_templates/${fixtures.orderUpdate.id}/send_template`;

describe("the send body", () => {
  it("accepts the new optional field", async () => {
    const response = await post(sendPath, { template: { ...valid, message_tag: "spring-reminder" } })
      .response;
    expect(response.status, await response.text()).toBe(200);
  });

  it("still accepts a send without it", async () => {
    expect((await post(sendPath, { template: valid }).response).status).toBe(200);
  });

  it("refuses the new field with the wrong type, naming it", async () => {
    const response = await post(sendPath, { template: { ...valid, message_tag: 42 } }).response;
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("message_tag");
  });

  it("refuses the new field above its maximum length", async () => {
    const response = await post(sendPath, { template: { ...valid, message_tag: "x".repeat(65) } }).response;
    expect(response.status).toBe(422);
  });

  it("still refuses a field the spec does not have", async () => {
    const response = await post(sendPath, { template: { ...valid, campaign: "spring" } }).response;
    expect(response.status).toBe(422);
  });
});

describe("the new operation", () => {
  it("is routed to its operation id", async () => {
    const { mock, response } = post(`/whatsapp_templates/${fixtures.orderUpdate.id}/archive`);
    await response;
    expect(mock.calls[0]?.operation).toBe("archiveWhatsappTemplate");
  });

  it("validates its path parameter like every other operation", async () => {
    const { mock, response } = post("/whatsapp_templates/not-a-uuid/archive");
    const status = (await response).status;
    expect(mock.calls[0]?.operation).toBe("archiveWhatsappTemplate");
    expect(status).toBe(422);
  });
});
