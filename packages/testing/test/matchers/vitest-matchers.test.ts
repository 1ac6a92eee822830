import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { createKapsoMock, defineTemplate, fixtures } from "../../src/index.js";
import { kapsoMatchers } from "../../src/vitest.js";
import { get, send } from "../support/requests.js";

const reminder = fixtures.appointmentReminder;
const reminderSend = {
  phone_number: "+14155550123",
  template_parameters: ["Ana", "Friday"],
  header_type: "image",
  header_params: "https://example.com/h.jpg",
};

async function mockWithOneSend() {
  const mock = createKapsoMock();
  await send(mock, reminder.id, reminderSend);
  return mock;
}

function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    // Colours off, so the messages read the same in a terminal and in CI.
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error("the assertion passed");
}

describe("vitest matchers", () => {
  it("toHaveSentTemplate passes for a matching send and fails with what was sent", async () => {
    const mock = await mockWithOneSend();
    expect(mock).toHaveSentTemplate(reminder.id);
    expect(mock).toHaveSentTemplate(reminder.id, { to: "+14155550123", parameters: ["Ana", "Friday"] });
    expect(mock).toHaveSentTemplate(reminder.id.toUpperCase(), { headerType: "image" });
    expect(mock).toHaveSentTemplate();
    expect(mock).not.toHaveSentTemplate(reminder.id, { to: "+442071234567" });
    expect(mock).not.toHaveSentTemplate(fixtures.orderUpdate.id);
    expect(failureOf(() => expect(mock).toHaveSentTemplate(reminder.id, { to: "+442071234567" }))).toMatch(
      /^expected the mock to have sent template .* with \{ to: "\+442071234567" \}; sent:\n {2}1\. appointment_reminder/,
    );
    expect(failureOf(() => expect(mock).not.toHaveSentTemplate(reminder.id))).toMatch(
      /not to have sent template .*, but it did: appointment_reminder \{ to: "\+14155550123"/,
    );
  });

  it("fails on a misspelt or wire-named field instead of ignoring it, even under .not", async () => {
    const mock = await mockWithOneSend();
    const misspelt = { parameter: ["Ana", "Friday"], phone: "+14155550123" } as never;
    const message =
      /toHaveSentTemplate: unknown fields "parameter" \(did you mean "parameters"\?\), "phone" \(did you mean "to"\?\) in the match; a sent template is matched by to, parameters, headerType, headerParams, headerFilename, whatsappConfigId, customerId/;
    expect(() => expect(mock).toHaveSentTemplate(reminder.id, misspelt)).toThrow(message);
    expect(() => expect(mock).not.toHaveSentTemplate(reminder.id, misspelt)).toThrow(message);
    expect(() =>
      expect(mock).toHaveSentTemplate(reminder.id, { phone_number: "+14155550123" } as never),
    ).toThrow(/unknown field "phone_number" \(did you mean "to"\?\)/);
    expect(() => expect(mock).toHaveSentTemplate(reminder.id, { headertype: "image" } as never)).toThrow(
      /unknown field "headertype" \(did you mean "headerType"\?\)/,
    );
    expect(() => expect(mock).toHaveSentTemplate(reminder.id, { colour: "red" } as never)).toThrow(
      /unknown field "colour" in the match/,
    );
    // The match as the first argument: the template id is missing.
    expect(() => expect(mock).toHaveSentTemplate({ to: "+14155550123" } as never)).toThrow(
      /the template id must be a string; for any template pass undefined first/,
    );
  });

  it("compares `to` normalised, as the client sends it", async () => {
    const mock = await mockWithOneSend();
    for (const written of ["+1 415 555 0123", "+1 (415) 555-0123", "+1.415.555.0123", "+14155550123"]) {
      expect(mock).toHaveSentTemplate(reminder.id, { to: written });
    }
    expect(mock).not.toHaveSentTemplate(reminder.id, { to: "+1 415 555 0124" });
    expect(
      failureOf(() => expect(mock).toHaveSentTemplate(reminder.id, { to: "+44 20 7123 4567" })),
    ).toContain('{ to: "+442071234567" }');
  });

  it("takes asymmetric matchers in any field, and for the whole match", async () => {
    const mock = await mockWithOneSend();
    expect(mock).toHaveSentTemplate(reminder.id, {
      to: expect.any(String),
      parameters: expect.arrayContaining(["Friday"]),
      headerParams: expect.stringContaining("example.com"),
    });
    expect(mock).toHaveSentTemplate(reminder.id, { parameters: ["Ana", expect.stringMatching(/^Fri/)] });
    expect(mock).toHaveSentTemplate(undefined, expect.objectContaining({ headerType: "image" }));
    expect(mock).not.toHaveSentTemplate(reminder.id, { headerParams: expect.stringContaining("other.org") });
    expect(mock).not.toHaveSentTemplate(reminder.id, { parameters: expect.arrayContaining(["Bob"]) });
    expect(mock).not.toHaveSentTemplate(undefined, expect.objectContaining({ headerType: "video" }));
    // A field that is absent from the send matches nothing but its absence.
    expect(mock).not.toHaveSentTemplate(reminder.id, { customerId: expect.any(String) });
  });

  it("uses the runner's custom equality testers", async () => {
    class Recipient {
      constructor(readonly e164: string) {}
    }
    expect.addEqualityTesters([
      (a: unknown, b: unknown) => (b instanceof Recipient ? a === b.e164 : undefined),
    ]);
    const mock = await mockWithOneSend();
    expect(mock).toHaveSentTemplate(reminder.id, { to: new Recipient("+14155550123") as never });
    expect(mock).not.toHaveSentTemplate(reminder.id, { to: new Recipient("+14155550199") as never });
  });

  it("compares named parameters deeply", async () => {
    const mock = createKapsoMock();
    await send(mock, fixtures.orderUpdate.id, {
      phone_number: "+14155550123",
      template_parameters: { customer_name: "Ada", order_number: "1042" },
      header_type: "text",
      header_params: "Order update",
    });
    expect(mock).toHaveSentTemplate(fixtures.orderUpdate.id, {
      parameters: { customer_name: "Ada", order_number: expect.stringMatching(/^\d+$/) },
    });
    expect(mock).not.toHaveSentTemplate(fixtures.orderUpdate.id, { parameters: { customer_name: "Ada" } });
    expect(mock).toHaveSentTemplate(fixtures.orderUpdate.id, {
      parameters: expect.objectContaining({ customer_name: "Ada" }),
    });
  });

  it("shows the difference from the closest send under the names the user wrote", async () => {
    const mock = await mockWithOneSend();
    await send(mock, reminder.id, { ...reminderSend, phone_number: "+442071234567" });
    const failure = failureOf(() =>
      expect(mock).toHaveSentTemplate(reminder.id, {
        to: "+1 415 555 0123",
        parameters: ["Ana", "Saturday"],
        headerType: expect.any(String),
      }),
    );
    expect(failure).toContain(
      'sent:\n  1. appointment_reminder (6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b) { to: "+14155550123", parameters: ["Ana", "Friday"], headerType: "image", headerParams: "https://example.com/h.jpg" }\n  2. appointment_reminder',
    );
    expect(failure).toContain("Difference from the closest, send 1:");
    const diff = failure.slice(failure.indexOf("Difference"));
    expect(diff).toMatch(/-\s+"Saturday",/);
    expect(diff).toMatch(/\+\s+"Friday",/);
    // Fields that matched, the asymmetric one included, are not reported as differences.
    expect(diff).not.toMatch(/^[-+]\s+"(to|headerType)"/m);
    expect(diff).not.toMatch(/Any<String>/);
    expect(failure).not.toMatch(/phone_number|template_parameters|header_type/);
  });

  it("needs the runner's matcher context", async () => {
    const mock = await mockWithOneSend();
    expect(() => kapsoMatchers.toHaveSentTemplate.call({} as never, mock, reminder.id)).toThrow(
      /must be called through expect.extend\(kapsoMatchers\)/,
    );
  });

  it("toHaveSentTemplate matches URL button values by position", async () => {
    const mock = createKapsoMock();
    const shipped = fixtures.orderShipped;
    await send(mock, shipped.id, {
      phone_number: "+14155550123",
      template_parameters: ["Ana", "1042"],
      button_url_params: { "0": "ABC123" },
    });
    expect(mock).toHaveSentTemplate(shipped.id, { buttons: { 0: "ABC123" } });
    expect(mock).not.toHaveSentTemplate(shipped.id, { buttons: { 0: "XYZ" } });
    expect(mock).not.toHaveSentTemplate(shipped.id, { buttons: { 1: "ABC123" } });
    expect(() => expect(mock).toHaveSentTemplate(shipped.id, { buttons: { 0: "XYZ" } })).toThrow(
      /with \{ buttons: \{ "0": "XYZ" \} \}; sent:\n {2}1\. order_shipped .*buttons: \{ "0": "ABC123" \}/,
    );
  });

  it("toHaveSentTemplate with no id fails on a mock that sent nothing", () => {
    const mock = createKapsoMock();
    expect(mock).not.toHaveSentTemplate();
    expect(() => expect(mock).toHaveSentTemplate()).toThrow(/nothing was sent/);
  });

  it("toHaveSentTemplateTimes counts the sends of one template", async () => {
    const mock = await mockWithOneSend();
    await send(mock, reminder.id, reminderSend);
    expect(mock).toHaveSentTemplateTimes(reminder.id, 2);
    expect(mock).not.toHaveSentTemplateTimes(reminder.id, 1);
    expect(() => expect(mock).toHaveSentTemplateTimes(reminder.id, 3)).toThrow(/it sent it 2 time\(s\)/);
  });

  it("toHaveCalledOperation counts requests per operation", async () => {
    const mock = await mockWithOneSend();
    await get(mock, "/whatsapp_templates");
    await get(mock, "/whatsapp_templates");
    expect(mock).toHaveCalledOperation("listWhatsappTemplates", 2);
    expect(mock).toHaveCalledOperation("sendWhatsappTemplate");
    expect(mock).not.toHaveCalledOperation("getWhatsappTemplate");
    expect(() => expect(mock).toHaveCalledOperation("getWhatsappTemplate")).toThrow(
      /received it 0 time\(s\)/,
    );
  });

  it("refuses something that is not a mock", () => {
    expect(() => expect({}).toHaveSentTemplate()).toThrow(/expects a mock from createKapsoMock/);
  });

  it("toHaveSentMessageContaining reads the message as the customer will, values filled in", async () => {
    const mock = await mockWithOneSend();
    await send(mock, fixtures.orderShipped.id, {
      phone_number: "+447700900123",
      template_parameters: ["Bo", "1042"],
      button_url_params: { "0": "ABC123" },
    });
    expect(mock).toHaveSentMessageContaining("reminder of your appointment on Friday");
    expect(mock).toHaveSentMessageContaining("Hi Bo, your order 1042 is on its way.");
    expect(mock).toHaveSentMessageContaining("Reply STOP"); // the footer
    expect(mock).toHaveSentMessageContaining("Track order"); // a button's label
    expect(mock).toHaveSentMessageContaining(/order \d+ is on its way/g);
    expect(mock).toHaveSentMessageContaining(/order \d+ is on its way/g); // a global pattern keeps no state
    // The template's own words are not the message: its placeholders are filled.
    expect(mock).not.toHaveSentMessageContaining("{{1}}");
    expect(mock).not.toHaveSentMessageContaining("Hi Friday");
  });

  it("toHaveSentMessageContaining treats runs of white space as one space", async () => {
    const mock = createKapsoMock();
    const template = defineTemplate({
      id: "0e2d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b",
      name: "two_lines",
      content: "See you {{1}}\nat  {{2}}.",
    });
    mock.templates.add(template);
    await send(mock, template.id, { phone_number: "+14155550123", template_parameters: ["Friday", "3 PM"] });
    expect(mock).toHaveSentMessageContaining("See you Friday at 3 PM.");
    expect(mock).toHaveSentMessageContaining("Friday\n at 3 PM");
    expect(mock).not.toHaveSentMessageContaining("FridayAt");
  });

  it("toHaveSentMessageContaining fails with every message as it was read", async () => {
    const mock = await mockWithOneSend();
    expect(failureOf(() => expect(mock).toHaveSentMessageContaining("Saturday"))).toBe(
      'expected the mock to have sent a message containing "Saturday"; sent:\n' +
        "  1. appointment_reminder to +14155550123:\n" +
        "     Hi Ana, this is a reminder of your appointment on Friday.\n" +
        "     Reply STOP to opt out",
    );
    expect(failureOf(() => expect(mock).not.toHaveSentMessageContaining("Ana"))).toBe(
      'expected the mock not to have sent a message containing "Ana", but it sent appointment_reminder to +14155550123:\n' +
        "     Hi Ana, this is a reminder of your appointment on Friday.\n" +
        "     Reply STOP to opt out",
    );
    expect(failureOf(() => expect(createKapsoMock()).toHaveSentMessageContaining("Ana"))).toBe(
      'expected the mock to have sent a message containing "Ana"; nothing was sent',
    );
    expect(() => expect(mock).toHaveSentMessageContaining(42 as never)).toThrow(
      /toHaveSentMessageContaining: expects a string or a RegExp, got number/,
    );
  });
});

describe("vitest matcher types", () => {
  it("refuses wrong arguments at compile time", () => {
    const mock = createKapsoMock();
    // @ts-expect-error "" is never an operation id: `pnpm generate` refuses an empty one
    expect(() => expect(mock).toHaveCalledOperation("", 1)).toThrow();
    // @ts-expect-error `times` is a number
    expect(() => expect(mock).toHaveSentTemplateTimes(fixtures.orderUpdate.id, "2")).toThrow();
    // @ts-expect-error the text is a string or a RegExp
    expect(() => expect(mock).toHaveSentMessageContaining(["Ana"])).toThrow();
  });
});

describe("@kapsokit/testing/jest outside jest", () => {
  it("says it needs jest's global expect instead of failing later", async () => {
    expect((globalThis as { expect?: unknown }).expect).toBeUndefined();
    await expect(import("../../src/jest.js")).rejects.toThrow(/needs jest's global `expect`/);
  });
});
