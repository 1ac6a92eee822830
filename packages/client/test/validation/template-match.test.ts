// With validateAgainstTemplate, a send is compared with the template (fetched once, cached
// with a TTL) and refused when it does not fit, saying what the template expects.
import { defineTemplate, type StoredTemplate } from "@kapsokit/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NotFoundError, UnprocessableEntityError, ValidationError } from "../../src/index.js";
import { expectRequestsKeptToTheSpec, kapsoOnMock } from "../support/mock-client.js";

afterEach(expectRequestsKeptToTheSpec);

afterEach(() => {
  vi.useRealTimers();
});

const TEMPLATE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

const positional = defineTemplate({
  id: TEMPLATE_ID,
  name: "appointment_reminder",
  content: "Hi {{1}}, this is a reminder of your appointment on {{2}}.",
});

const named = defineTemplate({
  id: TEMPLATE_ID,
  name: "order_update",
  content: "Hello {{customer_name}}, your order {{order_number}} has shipped.",
  components: [
    { type: "HEADER", format: "TEXT", text: "Order {{1}}" },
    { type: "BODY", text: "Hello {{customer_name}}, your order {{order_number}} has shipped." },
  ],
});
const imageHeader = defineTemplate({
  id: TEMPLATE_ID,
  name: "appointment_reminder",
  content: "Hi {{1}}, see you on {{2}}.",
  components: [
    { type: "HEADER", format: "IMAGE" },
    { type: "BODY", text: "Hi {{1}}, see you on {{2}}." },
  ],
});

const withButtons = defineTemplate({
  id: TEMPLATE_ID,
  name: "order_shipped",
  content: "Hi {{1}}, your order {{2}} is on its way.",
  components: [
    { type: "BODY", text: "Hi {{1}}, your order {{2}} is on its way." },
    {
      type: "BUTTONS",
      buttons: [
        { type: "URL", text: "Track order", url: "https://example.com/track/{{1}}" },
        { type: "QUICK_REPLY", text: "Stop updates" },
        { type: "URL", text: "Help", url: "https://example.com/help" },
      ],
    },
  ],
});

function client(t: StoredTemplate = positional, options: { ttl?: number } | boolean = true) {
  return kapsoOnMock({ validateAgainstTemplate: options }, { templates: [t] });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

describe("validateAgainstTemplate: URL buttons", () => {
  const base = { to: "+14155550123", parameters: ["Ana", "1042"] };

  it("sends the value of a URL button whose address ends in {{1}}", async () => {
    const { mock, kapso } = client(withButtons);
    await kapso.templates.send(TEMPLATE_ID, { ...base, buttons: { 0: "ABC123" } });
    expect(mock.calls.map((c) => c.method)).toEqual(["GET", "POST"]);
    expect(mock.sent[0]?.template.button_url_params).toEqual({ "0": "ABC123" });
  });

  it("refuses a send without it, naming the button", async () => {
    const { mock, kapso } = client(withButtons);
    expect(await refusal(kapso.templates.send(TEMPLATE_ID, base))).toEqual([
      {
        path: "buttons[0]",
        message:
          'template order_shipped expects a value for button 0 URL "Track order" (https://example.com/track/{{1}})',
      },
    ]);
    expect(mock.calls.map((c) => c.method)).toEqual(["GET"]);
  });

  it("refuses a value for a button that takes none, listing the template's buttons", async () => {
    const { kapso } = client(withButtons);
    const buttons =
      '0 URL "Track order" (https://example.com/track/{{1}}), 1 QUICK_REPLY "Stop updates", 2 URL "Help" (https://example.com/help)';
    expect(
      await refusal(
        kapso.templates.send(TEMPLATE_ID, { ...base, buttons: { 0: "ABC123", 1: "x", 2: "y", 5: "z" } }),
      ),
    ).toEqual([
      {
        path: "buttons[1]",
        message: `template order_shipped expects no value for button 1; its buttons: ${buttons}`,
      },
      {
        path: "buttons[2]",
        message: `template order_shipped expects no value for button 2; its buttons: ${buttons}`,
      },
      {
        path: "buttons[5]",
        message: `template order_shipped expects no value for button 5; its buttons: ${buttons}`,
      },
    ]);
  });

  it("refuses a button value for a template without buttons", async () => {
    const { kapso } = client();
    expect(
      await refusal(
        kapso.templates.send(TEMPLATE_ID, { ...base, parameters: ["John", "Monday"], buttons: { 0: "x" } }),
      ),
    ).toEqual([
      {
        path: "buttons[0]",
        message: "template appointment_reminder expects no value for button 0; its buttons: none",
      },
    ]);
  });
});

describe("validateAgainstTemplate", () => {
  it("sends what fits the template", async () => {
    const { mock, kapso } = client();
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["John", "Monday"] });
    expect(mock.calls.map((c) => c.method)).toEqual(["GET", "POST"]);
  });

  it("refuses the wrong number of positional parameters, naming them", async () => {
    const { mock, kapso } = client();
    expect(
      await refusal(kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["John"] })),
    ).toEqual([
      {
        path: "parameters",
        message: "template appointment_reminder expects 2 positional parameters ({{1}}, {{2}})",
      },
    ]);
    expect(mock.calls.map((c) => c.method)).toEqual(["GET"]);
  });

  it("refuses named parameters for a positional template", async () => {
    const { kapso } = client();
    const issues = await refusal(
      kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: { a: "1" } }),
    );
    expect(issues[0]?.message).toMatch(/expects 2 positional parameters/);
  });

  it("refuses missing or extra named parameters, naming the expected ones", async () => {
    const { kapso } = client(named);
    const send = (parameters: Record<string, string>) =>
      refusal(
        kapso.templates.send(TEMPLATE_ID, {
          to: "+14155550123",
          parameters,
          header: { type: "text", text: "1042" },
        }),
      );
    expect(await send({ customer_name: "John" })).toEqual([
      {
        path: "parameters",
        message:
          "template order_update expects named parameters {{customer_name}}, {{order_number}}, got {{customer_name}}",
      },
    ]);
    expect((await send({ customer_name: "J", order_number: "1", coupon: "x" }))[0]?.path).toBe("parameters");
  });

  it("refuses a missing media header, saying which one", async () => {
    const { kapso } = client(imageHeader);
    expect(
      await refusal(kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["a", "b"] })),
    ).toEqual([{ path: "header", message: "template appointment_reminder expects header type image" }]);
  });

  it("refuses a header of the wrong type", async () => {
    const { kapso } = client(imageHeader);
    const header = { type: "video", url: "https://example.com/a.mp4" } as const;
    const issues = await refusal(
      kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["a", "b"], header }),
    );
    expect(issues[0]?.message).toMatch(/expects header type image/);
  });

  it("requires a text header when the template's header text has a placeholder", async () => {
    const { kapso } = client(named);
    const parameters = { customer_name: "J", order_number: "1" };
    expect(await refusal(kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters }))).toEqual([
      { path: "header", message: "template order_update expects header type text" },
    ]);
  });

  it("refuses a header for a template without one", async () => {
    const { kapso } = client();
    const header = { type: "image", url: "https://example.com/a.jpg" } as const;
    expect(
      await refusal(
        kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["a", "b"], header }),
      ),
    ).toEqual([{ path: "header", message: "template appointment_reminder expects no header" }]);
  });

  it("reports parameters and header together", async () => {
    const { kapso } = client(imageHeader);
    expect(
      (await refusal(kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }))).map((i) => i.path),
    ).toEqual(["parameters", "header"]);
  });

  it("refuses a template that is not approved", async () => {
    const { mock, kapso } = client({ ...positional, status: "rejected" });
    expect(
      await refusal(
        kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["John", "Monday"] }),
      ),
    ).toEqual([
      { path: "templateId", message: "template appointment_reminder expects approved status, not rejected" },
    ]);
    expect(mock.calls.map((c) => c.method)).toEqual(["GET"]);
  });

  it("fetches the template once for many sends", async () => {
    const { mock, kapso } = client();
    for (let i = 0; i < 3; i++) {
      await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["John", "Monday"] });
    }
    expect(mock.calls.map((c) => c.method)).toEqual(["GET", "POST", "POST", "POST"]);
  });

  it("checks sends against a template the caller has just read, without reading it again", async () => {
    const { mock, kapso } = client();
    await kapso.templates.get(TEMPLATE_ID);
    await kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["John", "Monday"] });
    expect(mock.calls.map((c) => c.method)).toEqual(["GET", "POST"]);
    await expect(
      kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["John"] }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("keeps no template from a read when sends are not checked: a misfit goes out, and the API refuses it", async () => {
    const { mock, kapso } = client(positional, false);
    await kapso.templates.get(TEMPLATE_ID);
    await expect(
      kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["John"] }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
    expect(mock.calls.map((c) => c.method)).toEqual(["GET", "POST"]);
  });

  it("fetches it again once the TTL has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { mock, kapso } = client(positional, { ttl: 1000 });
    const send = () =>
      kapso.templates.send(TEMPLATE_ID, { to: "+14155550123", parameters: ["John", "Monday"] });
    await send();
    vi.advanceTimersByTime(999);
    await send();
    vi.advanceTimersByTime(2);
    await send();
    expect(mock.calls.map((c) => c.method)).toEqual(["GET", "POST", "POST", "GET", "POST"]);
  });

  it("does not keep a failed fetch: the next send asks again", async () => {
    const { mock, kapso } = client();
    mock.templates.remove(TEMPLATE_ID);
    const input = { to: "+14155550123", parameters: ["John", "Monday"] };
    await expect(kapso.templates.send(TEMPLATE_ID, input)).rejects.toBeInstanceOf(NotFoundError);
    mock.templates.add(positional);
    await kapso.templates.send(TEMPLATE_ID, input);
    expect(mock.calls.map((c) => c.method)).toEqual(["GET", "GET", "POST"]);
  });

  it("can be turned off per send (a misfit goes out, and the API refuses it) or on", async () => {
    const off = client(positional, true);
    await expect(
      off.kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }, { validateAgainstTemplate: false }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
    expect(off.mock.calls.map((c) => c.method)).toEqual(["POST"]);

    const on = kapsoOnMock({}, { templates: [positional] });
    await expect(
      on.kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" }, { validateAgainstTemplate: true }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(on.mock.calls.map((c) => c.method)).toEqual(["GET"]);
  });

  it("is off by default: a misfit goes out, and the API refuses it", async () => {
    const { mock, kapso } = kapsoOnMock({}, { templates: [positional] });
    await expect(kapso.templates.send(TEMPLATE_ID, { to: "+14155550123" })).rejects.toBeInstanceOf(
      UnprocessableEntityError,
    );
    expect(mock.calls.map((c) => c.method)).toEqual(["POST"]);
  });
});
