import { describe, expect, it } from "vitest";
import { readLayout, toRecipient } from "../../src/csv/recipients.js";
import { UsageError } from "../../src/errors.js";

const header = (...names: string[]) => readLayout({ fields: names, line: 1 });
const row = (line: number, ...fields: string[]) => ({ fields, line });

describe("CSV layout", () => {
  it("maps numbered columns to positional parameters in placeholder order", () => {
    const layout = header("2", "phone", "1");
    expect(toRecipient(row(2, "b", "+14155550123", "a"), layout, undefined)).toEqual({
      recipient: { to: "+14155550123", parameters: ["a", "b"] },
    });
  });

  it("maps named columns to named parameters", () => {
    const layout = header("phone", "customer_name", "order_number");
    expect(toRecipient(row(2, "+1", "Ana", "1042"), layout, undefined)).toEqual({
      recipient: { to: "+1", parameters: { customer_name: "Ana", order_number: "1042" } },
    });
  });

  it("gives a row its own header, or the default one", () => {
    const layout = header("phone", "header_document", "header_filename");
    const fallback = { type: "image" as const, url: "https://example.com/x.png" };
    expect(toRecipient(row(2, "+1", "https://e.com/a.pdf", "a.pdf"), layout, fallback)).toEqual({
      recipient: { to: "+1", header: { type: "document", url: "https://e.com/a.pdf", filename: "a.pdf" } },
    });
    expect(toRecipient(row(3, "+1", "", ""), layout, fallback)).toEqual({
      recipient: { to: "+1", header: fallback },
    });
  });

  it("reads button_<position> columns as URL button values; an empty cell gives none", () => {
    const layout = header("phone", "1", "button_0", "button_2");
    expect(toRecipient(row(2, "+1", "Ana", "ABC123", "help"), layout, undefined)).toEqual({
      recipient: { to: "+1", parameters: ["Ana"], buttons: { 0: "ABC123", 2: "help" } },
    });
    expect(toRecipient(row(3, "+1", "Bo", "", " "), layout, undefined)).toEqual({
      recipient: { to: "+1", parameters: ["Bo"] },
    });
  });

  it.each([
    [["phone", "button_10"], /"button_10": a template's buttons are at positions 0 to 9/],
    [["phone", "button_1", "button_01"], /URL button 1 twice/],
    [["name"], /no "phone" column/],
    [["phone", "phone"], /twice/],
    [["phone", ""], /empty column name/],
    [["phone", "1", "name"], /mixes positional/],
    [["phone", "1", "3"], /numbered 1 to 2/],
  ])("refuses the header %j", (names, message) => {
    expect(() => header(...names)).toThrow(UsageError);
    expect(() => header(...names)).toThrow(message);
  });

  it("refuses an empty file and a malformed header", () => {
    expect(() => readLayout(undefined)).toThrow(/empty/);
    expect(() =>
      readLayout({ fields: ["phone"], line: 1, error: "line 1: text after a closing quote" }),
    ).toThrow(/malformed/);
  });

  it.each([
    [row(5, "+1", "a"), "line 5: 2 fields, the header has 3"],
    [row(6, "+1", "a", "b", "c"), "line 6: 4 fields, the header has 3"],
    [
      { fields: ["+1", "a", "b"], line: 7, error: "line 7: text after a closing quote" },
      "line 7: text after a closing quote",
    ],
  ])("reports a bad row: %j", (record, error) => {
    expect(toRecipient(record, header("phone", "1", "2"), undefined)).toEqual({ error, phone: "+1" });
  });

  it("reports two headers in one row", () => {
    const layout = header("phone", "header_text", "header_image");
    expect(toRecipient(row(2, "+1", "Hi", "https://e.com/a.png"), layout, undefined)).toMatchObject({
      error: "line 2: give one header per row, not header_text and header_image",
    });
  });
});
