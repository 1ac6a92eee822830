// The template check's words for the two mistakes a first-time user makes most: a header for
// a template whose header is fixed text, and positional values for a named template.
import { createKapsoMock, fixtures } from "@kapsokit/testing";
import { describe, expect, it } from "vitest";
import { Kapso, ValidationError } from "../../src/index.js";

const mock = createKapsoMock();
const kapso = new Kapso({
  apiKey: "test_key_wording",
  baseUrl: mock.baseUrl,
  fetch: mock.fetch,
  logLevel: "off",
  validateAgainstTemplate: true,
});
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => [],
    (error: unknown) =>
      error instanceof ValidationError ? error.issues : [{ path: "?", message: String(error) }],
  );

describe("the template check says", () => {
  it("that a header which is fixed text is not given by a send, quoting it", async () => {
    const { orderUpdate } = fixtures;
    const header = orderUpdate.components.find((c) => c.type === "HEADER");
    expect(header).toMatchObject({ format: "TEXT", text: "Order update" });
    const issues = await refusal(
      kapso.templates.send(orderUpdate.id, {
        to: "+14155550123",
        parameters: { customer_name: "Ana", order_number: "1042" },
        header: { type: "text", text: "Order 1042" },
      }),
    );
    expect(issues).toEqual([
      {
        path: "header",
        message: `template order_update's header is fixed text ("Order update"): a send gives no header`,
      },
    ]);
  });

  it("how many positional values a named template got, and the names it wants", async () => {
    const issues = await refusal(
      kapso.templates.send(fixtures.orderUpdate.id, { to: "+14155550123", parameters: ["Ana", "1042"] }),
    );
    expect(issues).toEqual([
      {
        path: "parameters",
        message:
          "template order_update expects named parameters {{customer_name}}, {{order_number}}, got 2 positional values",
      },
    ]);
    expect(mock.sent).toHaveLength(0);
  });
});
