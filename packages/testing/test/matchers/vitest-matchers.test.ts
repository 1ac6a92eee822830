import { describe, expect, it } from "vitest";
import "../../src/vitest.js";
import { createKapsoMock, fixtures } from "../../src/index.js";
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

describe("vitest matchers", () => {
  it("toHaveSentTemplate passes for a matching send and fails with what was sent", async () => {
    const mock = await mockWithOneSend();
    expect(mock).toHaveSentTemplate(reminder.id);
    expect(mock).toHaveSentTemplate(reminder.id, { to: "+14155550123", parameters: ["Ana", "Friday"] });
    expect(mock).toHaveSentTemplate(reminder.id.toUpperCase(), { headerType: "image" });
    expect(mock).toHaveSentTemplate();
    expect(mock).not.toHaveSentTemplate(reminder.id, { to: "+442071234567" });
    expect(mock).not.toHaveSentTemplate(fixtures.orderUpdate.id);
    expect(() => expect(mock).toHaveSentTemplate(reminder.id, { to: "+442071234567" })).toThrow(
      /expected the mock to have sent template .* with \{"to":"\+442071234567"\}; sent:\n {2}appointment_reminder/,
    );
    expect(() => expect(mock).not.toHaveSentTemplate(reminder.id)).toThrow(/not to have sent/);
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
      /with \{"buttons":\{"0":"XYZ"\}\}; sent:\n {2}order_shipped .*"button_url_params":\{"0":"ABC123"\}/,
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
});

describe("vitest matcher types", () => {
  it("refuses wrong arguments at compile time", () => {
    const mock = createKapsoMock();
    // @ts-expect-error "" is never an operation id: `pnpm generate` refuses an empty one
    expect(() => expect(mock).toHaveCalledOperation("", 1)).toThrow();
    // @ts-expect-error `times` is a number
    expect(() => expect(mock).toHaveSentTemplateTimes(fixtures.orderUpdate.id, "2")).toThrow();
  });
});

describe("@kapsokit/testing/jest outside jest", () => {
  it("says it needs jest's global expect instead of failing later", async () => {
    expect((globalThis as { expect?: unknown }).expect).toBeUndefined();
    await expect(import("../../src/jest.js")).rejects.toThrow(/needs jest's global `expect`/);
  });
});
