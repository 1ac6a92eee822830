// Bad input never reaches the wire: every problem is listed with its field path, and the
// fetch is never called.
import { afterEach, describe, expect, it } from "vitest";
import { type SendTemplateInput, ValidationError } from "../../src/index.js";
import { expectRequestsKeptToTheSpec, kapsoOnMock, notice } from "../support/mock-client.js";

afterEach(expectRequestsKeptToTheSpec);

async function issuesOf(input: unknown, templateId: string = notice.id) {
  const { mock, kapso } = kapsoOnMock({ logLevel: "off" });
  const error = await kapso.templates.send(templateId, input as SendTemplateInput).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect(mock.calls).toHaveLength(0);
  return (error as ValidationError).issues;
}

const to = "+14155550123";

describe("phone numbers", () => {
  it.each(["+1 415 555 0123", "+1-415-555-0123", "+1 (415) 555.0123", " +14155550123 ", "+1\t415 555 0123"])(
    "normalises %j to E.164, which the API accepts",
    async (phone) => {
      const { mock, kapso } = kapsoOnMock();
      await kapso.templates.send(notice.id, { to: phone });
      expect(mock.calls[0]?.body).toEqual({ template: { phone_number: "+14155550123" } });
      expect(mock.sent.map((s) => s.to)).toEqual(["+14155550123"]);
    },
  );

  it.each([
    ["no plus", "14155550123"],
    ["a zero country code", "+04155550123"],
    ["too short", "+123456"],
    ["too long", "+1234567890123456"],
    ["letters", "+1415555CALL"],
    ["empty", ""],
    ["two plus signs", "++14155550123"],
    ["an extension", "+14155550123 ext 5"],
  ])("refuses a number with %s", async (_, phone) => {
    expect(await issuesOf({ to: phone })).toEqual([{ path: "to", message: expect.stringMatching(/E\.164/) }]);
  });

  it("refuses a missing or non-string number", async () => {
    expect((await issuesOf({}))[0]?.path).toBe("to");
    expect((await issuesOf({ to: 14155550123 }))[0]?.path).toBe("to");
  });
});

describe("ids", () => {
  it("refuses a template id that is not a UUID", async () => {
    expect(await issuesOf({ to }, "appointment_reminder")).toEqual([
      { path: "templateId", message: "must be a UUID" },
    ]);
  });

  it("refuses a sending number or customer that is not a UUID", async () => {
    expect(await issuesOf({ to, whatsappConfigId: "123", customerId: "abc" })).toEqual([
      { path: "whatsappConfigId", message: "must be a UUID" },
      { path: "customerId", message: "must be a UUID" },
    ]);
  });
});

describe("parameters", () => {
  it("refuses empty, blank and non-string positional values, each at its index", async () => {
    expect(await issuesOf({ to, parameters: ["ok", "", "  ", 3, null] })).toEqual([
      { path: "parameters[1]", message: "must be a non-empty string" },
      { path: "parameters[2]", message: "must be a non-empty string" },
      { path: "parameters[3]", message: "must be a non-empty string" },
      { path: "parameters[4]", message: "must be a non-empty string" },
    ]);
  });

  it("refuses a hole in a positional array", async () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
    expect(await issuesOf({ to, parameters: ["a", , "c"] })).toEqual([
      { path: "parameters[1]", message: "must be a non-empty string" },
    ]);
  });

  it("refuses bad named values and names", async () => {
    expect(await issuesOf({ to, parameters: { customer_name: "", "Order Number": "1", ok: "x" } })).toEqual([
      { path: "parameters.customer_name", message: "must be a non-empty string" },
      { path: "parameters.Order Number", message: "must be named with a-z, 0-9 and _" },
    ]);
  });

  it("refuses parameters that are neither an array nor an object", async () => {
    expect(await issuesOf({ to, parameters: "John" })).toEqual([
      { path: "parameters", message: "must be an array or an object of strings" },
    ]);
  });
});

describe("headers", () => {
  it("refuses an unknown header type", async () => {
    expect((await issuesOf({ to, header: { type: "audio", url: "https://x.test/a.mp3" } }))[0]).toEqual({
      path: "header.type",
      message: "must be text, image, video or document",
    });
  });

  it("refuses a media header without an https URL", async () => {
    for (const url of ["http://example.com/a.jpg", "example.com/a.jpg", "", undefined]) {
      expect(await issuesOf({ to, header: { type: "image", url } })).toEqual([
        { path: "header.url", message: "must be an https URL" },
      ]);
    }
  });

  it("refuses a file name on a text header (media headers take one: see send.test.ts)", async () => {
    expect(await issuesOf({ to, header: { type: "text", text: "Hi", filename: "a.pdf" } as never })).toEqual([
      { path: "header.filename", message: "is not used by text headers" },
    ]);
  });

  it("refuses a text header without text, or with a URL", async () => {
    expect(await issuesOf({ to, header: { type: "text", text: " ", url: "https://x.test" } })).toEqual([
      { path: "header.url", message: "is not used by text headers" },
      { path: "header.text", message: "must be a non-empty string" },
    ]);
  });

  it("refuses an empty document file name", async () => {
    expect(
      await issuesOf({ to, header: { type: "document", url: "https://x.test/a.pdf", filename: "" } }),
    ).toEqual([{ path: "header.filename", message: "must be a non-empty string" }]);
  });
});

describe("URL buttons", () => {
  it("refuses a position that is not 0 to 9, and values that are not non-empty strings", async () => {
    expect(
      await issuesOf({
        to,
        buttons: { 0: "", 10: "x", 2: 3 as never, first: "x" } as Record<number, string>,
      }),
    ).toEqual([
      { path: "buttons[0]", message: "must be a non-empty string" },
      { path: "buttons[2]", message: "must be a non-empty string" },
      { path: "buttons[10]", message: "must be a button position from 0 to 9" },
      { path: "buttons[first]", message: "must be a button position from 0 to 9" },
    ]);
  });

  it("refuses buttons that are not an object", async () => {
    expect(await issuesOf({ to, buttons: "track123" as never })).toEqual([
      { path: "buttons", message: "must be an object of button positions to texts" },
    ]);
  });
});

describe("the whole input", () => {
  it("lists every problem at once", async () => {
    const issues = await issuesOf(
      { to: "555", parameters: [""], header: { type: "image", url: "http://x" }, customerId: "x" },
      "nope",
    );
    expect(issues.map((i) => i.path)).toEqual([
      "templateId",
      "customerId",
      "to",
      "parameters[0]",
      "header.url",
    ]);
  });

  it("refuses unknown fields, catching typos", async () => {
    expect(await issuesOf({ to, params: ["a"] })).toEqual([
      { path: "params", message: "is not a send field" },
    ]);
  });

  it("refuses something that is not an object", async () => {
    expect((await issuesOf("+14155550123"))[0]).toEqual({ path: "input", message: "must be an object" });
  });

  it("says what is wrong in the error message", async () => {
    const { kapso } = kapsoOnMock();
    const error = await kapso.templates.send(notice.id, { to: "555" }).catch((e: Error) => e);
    expect(error.message).toMatch(/^to must be a phone number/);
  });
});
