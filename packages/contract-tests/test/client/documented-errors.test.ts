// Every documented error status of every operation, asked of Prism with `Prefer: code=`,
// becomes the right error class with the spec's body; a 5xx to a send is an unknown outcome.
import {
  type APIError,
  AuthenticationError,
  InternalServerError,
  type Kapso,
  NotFoundError,
  RateLimitError,
  SendOutcomeUnknownError,
  UnprocessableEntityError,
} from "@kapsokit/client";
import { describe, expect, it } from "vitest";
import { TEMPLATE_ID } from "../support/clients.js";
import { operations, responseExample } from "../support/spec.js";
import { prismKapso } from "./kapso.js";

const classes: Record<string, new (...args: never[]) => APIError> = {
  "401": AuthenticationError,
  "404": NotFoundError,
  "422": UnprocessableEntityError,
  "429": RateLimitError,
  "500": InternalServerError,
};

function call(kapso: Kapso, operationId: string, status: string) {
  const options = { headers: { Prefer: `code=${status}` }, maxRetries: 0 };
  switch (operationId) {
    case "listWhatsappTemplates":
      return kapso.templates.list({}, options);
    case "getWhatsappTemplate":
      return kapso.templates.get(TEMPLATE_ID, options);
    case "sendWhatsappTemplate":
      return kapso.templates.send(TEMPLATE_ID, { to: "+123456789012", parameters: ["John"] }, options);
    default:
      throw new Error(`no call for ${operationId}`);
  }
}

const cases = operations().flatMap((op) =>
  op.statuses.filter((s) => s !== "200").map((status) => ({ ...op, status })),
);

describe("documented errors through Kapso", () => {
  it("has an error class for every documented status", () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
    for (const { status } of cases) {
      expect(classes[status], status).toBeDefined();
    }
  });

  for (const { operationId, status } of cases) {
    const send = operationId === "sendWhatsappTemplate" && status === "500";
    it(`${operationId} ${status} is ${send ? "SendOutcomeUnknownError" : classes[status]?.name}`, async () => {
      const error = await Promise.resolve(call(prismKapso(), operationId, status)).catch((e: unknown) => e);
      const apiError = (send ? (error as SendOutcomeUnknownError).cause : error) as APIError;
      if (send) {
        expect(error).toBeInstanceOf(SendOutcomeUnknownError);
      }
      expect(apiError).toBeInstanceOf(classes[status]!);
      expect(apiError.status).toBe(Number(status));
      expect(apiError.body).toEqual(responseExample(operationId, status));
      if (status === "429") {
        expect((apiError as RateLimitError).retryAfter).toBeTypeOf("number");
      }
    });
  }
});
