// The send example of the API's documentation, made through the client against the mock
// server: the client takes the same fields (the file name beside an image header included)
// and puts the documentation's body on the wire: the same JSON, every field and value.
import { readFileSync } from "node:fs";
import { fixtures } from "@kapsokit/testing";
import { type MockServer, startMockServer } from "@kapsokit/testing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kapso } from "../../src/index.js";

const seedCurl = readFileSync(
  new URL("../../../testing/test/server/seed-send-template.curl.sh", import.meta.url),
  "utf8",
);
const docsBody = JSON.parse(/--data '([^']*)'/.exec(seedCurl)![1]!);
const docsTemplateId = fixtures.appointmentConfirmation.id;

describe("the documentation's send example through the client", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());

  it("sends the documentation's body and gets WhatsApp's message id back", async () => {
    const wire: string[] = [];
    const kapso = new Kapso({
      apiKey: "<api-key>",
      baseUrl: server.url,
      logLevel: "off",
      validateAgainstTemplate: true,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method === "POST") {
          wire.push(await request.clone().text());
        }
        return fetch(request);
      },
    });
    const result = await kapso.templates.send(docsTemplateId, {
      to: "+123456789012",
      parameters: ["John Smith", "Tomorrow at 2 PM"],
      header: { type: "image", url: "https://example.com/header-image.jpg", filename: "invoice.pdf" },
      whatsappConfigId: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
      customerId: "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    });
    expect(wire.map((text) => JSON.parse(text))).toEqual([docsBody]);
    expect(result.template_id).toBe(docsTemplateId);
    expect(result.response.messages[0].id).toBe(server.mock.sent.at(-1)?.messageId);
  });
});
