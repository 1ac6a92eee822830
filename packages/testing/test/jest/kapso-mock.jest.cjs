// The mock and its matchers under jest 30. Run by run-jest.test.ts, which reports each of
// these tests to vitest.
const { stripVTControlCharacters } = require("node:util");
const { createKapsoMock, fixtures, MockNetworkError } = require("../../dist/index.cjs");

const reminder = fixtures.appointmentReminder;
const body = {
  template: {
    phone_number: "+14155550123",
    template_parameters: ["Ana", "Friday"],
    header_type: "image",
    header_params: "https://example.com/h.jpg",
  },
};

function send(mock, templateId = reminder.id, payload = body) {
  return mock.fetch(`${mock.baseUrl}/whatsapp_templates/${templateId}/send_template`, {
    method: "POST",
    headers: { "X-API-Key": "jest_key", "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
}

describe("the Kapso mock under jest", () => {
  test("sends and matches with toHaveSentTemplate", async () => {
    const mock = createKapsoMock();
    const response = await send(mock);
    expect(response.status).toBe(200);
    expect(mock).toHaveSentTemplate(reminder.id, { to: "+14155550123", parameters: ["Ana", "Friday"] });
    expect(mock).not.toHaveSentTemplate(fixtures.orderUpdate.id);
    expect(() => expect(mock).toHaveSentTemplate(reminder.id, { to: "+4420" })).toThrow(
      /to have sent template/,
    );
  });

  test("fails on a misspelt field, under .not too", async () => {
    const mock = createKapsoMock();
    await send(mock);
    const misspelt = { parameter: ["Ana", "Friday"], phone: "+14155550123" };
    const message =
      /unknown fields "parameter" \(did you mean "parameters"\?\), "phone" \(did you mean "to"\?\)/;
    expect(() => expect(mock).toHaveSentTemplate(reminder.id, misspelt)).toThrow(message);
    expect(() => expect(mock).not.toHaveSentTemplate(reminder.id, misspelt)).toThrow(message);
  });

  test("compares `to` normalised and takes jest's asymmetric matchers", async () => {
    const mock = createKapsoMock();
    await send(mock);
    expect(mock).toHaveSentTemplate(reminder.id, { to: "+1 (415) 555-0123" });
    expect(mock).toHaveSentTemplate(reminder.id, {
      to: expect.any(String),
      parameters: expect.arrayContaining(["Friday"]),
      headerParams: expect.stringContaining("example.com"),
    });
    expect(mock).toHaveSentTemplate(undefined, expect.objectContaining({ headerType: "image" }));
    expect(mock).not.toHaveSentTemplate(reminder.id, { parameters: expect.arrayContaining(["Bob"]) });
    expect(mock).not.toHaveSentTemplate(reminder.id, { to: "+1 415 555 0199" });
  });

  test("shows the closest send under the names the user wrote", async () => {
    const mock = createKapsoMock();
    await send(mock);
    let message = "";
    try {
      expect(mock).toHaveSentTemplate(reminder.id, { to: "+14155550123", parameters: ["Ana", "Saturday"] });
    } catch (error) {
      message = stripVTControlCharacters(error.message);
    }
    expect(message).toContain('{ to: "+14155550123", parameters: ["Ana", "Friday"], headerType: "image"');
    expect(message).toContain("Difference from the closest, send 1:");
    expect(message).toMatch(/-\s+"Saturday",\n\+\s+"Friday",/);
    expect(message).not.toMatch(/phone_number|template_parameters/);
  });

  test("counts with toHaveSentTemplateTimes", async () => {
    const mock = createKapsoMock();
    await send(mock);
    await send(mock);
    expect(mock).toHaveSentTemplateTimes(reminder.id, 2);
    expect(mock).not.toHaveSentTemplateTimes(reminder.id, 1);
  });

  test("reads the message as the customer will with toHaveSentMessageContaining", async () => {
    const mock = createKapsoMock();
    await send(mock);
    expect(mock).toHaveSentMessageContaining("Hi Ana, this is a reminder of your appointment on Friday.");
    expect(mock).toHaveSentMessageContaining(/appointment on \w+day/);
    expect(mock).not.toHaveSentMessageContaining("{{1}}");
    expect(() => expect(mock).toHaveSentMessageContaining("Saturday")).toThrow(
      /containing "Saturday"; sent:\n {2}1\. appointment_reminder to \+14155550123:\n {5}Hi Ana/,
    );
  });

  test("counts operations with toHaveCalledOperation", async () => {
    const mock = createKapsoMock();
    await mock.fetch(`${mock.baseUrl}/whatsapp_templates`, { headers: { "X-API-Key": "k" } });
    expect(mock).toHaveCalledOperation("listWhatsappTemplates", 1);
    expect(mock).not.toHaveCalledOperation("sendWhatsappTemplate");
  });

  test("validates against the spec and redacts the key", async () => {
    const mock = createKapsoMock();
    const response = await send(mock, "not-a-uuid");
    expect(response.status).toBe(422);
    expect(mock.calls[0].headers["x-api-key"]).toBe("[redacted]");
  });

  test("fails on demand: 429, then a dropped connection after the send was accepted", async () => {
    const mock = createKapsoMock();
    mock.fault({ kind: "rateLimited", retryAfter: 3 });
    const limited = await send(mock);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    mock.fault({ kind: "dropAfterAccept" });
    await expect(send(mock)).rejects.toBeInstanceOf(MockNetworkError);
    expect(mock.sent).toHaveLength(1);
  });
});
