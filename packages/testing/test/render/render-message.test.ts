// renderMessage: a send as its recipient will see it, on every fixture and on the edge cases
// of filling placeholders.
import type { TemplateMessage } from "@kapsokit/core";
import { describe, expect, it } from "vitest";
import {
  createKapsoMock,
  defineTemplate,
  type Fixtures,
  fixtures,
  type RenderedMessage,
  renderMessage,
} from "../../src/index.js";
import { send } from "../support/requests.js";

const TO = "+14155550123";

// One send per fixture, as a user of the template would write it, and what the customer sees.
const cases: Record<keyof Fixtures, { message: TemplateMessage; expected: Partial<RenderedMessage> }> = {
  appointmentReminder: {
    message: {
      phone_number: TO,
      template_parameters: ["Ana", "Friday at 3 PM"],
      header_type: "image",
      header_params: "https://example.com/reminder.jpg",
    },
    expected: {
      templateName: "appointment_reminder",
      header: { kind: "image", url: "https://example.com/reminder.jpg", filename: null },
      text: "Hi Ana, this is a reminder of your appointment on Friday at 3 PM.\nReply STOP to opt out",
      footer: "Reply STOP to opt out",
      buttons: [],
    },
  },
  orderUpdate: {
    message: {
      phone_number: TO,
      template_parameters: { customer_name: "Ana", order_number: "1042" },
      header_type: "text",
      header_params: "Order update",
    },
    expected: {
      header: { kind: "text", parts: [{ kind: "text", text: "Order update" }] },
      text: "Order update\nHello Ana, your order 1042 has shipped.",
      footer: null,
    },
  },
  invoiceReady: {
    message: {
      phone_number: TO,
      template_parameters: ["INV-2041"],
      header_type: "document",
      header_params: "https://example.com/invoice.pdf",
      header_filename: "invoice.pdf",
    },
    expected: {
      header: { kind: "document", url: "https://example.com/invoice.pdf", filename: "invoice.pdf" },
      text: "Your invoice INV-2041 is attached.",
    },
  },
  springSaleDraft: {
    message: { phone_number: TO, template_parameters: { first_name: "Ana" } },
    expected: {
      languageCode: "es_MX",
      header: null,
      text: "Hola Ana, la venta de primavera empieza mañana.",
    },
  },
  orderShipped: {
    message: { phone_number: TO, template_parameters: ["Ana", "1042"], button_url_params: { "0": "ABC123" } },
    expected: {
      text: "Hi Ana, your order 1042 is on its way.\nTrack order\nStop updates",
      buttons: [
        {
          type: "URL",
          text: "Track order",
          url: "https://example.com/track/ABC123",
          urlParts: [
            { kind: "text", text: "https://example.com/track/" },
            { kind: "parameter", name: "1", value: "ABC123" },
          ],
          phoneNumber: null,
        },
        { type: "QUICK_REPLY", text: "Stop updates", url: null, urlParts: null, phoneNumber: null },
      ],
    },
  },
  appointmentConfirmation: {
    message: {
      phone_number: "+123456789012",
      template_parameters: ["John Smith", "Tomorrow at 2 PM"],
      header_type: "image",
      header_params: "https://example.com/header-image.jpg",
      header_filename: "invoice.pdf",
    },
    expected: {
      to: "+123456789012",
      header: { kind: "image", url: "https://example.com/header-image.jpg", filename: null },
      text: "Hi John Smith, your appointment is confirmed for Tomorrow at 2 PM.",
    },
  },
};

describe("renderMessage on every fixture", () => {
  it("has a case for each fixture", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(fixtures).sort());
  });

  it.each(Object.entries(cases) as [keyof Fixtures, (typeof cases)[keyof Fixtures]][])(
    "%s renders filled in, with no problem, and the mock agrees the send fits",
    async (name, { message, expected }) => {
      const template = fixtures[name];
      const rendered = renderMessage(template, message);
      expect(rendered).toMatchObject({
        templateName: template.name,
        languageCode: template.language_code,
        to: message.phone_number,
        problems: [],
        ...expected,
      });
      expect(rendered.text).not.toContain("{{");
      // The mock's own check of the send agrees: accepted, or refused only for the draft's status.
      const response = await send(createKapsoMock(), template.id, message);
      expect(response.status, JSON.stringify(await response.clone().json())).toBe(
        template.status === "approved" ? 200 : 422,
      );
    },
  );

  it("keeps each filled-in value apart from the template's text, so it can be marked", () => {
    const { body } = renderMessage(fixtures.appointmentReminder, cases.appointmentReminder.message);
    expect(body).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "parameter", name: "1", value: "Ana" },
      { kind: "text", text: ", this is a reminder of your appointment on " },
      { kind: "parameter", name: "2", value: "Friday at 3 PM" },
      { kind: "text", text: "." },
    ]);
  });

  it("shows a wrong parameter order as the customer would read it", () => {
    const swapped = { ...cases.appointmentReminder.message, template_parameters: ["Friday at 3 PM", "Ana"] };
    const { text, problems } = renderMessage(fixtures.appointmentReminder, swapped);
    expect(text).toContain("Hi Friday at 3 PM, this is a reminder of your appointment on Ana.");
    expect(problems).toEqual([]);
  });
});

const withBody = (content: string, extra: Parameters<typeof defineTemplate>[0] = { id: "", name: "" }) =>
  defineTemplate({ ...extra, id: "0e2d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b", name: "edge", content });

describe("renderMessage on the edge cases", () => {
  it("marks a missing parameter and names it", () => {
    const rendered = renderMessage(withBody("Hi {{1}}, see you {{2}}."), {
      phone_number: TO,
      template_parameters: ["Ana"],
    });
    expect(rendered.body).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "parameter", name: "1", value: "Ana" },
      { kind: "text", text: ", see you " },
      { kind: "missing", name: "2" },
      { kind: "text", text: "." },
    ]);
    expect(rendered.text).toBe("Hi Ana, see you {{2}}.");
    expect(rendered.problems).toEqual([
      {
        kind: "missing-parameter",
        message: "{{2}} has no value (2 placeholders in the body, 1 parameter given)",
      },
    ]);
  });

  it("marks every placeholder missing when no parameters are given", () => {
    const rendered = renderMessage(withBody("Hi {{name}}"), { phone_number: TO });
    expect(rendered.body).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "missing", name: "name" },
    ]);
    expect(rendered.problems.map((p) => p.message)).toEqual([
      "{{name}} has no value (1 placeholder in the body, 0 parameters given)",
    ]);
  });

  it("names an extra positional parameter and an extra named one", () => {
    const positional = renderMessage(withBody("Hi {{1}}"), {
      phone_number: TO,
      template_parameters: ["Ana", "Friday"],
    });
    expect(positional.text).toBe("Hi Ana");
    expect(positional.problems).toEqual([
      {
        kind: "extra-parameter",
        message:
          'parameter 2 ("Friday") fills no placeholder (1 placeholder in the body, 2 parameters given)',
      },
    ]);
    const named = renderMessage(withBody("Hi {{name}}"), {
      phone_number: TO,
      template_parameters: { name: "Ana", nmae: "Bo" },
    });
    expect(named.problems).toEqual([
      {
        kind: "extra-parameter",
        message: 'parameter "nmae" ("Bo") fills no placeholder; the body has {{name}}',
      },
    ]);
  });

  it("fills a placeholder at the very start and at the very end, with no empty text around them", () => {
    const rendered = renderMessage(withBody("{{1}} is ready for {{2}}"), {
      phone_number: TO,
      template_parameters: ["Your order", "pick-up"],
    });
    expect(rendered.body).toEqual([
      { kind: "parameter", name: "1", value: "Your order" },
      { kind: "text", text: " is ready for " },
      { kind: "parameter", name: "2", value: "pick-up" },
    ]);
    expect(
      renderMessage(withBody("{{1}}"), { phone_number: TO, template_parameters: ["only"] }).body,
    ).toEqual([{ kind: "parameter", name: "1", value: "only" }]);
  });

  it("fills a repeated placeholder each time it appears, from one value", () => {
    const rendered = renderMessage(withBody("{{name}}, yes, you, {{name}}!"), {
      phone_number: TO,
      template_parameters: { name: "Ana" },
    });
    expect(rendered.text).toBe("Ana, yes, you, Ana!");
    expect(rendered.body.filter((p) => p.kind === "parameter")).toHaveLength(2);
    expect(rendered.problems).toEqual([]);
  });

  it("keeps HTML in a parameter as the literal text it is", () => {
    const html = '<img src=x onerror="alert(1)"><b>Ana</b>';
    const rendered = renderMessage(withBody("Hi {{1}}"), { phone_number: TO, template_parameters: [html] });
    expect(rendered.body[1]).toEqual({ kind: "parameter", name: "1", value: html });
    expect(rendered.text).toBe(`Hi ${html}`);
  });

  it("says an empty value is empty", () => {
    const rendered = renderMessage(withBody("Hi {{1}}"), { phone_number: TO, template_parameters: [" "] });
    expect(rendered.problems).toEqual([{ kind: "missing-parameter", message: "{{1}} is empty" }]);
  });

  it("says when positional parameters meet named placeholders, and the other way round", () => {
    const named = renderMessage(fixtures.orderUpdate, {
      phone_number: TO,
      template_parameters: ["Ana", "1042"],
    });
    expect(named.body.filter((p) => p.kind === "missing").map((p) => p.name)).toEqual([
      "customer_name",
      "order_number",
    ]);
    expect(named.problems).toEqual([
      {
        kind: "parameter-kind",
        message:
          "the template's placeholders are named ({{customer_name}}, {{order_number}}), but positional parameters were given",
      },
    ]);
    const positional = renderMessage(withBody("Hi {{1}}"), {
      phone_number: TO,
      template_parameters: { first: "Ana" },
    });
    expect(positional.problems.map((p) => p.kind)).toEqual(["parameter-kind"]);
  });

  it("reads the body from `content` when the template has no BODY component", () => {
    const template = { ...withBody("Hi {{1}}"), components: [] };
    expect(renderMessage(template, { phone_number: TO, template_parameters: ["Ana"] }).text).toBe("Hi Ana");
  });

  it("shows a value that is not a string as text, the way it would be sent", () => {
    const message = { phone_number: TO, template_parameters: [42] } as unknown as TemplateMessage;
    expect(renderMessage(withBody("You have {{1}} points"), message).text).toBe("You have 42 points");
  });
});

describe("renderMessage's headers", () => {
  const textHeader = (text: string) =>
    withBody("Body", {
      id: "",
      name: "",
      components: [
        { type: "HEADER", format: "TEXT", text },
        { type: "BODY", text: "Body" },
      ],
    });

  it("fills a text header's placeholder with header_params, and marks it", () => {
    const rendered = renderMessage(textHeader("Order {{1}} shipped"), {
      phone_number: TO,
      header_type: "text",
      header_params: "1042",
    });
    expect(rendered.header).toEqual({
      kind: "text",
      parts: [
        { kind: "text", text: "Order " },
        { kind: "parameter", name: "1", value: "1042" },
        { kind: "text", text: " shipped" },
      ],
    });
    expect(rendered.text).toBe("Order 1042 shipped\nBody");
  });

  it("says a text header's placeholder has no value", () => {
    const rendered = renderMessage(textHeader("Order {{1}}"), { phone_number: TO });
    expect(rendered.header).toEqual({
      kind: "text",
      parts: [
        { kind: "text", text: "Order " },
        { kind: "missing", name: "1" },
      ],
    });
    expect(rendered.problems).toEqual([
      { kind: "header", message: "the header's {{1}} has no value (header_params)" },
    ]);
  });

  it("says a fixed text header does not show a different text", () => {
    const rendered = renderMessage(fixtures.orderUpdate, {
      ...cases.orderUpdate.message,
      header_params: "Shipping news",
    });
    expect(rendered.text.split("\n")[0]).toBe("Order update");
    expect(rendered.problems).toEqual([
      {
        kind: "header",
        message:
          'the template\'s header is the fixed text "Order update"; the header text given ("Shipping news") is not shown',
      },
    ]);
  });

  it("says a media header is missing, of the wrong kind, or without an address", () => {
    const reminder = fixtures.appointmentReminder;
    const base = { phone_number: TO, template_parameters: ["Ana", "Friday"] };
    expect(renderMessage(reminder, base).problems).toEqual([
      { kind: "header", message: "the template's header is an image, but no header was given" },
    ]);
    const wrong = renderMessage(reminder, {
      ...base,
      header_type: "video",
      header_params: "https://x.test/v.mp4",
    });
    expect(wrong.header).toEqual({ kind: "image", url: null, filename: null });
    expect(wrong.problems.map((p) => p.message)).toEqual([
      "the template's header is an image, but a video header was given",
    ]);
    expect(renderMessage(reminder, { ...base, header_type: "image" }).problems.map((p) => p.message)).toEqual(
      ["the image header has no address (header_params)"],
    );
  });

  it("says a header was given to a template without one", () => {
    const rendered = renderMessage(withBody("Hi"), {
      phone_number: TO,
      header_type: "text",
      header_params: "Hey",
    });
    expect(rendered.header).toBeNull();
    expect(rendered.problems).toEqual([
      { kind: "header", message: "the template has no header, but a text header was given" },
    ]);
  });

  it("shows a location header as such", () => {
    const template = withBody("Here", {
      id: "",
      name: "",
      components: [{ type: "HEADER", format: "LOCATION" }],
    });
    expect(renderMessage(template, { phone_number: TO }).header).toEqual({ kind: "location" });
  });
});

describe("renderMessage's buttons", () => {
  const shipped = fixtures.orderShipped;
  const base = { phone_number: TO, template_parameters: ["Ana", "1042"] };

  it("says a URL button's value is missing, and leaves its address unfinished", () => {
    const rendered = renderMessage(shipped, base);
    expect(rendered.buttons[0]).toMatchObject({
      url: null,
      urlParts: [
        { kind: "text", text: "https://example.com/track/" },
        { kind: "missing", name: "1" },
      ],
    });
    expect(rendered.problems).toEqual([
      {
        kind: "missing-button-parameter",
        message:
          'button 0 ("Track order") needs a value for its address https://example.com/track/{{1}} (button_url_params["0"])',
      },
    ]);
  });

  it("names a value for a button that takes none, and one for a button that does not exist", () => {
    const rendered = renderMessage(shipped, {
      ...base,
      button_url_params: { "0": "A1", "1": "x", "5": "y" },
    });
    expect(rendered.buttons[0]?.url).toBe("https://example.com/track/A1");
    expect(rendered.problems).toEqual([
      {
        kind: "extra-button-parameter",
        message: 'button_url_params["1"] ("x") fills no button: button 1 is QUICK_REPLY',
      },
      {
        kind: "extra-button-parameter",
        message: 'button_url_params["5"] ("y") fills no button: the template has buttons 0 to 1',
      },
    ]);
  });

  it("shows a fixed address and a phone number button as they are", () => {
    const template = withBody("Call us", {
      id: "",
      name: "",
      components: [
        { type: "BODY", text: "Call us" },
        {
          type: "BUTTONS",
          buttons: [
            { type: "URL", text: "Website", url: "https://example.com/help" },
            { type: "PHONE_NUMBER", text: "Call", phone_number: "+14155550100" },
          ],
        },
      ],
    });
    const rendered = renderMessage(template, { phone_number: TO });
    expect(rendered.buttons).toEqual([
      {
        type: "URL",
        text: "Website",
        url: "https://example.com/help",
        urlParts: [{ kind: "text", text: "https://example.com/help" }],
        phoneNumber: null,
      },
      { type: "PHONE_NUMBER", text: "Call", url: null, urlParts: null, phoneNumber: "+14155550100" },
    ]);
    expect(rendered.text).toBe("Call us\nWebsite\nCall");
    expect(rendered.problems).toEqual([]);
  });
});
