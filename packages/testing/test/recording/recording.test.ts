import { describe, expect, it } from "vitest";
import { createKapsoMock, fixtures, REDACTED } from "../../src/index.js";
import { API_KEY, get, send } from "../support/requests.js";

const valid = {
  phone_number: "+14155550123",
  template_parameters: { customer_name: "Ana", order_number: "1042" },
  header_type: "text",
  header_params: "Order update",
};

describe("recording", () => {
  it("records method, path, query, headers with the key redacted, and the parsed body", async () => {
    const mock = createKapsoMock();
    await send(mock, fixtures.orderUpdate.id, valid, { headers: { Authorization: "Bearer also-secret" } });
    await get(mock, "/whatsapp_templates?per_page=5&q[status_eq]=approved");
    const [sendCall, listCall] = mock.calls;
    expect(sendCall).toMatchObject({
      operation: "sendWhatsappTemplate",
      method: "POST",
      path: `/whatsapp_templates/${fixtures.orderUpdate.id}/send_template`,
      body: { template: valid },
      response: { status: 200 },
      fault: null,
      error: null,
    });
    expect(sendCall?.headers["x-api-key"]).toBe(REDACTED);
    expect(sendCall?.headers.authorization).toBe(REDACTED);
    expect(sendCall?.headers["content-type"]).toBe("application/json");
    expect(listCall?.query).toEqual({ per_page: "5", "q[status_eq]": "approved" });
    expect(listCall?.operation).toBe("listWhatsappTemplates");
  });

  it("never keeps the API key anywhere in what it recorded", async () => {
    const mock = createKapsoMock();
    await send(mock, fixtures.orderUpdate.id, valid);
    await get(mock, "/nowhere");
    mock.fault({ kind: "networkError" });
    await get(mock, "/whatsapp_templates").catch(() => undefined);
    expect(JSON.stringify(mock.calls)).not.toContain(API_KEY);
    expect(JSON.stringify(mock.sent.map(({ call: _call, ...rest }) => rest))).not.toContain(API_KEY);
  });

  it("lists accepted sends in mock.sent, with the message id of the answer", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, fixtures.orderUpdate.id, valid);
    const answer = await response.json();
    await send(mock, fixtures.orderUpdate.id, { ...valid, phone_number: "1" });
    expect(mock.sent).toHaveLength(1);
    expect(mock.sent[0]).toMatchObject({
      templateId: fixtures.orderUpdate.id,
      templateName: "order_update",
      to: "+14155550123",
      template: valid,
      messageId: answer.response.messages[0].id,
    });
    expect(mock.calls).toHaveLength(2);
  });

  it("records a body that is not JSON as text, and a call that matched no route", async () => {
    const mock = createKapsoMock();
    await mock.fetch(`${mock.baseUrl}/whatsapp_templates/${fixtures.orderUpdate.id}/send_template`, {
      method: "POST",
      headers: { "X-API-Key": "k" },
      body: "plain words",
    });
    await get(mock, "/elsewhere");
    expect(mock.calls[0]?.body).toBe("plain words");
    expect(mock.calls[1]).toMatchObject({ operation: null, response: { status: 404 } });
  });

  it("forgets calls and sends on reset(), and hands out copies", async () => {
    const mock = createKapsoMock();
    await send(mock, fixtures.orderUpdate.id, valid);
    const before = mock.calls;
    mock.reset();
    expect(mock.calls).toEqual([]);
    expect(mock.sent).toEqual([]);
    expect(before).toHaveLength(1);
    const again = await (await send(mock, fixtures.orderUpdate.id, valid)).json();
    expect(again.response.messages[0].id).toBe("wamid.MOCK00000001");
  });
});

describe("history", () => {
  const to = (i: number) => `+1415555${String(i).padStart(4, "0")}`;

  it("keeps only the latest calls and sends, oldest first, when told how many", async () => {
    const mock = createKapsoMock({ history: 3 });
    for (let i = 0; i < 10; i++) {
      expect((await send(mock, fixtures.orderUpdate.id, { ...valid, phone_number: to(i) })).status).toBe(200);
      // Whenever it is read, it holds the latest three.
      expect(
        mock.calls.map((call) => (call.body as { template: { phone_number: string } }).template.phone_number),
      ).toEqual([to(i - 2), to(i - 1), to(i)].slice(Math.max(0, 2 - i)));
    }
    expect(mock.sent.map((message) => message.to)).toEqual([to(7), to(8), to(9)]);
    expect(mock.sent.map((message) => message.messageId)).toEqual([
      "wamid.MOCK00000008",
      "wamid.MOCK00000009",
      "wamid.MOCK00000010",
    ]);
  });

  it("keeps every call by default", async () => {
    const mock = createKapsoMock();
    for (let i = 0; i < 25; i++) {
      await send(mock, fixtures.orderUpdate.id, { ...valid, phone_number: to(i) });
    }
    expect(mock.calls).toHaveLength(25);
    expect(mock.sent).toHaveLength(25);
  });

  it("refuses a history that is not a whole number of at least 1", () => {
    for (const history of [0, -1, 1.5, Number.NaN]) {
      expect(() => createKapsoMock({ history }), String(history)).toThrow(RangeError);
    }
  });
});
